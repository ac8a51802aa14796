"""The hold and repetition timer on each exercise page, and its "Add to my routine" link.

The markup carries the dose as data attributes; `docs/assets/javascripts/timer.js` builds the
plan from them (holds, sides, repetitions, sets, rests) and runs it. Both stay hidden until
the script shows them: without JavaScript the dose block above already says what to do.
"""

from __future__ import annotations

from gentle_movements.model.exercise import Dose

PACE_SECONDS = 5
"""A slow movement (a dose with no hold) is counted at one repetition every 5 seconds."""

REST_SECONDS = 5
"""The pause between holds, to come out of one and settle into the next, when the dose
gives no rest of its own."""

SHORT_REST_SECONDS = 3
"""The same pause after a short hold (under 10 seconds), such as a bridge's 5 seconds."""


def rest_between(dose: Dose) -> int:
    """Seconds between holds when the dose gives no rest of its own."""
    short = dose.hold_seconds is not None and dose.hold_seconds.min < 10
    return SHORT_REST_SECONDS if short else REST_SECONDS


def timer_block(slug: str, dose: Dose) -> str:
    """The timer's controls and the link that adds this exercise to the reader's routine."""
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
    data = " ".join(f'{name}="{value}"' for name, value in attributes.items())
    return f"""<div class="gm-timer" data-gm-timer {data} hidden>
<h3 class="gm-timer-title">Timer</h3>
<p class="gm-timer-plan" data-gm-timer-plan></p>
<div class="gm-timer-settings" data-gm-timer-settings></div>
<div class="gm-timer-face">
<svg class="gm-timer-ring" viewBox="0 0 100 100" aria-hidden="true">\
<circle class="gm-timer-track" cx="50" cy="50" r="45"/>\
<circle class="gm-timer-progress" cx="50" cy="50" r="45" data-gm-timer-ring/></svg>
<div class="gm-timer-reading">
<p class="gm-timer-phase" data-gm-timer-phase>Ready when you are</p>
<p class="gm-timer-count"><span data-gm-timer-count></span> \
<span class="gm-timer-unit" data-gm-timer-unit></span></p>
<p class="gm-timer-next" data-gm-timer-next></p>
</div>
</div>
<p class="gm-timer-sound"><input type="checkbox" id="gm-timer-sound" data-gm-timer-sound> \
<label for="gm-timer-sound">Beep when each hold or rest starts</label></p>
<p class="gm-timer-buttons">\
<button type="button" class="md-button md-button--primary" data-gm-timer-toggle>Start</button> \
<button type="button" class="md-button" data-gm-timer-reset>Reset</button></p>
<p class="gm-timer-status" data-gm-timer-status role="status" aria-live="polite"></p>
</div>

<p class="gm-routine-add" hidden><a class="md-button" href="../my-routine.html" \
data-gm-routine-add="{slug}">Add to my routine</a></p>"""
