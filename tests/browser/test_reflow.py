"""At 200% text (WCAG 1.4.4) and on a 320 px screen (1.4.10), the header's buttons, the
timer, the routine's controls and everything else in the page's content fit the screen:
nothing runs off the side.

Text is doubled as a browser's text-size setting does it, on the root font size, which every
size in Material and in our stylesheets follows."""

from __future__ import annotations

import pytest

PAGES = ["exercises/pigeon-pose.html", "exercises/knee-to-chest.html",
         "my-routine.html#r2=bridge,cat-cow~on-a-chair,pigeon-pose", "index.html"]

OFF_THE_SIDE = """() => {
  const limit = document.documentElement.clientWidth;
  return [...document.querySelectorAll('.md-header *, .md-content *')]
    .filter(e => e.getClientRects().length && !e.closest('[hidden]'))
    .filter(e => e.getBoundingClientRect().right > limit + 0.5)
    .map(e => e.tagName.toLowerCase() + '.' + String(e.className.baseVal ?? e.className)
         + ' ends at ' + Math.round(e.getBoundingClientRect().right) + ' px');
}"""


def double_the_text(page) -> None:
    page.evaluate("""() => {
      const root = document.documentElement;
      root.style.fontSize = parseFloat(getComputedStyle(root).fontSize) * 2 + 'px';
    }""")


@pytest.mark.parametrize("width,doubled", [(320, False), (320, True), (390, True)])
@pytest.mark.parametrize("path", PAGES)
def test_the_content_fits_the_screen(browser, hosted: str, path: str, width: int,
                                     doubled: bool) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{hosted}{path}")
    if doubled:
        double_the_text(page)
    timer = page.locator("[data-gm-timer-toggle]")
    if timer.count():
        timer.click()  # the reading at its widest: a phase, a count and what comes next
        page.wait_for_timeout(200)
    assert page.evaluate(OFF_THE_SIDE) == []
    context.close()
