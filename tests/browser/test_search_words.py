"""Search ranks the words the reader typed before longer words that start with them: "numb"
finds numbness first, not "number"."""

from __future__ import annotations

import re

from browsing import SUB_PATH, Watch

FIRST_RESULTS = 3


def results(page, words: str) -> list[str]:
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially(words, delay=20)
    items = page.locator(".md-search-result__item")
    items.first.wait_for(timeout=10_000)
    page.wait_for_timeout(300)  # the last keystroke's results
    return items.evaluate_all("items => items.map(item => item.innerText)")


def test_a_whole_word_ranks_before_longer_words_that_start_with_it(browser, hosted) -> None:
    # Before, the second result was the pregnancy page's "Call your emergency number".
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watch = Watch(context, hosted.split(SUB_PATH)[0])
    watch.page.goto(f"{hosted}index.html")
    found = results(watch.page, "numb")
    for text in found[:FIRST_RESULTS]:
        assert re.search(r"\bnumb(ness)?\b", text, re.IGNORECASE), text
    watch.assert_clean()
    context.close()


def test_a_word_still_being_typed_finds_what_it_starts(browser, hosted) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watch = Watch(context, hosted.split(SUB_PATH)[0])
    watch.page.goto(f"{hosted}index.html")
    assert results(watch.page, "pige")[0].startswith("Pigeon pose")
    watch.assert_clean()
    context.close()
