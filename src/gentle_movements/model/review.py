"""Sources, and the clinical review every page carries: who checked it, when, and when it
is due again.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import (
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from gentle_movements import settings
from gentle_movements.model.fields import (
    HttpsUrl,
    ShortText,
    StrictModel,
    Text,
)


class Source(StrictModel):
    title: ShortText
    url: HttpsUrl


def build_date(info: ValidationInfo) -> date:
    """The date the build checks reviews against (see `settings.build_date`): passed in by
    the loader, so one run uses one date."""
    if info.context and "today" in info.context:
        return info.context["today"]
    return settings.build_date()


MAX_REVIEW_INTERVAL_YEARS = 2


def review_date_problems(last: date, next_due: date, today: date) -> list[str]:
    """What is wrong with a pair of review dates (content files and hand-written pages)."""
    problems = []
    if last > today:
        problems.append(f"last ({last}) is in the future; write the date the review was done")
    if next_due <= last:
        problems.append("next_due must come after last")
    elif next_due > _years_after(last, MAX_REVIEW_INTERVAL_YEARS):
        problems.append(f"next_due ({next_due}) must be at most {MAX_REVIEW_INTERVAL_YEARS} "
                        f"years after last, by {_years_after(last, MAX_REVIEW_INTERVAL_YEARS)}")
    return problems


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class ClinicalReview(StrictModel):
    """A review by a registered clinician. Record one only when it has really happened."""

    reviewer: ShortText
    role: ShortText
    registration: ShortText
    on: Annotated[date, Field(strict=False)]

    @field_validator("on")
    @classmethod
    def _not_in_the_future(cls, on: date, info: ValidationInfo) -> date:
        today = build_date(info)
        if on > today:
            raise ValueError(f"{on} is in the future; record a clinical review only once it "
                             "has happened")
        return on


class Review(StrictModel):
    """What was checked, when, and when it must be checked again."""

    last: Annotated[date, Field(strict=False)]
    next_due: Annotated[date, Field(strict=False)]
    what: Text
    clinical: ClinicalReview | None = None
    """None until a clinician has reviewed it: the page then says so."""

    @model_validator(mode="after")
    def _dates_in_order(self, info: ValidationInfo) -> Review:
        problems = review_date_problems(self.last, self.next_due, build_date(info))
        if problems:
            raise ValueError("; ".join(problems))
        return self
