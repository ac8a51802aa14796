"""The offline copy: a versioned zip of the built site, the same bytes every time."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from conftest import BuiltSite
from offline_zip import DOWNLOAD, FOLDER_IN_ZIP, version, write_zip


def test_zip_is_reproducible_and_complete(built_site: BuiltSite, tmp_path: Path) -> None:
    first, second = tmp_path / "first.zip", tmp_path / "second.zip"
    count = write_zip(built_site.folder, first)
    write_zip(built_site.folder, second)
    assert first.read_bytes() == second.read_bytes()
    names = set(zipfile.ZipFile(first).namelist())
    assert len(names) == count
    for page in ("index.html", "search/search_index.js", "assets/javascripts/iframe-worker.js",
                 *(f"exercises/{slug}.html" for slug in built_site.content.exercises)):
        assert f"{FOLDER_IN_ZIP}/{page}" in names


def test_version_names_the_project_and_newest_review(built_site: BuiltSite) -> None:
    newest = max(e.review.last for e in built_site.content.exercises.values())
    project_version, _, review_date = version().partition("-")
    assert re.fullmatch(r"\d+\.\d+\.\d+", project_version)
    assert review_date >= f"{newest:%Y%m%d}"


def test_the_about_page_says_where_to_get_it(built_site: BuiltSite) -> None:
    link = built_site.soup("about.html").select_one(f"a[href='{DOWNLOAD}']")
    assert link is not None and "offline" in link.get_text().lower()
