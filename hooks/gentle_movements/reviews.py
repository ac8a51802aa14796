"""Review dates: a page that is due for review soon is reported, an overdue one is refused.

Health information must be checked again by its review date; a build on or after that date
stops until the content is reviewed and its dates moved on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from .content import SiteContent

DUE_SOON = timedelta(days=60)


@dataclass(frozen=True, order=True)
class ReviewDue:
    next_due: date
    source: str

    def __str__(self) -> str:
        return f"{self.source}: review due {self.next_due.isoformat()}"


def review_dates(site: SiteContent, pages: Mapping[str, date]) -> list[ReviewDue]:
    """Every review date: each content file's, and each hand-written page's (by file)."""
    dates = [ReviewDue(e.review.next_due, site.exercise_sources[slug])
             for slug, e in site.exercises.items()]
    dates += [
        ReviewDue(site.stop_rules.review.next_due, "content/stop-rules.yml"),
        ReviewDue(site.safety_tips.review.next_due, "content/safety-tips.yml"),
        ReviewDue(site.red_flags.review.next_due, "content/red-flags.yml"),
        ReviewDue(site.faq.review.next_due, "content/faq.yml"),
        ReviewDue(site.pregnancy_signs.review.next_due, "content/pregnancy-warning-signs.yml"),
        ReviewDue(site.floor.review.next_due, "content/floor.yml"),
    ]
    dates += [ReviewDue(next_due, source) for source, next_due in pages.items()]
    return sorted(dates)


def overdue(dates: list[ReviewDue], today: date) -> list[ReviewDue]:
    return [due for due in dates if due.next_due <= today]


def due_soon(dates: list[ReviewDue], today: date) -> list[ReviewDue]:
    return [due for due in dates if today < due.next_due <= today + DUE_SOON]
