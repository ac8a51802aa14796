"""The site in a real Chromium (Debian's, driven by Playwright): offline from disk, hosted
under a sub-path and at a domain root, deep links, the 404 page, redirects, copy link, print.
"""

from __future__ import annotations

import pytest

from browsing import SUB_PATH, Watch
from shared import TEST_SITE_URL, site_pages

PHONE = {"width": 390, "height": 844}


def styles_applied(page) -> bool:
    return page.evaluate(
        "getComputedStyle(document.querySelector('.md-header')).position === 'sticky'"
    )


def search(page, words: str) -> list[str]:
    field = page.locator("input.md-search__input")
    opener = page.locator("label.md-header__button[for='__search']")
    if opener.is_visible():  # on a phone the field opens from the header's search button
        opener.click()
    field.click()
    field.press_sequentially(words, delay=20)
    results = page.locator(".md-search-result__list a")
    results.first.wait_for(timeout=10_000)
    return results.evaluate_all("links => links.map(link => link.getAttribute('href'))")


# Offline: the built folder opened from disk, with every network request refused -----------


def test_every_page_opens_from_disk_with_styles_and_no_network(browser, built_site) -> None:
    context = browser.new_context(offline=True)
    watch = Watch(context, "file://")
    # 404.html is only ever served by a host, for missing addresses, so its links are absolute.
    for page_path in [p for p in site_pages(built_site.folder) if p != "404.html"]:
        watch.page.goto((built_site.folder / page_path).as_uri())
        assert styles_applied(watch.page), page_path
        watch.collect_violations()
    watch.assert_clean()
    context.close()


def test_navigation_from_disk_reaches_every_exercise(browser, built_site) -> None:
    context = browser.new_context(offline=True)
    watch = Watch(context, "file://")
    page = watch.page
    for slug, exercise in built_site.content.exercises.items():
        page.goto((built_site.folder / "index.html").as_uri())
        page.locator(f"article a[href='exercises/{slug}.html']").first.click()
        page.wait_for_url(f"**/exercises/{slug}.html")
        assert page.locator("article h1").inner_text().startswith(exercise.title)
        page.locator(".md-footer__link--next, .md-footer__link--prev").first.click()
        page.wait_for_load_state()
        assert styles_applied(page)
    watch.assert_clean()
    context.close()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("pigeon", "exercises/pigeon-pose.html"),
        ("knee to chest", "exercises/knee-to-chest.html"),
        ("piriformis", "exercises/pigeon-pose.html"),
        ("bottom to heels", "exercises/childs-pose.html"),
        ("cauda equina", "safety.html"),
    ],
)
def test_search_works_from_disk(browser, built_site, words: str, expected: str) -> None:
    context = browser.new_context(offline=True)
    watch = Watch(context, "file://")
    watch.page.goto((built_site.folder / "index.html").as_uri())
    found = {href.split("?")[0].split("#")[0] for href in search(watch.page, words)}
    assert (built_site.folder / expected).as_uri() in found, found
    watch.assert_clean()
    context.close()


# Hosted: over loopback under a sub-path, as a GitHub project page ------------------------


def test_hosted_pages_navigate_with_no_outside_requests(browser, built_site, hosted) -> None:
    context = browser.new_context(viewport=PHONE)
    watch = Watch(context, hosted.split(SUB_PATH)[0])
    for page_path in site_pages(built_site.folder):
        response = watch.page.goto(hosted + page_path)
        assert response.status == 200, page_path
        assert styles_applied(watch.page), page_path
        watch.collect_violations()
    watch.page.goto(hosted + "index.html")
    watch.page.locator("article a[href='exercises/bridge.html']").first.click()
    watch.page.wait_for_url("**/exercises/bridge.html")
    assert search(watch.page, "bridge")
    watch.assert_clean()
    context.close()


SEARCH_FILES = ("/search/search_index.json", "/assets/javascripts/workers/search.")


