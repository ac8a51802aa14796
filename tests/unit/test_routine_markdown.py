"""The "My routine" page's Markdown and the data its script reads."""

from __future__ import annotations

import dataclasses
import json

from gentle_movements.markup import plain_text
from gentle_movements.model.site import SiteContent
from gentle_movements.pages import registry as pages
from gentle_movements.pages import routine
from gentle_movements.pages.wording import KIND_LABELS
from shared import TEST_SITE_URL, routine_data_in


def test_the_data_has_what_the_script_needs(content: SiteContent) -> None:
    data = routine_data_in(routine.routine_page(content, TEST_SITE_URL))
    assert data["format"] == routine.FORMAT == 2
    assert data["page"] == f"{TEST_SITE_URL}my-routine.html"
    assert [e["slug"] for e in data["exercises"]] == list(content.exercises)
    for entry in data["exercises"]:
        exercise = content.exercises[entry["slug"]]
        hosted = f"{TEST_SITE_URL}exercises/{entry['slug']}.html"
        assert entry["title"] == exercise.title
        assert entry["kind"] == KIND_LABELS[exercise.kind]
        assert entry["address"] == f"exercises/{entry['slug']}.html"
        assert entry["hosted"] == hosted
        keys = [row["key"] for row in entry["dose"]]
        assert keys[-2:] == ["how_often", "one_repetition"]
        assert ("hold" in keys) == (exercise.dose.hold_seconds is not None)
        assert entry["name"] == exercise.version_name
        assert [v["id"] for v in entry["versions"]] == [v.id for v in exercise.versions]
        for shown, version in zip(entry["versions"], exercise.versions, strict=True):
            assert shown["name"].split(" (")[0] == version.name
            assert shown["summary"] == plain_text(version.summary)
            assert shown["address"] == f"exercises/{entry['slug']}-{version.id}.html"
            assert [row["key"] for row in shown["dose"]][-2:] == ["how_often", "one_repetition"]
        assert set(entry["was"].values()) <= {v.id for v in exercise.versions}


def test_the_routine_says_the_dose_as_the_exercise_page_does(content: SiteContent) -> None:
    knee = routine.exercise_data("knee-to-chest", content, "")["dose"]
    assert [(row["label"], row["text"]) for row in knee[:2]] == [
        ("Hold", "20 to 30 seconds"), ("Repeat", "3 times on each side")]
    assert content.exercises["knee-to-chest"].dose.summary() == (
        "Hold: 20 to 30 seconds. Repeat: 3 times on each side.")
    assert content.exercises["cat-cow"].dose.summary() == "Repeat: 5 to 10 times."


def test_the_data_block_cannot_end_its_script(content: SiteContent) -> None:
    # Past the model (which refuses both), as character codes: the title's words are then
    # "Bridge</script><b>".
    bridge = content.exercises["bridge"].model_copy(
        update={"title": "Bridge&lt;/script&gt;&lt;b&gt;"})
    hostile = dataclasses.replace(content, exercises={**content.exercises, "bridge": bridge})
    block = routine.routine_data(hostile, TEST_SITE_URL)
    body = block.removeprefix('<script type="application/json" id="gm-routine-data">')
    body = body.removesuffix("</script>")
    assert "<" not in body and ">" not in body
    assert json.loads(body)["exercises"][0]["title"] == "Bridge</script><b>"


def test_renamed_exercises_are_in_the_data(content: SiteContent) -> None:
    renamed = dataclasses.replace(
        content, redirects=content.redirects.model_copy(update={"exercises": {"old": "bridge"}}))
    assert routine_data_in(routine.routine_page(renamed, ""))["redirects"] == {"old": "bridge"}


def test_without_javascript_the_page_lists_every_exercise(content: SiteContent) -> None:
    page = routine.routine_page(content, TEST_SITE_URL)
    no_script = page.split('data-gm-routine-nojs')[1].split("</div>")[0]
    assert "needs JavaScript" in no_script
    for slug, exercise in content.exercises.items():
        assert f"[{exercise.title}](exercises/{slug}.md)" in no_script


def test_the_page_is_generated_and_edits_the_exercises(content: SiteContent) -> None:
    made = {page.src_uri: page for page in pages.generated_pages(content, TEST_SITE_URL)}
    assert made["my-routine.md"].edit_path == "content/exercises/"
    assert not made["my-routine.md"].is_exercise
