"""Open data: exercises.json follows its published JSON Schema, and each page's schema.org
JSON-LD parses and says the same as the page."""

from __future__ import annotations

import json

import jsonschema
import pytest

from gentle_movements import blocks
from gentle_movements.markup import normalise
from gentle_movements.outputs.open_data import LICENCE, SCHEMA_VERSION
from shared import TEST_SITE_URL, BuiltSite


def json_ld(built_site: BuiltSite, page: str) -> dict:
    blocks_found = built_site.soup(page).find_all("script", type="application/ld+json")
    assert len(blocks_found) == 1, page
    return json.loads(blocks_found[0].string)


def test_exercise_data_follows_its_schema(built_site: BuiltSite) -> None:
    data = json.loads((built_site.folder / "exercises.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site.folder / data["$schema"]).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert data["schema_version"] == SCHEMA_VERSION and data["licence"] == LICENCE
    assert [e["slug"] for e in data["exercises"]] == list(built_site.content.exercises)
    for published in data["exercises"]:
        exercise = built_site.content.exercises[published["slug"]]
        assert published["title"] == exercise.title and published["steps"] == exercise.steps
        assert published["address"] == f"{TEST_SITE_URL}exercises/{published['slug']}.html"
    assert data["stop_rules"] == built_site.content.stop_rules.always.model_dump()
    conditions = {c["id"] for c in data["conditions"]}
    assert {c for e in data["exercises"] for item in e["check_first"]
            for c in item["conditions"]} <= conditions


def test_a_broken_record_fails_the_schema(built_site: BuiltSite) -> None:
    data = json.loads((built_site.folder / "exercises.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site.folder / data["$schema"]).read_text(encoding="utf-8"))
    del data["exercises"][0]["stop_if"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_the_schema_knows_the_conditions(built_site: BuiltSite) -> None:
    """A check-first caution names conditions from the one list, and the schema says which."""
    data = json.loads((built_site.folder / "exercises.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site.folder / data["$schema"]).read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    data["exercises"][0]["check_first"][0]["conditions"] = ["broken-leg"]
    with pytest.raises(jsonschema.ValidationError, match="broken-leg"):
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_exercise_json_ld_matches_the_page(built_site: BuiltSite, slug: str) -> None:
    exercise = built_site.content.exercises[slug]
    page = f"exercises/{slug}.html"
    data = json_ld(built_site, page)
    assert data["@context"] == "https://schema.org" and data["@type"] == "MedicalWebPage"
    assert data["url"] == f"{TEST_SITE_URL}{page}"
    assert data["lastReviewed"] == exercise.review.last.isoformat()
    assert data["name"] == exercise.title
    howto = data["mainEntity"]
    assert howto["@type"] == "HowTo"
    shown_steps = [normalise(li.get_text(" ")) for li in
                   built_site.soup(page).select(f".{blocks.STEPS} ol > li")]
    assert [step["text"] for step in howto["step"]] == shown_steps
    assert [step["position"] for step in howto["step"]] == list(range(1, len(shown_steps) + 1))
    plan = data["hasPart"]
    assert plan["@type"] == "ExercisePlan"
    assert plan["repetitions"]["maxValue"] == exercise.dose.repetitions.max
    if exercise.dose.hold_seconds:
        assert plan["activityDuration"] == f"PT{exercise.dose.hold_seconds.max}S"
    assert {c["url"] for c in data["citation"]} == {s.url for s in exercise.sources}


def test_faq_json_ld_matches_the_page(built_site: BuiltSite) -> None:
    data = json_ld(built_site, "faq.html")
    assert data["@type"] == "FAQPage"
    questions = [q["name"] for q in data["mainEntity"]]
    assert questions == [q.question for q in built_site.content.faq.questions]
    for entry in data["mainEntity"]:
        assert entry["@type"] == "Question" and entry["acceptedAnswer"]["text"]
    # An answer that shows a shared rule carries the rule's words, as the page does.
    answers = {q.id: entry["acceptedAnswer"]["text"]
               for q, entry in zip(built_site.content.faq.questions, data["mainEntity"],
                                   strict=True)}
    rules = built_site.content.stop_rules
    assert rules.always.stop_now[0] in answers["can-stretching-make-sciatica-worse"]
    assert normalise(rules.how_often) in answers["how-often-should-i-do-these-exercises"]
    assert built_site.content.red_flags.soon.signs[0] in answers["when-should-i-see-a-doctor"]


def test_the_licence_is_stated(built_site: BuiltSite) -> None:
    about = built_site.soup("about.html").get_text(" ")
    assert "CC BY 4.0" in about
