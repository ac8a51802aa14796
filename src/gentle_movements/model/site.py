"""The FAQ, the redirects of old addresses, and `SiteContent`: everything the site is built
from, once loaded and cross-checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from pydantic import Field, StringConstraints

from gentle_movements.model.exercise import Exercise
from gentle_movements.model.fields import (
    LongText,
    ShortText,
    Slug,
    StrictModel,
)
from gentle_movements.model.review import Review, Source
from gentle_movements.model.safety import (
    Conditions,
    FloorGuide,
    PregnancyWarningSigns,
    RedFlags,
    SafetyTips,
    SharedRule,
    StopRules,
)


class Question(StrictModel):
    id: Slug
    """The question's anchor on the FAQ page; keep it when rewording the question."""
    question: ShortText
    answer: LongText
    shows: SharedRule | None = None
    """A shared rule shown after the answer, from its one source, instead of a copy of it."""
    related: list[Slug] = []
    """Exercises this answer mentions; each must exist."""
    sources: list[Source] = Field(min_length=1)


class Faq(StrictModel):
    intro: LongText
    questions: list[Question] = Field(min_length=3)
    review: Review


RoutineNumber = Annotated[str, StringConstraints(pattern=r"^(easier|harder)[1-9][0-9]?$")]


class Redirects(StrictModel):
    """Old addresses that keep working after a rename: every address the site has published
    must keep working (`content/published-addresses.txt`), so a page or an anchor can go
    only if it is forwarded here."""

    exercises: dict[Slug, Slug] = {}
    """Old file name (slug): new file name. The old address then forwards to the new one."""
    questions: dict[Slug, Slug] = {}
    """Old question id: new id. Links to faq.html#old then arrive at the renamed question."""
    tips: dict[Slug, Slug] = {}
    """Old safety tip id: new id. Links to safety.html#old then arrive at the renamed tip."""
    versions: dict[Slug, dict[RoutineNumber, Slug]] = {}
    """Per exercise, the version each number of a routine link of format 1 (`r=`, which
    named versions by their place in a list: `easier3`) now is, by its id. Numbers not
    listed open the exercise itself, with a note."""


@dataclass(frozen=True)
class SiteContent:
    """Everything the site is built from, checked and cross-referenced."""

    exercises: dict[str, Exercise]
    """By slug, in title order."""
    exercise_sources: dict[str, str]
    """The YAML file of each exercise, relative to the project root, for edit links."""
    stop_rules: StopRules
    safety_tips: SafetyTips
    red_flags: RedFlags
    faq: Faq
    redirects: Redirects
    pregnancy_signs: PregnancyWarningSigns
    """Pregnancy's own warning signs, shown on the pregnancy page."""
    floor: FloorGuide
    """Getting down to the floor and back up, linked from every floor exercise."""
    conditions: Conditions
    """The conditions check-first cautions name, with what each means for a reader."""
    review_lines: dict[str, int] = field(default_factory=dict)
    """The line of each content file's `next_due`, for messages about reviews."""
