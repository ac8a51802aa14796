"""The content model: what an exercise, a safety tip, a red flag and a question may contain.

Editors write YAML in `content/`; these pydantic models own its shape. Every model forbids
unknown keys, and every text field is stripped, length-limited and checked as the reader will
get it (`markup.py`), so a typo or a pasted `<script>` is reported instead of published.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import (
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from . import settings
from .fields import (  # noqa: F401 (the content model's names, for its users)
    SLUG_MAX_LENGTH,
    SLUG_PATTERN,
    HttpsUrl,
    LeadText,
    LongText,
    PlainText,
    Sentences,
    ShortText,
    Slug,
    StrictModel,
    Text,
)
from .figure_model import Illustration

Kind = Literal["stretch", "mobility", "strengthening"]
Direction = Literal["bending-forward", "arching-back", "turning", "hip-rotation", "neutral"]
Position = Literal[
    "lying-on-back", "lying-on-front", "hands-and-knees", "kneeling", "sitting-on-floor",
    "sitting-on-chair", "standing",
]
ON_THE_FLOOR: frozenset[str] = frozenset({
    "lying-on-back", "lying-on-front", "hands-and-knees", "kneeling", "sitting-on-floor",
})
"""Starting positions that need the reader to get down to the floor (and back up)."""
Place = Literal["floor", "chair", "bed", "standing", "wall"]
Sides = Literal["each", "both", "none"]
"""each: do it on one side, then the other; both: both sides at once; none: no sides."""




class NumberRange(StrictModel):
    """A range such as 20 to 30 seconds; write one number when there is no range."""

    min: int = Field(ge=1, le=600)
    max: int = Field(ge=1, le=600)

    @model_validator(mode="before")
    @classmethod
    def _single_number(cls, value: object) -> object:
        if isinstance(value, int) and not isinstance(value, bool):
            return {"min": value, "max": value}
        if not isinstance(value, dict):
            raise ValueError("write a whole number, or a range as {min: 20, max: 30}")
        return value

    @model_validator(mode="after")
    def _ordered(self) -> NumberRange:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is larger than max ({self.max})")
        return self


class Dose(StrictModel):
    """How much to do: the numbers a reader follows and a timer could count."""

    hold_seconds: NumberRange | None = None
    """How long to hold each repetition; leave out for a slow continuous movement."""
    repetitions: NumberRange
    sets: int = Field(default=1, ge=1, le=10)
    """How many times to do the whole block of repetitions in one session."""
    sides: Sides
    rest_seconds: int | None = Field(default=None, ge=1, le=300)
    how_often: Text | None = None
    """Leave out: every exercise follows the one rule in `content/stop-rules.yml`, which the
    loader puts here. Write one only for an exercise that must be done differently."""
    one_repetition: Text
    """What counts as one repetition, in the reader's words."""


class CheckFirst(StrictModel):
    """A group of people who should check with a professional, and what to do."""

    conditions: list[Slug] = Field(min_length=1)
    """The conditions it is about, by their ids in `content/conditions.yml`: the safety
    strip at the top of the page names them, and the movement checks
    (`movement_rules.py`) look for them."""
    who: LeadText
    """Who should check first, in this exercise's words; shown in bold."""
    advice: Text


class StopGroups(StrictModel):
    """Stop rules, grouped by what the reader does: stop now, make the movement smaller, or
    judge by how they feel the next day."""

    stop_now: list[Text] = []
    """Signs to stop this exercise at once, such as pain spreading down the leg."""
    make_it_smaller: list[Text] = []
    """Signs to ease off: move less far, hold for less time, or try an easier version."""
    next_day: list[Text] = []
    """How to judge it the day after, and what to change next time."""

    @model_validator(mode="after")
    def _not_empty(self) -> StopGroups:
        if not (self.stop_now or self.make_it_smaller or self.next_day):
            raise ValueError("needs at least one rule, under stop_now, make_it_smaller or "
                             "next_day")
        return self

    def in_order(self) -> list[tuple[str, list[str]]]:
        """Each group that has rules, as (field name, rules), in the order shown."""
        return [(name, getattr(self, name)) for name in STOP_GROUP_TITLES if getattr(self, name)]

    def then(self, own: StopGroups) -> StopGroups:
        """These rules, each group followed by the same group of `own` (both checked
        already, so not checked again)."""
        return StopGroups.model_construct(**{name: [*getattr(self, name), *getattr(own, name)]
                                             for name in STOP_GROUP_TITLES})

    def count(self) -> int:
        return sum(len(rules) for _, rules in self.in_order())


STOP_GROUP_TITLES = {
    "stop_now": "Stop now if:",
    "make_it_smaller": "Make it smaller if:",
    "next_day": "The next day:",
}
"""Each group of stop rules and its title on the page, in the order they are shown."""


class Variation(StrictModel):
    """An easier or harder version of an exercise."""

    name: ShortText
    where: Place | None = None
    how: Text


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


class Exercise(StrictModel):
    """One exercise: the page a reader gets, in the order they read it."""

    title: ShortText
    also_known_as: list[ShortText] = []
    summary: Text
    """One line on what it is for."""
    kind: Kind
    directions: list[Direction] = Field(min_length=1)
    position: Position
    equipment: list[ShortText] = []
    dose: Dose
    start: Text
    steps: list[Text] = Field(min_length=2, max_length=12)
    you_should_feel: Text
    stop_if: StopGroups
    """Stop rules for this exercise; the rules in `stop-rules.yml` are added to every page,
    each group before this exercise's own."""
    check_first: list[CheckFirst] = Field(min_length=1)
    easier: list[Variation] = Field(min_length=1)
    harder: list[Variation] = []
    common_mistakes: list[Text] = Field(min_length=1)
    related: list[Slug] = []
    sources: list[Source] = Field(min_length=1)
    review: Review
    illustrations: list[Illustration] = Field(min_length=1)
    """Pictures of the start and end positions, drawn from joint angles: the exercise itself
    first, then its chair or bed versions."""

    @field_validator("easier")
    @classmethod
    def _easier_on_chair_or_bed(cls, easier: list[Variation]) -> list[Variation]:
        if not any(version.where in ("chair", "bed") for version in easier):
            raise ValueError(
                "needs at least one version done on a chair or a bed "
                "(where: chair or where: bed), for readers who cannot get down to the floor"
            )
        return easier


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
