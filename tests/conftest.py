"""Shared fixtures: the real content, and the real site built once per test session."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

from gentle_movements.load.loader import load_content
from gentle_movements.model.site import SiteContent
from site_tools.project_copy import copy_project
from site_tools.screenshots import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def newest_review_day() -> date:
    """The day of the newest review anywhere in the content or the hand-written pages."""
    site = load_content(ROOT / "content", ROOT)
    days = [exercise.review.last for exercise in site.exercises.values()]
    days += [site.safety_tips.review.last, site.faq.review.last, site.red_flags.review.last,
             site.stop_rules.review.last]
    for page in (ROOT / "docs").glob("*.md"):
        found = re.search(r"^last_reviewed: (\d{4}-\d{2}-\d{2})\s*$",
                          page.read_text(encoding="utf-8"), re.MULTILINE)
        if found:
            days.append(date.fromisoformat(found.group(1)))
    return max(days)


TEST_TODAY = newest_review_day()
"""Every build in the tests, in process or not, runs as on this day, not today: so the suite
does not start failing on the day the content's reviews fall due, and runs the same on any
day. (tests/test_reviews.py checks the real date's path on its own.)"""
os.environ["GM_TODAY"] = TEST_TODAY.isoformat()


def site_pages(folder: Path) -> list[str]:
    """Every page of a built site, as site paths; assets/ holds no reader-facing pages."""
    return sorted(
        path.relative_to(folder).as_posix() for path in folder.rglob("*.html")
        if not path.relative_to(folder).as_posix().startswith("assets/")
    )


@dataclass(frozen=True)
class BuiltSite:
    folder: Path
    content: SiteContent
    warnings: list[str]

    def soup(self, page: str) -> BeautifulSoup:
        return BeautifulSoup((self.folder / page).read_bytes(), "lxml")


class _Collect(logging.Handler):
    def __init__(self, level: int = logging.WARNING) -> None:
        super().__init__(level)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(config_file: Path, site_dir: Path) -> list[str]:
    """Build strictly, in process; return the warnings logged (a strict build fails on any)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir))
        build(config)
    finally:
        logger.removeHandler(handler)
    return handler.messages


def refused_build(config_file: Path, site_dir: Path) -> str:
    """Build, expecting the build to stop; return what it said (MkDocs logs a plugin's
    error, then aborts)."""
    from mkdocs.exceptions import MkDocsException

    errors = _Collect(logging.ERROR)
    logging.getLogger("mkdocs").addHandler(errors)
    try:
        with pytest.raises((MkDocsException, SystemExit)):
            build_site(config_file, site_dir)
    finally:
        logging.getLogger("mkdocs").removeHandler(errors)
    return "\n".join(errors.messages)


@pytest.fixture(scope="session")
def content() -> SiteContent:
    return load_content(ROOT / "content", ROOT)


TEST_REPO_URL = "https://example.org/gentle-movements"
"""A repository address for the test build, so that edit links are made and can be checked."""
TEST_SITE_URL = "https://example.org/gentle-movements/"
"""The test build's hosted address: a sub-path, as a GitHub project page has."""


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, content: SiteContent) -> BuiltSite:
    folder = tmp_path_factory.mktemp("site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GM_REPO_URL", TEST_REPO_URL)
        patch.setenv("GM_EDIT_URI", "edit/main/docs/")
        patch.setenv("GM_SITE_URL", TEST_SITE_URL)
        warnings = build_site(ROOT / "mkdocs.yml", folder)
    return BuiltSite(folder, content, warnings)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize `slug` by content file, so a failure names the exercise."""
    if "slug" in metafunc.fixturenames:
        slugs = sorted(path.stem for path in (ROOT / "content" / "exercises").glob("*.yml"))
        metafunc.parametrize("slug", slugs)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright; never a browser Playwright downloads."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("GM_REQUIRE_BROWSER"):
            pytest.fail(f"Chromium is required here (GM_REQUIRE_BROWSER) but {CHROMIUM} is missing")
        pytest.skip(f"no system Chromium at {CHROMIUM}: install Debian's chromium to run these")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def renamed_site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built at a domain root, with bridge.yml renamed to glute-bridge.yml and
    the redirect an editor would declare for it."""
    project = copy_project(tmp_path_factory.mktemp("renamed"))
    exercises = project / "content" / "exercises"
    (exercises / "bridge.yml").rename(exercises / "glute-bridge.yml")
    for path in [*exercises.glob("*.yml"), project / "content" / "faq.yml",
                 *project.glob("docs/*.md")]:
        text = path.read_text(encoding="utf-8")
        for old, new in [("[bridge", "[glute-bridge"), (", bridge", ", glute-bridge"),
                         ("exercises/bridge.md", "exercises/glute-bridge.md")]:
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    (project / "content" / "redirects.yml").write_text(
        "exercises:\n  bridge: glute-bridge\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GM_SITE_URL", "https://example.org/")
        warnings = build_site(project / "mkdocs.yml", project / "site")
    assert warnings == []
    return project / "site"


def tab_to(page, selector: str, *, backwards: bool = False, limit: int = 300) -> None:
    """Press Tab (or Shift+Tab) until the focus is on `selector`, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


SUB_PATH = "/gentle-movements/"
"""Where tests serve the built site over loopback, as a GitHub project page is served."""


@pytest.fixture(scope="session")
def hosted(built_site: BuiltSite) -> Iterator[str]:
    """The built site on loopback under SUB_PATH; its base address."""
    from site_tools.site_server import serve

    server, base = serve(built_site.folder, SUB_PATH)
    yield base
    server.shutdown()


@pytest.fixture(scope="session")
def renamed_site(renamed_site_dir: Path) -> Iterator[str]:
    """The renamed-exercise site on loopback at a domain root; its base address."""
    from site_tools.site_server import serve

    server, base = serve(renamed_site_dir, "/")
    yield base
    server.shutdown()
