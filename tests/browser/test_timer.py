"""The hold and repetition timer on exercise pages, in Chromium with a controlled clock: holds,
sides, repetitions, rests, pause, reset, what it announces to screen readers, keyboard use,
reduced motion, and use offline from disk."""

from __future__ import annotations

import pytest

from browsing import Watch, tab_to
from gentle_movements.model.exercise import Dose
from gentle_movements.pages import timer
from shared import BuiltSite, dose

READY = 5


def phases(the_dose: Dose, hold: int | None = None, reps: int | None = None
           ) -> list[tuple[str, int]]:
    """What the timer should run through for a dose: (phase, seconds), in order."""
    hold = hold or (the_dose.hold_seconds.min if the_dose.hold_seconds else 0)
    reps = reps or the_dose.repetitions.min
    sides = [", left side", ", right side"] if the_dose.sides == "each" else [""]
    short = the_dose.hold_seconds is not None and the_dose.hold_seconds.min < 10
    between = 3 if short else 5
    rest = the_dose.rest_seconds if the_dose.sets == 1 and the_dose.rest_seconds else between
    steps: list[tuple[str, int]] = [("Get ready", READY)]
    for number in range(1, the_dose.sets + 1):
        for rep in range(1, reps + 1):
            for side in sides:
                in_set = f", set {number} of {the_dose.sets}" if the_dose.sets > 1 else ""
                word = "Hold" if hold else "Repetition"
                steps.append((f"{word} {rep} of {reps}{side}{in_set}", hold or 5))
                last = rep == reps and side == sides[-1]
                if last and number < the_dose.sets:
                    steps.append(("Rest", the_dose.rest_seconds or between))
                elif not last and (hold or (the_dose.sets == 1 and the_dose.rest_seconds)):
                    steps.append(("Rest", rest))
    return steps


ANNOUNCEMENTS = """
window.__said = [];
document.addEventListener('DOMContentLoaded', () => {
  const status = document.querySelector('[data-gm-timer-status]');
  if (status) new MutationObserver(() => window.__said.push(status.textContent))
    .observe(status, {childList: true, characterData: true, subtree: true});
});
"""
"""Records every change to the timer's live region: what a screen reader would announce."""


def reading(page) -> dict[str, str]:
    """What the timer shows now."""
    return page.evaluate("""() => {
      const box = document.querySelector('[data-gm-timer]');
      const text = name => box.querySelector(`[data-gm-timer-${name}]`).textContent.trim();
      return {phase: text('phase'), count: text('count'), status: text('status'),
              button: text('toggle'), next: text('next')};
    }""")


def open_timer(context, address: str):
    context.add_init_script(ANNOUNCEMENTS)
    page = context.new_page()
    page.clock.install()
    page.goto(address)
    page.locator(".gm-timer").wait_for()
    return page


def run_through(page, steps: list[tuple[str, int]]) -> None:
    """Start the timer and check each phase, its countdown, and what it announces."""
    assert reading(page)["phase"] == "Ready when you are"
    page.locator("[data-gm-timer-toggle]").click()
    elapsed = 0
    for phase, seconds in steps:
        # One second into each phase, then one second before its end.
        page.clock.run_for(1000)
        now = reading(page)
        assert now["phase"] == phase, f"{elapsed + 1} s in"
        assert now["count"] == str(seconds - 1), phase
        if seconds > 2:
            page.clock.run_for((seconds - 2) * 1000)
            assert reading(page)["count"] == "1", phase
        page.clock.run_for(1000)
        elapsed += seconds
    page.clock.run_for(1000)
    assert reading(page)["phase"] == "Finished. Well done."
    assert reading(page)["button"] == "Start again"
    said = page.evaluate("window.__said")
    # One announcement a phase, not one a second.
    assert len(said) == len(steps) + 1
    assert said[-1] == "Finished. Well done."
    for (phase, _), words in zip(steps, said, strict=False):
        assert words.startswith(phase + "."), words


def test_the_timer_follows_each_exercise_dose(browser, built_site: BuiltSite, hosted: str,
                                              slug: str) -> None:
    context = browser.new_context()
    page = open_timer(context, f"{hosted}exercises/{slug}.html")
    run_through(page, phases(built_site.content.exercises[slug].dose))
    context.close()


