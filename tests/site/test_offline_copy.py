"""The offline copy: every build writes it where the About page links, the same bytes every
time, with a note on which file to open, and its link works inside an unzipped copy too."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from gentle_movements.outputs.offline_copy import (
    DOWNLOAD,
    FOLDER_IN_ZIP,
    NOTE_NAME,
    write_offline_copy,
)
from shared import BuiltSite
from site_tools.offline_zip import version


def test_every_build_writes_it_and_again_gives_the_same_bytes(built_site: BuiltSite) -> None:
    built = built_site.folder / DOWNLOAD
    first = built.read_bytes()
    write_offline_copy(built_site.folder)
    assert built.read_bytes() == first


def test_it_holds_the_whole_site_and_a_note_on_what_to_open(built_site: BuiltSite) -> None:
    archive = zipfile.ZipFile(built_site.folder / DOWNLOAD)
    names = archive.namelist()
    assert names[0] == NOTE_NAME
    assert f"{FOLDER_IN_ZIP}/index.html" in archive.read(NOTE_NAME).decode()
    site_files = {path.relative_to(built_site.folder).as_posix()
                  for path in built_site.folder.rglob("*") if path.is_file()}
    assert {name.removeprefix(f"{FOLDER_IN_ZIP}/") for name in names[1:]} == site_files
    for page in ("index.html", "search/search_index.js", "assets/javascripts/iframe-worker.js",
                 *(f"exercises/{slug}.html" for slug in built_site.content.exercises)):
        assert f"{FOLDER_IN_ZIP}/{page}" in names


def test_the_about_link_works_in_an_unzipped_copy(built_site: BuiltSite, tmp_path: Path) -> None:
    zipfile.ZipFile(built_site.folder / DOWNLOAD).extractall(tmp_path)
    copy = tmp_path / FOLDER_IN_ZIP
    inner = zipfile.ZipFile(io.BytesIO((copy / DOWNLOAD).read_bytes()))
    assert inner.namelist()[0] == NOTE_NAME
    assert f"{FOLDER_IN_ZIP}/about.html" in inner.namelist()
    assert (copy / "about.html").read_bytes() == (built_site.folder / "about.html").read_bytes()


def test_version_names_the_project_and_newest_review(built_site: BuiltSite) -> None:
    newest = max(e.review.last for e in built_site.content.exercises.values())
    project_version, _, review_date = version().partition("-")
    assert re.fullmatch(r"\d+\.\d+\.\d+", project_version)
    assert review_date >= f"{newest:%Y%m%d}"


def test_the_about_page_says_where_to_get_it(built_site: BuiltSite) -> None:
    link = built_site.soup("about.html").select_one(f"a[href='{DOWNLOAD}']")
    assert link is not None and "offline" in link.get_text().lower()
