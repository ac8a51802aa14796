"""Review dates: due soon is reported, overdue stops the build."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from conftest import ROOT, build_site
from gentle_movements.content import SiteContent
from gentle_movements.reviews import due_soon, overdue, review_dates


def test_every_page_has_a_review_date(content: SiteContent) -> None:
    pages = {"docs/x.md": date(2030, 1, 1)}
    dates = review_dates(content, pages)
    # Each exercise, the six other content files with a review, and the page.
    assert len(dates) == len(content.exercises) + 6 + 1


def test_due_within_sixty_days_is_reported_and_overdue_is_refused(content: SiteContent) -> None:
    dates = review_dates(content, {"docs/x.md": date(2027, 3, 1)})
    soon = [str(due) for due in due_soon(dates, date(2027, 1, 15))]
    assert soon == ["docs/x.md: review due 2027-03-01"]
    assert due_soon(dates, date(2026, 12, 1)) == []
    assert overdue(dates, date(2027, 2, 28)) == []
    assert [d.source for d in overdue(dates, date(2027, 3, 1))] == ["docs/x.md"]


def test_a_build_on_a_review_date_fails(content: SiteContent, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    first_due = min(due.next_due for due in review_dates(content, {}))
    monkeypatch.setenv("GM_TODAY", first_due.isoformat())
    with pytest.raises((Abort, PluginError)):
        build_site(ROOT / "mkdocs.yml", tmp_path / "site")