@pytest.mark.parametrize("fields", [
    {"hold_seconds": 10, "repetitions": 2, "sides": "each", "sets": 2, "rest_seconds": 30},
    {"repetitions": 3, "rest_seconds": 10},
    {"repetitions": 2, "sides": "both", "sets": 3},
    {"hold_seconds": 4, "repetitions": 2},
], ids=["sets-with-rest", "slow-with-rest", "slow-sets", "short-holds"])
def test_the_timer_follows_any_dose(browser, built_site: BuiltSite, tmp_path, fields) -> None:
    """Doses no exercise has yet: sets, rests of their own, slow movements with rests."""
    the_dose = dose(**fields)
    script = (built_site.folder / "assets" / "javascripts" / "timer.js").as_uri()
    page_file = tmp_path / "timer.html"
    page_file.write_text(
        '<!doctype html><html lang="en"><meta charset="utf-8"><title>Timer</title>'
        f'<body class="md-typeset">{timer.timer_block("x", the_dose)}'
        f'<script src="{script}"></script></body></html>', encoding="utf-8")
    context = browser.new_context()
    page = open_timer(context, page_file.as_uri())
    run_through(page, phases(the_dose))
    context.close()


def test_holds_on_each_side_with_rests_between(browser, hosted: str) -> None:
    context = browser.new_context()
    page = open_timer(context, f"{hosted}exercises/knee-to-chest.html")
    page.locator("[data-gm-timer-toggle]").click()
    assert reading(page)["status"] == "Get ready. Next: hold 1 of 3, left side."
    page.clock.run_for(6_000)
    assert reading(page)["status"] == "Hold 1 of 3, left side. 20 seconds."
    page.clock.run_for(20_000)
    now = reading(page)
    assert now["phase"] == "Rest"
    assert now["status"] == "Rest. Next: hold 1 of 3, right side."
    page.clock.run_for(5_000)
    assert reading(page)["phase"] == "Hold 1 of 3, right side"
    page.clock.run_for(25_000)
    assert reading(page)["phase"] == "Hold 2 of 3, left side"
    context.close()


def test_pause_stops_it_and_reset_starts_again(browser, hosted: str) -> None:
    context = browser.new_context()
    page = open_timer(context, f"{hosted}exercises/knee-to-chest.html")
    toggle = page.locator("[data-gm-timer-toggle]")
    toggle.click()
    page.clock.run_for(10_000)  # 5 s of getting ready, then 5 s of the first hold
    before = reading(page)
    assert before["phase"] == "Hold 1 of 3, left side" and before["count"] == "15"
    toggle.click()
    paused = reading(page)
    assert paused["button"] == "Resume"
    assert paused["status"] == "Paused. Hold 1 of 3, left side, 15 seconds left."
    page.clock.run_for(120_000)
    assert reading(page)["phase"] == before["phase"] and reading(page)["count"] == "15"
    toggle.click()
    assert reading(page)["button"] == "Pause"
    assert reading(page)["status"] == "Going again. Hold 1 of 3, left side, 15 seconds left."
    page.clock.run_for(5_000)
    assert reading(page)["count"] == "10"
    page.locator("[data-gm-timer-reset]").click()
    reset = reading(page)
    assert reset["phase"] == "Ready when you are" and reset["button"] == "Start"
    assert reset["status"] == "Timer reset."
    page.clock.run_for(60_000)
    assert reading(page)["phase"] == "Ready when you are"
    toggle.click()
    page.clock.run_for(1_000)
    assert reading(page)["phase"] == "Get ready"
    context.close()


BEEPS = """
window.__beeps = [];
const makeTone = AudioContext.prototype.createOscillator;
AudioContext.prototype.createOscillator = function () {
  const tone = makeTone.call(this);
  queueMicrotask(() => window.__beeps.push(tone.frequency.value));
  return tone;
};
"""
"""Records the pitch of every tone the timer plays."""


@pytest.mark.parametrize("wanted", [False, True])
def test_a_beep_at_each_change_only_when_asked(browser, built_site: BuiltSite, hosted: str,
                                               wanted: bool) -> None:
    context = browser.new_context()
    context.add_init_script(BEEPS)
    page = open_timer(context, f"{hosted}exercises/bridge.html")
    if wanted:
        page.get_by_label("Beep when each hold or rest starts").check()
    steps = phases(built_site.content.exercises["bridge"].dose)
    page.locator("[data-gm-timer-toggle]").click()
    page.clock.run_for(sum(seconds for _, seconds in steps) * 1000 + 1000)
    assert reading(page)["phase"] == "Finished. Well done."
    beeps = page.evaluate("window.__beeps")
    if not wanted:
        assert beeps == []
    else:
        high, low = 880, 523
        assert beeps == [high if phase.startswith("Hold") else low for phase, _ in steps] + [low]
    context.close()


def test_a_slow_movement_counts_repetitions(browser, hosted: str) -> None:
    context = browser.new_context()
    page = open_timer(context, f"{hosted}exercises/cat-cow.html")
    assert "5 slow repetitions, about 5 seconds each" in page.locator(".gm-timer-plan").inner_text()
    page.locator("[data-gm-timer-toggle]").click()
    page.clock.run_for(6_000)
    assert reading(page)["phase"] == "Repetition 1 of 5"
    assert reading(page)["status"] == "Repetition 1 of 5. Move slowly."
    page.clock.run_for(5_000)
    assert reading(page)["phase"] == "Repetition 2 of 5"
    page.clock.run_for(20_000)
    assert reading(page)["phase"] == "Finished. Well done."
    context.close()


