"""The build's own gates: text that reaches the page head is escaped, published addresses are
kept, files the site would leave out are errors, and bad settings are named."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from gentle_movements.errors import ContentErrors, SettingError
from gentle_movements.load.loader import load_content
from gentle_movements.settings import build_date
from shared import ROOT, build_site, refused_build
from site_tools.project_copy import copy_project

REFRESH = '0; url=https://evil.example/" http-equiv="refresh'


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_head(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with quotes, ampersands and a would-be refresh in its titles and
    descriptions, generated and hand-written."""
    project = copy_project(tmp_path_factory.mktemp("head"))
    bridge = project / "content" / "exercises" / "bridge.yml"
    text = bridge.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", """title: 'Bridge "lift" & hold'""", text, count=1,
                  flags=re.MULTILINE)
    text = re.sub(r"^summary: .*$", f"summary: '{REFRESH}'", text, count=1, flags=re.MULTILINE)
    bridge.write_text(text, encoding="utf-8")
    about = project / "docs" / "about.md"
    text = about.read_text(encoding="utf-8")
    about.write_text(re.sub(r"^description: .*$", f"description: '{REFRESH}'", text, count=1,
                            flags=re.MULTILINE), encoding="utf-8")
    assert build_site(project / "mkdocs.yml", project / "site") == []
    return project / "site"


@pytest.mark.parametrize("page", ["exercises/bridge.html", "about.html"])
def test_text_in_the_head_is_escaped_whatever_the_template(hostile_head: Path,
                                                           page: str) -> None:
    soup = BeautifulSoup((hostile_head / page).read_bytes(), "lxml")
    assert [meta["content"] for meta in soup.find_all("meta", attrs={"name": "description"})] \
        == [REFRESH]
    assert soup.find("meta", property="og:description")["content"] == REFRESH
    assert [meta["http-equiv"] for meta in soup.find_all("meta", attrs={"http-equiv": True})] \
        == ["Content-Security-Policy"]


def test_a_title_with_quotes_stays_one_title(hostile_head: Path) -> None:
    soup = BeautifulSoup((hostile_head / "exercises" / "bridge.html").read_bytes(), "lxml")
    assert soup.title.get_text().startswith('Bridge "lift" & hold - ')
    assert soup.find("meta", property="og:title")["content"].startswith('Bridge "lift" & hold')
    assert soup.h1.get_text().startswith('Bridge "lift" & hold')
    nav = soup.find("a", href="bridge.html", class_="md-nav__link")
    assert nav is not None and 'Bridge "lift" & hold' in nav.get_text()
    labels = [link["aria-label"] for page in hostile_head.rglob("*.html")
              for link in BeautifulSoup(page.read_bytes(), "lxml").select("a.md-footer__link")]
    assert any(label.endswith(': Bridge "lift" & hold') for label in labels)


# Published addresses ---------------------------------------------------------------------


def test_a_renamed_question_needs_a_redirect(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    replace_in(project / "content" / "faq.yml", "id: can-i-keep-working",
               "id: can-i-keep-going-to-work")
    said = refused_build(project / "mkdocs.yml", project / "site")
    line = next(number for number, text in enumerate(
        (ROOT / "content" / "published-addresses.txt").read_text().splitlines(), 1)
        if text == "faq.html#can-i-keep-working")
    assert (f"content/published-addresses.txt:{line}: faq.html#can-i-keep-working was "
            "published and would stop working") in said

    (project / "content" / "redirects.yml").write_text(
        "exercises: {}\nquestions:\n  can-i-keep-working: can-i-keep-going-to-work\n",
        encoding="utf-8")
    build_site(project / "mkdocs.yml", project / "site")
    faq = BeautifulSoup((project / "site" / "faq.html").read_bytes(), "lxml")
    old, new = faq.find(id="can-i-keep-working"), faq.find(id="can-i-keep-going-to-work")
    assert old is not None and old.find_next("h2") is new


def test_a_renamed_exercise_without_a_redirect_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    exercises = project / "content" / "exercises"
    (exercises / "pigeon-pose.yml").rename(exercises / "pigeon.yml")
    for path in [*exercises.glob("*.yml"), project / "content" / "faq.yml",
                 project / "content" / "redirects.yml", *project.glob("docs/*.md")]:
        path.write_text(path.read_text(encoding="utf-8").replace("pigeon-pose", "pigeon"),
                        encoding="utf-8")
    said = refused_build(project / "mkdocs.yml", project / "site")
    assert re.search(r"published-addresses.txt:\d+: exercises/pigeon-pose\.html was published",
                     said), said


# Files that would not be published ---------------------------------------------------------


def test_files_the_site_would_leave_out_are_errors(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    content = project / "content"
    (content / "exercises" / "bridge.yml").rename(content / "exercises" / ".bridge.yml")
    (content / "exercises" / "outside.yml").symlink_to("/etc/hostname")
    (content / "notes.txt").write_text("to do\n", encoding="utf-8")
    (content / "exercises" / "folder.yml").mkdir()
    os.mkfifo(content / "exercises" / "pipe.yml")
    with pytest.raises(ContentErrors) as refused:
        load_content(content, project)
    report = [str(error) for error in refused.value.errors]
    for expected in [
        "content/exercises/.bridge.yml:1: a file whose name starts with a dot is never published",
        "content/exercises/outside.yml:1: is a link to a file outside the project",
        "content/notes.txt:1: no part of the site reads this file",
        "content/exercises/folder.yml:1: is not a plain file",
        "content/exercises/pipe.yml:1: is not a plain file",
    ]:
        assert any(line.startswith(expected) for line in report), (expected, report)


# Settings ----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2026-13-01", "tomorrow", "20261201", "2026-02-30"])
def test_a_bad_gm_today_names_the_variable(value: str) -> None:
    with pytest.raises(SettingError, match=rf"^GM_TODAY: '{value}' is not a real date"):
        build_date({"GM_TODAY": value})


@pytest.mark.parametrize(("variable", "value"), [
    ("GM_TODAY", "2026-13-01"),
    ("GM_SITE_URL", 'https://example.org/"><script>alert(1)</script>/'),
    ("GM_REPO_URL", 'https://example.org/"onmouseover="alert(1)'),
])
def test_a_bad_setting_stops_the_build_with_its_name(tmp_path: Path, monkeypatch,
                                                     variable: str, value: str) -> None:
    monkeypatch.setenv(variable, value)
    said = refused_build(ROOT / "mkdocs.yml", tmp_path / "site")
    assert said.startswith(f"{variable}: {value!r} is not"), said


def test_a_hand_written_page_cannot_be_reviewed_in_the_future(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    about = project / "docs" / "about.md"
    text = about.read_text(encoding="utf-8")
    about.write_text(re.sub(r"^last_reviewed: .*$", "last_reviewed: 2099-01-01", text,
                            count=1, flags=re.MULTILINE), encoding="utf-8")
    said = refused_build(project / "mkdocs.yml", project / "site")
    assert re.search(r"docs/about.md:\d+: last_reviewed: last \(2099-01-01\) is in the future",
                     said), said
