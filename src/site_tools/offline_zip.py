"""Keep a versioned copy of the offline zip that the build writes into the site.

Usage: python -m site_tools.offline_zip SITE_DIR OUT_DIR
Copies SITE_DIR/downloads/gentle-movements-offline.zip to
OUT_DIR/gentle-movements-offline-<version>.zip, where the version is the project's version
and the date of the newest content review.
"""

from __future__ import annotations

import shutil
import sys
import tomllib
from pathlib import Path

from gentle_movements.load.loader import load_content
from gentle_movements.outputs.offline_copy import DOWNLOAD

ROOT = Path(__file__).resolve().parents[2]


def version() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    site = load_content(ROOT / "content", ROOT)
    reviews = [exercise.review.last for exercise in site.exercises.values()]
    reviews += [site.safety_tips.review.last, site.faq.review.last, site.red_flags.review.last]
    return f"{project['version']}-{max(reviews):%Y%m%d}"


def main(site_dir: Path, out_dir: Path) -> None:
    source = site_dir / DOWNLOAD
    if not source.is_file():
        sys.exit(f"{source} is missing: build the site first (make build)")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"gentle-movements-offline-{version()}.zip"
    shutil.copyfile(source, target)
    print(f"{target}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
