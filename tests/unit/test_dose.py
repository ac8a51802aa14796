"""The dose as rows with stable keys: one source for the page, the routine, the open data and
the routine's script, which reads keys and never the words."""

from __future__ import annotations

import re

from gentle_movements.model.exercise import Dose
from gentle_movements.model.site import SiteContent
from gentle_movements.outputs.open_data import exercise_json_ld
from gentle_movements.pages.exercise import dose_markdown
from gentle_movements.pages.routine import exercise_data
from shared import ROOT


def dose(**values) -> Dose:
    return Dose.model_validate({"repetitions": 3, "sides": "each", "how_often": "Daily.",
                                "one_repetition": "One hold.", **values})


def test_rows_say_each_number_once_in_reading_order() -> None:
    rows = dose(hold_seconds={"min": 20, "max": 30}, sets=2, rest_seconds=30).rows()
    assert [(row.key, row.label, row.text) for row in rows] == [
        ("hold", "Hold", "20 to 30 seconds"),
        ("repeat", "Repeat", "3 times on each side"),
        ("sets", "Sets", "2, resting 30 seconds between"),
        ("how_often", "How often", "Daily."),
        ("one_repetition", "One repetition", "One hold."),
    ]
    assert [row.counted for row in rows] == [True, True, True, False, False]


def test_a_rest_without_sets_is_its_own_row_and_one_time_is_singular() -> None:
    rows = dose(repetitions=1, sides="none", rest_seconds=10).rows()
    assert [(row.key, row.text) for row in rows[:2]] == [
        ("repeat", "1 time"), ("rest", "10 seconds between repetitions")]


def test_the_summary_is_the_counted_rows_in_plain_words() -> None:
    assert dose(hold_seconds=5).summary() == "Hold: 5 seconds. Repeat: 3 times on each side."
    assert dose(sets=2).summary() == "Repeat: 3 times on each side. Sets: 2."


def test_page_routine_and_open_data_say_the_same_dose(content: SiteContent) -> None:
    for slug, exercise in content.exercises.items():
        rows = exercise.dose.rows()
        page = dose_markdown(exercise.dose)
        for row in rows:
            assert f"**{row.label}:** {row.text}" in page, slug
        routine = exercise_data(slug, content, "https://example.org/")["dose"]
        assert [(row["key"], row["counted"]) for row in routine] == [
            (row.key, row.counted) for row in rows]
        plan = exercise_json_ld(slug, content, "https://example.org/")["hasPart"]
        assert plan["description"].startswith(exercise.dose.summary()), slug


def test_the_routine_script_reads_keys_not_words() -> None:
    script = (ROOT / "docs" / "assets" / "javascripts" / "routine.js").read_text("utf-8")
    labels = {row.label for row in dose(hold_seconds=5, sets=2).rows()}
    for label in labels:
        assert not re.search(rf"[\"']{label}[\"']", script), label
