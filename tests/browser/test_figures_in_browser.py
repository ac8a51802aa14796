"""The exercise pictures in Chromium: the animation plays and pauses, stays still for reduced
motion and without JavaScript, and follows dark mode; on a phone each picture is as wide as
the text; a close-up stays in its frame."""

from __future__ import annotations

import re

import pytest

from gentle_movements.pages.exercise import version_pages
from gentle_movements.urls import built_path, exercise_path
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
    stills = page.locator(".gm-frame svg.gm-fig")
    assert stills.count() == 2  # the page's own picture: start and end
    assert page.locator("[data-gm-motion]").count() == (0 if "reduced_motion" in options else 1)
    assert all(stills.nth(i).is_visible() for i in range(stills.count()))
    context.close()


def test_pictures_follow_dark_mode(browser, built_site: BuiltSite) -> None:
    context, page = open_exercise(browser, built_site, "bridge", color_scheme="dark")
    colours = page.evaluate("""() => {
        const svg = document.querySelector('.gm-frame svg.gm-fig');
        const body = svg.querySelector('.gm-b');
        const text = document.querySelector('article p');
        return {stroke: getComputedStyle(body).stroke, text: getComputedStyle(text).color,
                background: getComputedStyle(svg).backgroundColor};
    }""")
    assert colours["background"] == "rgba(0, 0, 0, 0)"
    light = [int(n) for n in re.findall(r"\d+", colours["stroke"])[:3]]
    assert min(light) > 150, colours  # light lines on the dark page, not black ones
    context.close()


FRAMES = """() => {
    const article = document.querySelector('article.md-typeset');
    const style = getComputedStyle(article);
    const content = article.clientWidth - parseFloat(style.paddingLeft)
        - parseFloat(style.paddingRight);
    const frames = [...document.querySelectorAll('.gm-frame svg.gm-fig')].map(svg => {
        const box = svg.getBoundingClientRect();
        return {left: box.left, top: box.top, width: box.width, height: box.height};
    });
    return {content, frames};
}"""


def test_each_picture_is_the_content_width_on_a_phone(browser, built_site: BuiltSite,
                                                      slug: str) -> None:
    """At 390 px each picture, the exercise's and each version's, is as wide as the text,
    the end below the start, and no taller than about a third of the screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for version_id in version_pages(built_site.content.exercises[slug]):
        page.goto((built_site.folder / built_path(exercise_path(slug, version_id))).as_uri())
        sizes = page.evaluate(FRAMES)
        start, end = sizes["frames"]
        for frame in (start, end):
            assert frame["width"] >= sizes["content"] - 1, (version_id, sizes)
            assert frame["height"] <= 844 * 0.4, (version_id, sizes)
        assert end["top"] >= start["top"] + start["height"], (version_id, sizes)
    context.close()


def test_the_pictures_sit_side_by_side_on_a_wide_screen(browser, built_site: BuiltSite) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((built_site.folder / "exercises" / "knee-to-chest.html").as_uri())
    sizes = page.evaluate(FRAMES)
    start, end = sizes["frames"]
    assert abs(start["top"] + start["height"] - end["top"] - end["height"]) < 2
    assert end["left"] >= start["left"] + start["width"]
    assert start["width"] >= 0.4 * sizes["content"]
    context.close()


def test_the_close_up_is_drawn_in_its_frame(browser, built_site: BuiltSite) -> None:
    """The close-up's picture inside the picture fills its frame, and only its frame (its
    size comes from the SVG's attributes, and from figures.css against Material's rule for
    every SVG)."""
    context, page = open_exercise(browser, built_site, "pelvic-tilts")
    boxes = page.evaluate("""() => [...document.querySelectorAll('.gm-frame svg.gm-fig')].map(
        svg => {
            const box = element => {
                const r = element.getBoundingClientRect();
                return [r.left, r.top, r.width, r.height];
            };
            // Where the close-up's view box lands on the screen (its content's own box
            // reaches further: the mat runs on, hidden, beyond the frame).
            const zoom = svg.querySelector('svg.gm-zoom');
            const view = zoom.viewBox.baseVal, screen = zoom.getScreenCTM();
            const [a, b] = [[view.x, view.y], [view.x + view.width, view.y + view.height]].map(
                ([x, y]) => new DOMPoint(x, y).matrixTransform(screen));
            return {zoom: [a.x, a.y, b.x - a.x, b.y - a.y],
                    frame: box(svg.querySelectorAll('.gm-close-up')[1]), whole: box(svg)};
        })""")
    assert len(boxes) == 2
    for box in boxes:
        assert box["zoom"] == pytest.approx(box["frame"], abs=2), box  # (its line is thin)
        assert box["zoom"][2] < 0.8 * box["whole"][2]
    context.close()
