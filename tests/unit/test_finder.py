"""The starter finder: what it suggests for each set of answers, worked out from the content,
and the page and data its script shows them from."""

from __future__ import annotations

import difflib
import json
import os
import re
from typing import get_args

import pytest

from gentle_movements.checks.readability import grade, split_sentences
from gentle_movements.markup import plain_text
from gentle_movements.model.exercise import Direction
from gentle_movements.model.site import SiteContent
from gentle_movements.pages import finder
from gentle_movements.pages import registry as pages
from gentle_movements.pages.finder import Answers, LeftOut, Suggestion, starter
from shared import ROOT

GOLDEN = ROOT / "tests" / "golden" / "finder-starters.txt"


def answers(*, floor: bool = True, conditions: tuple[str, ...] = (),
            worse: tuple[str, ...] = ()) -> Answers:
    return Answers(floor, frozenset(conditions), frozenset(worse))


def data_in(markdown: str) -> dict:
    found = re.search(r'<script type="application/json" id="gm-finder-data"[^>]*>(.*?)</script>',
                      markdown, re.DOTALL)
    assert found, "no finder data block"
    return json.loads(found.group(1))


# What it suggests ---------------------------------------------------------------------------


def test_with_nothing_to_take_care_of_every_exercise_starts_as_it_is(
        content: SiteContent) -> None:
    found = starter(content, answers())
    assert found.suggested == tuple(Suggestion(slug, None, ()) for slug in content.exercises)
    assert found.left_out == ()
    assert found.conditions == ()


def test_off_the_floor_each_exercise_starts_on_a_chair_a_bed_or_standing(
        content: SiteContent) -> None:
    found = {s.slug: s.version for s in starter(content, answers(floor=False)).suggested}
    assert found == {
        "bridge": "on-the-bed", "cat-cow": "on-a-chair", "childs-pose": "on-a-chair",
        "knee-to-chest": "on-the-bed", "pelvic-tilts": "on-the-bed",
        "pigeon-pose": "figure-4-chair", "press-up-on-elbows": "on-the-bed",
        "seated-spinal-twist": "chair-twist", "standing-back-bend": None,
    }


def test_pregnant_off_the_floor_and_worse_bending_forward(content: SiteContent) -> None:
    """The issue's example: each version, each exercise left out and why, and each check."""
    found = starter(content, answers(floor=False, conditions=("pregnancy",),
                                     worse=("bending-forward",)))
    assert found.left_out == tuple(LeftOut(slug, ("bending-forward",)) for slug in (
        "cat-cow", "childs-pose", "knee-to-chest", "pelvic-tilts", "pigeon-pose"))
    versions = {s.slug: s.version for s in found.suggested}
    assert versions == {"bridge": "on-the-bed", "press-up-on-elbows": "on-the-bed",
                        "seated-spinal-twist": "chair-twist", "standing-back-bend": None}
    checks = {s.slug: [content.exercises[s.slug].check_first[i].conditions for i in s.checks]
              for s in found.suggested}
    assert checks == {"bridge": [["pregnancy"]], "press-up-on-elbows": [["pregnancy"]],
                      "seated-spinal-twist": [["pregnancy"], ["worse-bending-forward"]],
                      "standing-back-bend": [["pregnancy"]]}
    assert found.conditions == ("pregnancy", "worse-bending-forward")


def test_pregnancy_chooses_a_version_that_does_not_lie_flat_on_the_back(
        content: SiteContent) -> None:
    found = {s.slug: s.version for s in starter(content, answers(
        conditions=("pregnancy",))).suggested}
    # As their checks first say: "Try the chair version", "Do it standing against a wall".
    assert found["knee-to-chest"] == "on-a-chair"
    assert found["pelvic-tilts"] == "against-a-wall"
    assert found["pigeon-pose"] == "figure-4-chair"
    # The bridge has no version off its back: its check first says to ask a midwife.
    assert found["bridge"] is None


def test_a_new_hip_or_knee_chooses_the_chair_over_hands_and_knees(content: SiteContent) -> None:
    for condition in ("hip-replacement", "knee-replacement"):
        found = {s.slug: s.version
                 for s in starter(content, answers(conditions=(condition,))).suggested}
        assert found["cat-cow"] == found["childs-pose"] == "on-a-chair", condition


