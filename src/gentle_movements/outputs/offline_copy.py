"""The offline copy: the built site as a zip, written by every build, the same bytes for the
same site.

It lands at DOWNLOAD, the address the About page links to, so the link works in every build
(`make serve`, `make build`, the hosted site). The zip holds the site and, at that same
address inside it, a zip of the site without it: so the About page's link also works in an
unzipped copy, which a reader can pass on as it is. A short note at the top of the zip says
which file to open.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

DOWNLOAD = "downloads/gentle-movements-offline.zip"
FOLDER_IN_ZIP = "gentle-movements"
NOTE_NAME = "README.txt"
NOTE = (
    "Gentle Movements: the offline copy\r\n"
    "\r\n"
    "1. Unzip this file (on most computers: right-click it and choose Extract All).\r\n"
    f"2. Open {FOLDER_IN_ZIP}/index.html in your web browser.\r\n"
    "\r\n"
    "It works with no internet connection. It is general information, not a diagnosis or\r\n"
    "a replacement for a health professional. In an emergency call your local emergency\r\n"
    "number (999 in the UK, 911 in the US, 112 in the EU).\r\n"
)
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
"""Zip's earliest date on every entry: no build time leaks into the bytes."""


def write_offline_copy(site_dir: Path) -> Path:
    """Write the zip into the site at DOWNLOAD; return its path."""
    pages = _site_files(site_dir)
    inner = _zip_bytes(pages)
    outer = _zip_bytes({**pages, DOWNLOAD: inner})
    target = site_dir / DOWNLOAD
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(outer)
    return target


def _site_files(site_dir: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site_dir).as_posix(): path.read_bytes()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file() and path.relative_to(site_dir).as_posix() != DOWNLOAD
    }


def _zip_bytes(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        _add(archive, NOTE_NAME, NOTE.encode("utf-8"))
        for name, data in files.items():
            _add(archive, f"{FOLDER_IN_ZIP}/{name}", data)
    return out.getvalue()


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, FIXED_TIME)
    # The copy inside is a zip already: deflating it again gains nothing and costs time.
    info.compress_type = zipfile.ZIP_STORED if name.endswith(".zip") else zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)
