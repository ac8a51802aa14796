"""Publish the site atomically: build into a new folder, audit it, then switch to it.

Usage: python -m site_tools.publish [TARGET] [--project DIR]   (default: public, this project)

TARGET is a symbolic link to the published build in `.TARGET-releases/`. A new build goes
into a fresh `build-*` folder there; only when the strict build and every audit pass, and
no published address would stop working, is it renamed `release-*` (numbered by when it was
finished) and one atomic rename points TARGET at it. A failed build or audit leaves TARGET,
and the files it points to, exactly as they were. Point the web server at TARGET.

One run at a time: each holds a lock on the releases folder from start to end, so runs that
overlap take turns. A run that was killed leaves a `build-*` folder, which the next run
removes. Old releases are pruned by when they were finished, never the one TARGET points to.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import fcntl
import logging
import os
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

KEEP_RELEASES = 2  # the published build and the one before it, to switch back by hand
LOCK_FILE = ".lock"


class PublishError(Exception):
    """The new build or its audit failed; nothing published was touched."""


def publish(project: Path, target: Path) -> Path:
    """Build `project` and switch `target` to the new build; return the release folder."""
    if target.exists() and not target.is_symlink():
        raise PublishError(f"{target} is a folder, not a link made by this command; move it "
                           "away first")
    releases = target.parent / f".{target.name}-releases"
    try:
        releases.mkdir(parents=True, exist_ok=True)
        with _locked(releases):
            _remove_unfinished(releases, target)
            release = _build_and_check(project, releases)
            _switch(target, release)
            _remove_old_releases(releases, target)
    except OSError as error:  # a full disk, a folder that cannot be written
        raise PublishError(f"not published: {_explain(error)}") from None
    return release


@contextlib.contextmanager
def _locked(releases: Path) -> Iterator[None]:
    """Hold the releases folder for the whole run; the system frees it if the run dies."""
    with (releases / LOCK_FILE).open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _build_and_check(project: Path, releases: Path) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from gentle_movements.checks.addresses import LEDGER, lost_addresses
    from gentle_movements.checks.audit import audit_site
    from gentle_movements.errors import ContentErrors, SettingError
    from gentle_movements.load.loader import load_content

    building = releases / f"build-{time.time_ns()}-{os.getpid()}"
    errors = _ErrorLog()
    logging.getLogger("mkdocs").addHandler(errors)
    try:
        site = load_content(project / "content", project)
        lost = [str(p) for p in lost_addresses(site, project / "docs", project / LEDGER)]
        if lost:  # known before the build: refuse without building
            raise PublishError("\n".join(lost))
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(building)))
        findings = [str(finding) for finding in audit_site(building, site)]
        if findings:
            raise PublishError("\n".join(findings))
    except (MkDocsException, PublishError, ContentErrors, SettingError) as error:
        shutil.rmtree(building, ignore_errors=True)
        raise PublishError("\n".join(["not published:", *errors.messages, str(error)])) from None
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(errors)
    release = releases / f"release-{time.time_ns()}"  # numbered by when it was finished
    building.rename(release)
    return release


def _switch(target: Path, release: Path) -> None:
    switch = target.with_name(f".{target.name}.switching")
    switch.unlink(missing_ok=True)
    switch.symlink_to(release.relative_to(target.parent))
    os.replace(switch, target)  # one rename: readers see the old site or the new, never half


def _remove_unfinished(releases: Path, target: Path) -> None:
    """What a killed run left: its half-built folder and its half-made link."""
    for unfinished in releases.glob("build-*"):
        shutil.rmtree(unfinished, ignore_errors=True)
    target.with_name(f".{target.name}.switching").unlink(missing_ok=True)


def _remove_old_releases(releases: Path, target: Path) -> None:
    live = target.resolve()
    finished = sorted(releases.glob("release-*"),
                      key=lambda path: int(path.name.removeprefix("release-")))
    old = [path for path in finished if path.resolve() != live][:-(KEEP_RELEASES - 1) or None]
    for path in old:
        shutil.rmtree(path, ignore_errors=True)


def _explain(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "the disk is full; free some space and publish again (the site was not changed)"
    where = f" ({error.filename})" if error.filename else ""
    return f"{error.strerror or error}{where}; the site was not changed"


class _ErrorLog(logging.Handler):
    """The build's error messages, to say why a publication was refused."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", nargs="?", default="public")
    parser.add_argument("--project", type=Path, default=ROOT, help="the project to build")
    options = parser.parse_args(argv)
    target = Path(options.target).absolute()
    try:
        release = publish(options.project.absolute(), target)
    except PublishError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"published {release} at {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
