"""Under the safety strip, links to the steps, the dose and timer, the stop rules and the
easier versions: a keyboard user reaches the timer in a few presses, and each link lands."""

from __future__ import annotations

import pytest

from shared import BuiltSite

MOST_PRESSES = 15


def presses_to(page, selector: str, limit: int = 60) -> int:
    for count in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return count
    raise AssertionError(f"{selector} not reached in {limit} presses")


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844},
                                      {"width": 1280, "height": 900}])
def test_a_keyboard_user_reaches_the_timer_in_a_few_presses(browser, hosted: str,
                                                            viewport: dict) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{hosted}exercises/knee-to-chest.html")
    # The theme's "Skip to content" link comes first; past it, the navigation on a desktop.
    assert presses_to(page, "a.md-skip", limit=1) == 1
    page.keyboard.press("Enter")
    to_link = 2 + presses_to(page, ".gm-jump a[href='#dose']")
    page.keyboard.press("Enter")
    to_timer = presses_to(page, "[data-gm-timer] select, [data-gm-timer-toggle]")
    assert to_link + 1 + to_timer <= MOST_PRESSES, (to_link, to_timer)
    context.close()


def test_each_link_goes_to_its_section(browser, built_site: BuiltSite, hosted: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{hosted}exercises/pigeon-pose.html")
    links = page.locator(".gm-jump a")
    assert links.count() == 4
    for index in range(links.count()):
        target = links.nth(index).get_attribute("href")
        links.nth(index).click()
        assert page.evaluate("location.hash") == target
        top = page.evaluate(f"document.querySelector('{target}').getBoundingClientRect().top")
        assert 0 <= top < 300, (target, top)  # in view, below the header
        page.evaluate("window.scrollTo(0, 0)")
    context.close()