@pytest.mark.parametrize("how", ["phone", "desktop", "shortcut"])
def test_search_loads_only_when_the_reader_searches(browser, hosted, how: str) -> None:
    """The search index and worker (about 36 KB gzipped) come with the first search, not with
    every page: search-on-demand.js. Searching still finds content words."""
    viewport = PHONE if how == "phone" else {"width": 1280, "height": 900}
    context = browser.new_context(viewport=viewport)
    watch = Watch(context, hosted.split(SUB_PATH)[0])
    fetched: list[str] = []
    watch.page.on("request", lambda request: fetched.append(request.url))
    watch.page.goto(f"{hosted}exercises/knee-to-chest.html")
    watch.page.wait_for_load_state("networkidle")
    watch.page.wait_for_timeout(300)
    assert [url for url in fetched if any(name in url for name in SEARCH_FILES)] == []
    if how == "shortcut":
        watch.page.keyboard.press("/")
        watch.page.keyboard.type("piriformis", delay=20)
        results = watch.page.locator(".md-search-result__list a")
        results.first.wait_for(timeout=10_000)
        found = results.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    else:
        found = search(watch.page, "piriformis")
    assert f"{hosted}exercises/pigeon-pose.html" in {href.split("?")[0].split("#")[0]
                                                      for href in found}
    for name in SEARCH_FILES:
        assert [url for url in fetched if name in url], f"{name} was never fetched"
    watch.assert_clean()
    context.close()


@pytest.mark.parametrize("anchor", ["steps", "stop-if", "easier", "red-flags", "share"])
def test_deep_links_land_on_their_section(browser, hosted, anchor: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{hosted}exercises/knee-to-chest.html#{anchor}")
    top = page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top")
    assert 0 <= top < PHONE["height"] / 2
    context.close()


def test_missing_address_gets_a_helpful_404(browser, built_site, hosted) -> None:
    context = browser.new_context(viewport=PHONE)
    watch = Watch(context, hosted.split(SUB_PATH)[0])
    page = watch.page
    response = page.goto(f"{hosted}exercises/not-an-exercise.html")
    assert response.status == 404
    assert styles_applied(page)
    assert page.locator("article h1").inner_text().startswith("Page not found")
    assert page.locator("label[for='__search']").count() >= 1
    assert page.locator("a[href$='safety.html#red-flags']").count() >= 1
    links = page.locator(".gm-404-exercises a")
    assert links.count() == len(built_site.content.exercises)
    links.first.click()
    page.wait_for_load_state()
    assert page.url.startswith(f"{hosted}exercises/") and "not-an-exercise" not in page.url
    # The browser reports the missing page's own 404 status as a console error; nothing else.
    watch.errors = [e for e in watch.errors if "status of 404" not in e]
    watch.assert_clean()
    context.close()


# A renamed exercise, built at a domain root: redirects and the root 404 -------------------


def test_old_address_forwards_with_its_anchor(browser, renamed_site) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{renamed_site}exercises/bridge.html#stop-if")
    page.wait_for_url("**/exercises/glute-bridge.html#stop-if")
    assert page.locator("article h1").inner_text().startswith("Bridge")
    context.close()


def test_old_address_forwards_without_javascript(browser, renamed_site) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{renamed_site}exercises/bridge.html")
    page.wait_for_url("**/exercises/glute-bridge.html", timeout=10_000)
    context.close()


def test_404_works_at_a_domain_root(browser, renamed_site) -> None:
    context = browser.new_context()
    page = context.new_page()
    response = page.goto(f"{renamed_site}no/such/page.html")
    assert response.status == 404 and styles_applied(page)
    page.locator(".gm-404-exercises a").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(f"{renamed_site}exercises/")
    context.close()


# Copy link --------------------------------------------------------------------------------


def test_copy_link_over_http(browser, built_site, hosted) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{hosted}exercises/cat-cow.html")
    page.locator("[data-gm-copy]").click()
    page.locator("[data-gm-copy-status]").filter(has_text="Link copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == (
        f"{TEST_SITE_URL}exercises/cat-cow.html"
    )
    context.close()


def test_copy_link_from_disk(browser, built_site) -> None:
    context = browser.new_context(offline=True)
    page = context.new_page()
    page.goto((built_site.folder / "exercises" / "cat-cow.html").as_uri())
    page.locator("[data-gm-copy]").click()
    status = page.locator("[data-gm-copy-status]")
    status.wait_for()
    assert status.inner_text() in {"Link copied.", "Select the address and copy it."}
    context.close()


def test_without_javascript_the_address_is_text(browser, built_site) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((built_site.folder / "exercises" / "cat-cow.html").as_uri())
    assert page.locator("[data-gm-address]").inner_text() == (
        f"{TEST_SITE_URL}exercises/cat-cow.html"
    )
    assert not page.locator("[data-gm-copy]").is_visible()
    context.close()