def test_arching_back_or_turning_leaves_out_those_exercises(content: SiteContent) -> None:
    arching = {o.slug for o in starter(content, answers(worse=("arching-back",))).left_out}
    assert arching == {"cat-cow", "pelvic-tilts", "press-up-on-elbows", "standing-back-bend"}
    turning = {o.slug for o in starter(content, answers(worse=("turning",))).left_out}
    assert turning == {"seated-spinal-twist"}


@pytest.mark.parametrize("given", finder.every_answer(), ids=lambda a: f"{a.number:03d}")
def test_every_answer_follows_the_rules(content: SiteContent, given: Answers) -> None:
    found = starter(content, given)
    readers = set(given.all_conditions)
    assert [s.slug for s in found.suggested] + [o.slug for o in found.left_out] != []
    assert sorted([*(s.slug for s in found.suggested), *(o.slug for o in found.left_out)]) \
        == sorted(content.exercises)
    for out in found.left_out:
        exercise = content.exercises[out.slug]
        assert out.directions == tuple(d for d in exercise.directions if d in given.worse)
    for suggestion in found.suggested:
        exercise = content.exercises[suggestion.slug]
        assert not set(exercise.directions) & given.worse
        if suggestion.version is not None:
            assert exercise.version(suggestion.version).kind == "easier"
        if not given.floor:
            assert finder.place(exercise, suggestion.version) != "floor"
        assert suggestion.checks == tuple(i for i, item in enumerate(exercise.check_first)
                                          if set(item.conditions) & readers)
    assert set(found.conditions) == readers


def test_answers_are_numbered_in_the_order_asked() -> None:
    every = finder.every_answer()
    assert [a.number for a in every] == list(range(2 ** len(finder.QUESTIONS)))
    assert answers().number == 2 ** (len(finder.QUESTIONS) - 1)  # floor: yes, the rest no
    assert answers(floor=False, worse=("turning",)).number == 1


def test_the_questions_name_real_conditions_and_directions(content: SiteContent) -> None:
    ids = {c.id for c in content.conditions.conditions}
    assert set(finder.CONDITION_QUESTIONS) <= ids
    assert set(finder.DIRECTION_CONDITIONS.values()) <= ids
    assert set(finder.DIRECTION_QUESTIONS) <= set(get_args(Direction))
    names = [q.name for q in (finder.WARNING_SIGNS, *finder.QUESTIONS)]
    assert len(names) == len(set(names))


def readable(content: SiteContent) -> str:
    """What the finder gives for every set of answers, one block each, for a reviewer."""
    lines = ["What Find where to start suggests for each set of answers (pages/finder.py).",
             "Made by tests/unit/test_finder.py; after a meant change, rewrite it with",
             "GM_UPDATE_GOLDEN=1 uv run pytest tests/unit/test_finder.py and read the diff.", ""]
    for given in finder.every_answer():
        said = [f"floor: {'yes' if given.floor else 'no'}",
                *sorted(given.conditions), *(f"worse {d}" for d in sorted(given.worse))]
        lines.append(f"{given.number:03d} " + ", ".join(said))
        found = starter(content, given)
        for s in found.suggested:
            exercise = content.exercises[s.slug]
            checks = "; ".join(
                "+".join(exercise.check_first[i].conditions) for i in s.checks)
            lines.append(f"    start {s.slug}{'~' + s.version if s.version else ''}"
                         + (f"  (check first: {checks})" if checks else ""))
        for o in found.left_out:
            lines.append(f"    leave out {o.slug}  ({', '.join(o.directions)})")
    return "\n".join(lines) + "\n"