def test_the_reader_chooses_within_the_dose_range(browser, hosted: str) -> None:
    context = browser.new_context()
    page = open_timer(context, f"{hosted}exercises/pigeon-pose.html")
    page.get_by_label("Hold for (seconds)").select_option("30")
    page.get_by_label("Repetitions").select_option("3")
    assert "3 holds of 30 seconds on each side" in page.locator(".gm-timer-plan").inner_text()
    page.locator("[data-gm-timer-toggle]").click()
    assert page.get_by_label("Hold for (seconds)").is_disabled()
    page.clock.run_for(6_000)
    assert reading(page) | {"status": ""} == {
        "phase": "Hold 1 of 3, left side", "count": "29", "status": "", "button": "Pause",
        "next": "Next: rest for 5 seconds."}
    context.close()


# Keyboard, motion, offline, no JavaScript, print ------------------------------------------


def test_the_timer_works_with_the_keyboard_alone(browser, hosted: str) -> None:
    context = browser.new_context()
    page = open_timer(context, f"{hosted}exercises/knee-to-chest.html")
    tab_to(page, "#gm-timer-hold")
    page.keyboard.press("ArrowDown")
    assert "holds of 25 seconds" in page.locator(".gm-timer-plan").inner_text()
    tab_to(page, "[data-gm-timer-toggle]")
    page.keyboard.press("Enter")
    page.clock.run_for(7_000)
    assert reading(page)["phase"] == "Hold 1 of 3, left side"
    assert reading(page)["count"] == "23"
    page.keyboard.press("Space")
    assert reading(page)["button"] == "Resume"
    page.keyboard.press("Space")
    assert reading(page)["button"] == "Pause"
    tab_to(page, "[data-gm-timer-reset]")
    page.keyboard.press("Enter")
    assert reading(page)["phase"] == "Ready when you are"
    tab_to(page, "[data-gm-routine-add]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/my-routine.html#r2=knee-to-chest")
    context.close()


RING_OFFSET = "getComputedStyle(document.querySelector('.gm-timer-progress')).strokeDashoffset"


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_reduced_motion_shows_text_only(browser, hosted: str, motion: str) -> None:
    context = browser.new_context(reduced_motion=motion)
    page = open_timer(context, f"{hosted}exercises/bridge.html")
    page.locator("[data-gm-timer-toggle]").click()
    start = page.evaluate(RING_OFFSET)
    page.clock.run_for(7_000)
    assert reading(page)["phase"] == "Hold 1 of 5"
    ring = page.locator(".gm-timer-ring")
    if motion == "reduce":
        assert not ring.is_visible()
        assert page.evaluate(RING_OFFSET) == start
    else:
        assert ring.is_visible()
        assert page.evaluate(RING_OFFSET) != start
    moving = page.evaluate("""() => [...document.querySelectorAll('.gm-timer-face *')]
      .filter(e => getComputedStyle(e).transitionDuration !== '0s'
                || getComputedStyle(e).animationName !== 'none')
      .map(e => e.className.baseVal ?? e.className)""")
    assert moving == []
    context.close()


def test_the_timer_works_offline_from_disk(browser, built_site: BuiltSite) -> None:
    context = browser.new_context(offline=True)
    watch = Watch(context, "file://")
    page = watch.page
    page.clock.install()
    page.goto((built_site.folder / "exercises" / "seated-spinal-twist.html").as_uri())
    page.locator("[data-gm-timer-toggle]").click()
    page.clock.run_for(6_000)
    assert reading(page)["phase"] == "Hold 1 of 2, left side"
    add = page.locator("[data-gm-routine-add]")
    assert add.get_attribute("href") == (
        "../my-routine.html#add=seated-spinal-twist")
    watch.assert_clean()
    context.close()


def test_without_javascript_the_dose_is_text_and_no_control_shows(browser,
                                                                  built_site: BuiltSite) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((built_site.folder / "exercises" / "knee-to-chest.html").as_uri())
    assert page.locator(".gm-dose").is_visible()
    assert "20 to 30 seconds" in page.locator(".gm-dose").inner_text()
    assert not page.locator(".gm-timer").is_visible()
    assert not page.locator("[data-gm-routine-add]").is_visible()
    context.close()


def test_the_timer_is_not_printed(browser, built_site: BuiltSite) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto((built_site.folder / "exercises" / "bridge.html").as_uri())
    assert page.locator(".gm-timer").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".gm-timer").is_visible()
    assert not page.locator("[data-gm-routine-add]").is_visible()
    assert page.locator(".gm-dose").is_visible()
    context.close()
