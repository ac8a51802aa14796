"""Write the offline copy: the built site as a versioned zip, the same bytes for the same site.

Usage: python scripts/offline_zip.py SITE_DIR OUT_DIR
Writes OUT_DIR/gentle-movements-offline-<version>.zip, where the version is the project's
version and the date of the newest content review, and copies it into
SITE_DIR/downloads/gentle-movements-offline.zip, the address the About page links to.
"""

from __future__ import annotations

import shutil
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from gentle_movements.content import load_content  # noqa: E402

DOWNLOAD = "downloads/gentle-movements-offline.zip"
FOLDER_IN_ZIP = "gentle-movements"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip's earliest date: no build time leaks into the bytes


def version() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    site = load_content(ROOT / "content", ROOT)
    reviews = [exercise.review.last for exercise in site.exercises.values()]
    reviews += [site.safety_tips.review.last, site.faq.review.last, site.red_flags.review.last]
    return f"{project['version']}-{max(reviews):%Y%m%d}"


def write_zip(site_dir: Path, target: Path) -> int:
    files = sorted(p for p in site_dir.rglob("*") if p.is_file()
                   and not p.relative_to(site_dir).as_posix().startswith("downloads/"))
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{FOLDER_IN_ZIP}/{path.relative_to(site_dir).as_posix()}",
                                   FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return len(files)


def main(site_dir: Path, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"gentle-movements-offline-{version()}.zip"
    count = write_zip(site_dir, target)
    download = site_dir / DOWNLOAD
    download.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(target, download)
    print(f"{target}: {count} files, {target.stat().st_size} bytes; copied to {download}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