def test_what_it_suggests_is_as_committed(content: SiteContent) -> None:
    made = readable(content)
    if os.environ.get("GM_UPDATE_GOLDEN"):
        GOLDEN.write_text(made, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    if made != expected:
        diff = "".join(list(difflib.unified_diff(
            expected.splitlines(keepends=True), made.splitlines(keepends=True),
            "tests/golden/finder-starters.txt", "as worked out now"))[:60])
        pytest.fail("the finder's suggestions changed; if that is meant, run GM_UPDATE_GOLDEN=1 "
                    f"uv run pytest tests/unit/test_finder.py and commit the diff:\n{diff}")


# The page and its data ----------------------------------------------------------------------


def test_the_page_is_registered(content: SiteContent) -> None:
    made = {page.src_uri: page for page in pages.generated_pages(content, "")}
    assert finder.PAGE in made
    assert finder.PAGE in pages.generated_paths(content)


def test_the_warning_signs_come_before_the_questions_and_the_list(content: SiteContent) -> None:
    page = finder.finder_page(content)
    signs = page.index('class="admonition danger gm-red-flags')
    for later in ('id="gm-finder"', 'id="gm-finder-data"', 'class="gm-finder-list"',
                  "](exercises/"):
        assert signs < page.index(later), later
    assert page.index("# Find where to start") < signs


def test_without_javascript_every_exercise_and_version_is_listed(content: SiteContent) -> None:
    page = finder.finder_page(content)
    plain = page[page.index('class="gm-finder-list"'):]
    for slug, exercise in content.exercises.items():
        assert f"[{exercise.title}](exercises/{slug}.md)" in plain
        for version in exercise.versions:
            assert f"[{version.name}](exercises/{slug}-{version.id}.md)" in plain


def test_the_data_holds_starter_for_every_answer(content: SiteContent) -> None:
    data = data_in(finder.finder_page(content))
    slugs = list(content.exercises)
    assert data["questions"] == [q.name for q in finder.QUESTIONS]
    assert len(data["table"]) == 2 ** len(finder.QUESTIONS)
    for given in finder.every_answer():
        row = data["table"][given.number]
        found = starter(content, given)
        outcomes = [data["exercises"][i]["outcomes"][n] for i, n in enumerate(row["outcomes"])]
        assert [(slugs[i], o["version"], tuple(o["checks"]))
                for i, o in enumerate(outcomes) if "out" not in o] == [
            (s.slug, s.version, s.checks) for s in found.suggested]
        assert [(slugs[i], tuple(o["out"])) for i, o in enumerate(outcomes) if "out" in o] == [
            (o.slug, o.directions) for o in found.left_out]
        assert row["conditions"] == list(found.conditions)


def test_the_data_says_what_the_content_says(content: SiteContent) -> None:
    data = data_in(finder.finder_page(content))
    for entry, (slug, exercise) in zip(data["exercises"], content.exercises.items(), strict=True):
        assert entry["title"] == plain_text(exercise.title)
        assert entry["own"]["token"] == slug
        assert entry["own"]["address"] == f"exercises/{slug}.html"
        for version_id, shown in entry["versions"].items():
            version = exercise.version(version_id)
            assert shown["summary"] == plain_text(version.summary)
            assert shown["token"] == f"{slug}~{version_id}"
            assert shown["address"] == f"exercises/{slug}-{version_id}.html"
        for index, check in entry["checks"].items():
            item = exercise.check_first[int(index)]
            assert check == {"who": plain_text(item.who), "advice": plain_text(item.advice)}
        for outcome in entry["outcomes"]:
            assert {str(i) for i in outcome.get("checks", [])} <= set(entry["checks"])
    conditions = {c.id: c for c in content.conditions.conditions}
    for condition_id, shown in data["conditions"].items():
        words = "".join(run if isinstance(run, str) else run[0] for run in shown["means"])
        assert words == plain_text(conditions[condition_id].means)


def test_links_in_a_conditions_words_lead_from_the_safety_page() -> None:
    assert finder.linked_text("Then do what [when to stop](#stop-rules) says.", "safety.html") \
        == ["Then do what ", ["when to stop", "safety.html#stop-rules"], " says."]
    assert finder.linked_text("See [questions](faq.md#heat).", "safety.html") == [
        "See ", ["questions", "faq.html#heat"], "."]


def test_a_missing_condition_stops_the_build(content: SiteContent) -> None:
    import dataclasses

    conditions = content.conditions.model_copy(update={"conditions": [
        c for c in content.conditions.conditions if c.id != "pregnancy"]})
    broken = dataclasses.replace(content, conditions=conditions)
    with pytest.raises(ValueError, match="pregnancy"):
        finder.finder_data(broken)


def test_the_finders_own_sentences_are_plain() -> None:
    """Its own words (the content's are graded with their pages): reading age 9 to 11."""
    sentences = [sentence for words in finder.WORDS.values()
                 for text in ([words] if isinstance(words, str) else words)
                 for sentence in split_sentences(text.replace("{n}", "3").replace(
                     "{direction}", "bending forward").replace("{link}", "this page"))]
    assert grade(sentences) <= 5
    assert max(len(s.split()) for s in sentences) <= 15
