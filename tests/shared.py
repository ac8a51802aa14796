"""What the tests in more than one folder share: the project's root, the day every build runs
as, the test build's addresses, building the site in process, and a few helpers that the
unit, built-site and browser tests of one feature all use."""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from gentle_movements.load.loader import load_content
from gentle_movements.model.exercise import Dose
from gentle_movements.model.site import SiteContent

ROOT = Path(__file__).resolve().parent.parent


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
day. (tests/unit/test_reviews.py checks the real date's path on its own.)"""
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


TEST_REPO_URL = "https://example.org/gentle-movements"
"""A repository address for the test build, so that edit links are made and can be checked."""
TEST_SITE_URL = "https://example.org/gentle-movements/"
"""The test build's hosted address: a sub-path, as a GitHub project page has."""


SVG_BUDGET = 6 * 1024
"""Bytes per picture (a still or an animation): an exercise page stays light on a phone."""


def svg_pictures(html: str) -> list[str]:
    """Each picture's whole <svg> in a page or fragment, in order: a close-up's picture inside
    a picture is part of it, not one of its own (so a regular expression would not do)."""
    pictures, depth, start = [], 0, 0
    for tag in re.finditer(r"<(/?)svg\b", html):
        if not tag.group(1):
            depth += 1
            start = tag.start() if depth == 1 else start
        else:
            depth -= 1
            if depth == 0:
                pictures.append(html[start:html.index(">", tag.end()) + 1])
    return pictures


def routine_data_in(markdown_or_html: str) -> dict:
    """The routine page's data block, read as routine.js reads it."""
    found = re.search(r'<script type="application/json" id="gm-routine-data">(.*?)</script>',
                      markdown_or_html, re.DOTALL)
    assert found, "no routine data block"
    return json.loads(found.group(1))


def dose(**fields) -> Dose:
    """A dose for the timer: three repetitions, no sides, unless told otherwise."""
    return Dose.model_validate({"repetitions": 3, "sides": "none", "how_often": "Daily.",
                                "one_repetition": "One hold.", **fields})
