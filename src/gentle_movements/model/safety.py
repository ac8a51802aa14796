"""The safety content every exercise shares: the pain rule, the stop rules, the conditions
that need a check first, the safety tips, the red flags, pregnancy's warning signs and the
guide to getting down to the floor.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    Field,
    StringConstraints,
)

from gentle_movements.model.exercise import StopGroups
from gentle_movements.model.fields import (
    LongText,
    ShortText,
    Slug,
    StrictModel,
    Text,
)
from gentle_movements.model.figure import Illustration
from gentle_movements.model.review import Review, Source


class PainRule(StrictModel):
    """The one rule on how much pain is OK, judged against the reader's own usual pain."""

    intro: Text
    """How to judge: compare with your usual pain, not with a number."""
    carry_on: Text
    ease_off: Text
    stop: Text
    """When to stop; the page adds a link to the stop rules."""
    get_advice: Text
    """What to do if pain stays above its usual level."""


class StopRules(StrictModel):
    """The rules for every exercise, each written once: when to stop (every exercise page
    shows them all), how much pain is OK, and how often to exercise."""

    always: StopGroups
    """The stop rules every exercise shows."""
    pain_rule: PainRule
    how_often: Text
    """How often to do the exercises; each exercise's dose shows it."""
    sources: list[Source] = Field(min_length=1)
    review: Review


class Condition(StrictModel):
    """A health condition or situation that changes what a reader may safely do."""

    id: Slug
    """What an exercise's check_first entry names it by, and its anchor on the safety page."""
    name: ShortText
    """Its heading on the safety page: 'Hip replacement'."""
    if_you: ShortText
    """The words after 'Check first if you', in the strip at the top of an exercise page:
    'have had a hip replacement'."""
    means: Text
    """What it means for a reader doing these exercises."""
    sources: list[Source] = Field(min_length=1)


class Conditions(StrictModel):
    """The one list of conditions that check-first cautions name."""

    intro: Text
    conditions: list[Condition] = Field(min_length=1)
    review: Review


SharedRule = Literal["red-flags", "pain-rule", "stop-rules", "how-often"]
"""A rule written once and shown wherever it is needed: the warning signs
(`red-flags.yml`), or the pain rule, stop rules or how often (`stop-rules.yml`). In a page in
docs/, write it as a placeholder: `<!-- gm:pain-rule -->`."""


class SafetyTip(StrictModel):
    id: Slug
    """The tip's anchor on the safety page; keep it when rewording the title."""
    title: ShortText
    text: LongText
    shows: SharedRule | None = None
    """A shared rule shown after the text, from its one source, instead of a copy of it."""
    sources: list[Source] = Field(min_length=1)


class SafetyTips(StrictModel):
    intro: LongText
    tips: list[SafetyTip] = Field(min_length=4)
    review: Review


class PhoneNumber(StrictModel):
    """A number to call, for readers where it works."""

    number: Annotated[str, StringConstraints(pattern=r"^[0-9]{3,6}$")]
    """Digits only, as dialled: '999'."""
    where: ShortText
    """Where it works: 'UK', 'US and Canada', 'EU'."""


class RedFlagGroup(StrictModel):
    """One level of urgency: who to call and the signs that mean it."""

    action: ShortText
    """What to do, as a heading: for example 'Call your local emergency number'."""
    signs: list[Text] = Field(min_length=1)
    call: list[PhoneNumber] = []
    """The numbers for this level, each a large tap-to-call link after the signs, printed
    in full."""
    how: Text | None = None
    """What else to do, shown with the numbers: 'Do not drive yourself.'"""
    explanation: Text | None = None
    """Why these signs matter: folded on screen, after the numbers, and left off paper,
    which keeps the action, every sign, the numbers and `how`."""


class RedFlags(StrictModel):
    """The warning signs shown on the safety page and in a box on every exercise page."""

    emergency: RedFlagGroup
    urgent: RedFlagGroup
    soon: RedFlagGroup
    sources: list[Source] = Field(min_length=1)
    review: Review


class PregnancyWarningSigns(StrictModel):
    """Pregnancy's own warning signs, which are not the same as the back's: the pregnancy
    page shows them from this one file."""

    groups: list[RedFlagGroup] = Field(min_length=1)
    """Most urgent first: who to contact, and the signs that mean it."""
    sources: list[Source] = Field(min_length=1)
    review: Review


class FloorStage(StrictModel):
    """One part of getting down to the floor or back up: its steps and pictures."""

    id: Slug
    """The stage's anchor on the page; keep it when rewording the title."""
    title: ShortText
    steps: list[Text] = Field(min_length=2, max_length=12)
    illustrations: list[Illustration] = []


class FloorGuide(StrictModel):
    """How to get down to the floor and back up safely, linked from every floor exercise."""

    title: ShortText
    summary: Text
    intro: LongText
    before_you_start: list[Text] = Field(min_length=1)
    stages: list[FloorStage] = Field(min_length=2)
    if_you_cannot_get_up: LongText
    sources: list[Source] = Field(min_length=1)
    review: Review
