"""Review dates: a page that is due for review soon is reported, an overdue one is refused.

Health information must be checked again by its review date; a build on or after that date
stops until the content is reviewed and its dates moved on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from gentle_movements.model.site import SiteContent

DUE_SOON = timedelta(days=60)


@dataclass(frozen=True, order=True)
class ReviewDue:
    next_due: date
    source: str
    line: int = 0
    """The line of the date in its file, when known."""

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: review due {self.next_due.isoformat()}"


def review_dates(site: SiteContent, pages: Mapping[str, date],
                 lines: Mapping[str, int] | None = None) -> list[ReviewDue]:
    """Every review date: each content file's, and each hand-written page's (by file, with
    the line of its date in `lines`)."""
    lines = {**site.review_lines, **(lines or {})}
    sources = {site.exercise_sources[slug]: e.review.next_due
               for slug, e in site.exercises.items()}
    sources |= {
        "content/stop-rules.yml": site.stop_rules.review.next_due,
        "content/safety-tips.yml": site.safety_tips.review.next_due,
        "content/red-flags.yml": site.red_flags.review.next_due,
        "content/faq.yml": site.faq.review.next_due,
        "content/pregnancy-warning-signs.yml": site.pregnancy_signs.review.next_due,
        "content/floor.yml": site.floor.review.next_due,
        **pages,
    }
    return sorted(ReviewDue(next_due, source, lines.get(source, 0))
                  for source, next_due in sources.items())


def overdue(dates: list[ReviewDue], today: date) -> list[ReviewDue]:
    return [due for due in dates if due.next_due <= today]


def due_soon(dates: list[ReviewDue], today: date) -> list[ReviewDue]:
    return [due for due in dates if today < due.next_due <= today + DUE_SOON]
