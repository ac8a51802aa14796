"""The exercise pictures in Chromium: the animation plays and pauses, stays still for reduced
motion and without JavaScript, and follows dark mode."""

from __future__ import annotations

import re

import pytest

from shared import BuiltSite


def open_exercise(browser, built_site: BuiltSite, slug: str, **options):
    context = browser.new_context(viewport={"width": 390, "height": 844}, **options)
    page = context.new_page()
    page.goto((built_site.folder / "exercises" / f"{slug}.html").as_uri())
    return context, page


def test_animation_plays_and_pauses_with_its_button(browser, built_site: BuiltSite) -> None:
    context, page = open_exercise(browser, built_site, "knee-to-chest")
    motion = page.locator("[data-gm-motion]").first
    assert motion.is_visible()
    button = motion.locator("button")
    paused = "el => el.querySelector('svg').animationsPaused()"
    assert motion.evaluate(paused) is False
    button.click()
    assert motion.evaluate(paused) is True and button.inner_text() == "Play the movement"
    button.click()
    assert motion.evaluate(paused) is False and button.inner_text() == "Pause the movement"
    context.close()


@pytest.mark.parametrize("options", [{"reduced_motion": "reduce"},
                                     {"java_script_enabled": False}])
def test_no_animation_for_reduced_motion_or_without_javascript(
        browser, built_site: BuiltSite, options: dict) -> None:
    context, page = open_exercise(browser, built_site, "cat-cow", **options)
    assert page.locator(".gm-motion:visible").count() == 0
    stills = page.locator(".gm-frame svg")
    assert stills.count() == 2  # the page's own picture: start and end
    assert page.locator("[data-gm-motion]").count() == (0 if "reduced_motion" in options else 1)
    assert all(stills.nth(i).is_visible() for i in range(stills.count()))
    context.close()


def test_pictures_follow_dark_mode(browser, built_site: BuiltSite) -> None:
    context, page = open_exercise(browser, built_site, "bridge", color_scheme="dark")
    colours = page.evaluate("""() => {
        const svg = document.querySelector('.gm-frame svg');
        const body = svg.querySelector('.gm-b');
        const text = document.querySelector('article p');
        return {stroke: getComputedStyle(body).stroke, text: getComputedStyle(text).color,
                background: getComputedStyle(svg).backgroundColor};
    }""")
    assert colours["background"] == "rgba(0, 0, 0, 0)"
    light = [int(n) for n in re.findall(r"\d+", colours["stroke"])[:3]]
    assert min(light) > 150, colours  # light lines on the dark page, not black ones
    context.close()
