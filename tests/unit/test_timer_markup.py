"""The hold and repetition timer's markup: the dose in data attributes, real buttons hidden
until the script runs, and the link that adds the exercise to a routine."""

from __future__ import annotations

from bs4 import BeautifulSoup

from gentle_movements.model.exercise import Dose
from gentle_movements.pages import timer
from shared import dose


def block(slug: str, the_dose: Dose) -> BeautifulSoup:
    return BeautifulSoup(timer.timer_block(slug, the_dose), "lxml")


def test_the_dose_is_in_data_attributes() -> None:
    box = block("knee-to-chest", dose(hold_seconds={"min": 20, "max": 30},
                                      repetitions={"min": 2, "max": 4}, sides="each", sets=2,
                                      rest_seconds=30)).select_one("[data-gm-timer]")
    assert {name: box[name] for name in box.attrs if name.startswith("data-") and box[name]} == {
        "data-hold-min": "20", "data-hold-max": "30", "data-repetitions": "2",
        "data-repetitions-max": "4", "data-sides": "each", "data-sets": "2", "data-rest": "30",
        "data-pace": str(timer.PACE_SECONDS), "data-between": str(timer.REST_SECONDS),
    }


def test_a_short_hold_has_a_shorter_rest_between() -> None:
    assert timer.rest_between(dose(hold_seconds=5)) == timer.SHORT_REST_SECONDS == 3
    assert timer.rest_between(dose(hold_seconds={"min": 10, "max": 20})) == timer.REST_SECONDS
    box = block("bridge", dose(hold_seconds=5)).select_one(".gm-timer")
    assert box["data-between"] == "3"


def test_a_slow_movement_has_no_hold() -> None:
    box = block("cat-cow", dose(repetitions={"min": 5, "max": 10})).select_one(".gm-timer")
    assert box["data-hold-min"] == box["data-hold-max"] == "0"
    assert box["data-rest"] == "0" and box["data-sets"] == "1"


def test_controls_are_real_buttons_hidden_until_the_script_runs() -> None:
    soup = block("bridge", dose(hold_seconds=5))
    box = soup.select_one(".gm-timer")
    assert box.has_attr("hidden")
    buttons = box.select("button")
    assert [b.get_text() for b in buttons] == ["Start", "Reset"]
    assert all(b["type"] == "button" for b in buttons)
    status = box.select_one("[data-gm-timer-status]")
    assert status["role"] == "status" and status["aria-live"] == "polite"
    assert box.select_one("svg")["aria-hidden"] == "true"
    sound = box.select_one("input[data-gm-timer-sound]")
    assert sound["type"] == "checkbox" and not sound.has_attr("checked"), "sound is off"
    assert box.select_one(f"label[for='{sound['id']}']") is not None
    assert not soup.select("script, [onclick], [style]")


def test_the_add_to_routine_link() -> None:
    link = block("bridge", dose(hold_seconds=5)).select_one("a[data-gm-routine-add]")
    assert link.get_text() == "Add to my routine"
    assert link["data-gm-routine-add"] == "bridge"
    # The script adds "#r=bridge" (and any routine the reader keeps on this device). The
    # built page links to the routine page itself, which every link checker can resolve.
    assert link["href"] == "../my-routine.html"
    assert link.parent.has_attr("hidden")
