"""An exercise: what it is, its pictures, dose, steps, stop rules, checks first, and its
whole easier and harder versions.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from pydantic import Field, field_validator, model_validator

from gentle_movements.markup import plain_text
from gentle_movements.model.fields import (
    LeadText,
    ShortText,
    Slug,
    StrictModel,
    Text,
    refuse,
)
from gentle_movements.model.figure import Illustration
from gentle_movements.model.review import Review, Source

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


    def rows(self) -> list[DoseRow]:
        """The dose as the reader gets it, one row each, in the order every page shows it."""
        sides = {"each": " on each side", "both": "", "none": ""}[self.sides]
        rows = []
        if self.hold_seconds:
            rows.append(DoseRow("hold", "Hold", _amount(self.hold_seconds, "second")))
        rows.append(DoseRow("repeat", "Repeat", _amount(self.repetitions, "time") + sides))
        if self.sets > 1:
            rest = f", resting {self.rest_seconds} seconds between" if self.rest_seconds else ""
            rows.append(DoseRow("sets", "Sets", f"{self.sets}{rest}"))
        elif self.rest_seconds:
            rows.append(DoseRow("rest", "Rest", f"{self.rest_seconds} seconds between repetitions"))
        if self.how_often:
            rows.append(DoseRow("how_often", "How often", self.how_often))
        rows.append(DoseRow("one_repetition", "One repetition", self.one_repetition))
        return rows

    def summary(self) -> str:
        """The numbers, in plain words: "Hold: 20 to 30 seconds. Repeat: 3 times on each side."."""
        return " ".join(f"{row.label}: {plain_text(row.text)}." for row in self.rows()
                        if row.counted)


DoseKey = Literal["hold", "repeat", "sets", "rest", "how_often", "one_repetition"]

COUNTED: frozenset[DoseKey] = frozenset({"hold", "repeat", "sets", "rest"})
"""The rows a reader counts: a routine's printout keeps these, and leaves out the rest."""


@dataclass(frozen=True)
class DoseRow:
    """One row of a dose. `key` stays the same whatever the words, for scripts and data;
    `text` is Markdown (how often and one repetition come from the content)."""

    key: DoseKey
    label: str
    text: str

    @property
    def counted(self) -> bool:
        return self.key in COUNTED


def _amount(numbers: NumberRange, unit: str) -> str:
    """"5 seconds", "20 to 30 seconds", "1 time"."""
    plural = "" if numbers.max == 1 else "s"
    if numbers.min == numbers.max:
        return f"{numbers.min} {unit}{plural}"
    return f"{numbers.min} to {numbers.max} {unit}{plural}"


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


VersionKind = Literal["easier", "harder"]


class Version(StrictModel):
    """A whole version of the exercise, done in another place or position or with another
    movement: a reader can do it from its own page alone. The exercise's stop rules, checks
    first and warning signs are shown with it, as on the exercise's own page."""

    id: Slug
    """Part of its address, `exercises/<exercise>-<id>.html`: keep it once published."""
    name: ShortText
    kind: VersionKind
    place: Place
    position: Position
    summary: Text
    """One line on who it is for."""
    start: Text
    steps: list[Text] = Field(min_length=2, max_length=12)
    dose: Dose
    you_should_feel: Text
    cautions: list[Text] = []
    """What this version alone needs (a firm bed, a chair without wheels), beyond the
    exercise's checks first and stop rules."""


class Adjustment(StrictModel):
    """A smaller change that keeps the movement and the position: a shorter hold, a cushion,
    moving less far. Shown as a line on the page, not a page of its own."""

    name: ShortText
    kind: VersionKind
    how: Text


def place_of(position: str) -> str:
    """Where an exercise in `position` is done: floor, chair or standing."""
    return ("floor" if position in ON_THE_FLOOR else
            "chair" if position == "sitting-on-chair" else "standing")


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
    version_name: ShortText
    """This exercise's own steps, named beside its versions (for example "On the floor"). They
    are where a beginner starts: where a source says to start with an easier form, that form
    is the exercise and the full one a harder version."""
    cautions: list[Text] = []
    """What its own steps need beyond the checks first (a firm bed), as a version has."""
    versions: list[Version] = Field(min_length=1)
    adjustments: list[Adjustment] = []
    common_mistakes: list[Text] = Field(min_length=1)
    related: list[Slug] = []
    sources: list[Source] = Field(min_length=1)
    review: Review
    illustrations: list[Illustration] = Field(min_length=1)
    """Pictures of the start and end positions, drawn from joint angles: the exercise itself
    first, then its chair or bed versions."""

    @field_validator("versions")
    @classmethod
    def _a_version_on_a_chair_or_bed(cls, versions: list[Version]) -> list[Version]:
        if not any(version.place in ("chair", "bed") and version.kind == "easier"
                   for version in versions):
            raise ValueError(
                "needs at least one easier version done on a chair or a bed (place: chair or "
                "place: bed), for readers who cannot get down to the floor"
            )
        return versions

    @model_validator(mode="after")
    def _versions_are_whole(self) -> Exercise:
        """Each version has its own address and both of its pictures; the first picture is
        the exercise itself."""
        ids = [version.id for version in self.versions]
        problems = []
        for index, version in enumerate(self.versions):
            if version.id in ids[:index]:
                problems.append((("versions", index, "id"),
                                 f"{version.id!r} is already the id of another version"))
            if version.id in RESERVED_IDS:
                problems.append((("versions", index, "id"),
                                 f"{version.id!r} is a section of the page; choose another"))
        first, *others = self.illustrations
        if first.version is not None:
            problems.append((("illustrations", 0, "version"),
                             "the first picture shows the exercise itself; leave out version: "
                             "here, and add the version's picture after it"))
        for index, picture in enumerate(others, 1):
            if picture.version is not None and picture.version not in ids:
                guess = difflib.get_close_matches(picture.version, ids, n=1)
                hint = f"; did you mean {guess[0]!r}?" if guess else ""
                problems.append((("illustrations", index, "version"),
                                 f"there is no version with the id {picture.version!r} in "
                                 f"this exercise{hint}"))
        drawn = {picture.version for picture in others}
        for index, version in enumerate(self.versions):
            if version.id not in drawn:
                problems.append((("versions", index, "id"),
                                 "this version needs its pictures: add one to illustrations "
                                 f"with version: {version.id}"))
        refuse("Exercise", problems)
        return self

    @property
    def has_harder(self) -> bool:
        return any(item.kind == "harder" for item in [*self.versions, *self.adjustments])

    def version(self, version_id: str) -> Version:
        return next(version for version in self.versions if version.id == version_id)

    def shown(self, version_id: str | None) -> Exercise | Version:
        """What a page of it shows: the exercise itself (None), or one of its versions."""
        return self if version_id is None else self.version(version_id)

    def page_title(self, version_id: str | None) -> str:
        """"Knee-to-chest stretch", or "Knee-to-chest stretch: On a chair"."""
        if version_id is None:
            return self.title
        return f"{self.title}: {self.version(version_id).name}"

    def picture_of(self, version_id: str | None) -> Illustration:
        """The picture of the exercise itself (None) or of one of its versions."""
        return next(picture for picture in self.illustrations if picture.version == version_id)


RESERVED_IDS = frozenset({"main"})
"""Version ids that cannot be used: `main` names the exercise's own steps in a routine."""
