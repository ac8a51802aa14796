"""Open data: all exercise content as one JSON file, with the JSON Schema it follows, and
schema.org JSON-LD for each exercise page and the FAQ, so other tools can reuse the content.
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from gentle_movements.markup import normalise, plain_text
from gentle_movements.model.exercise import STOP_GROUP_TITLES, Exercise, NumberRange, StopGroups
from gentle_movements.model.fields import Slug
from gentle_movements.model.safety import Condition, RedFlagGroup, RedFlags
from gentle_movements.model.site import Question, SiteContent
from gentle_movements.outputs.schema import with_condition_ids
from gentle_movements.templating import script_json
from gentle_movements.urls import exercise_address

SCHEMA_VERSION = "2.0"
"""2.0: stop rules grouped (stop now, make it smaller, the next day); each check-first
caution names its conditions, listed under `conditions`."""
DATA_FILE = "exercises.json"
SCHEMA_FILE = "exercises.schema.json"
LICENCE = {
    "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}


class PublishedExercise(Exercise):
    slug: Slug
    address: str
    """The exercise's permanent page address."""


class ExerciseData(BaseModel):
    """The file `exercises.json`: every exercise, and the safety rules shown with each."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)
    schema_version: Literal["2.0"]
    licence: dict[str, str]
    site: str
    stop_rules: StopGroups = Field(description="Shown on every exercise page.")
    red_flags: RedFlags
    conditions: list[Condition] = Field(
        description="What each condition a check-first caution names means.")
    exercises: list[PublishedExercise]


def exercise_data(site: SiteContent, site_url: str) -> str:
    """`exercises.json`, the same bytes for the same content."""
    data = ExerciseData(
        schema_version=SCHEMA_VERSION,
        licence=LICENCE,
        site=site_url,
        stop_rules=site.stop_rules.always,
        red_flags=site.red_flags,
        conditions=site.conditions.conditions,
        exercises=[PublishedExercise(**exercise.model_dump(), slug=slug,
                                     address=exercise_address(site_url, slug))
                   for slug, exercise in site.exercises.items()],
    )
    # Compact: json writes indented text in Python, several times slower than compact.
    return json.dumps({"$schema": SCHEMA_FILE, **data.model_dump(mode="json")},
                      ensure_ascii=False, separators=(",", ":")) + "\n"


def exercise_data_schema(site: SiteContent) -> str:
    schema = with_condition_ids(ExerciseData.model_json_schema(mode="serialization"),
                                [condition.id for condition in site.conditions.conditions])
    schema["properties"]["$schema"] = {"type": "string"}
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


# schema.org JSON-LD -------------------------------------------------------------------------


def exercise_json_ld(slug: str, site: SiteContent, site_url: str) -> dict:
    """A MedicalWebPage about sciatica whose main entity is the exercise: its steps as a
    HowTo and its dose as an ExercisePlan."""
    exercise = site.exercises[slug]
    dose = exercise.dose
    address = exercise_address(site_url, slug)
    plan = {
        "@type": "ExercisePlan",
        "name": exercise.title,
        "exerciseType": exercise.kind,
        "repetitions": _range(dose.repetitions),
        "activityFrequency": _text(dose.how_often),
        # The numbers with their sides and sets, which schema.org has no fields for.
        "description": _text(f"{dose.summary()} One repetition: {dose.one_repetition}"),
    }
    if dose.hold_seconds:
        plan["activityDuration"] = f"PT{dose.hold_seconds.max}S"
    if dose.rest_seconds:
        plan["restPeriods"] = f"PT{dose.rest_seconds}S"
    return {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": exercise.title,
        "url": address,
        "description": _text(exercise.summary),
        "lastReviewed": exercise.review.last.isoformat(),
        "medicalAudience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "about": {"@type": "MedicalCondition", "name": "Sciatica"},
        "license": LICENCE["url"],
        "citation": [{"@type": "CreativeWork", "name": s.title, "url": s.url}
                     for s in exercise.sources],
        "mainEntity": {
            "@type": "HowTo",
            "name": exercise.title,
            "description": _text(exercise.start),
            "step": [{"@type": "HowToStep", "position": number, "text": _text(step)}
                     for number, step in enumerate(exercise.steps, 1)],
        },
        "hasPart": plan,
    }


def faq_json_ld(site: SiteContent) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": question.question,
                "acceptedAnswer": {"@type": "Answer", "text": _answer(question, site)},
            }
            for question in site.faq.questions
        ],
    }


def _answer(question: Question, site: SiteContent) -> str:
    """The answer's words, with those of the shared rule it shows, as the page has them."""
    if question.shows is None:
        return _text(question.answer)
    rules = site.stop_rules
    pain = rules.pain_rule
    shown = {
        "red-flags": [text for group in (site.red_flags.emergency, site.red_flags.urgent,
                                         site.red_flags.soon)
                      for text in _red_flag_words(group)],
        "pain-rule": [pain.intro, f"Carry on: {pain.carry_on}", f"Ease off: {pain.ease_off}",
                      f"Stop: {pain.stop}", pain.get_advice],
        "stop-rules": [f"{STOP_GROUP_TITLES[name]} {' '.join(group)}"
                       for name, group in rules.always.in_order()],
        "how-often": [rules.how_often],
    }[question.shows]
    return _text(" ".join([question.answer, *shown]))


def _red_flag_words(group: RedFlagGroup) -> list[str]:
    """A level of warning signs in the order the page shows it."""
    calls = [f"Call {phone.number} ({phone.where})" for phone in group.call]
    return [group.action, *group.signs, *calls,
            *(text for text in (group.how, group.explanation) if text)]


def script_tag(data: dict) -> str:
    """JSON-LD in a data block, escaped so that no text can close the tag."""
    return f'<script type="application/ld+json">{script_json(data, sort_keys=True)}</script>'


def with_json_ld(html: str, data: dict) -> str:
    return html.replace("</head>", f"{script_tag(data)}\n</head>", 1)


def _range(numbers: NumberRange) -> dict:
    return {"@type": "QuantitativeValue", "minValue": numbers.min, "maxValue": numbers.max}


def _text(markdown: str) -> str:
    return normalise(plain_text(markdown))
