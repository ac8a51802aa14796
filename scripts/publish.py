"""Publish the site atomically: build into a new folder, audit it, then switch to it.

Usage: python scripts/publish.py [TARGET]   (default: public)

TARGET is a symbolic link to the published build in `.TARGET-releases/`. A new build goes
into a fresh folder there; only when the strict build and every audit pass does one atomic
rename point TARGET at it. A failed build or audit leaves TARGET, and the files it points
to, exactly as they were. Point the web server at TARGET.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

KEEP_RELEASES = 2  # the published build and the one before it, to switch back by hand


class PublishError(Exception):
    """The new build or its audit failed; nothing published was touched."""


def publish(project: Path, target: Path) -> Path:
    """Build `project` and switch `target` to the new build; return the release folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from gentle_movements.audit import audit_site
    from gentle_movements.content import load_content

    if target.exists() and not target.is_symlink():
        raise PublishError(f"{target} is a folder, not a link made by this command; move it "
                           "away first")
    releases = target.parent / f".{target.name}-releases"
    releases.mkdir(parents=True, exist_ok=True)
    release = releases / f"build-{time.time_ns()}"
    errors = _ErrorLog()
    logging.getLogger("mkdocs").addHandler(errors)
    try:
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(release)))
        findings = audit_site(release, load_content(project / "content", project))
        if findings:
            raise PublishError("\n".join(str(finding) for finding in findings))
    except (MkDocsException, PublishError) as error:
        shutil.rmtree(release, ignore_errors=True)
        raise PublishError("\n".join(["not published:", *errors.messages, str(error)])) from None
    except BaseException:
        shutil.rmtree(release, ignore_errors=True)
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(errors)
    switch = target.with_name(f".{target.name}.switching")
    switch.unlink(missing_ok=True)
    switch.symlink_to(release.relative_to(target.parent))
    os.replace(switch, target)  # one rename: readers see the old site or the new, never half
    _remove_old_releases(releases)
    return release


class _ErrorLog(logging.Handler):
    """The build's error messages, to say why a publication was refused."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _remove_old_releases(releases: Path) -> None:
    builds = sorted(releases.glob("build-*"), key=lambda p: int(p.name.removeprefix("build-")))
    for old in builds[:-KEEP_RELEASES]:
        shutil.rmtree(old, ignore_errors=True)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "public").absolute()
    try:
        release = publish(ROOT, target)
    except PublishError as error:
        print(error, file=sys.stderr)
        sys.exit(1)
    print(f"published {release} at {target}")
