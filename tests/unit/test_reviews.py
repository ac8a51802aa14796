"""Review dates: due soon is reported, overdue stops the build, on the real date too."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from gentle_movements.checks.reviews import due_soon, overdue, review_dates
from gentle_movements.model.site import SiteContent
from shared import ROOT, TEST_TODAY, build_site
from site_tools.project_copy import copy_project


def test_every_page_has_a_review_date(content: SiteContent) -> None:
    pages = {"docs/x.md": TEST_TODAY + timedelta(days=365)}
    dates = review_dates(content, pages)
    # Each exercise, the six other content files with a review, and the page.
    assert len(dates) == len(content.exercises) + 6 + 1


def test_due_within_sixty_days_is_reported_and_overdue_is_refused(content: SiteContent) -> None:
    due = TEST_TODAY + timedelta(days=90)
    dates = review_dates(content, {"docs/x.md": due})
    soon = [str(item) for item in due_soon(dates, due - timedelta(days=45))
            if item.source == "docs/x.md"]
    assert soon == [f"docs/x.md: review due {due.isoformat()}"]
    assert not [item for item in due_soon(dates, due - timedelta(days=61))
                if item.source == "docs/x.md"]
    assert "docs/x.md" not in [item.source for item in overdue(dates, due - timedelta(days=1))]
    assert "docs/x.md" in [item.source for item in overdue(dates, due)]


def test_a_build_on_a_review_date_fails(content: SiteContent, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    first_due = min(due.next_due for due in review_dates(content, {}))
    monkeypatch.setenv("GM_TODAY", first_due.isoformat())
    with pytest.raises((Abort, PluginError)):
        build_site(ROOT / "mkdocs.yml", tmp_path / "site")


def test_without_gm_today_the_build_checks_reviews_against_the_real_date(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    """The one test that runs on today's date: a page due today stops the build."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "how-to-use.md"
    text = page.read_text(encoding="utf-8")
    for key, day in (("last_reviewed", date.today() - timedelta(days=365)),
                     ("next_review_due", date.today())):
        start = text.index(f"{key}: ")
        end = text.index("\n", start)
        text = f"{text[:start]}{key}: {day.isoformat()}{text[end:]}"
    page.write_text(text, encoding="utf-8")
    monkeypatch.delenv("GM_TODAY")
    with pytest.raises((Abort, PluginError)):
        build_site(project / "mkdocs.yml", project / "site")
    assert f"docs/how-to-use.md:4: review due {date.today().isoformat()}" in caplog.text
