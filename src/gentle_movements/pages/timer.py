"""The hold and repetition timer on each exercise page, and its "Add to my routine" link.

The markup carries the dose as data attributes; `docs/assets/javascripts/timer.js` builds the
plan from them (holds, sides, repetitions, sets, rests) and runs it. Both stay hidden until
the script shows them: without JavaScript the dose block above already says what to do.
"""

from __future__ import annotations

from gentle_movements.model.exercise import Dose
from gentle_movements.templating import render
from gentle_movements.urls import ROUTINE_PAGE, built_path

PACE_SECONDS = 5
"""A slow movement (a dose with no hold) is counted at one repetition every 5 seconds."""

REST_SECONDS = 5
"""The pause between holds, to come out of one and settle into the next, when the dose
gives no rest of its own."""

TIMER_ANCHOR = "timer"
"""The timer's id: the "Start the timer" button under the safety strip goes to it."""

SHORT_REST_SECONDS = 3
"""The same pause after a short hold (under 10 seconds), such as a bridge's 5 seconds."""


def rest_between(dose: Dose) -> int:
    """Seconds between holds when the dose gives no rest of its own."""
    short = dose.hold_seconds is not None and dose.hold_seconds.min < 10
    return SHORT_REST_SECONDS if short else REST_SECONDS


def timer_block(token: str, dose: Dose) -> str:
    """The timer's controls, and the link that adds this exercise (`token`, as a routine
    names it: `bridge~on-the-bed`) to the reader's routine."""
    hold = dose.hold_seconds
    attributes = {
        "data-hold-min": hold.min if hold else 0,
        "data-hold-max": hold.max if hold else 0,
        "data-repetitions": dose.repetitions.min,
        "data-repetitions-max": dose.repetitions.max,
        "data-sides": dose.sides,
        "data-sets": dose.sets,
        "data-rest": dose.rest_seconds or 0,
        "data-pace": PACE_SECONDS,
        "data-between": rest_between(dose),
    }
    return render("timer.html", anchor=TIMER_ANCHOR, attributes=attributes, token=token,
                  routine_page=f"../{built_path(ROUTINE_PAGE)}")
