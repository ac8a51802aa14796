"""The starter finder in Chromium: the warning signs asked first, the answers giving the
versions, leave-outs and checks the content gives, the routine it opens, keyboard use,
no JavaScript, a copy opened from disk, accessibility in both schemes, and the home page's
first phone screen leading to it."""

from __future__ import annotations

import pytest

from browsing import Watch, tab_to
from gentle_movements.markup import plain_text
from shared import BuiltSite
from test_accessibility import AXE, axe_violations, tab_through

EXAMPLE = {"warning-signs": "no", "floor": "no", "pregnancy": "yes", "hip-replacement": "no",
           "knee-replacement": "no", "bending-forward": "yes", "arching-back": "no",
           "turning": "no"}
"""Cannot get down to the floor, pregnant, and bending forward makes leg pain worse."""


def answer(page, answers: dict[str, str]) -> None:
    for name, value in answers.items():
        page.locator(f"#gm-finder-{name}-{value}").check()


def suggested(page) -> list[str]:
    """Each suggestion's routine token (`slug~version`), in order."""
    return page.eval_on_selector_all(".gm-finder-suggested > li",
                                     "items => items.map(li => li.dataset.gmFinderToken)")


def left_out(page) -> dict[str, str]:
    return dict(page.eval_on_selector_all(
        ".gm-finder-left-out > li",
        "items => items.map(li => [li.querySelector('a').textContent, li.innerText])"))


def test_the_example_gives_its_versions_leave_outs_and_checks(
        browser, built_site: BuiltSite, hosted: str) -> None:
    content = built_site.content
    context = browser.new_context(viewport={"width": 390, "height": 844})
    watch = Watch(context, hosted.split("/gentle-movements/")[0])
    page = watch.page
    page.goto(f"{hosted}start.html")
    assert page.locator("[data-gm-finder-nojs]").is_hidden()
    answer(page, EXAMPLE)
    page.get_by_role("button", name="Show where to start").click()
    results = page.locator("#gm-finder-results")
    assert results.get_attribute("aria-live") == "polite"
    assert page.evaluate("document.activeElement.textContent") == "Where to start"
    assert suggested(page) == ["bridge~on-the-bed", "press-up-on-elbows~on-the-bed",
                               "seated-spinal-twist~chair-twist", "standing-back-bend"]
    out = left_out(page)
    assert list(out) == ["Cat-cow", "Child's pose", "Knee-to-chest stretch", "Pelvic tilts",
                         "Pigeon pose"]
    for text in out.values():
        assert "It involves bending forward, which you said makes your leg pain worse." in text
    assert page.locator(".gm-finder-summary").inner_text() == (
        "4 exercises to start with. 4 of them say to check first. "
        "5 exercises left out for now.")
    text = results.inner_text()
    conditions = {c.id: c for c in content.conditions.conditions}
    for condition in ("pregnancy", "worse-bending-forward"):
        assert " ".join(plain_text(conditions[condition].means).split()) in " ".join(text.split())
    twist = page.locator(".gm-finder-suggested > li").nth(2)
    assert twist.locator("a").first.get_attribute("href") == (
        "exercises/seated-spinal-twist-chair-twist.html")
    checks = " ".join(twist.locator(".gm-finder-check").inner_text().split())
    for item in content.exercises["seated-spinal-twist"].check_first:
        named = {"pregnancy", "worse-bending-forward"} & set(item.conditions)
        assert (plain_text(item.advice) in checks) == bool(named), item.who

    page.get_by_role("link", name="Open these as my routine").click()
    page.wait_for_url("**/my-routine.html#r2=*")
    assert page.url.endswith("my-routine.html#r2=bridge~on-the-bed,press-up-on-elbows~on-the-bed,"
                             "seated-spinal-twist~chair-twist,standing-back-bend")
    routine = page.evaluate("""() => [...document.querySelectorAll('.gm-routine-list > li')]
        .map(li => [li.dataset.slug, li.querySelector('select')?.value ?? ''])""")
    assert routine == [["bridge", "on-the-bed"], ["press-up-on-elbows", "on-the-bed"],
                       ["seated-spinal-twist", "chair-twist"], ["standing-back-bend", ""]]
    watch.assert_clean()
    context.close()


def test_a_warning_sign_shows_no_exercise(browser, hosted: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{hosted}start.html")
    assert page.locator("[data-gm-finder-more]").is_hidden()
    page.locator("#gm-finder-warning-signs-yes").check()
    results = page.locator("#gm-finder-results")
    assert "Get help first. Do what the box above says." in results.inner_text()
    assert results.locator("a").count() == 0
    assert page.locator("[data-gm-finder-more]").is_hidden()
    page.locator("#gm-finder-warning-signs-no").check()
    assert page.locator("[data-gm-finder-more]").is_visible()
    assert results.inner_text().strip() == ""
    context.close()


def test_every_question_must_be_answered(browser, hosted: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{hosted}start.html")
    answer(page, {"warning-signs": "no", "floor": "yes"})
    page.get_by_role("button", name="Show where to start").click()
    assert page.locator("[data-gm-finder-status]").inner_text() == (
        "Please answer this question: Are you pregnant?")
    assert page.evaluate("document.activeElement.id") == "gm-finder-pregnancy-yes"
    assert page.locator(".gm-finder-suggested").count() == 0
    context.close()


def test_the_results_follow_changed_answers(browser, hosted: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{hosted}start.html")
    answer(page, {**EXAMPLE, "pregnancy": "no", "bending-forward": "no", "floor": "yes"})
    page.get_by_role("button", name="Show where to start").click()
    assert page.locator(".gm-finder-left-out").count() == 0
    assert "knee-to-chest" in suggested(page)
    page.locator("#gm-finder-turning-yes").check()
    assert "seated-spinal-twist" not in suggested(page)
    assert list(left_out(page)) == ["Seated spinal twist"]
    context.close()


def test_the_finder_works_with_the_keyboard_alone(browser, hosted: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{hosted}start.html")
    tab_to(page, "#gm-finder-warning-signs-yes")
    page.keyboard.press("ArrowDown")  # the radio group's next choice: "No"
    assert page.locator("#gm-finder-warning-signs-no").is_checked()
    for name in ("floor", "pregnancy", "hip-replacement", "knee-replacement",
                 "bending-forward", "arching-back", "turning"):
        tab_to(page, f"#gm-finder-{name}-yes")
        page.keyboard.press("Space")
        page.keyboard.press("ArrowDown")
    tab_to(page, "[data-gm-finder-show]")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Where to start"
    assert len(suggested(page)) == 9  # every answer "no": nothing is left out
    tab_to(page, ".gm-finder-routine")
    page.keyboard.press("Enter")
    page.wait_for_url("**/my-routine.html#r2=*")
    context.close()


def test_without_javascript_the_page_lists_every_exercise(
        browser, built_site: BuiltSite, hosted: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{hosted}start.html")
    assert page.locator("#gm-finder").is_hidden()
    listed = page.locator("[data-gm-finder-nojs]")
    assert listed.is_visible()
    hrefs = set(listed.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))"))
    for slug, exercise in built_site.content.exercises.items():
        assert f"exercises/{slug}.html" in hrefs
        assert {f"exercises/{slug}-{v.id}.html" for v in exercise.versions} <= hrefs
    assert page.locator(".gm-red-flags").is_visible()
    context.close()


def test_it_works_from_a_copy_on_disk(browser, built_site: BuiltSite) -> None:
    context = browser.new_context()
    watch = Watch(context, "file://")
    page = watch.page
    page.goto((built_site.folder / "start.html").as_uri())
    answer(page, {**EXAMPLE, "pregnancy": "no", "bending-forward": "no"})
    page.get_by_role("button", name="Show where to start").click()
    assert suggested(page)[0] == "bridge~on-the-bed"
    page.get_by_role("link", name="Open these as my routine").click()
    page.wait_for_url("**/my-routine.html#r2=*")
    assert page.locator(".gm-routine-list > li").count() == 9
    watch.assert_clean()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844},
                                      {"width": 1280, "height": 900}], ids=["phone", "desktop"])
def test_axe_finds_nothing_in_the_answered_finder(browser, hosted: str, scheme: str,
                                                  viewport: dict[str, int]) -> None:
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.goto(f"{hosted}start.html")
    answer(page, {**EXAMPLE, "hip-replacement": "yes"})
    page.get_by_role("button", name="Show where to start").click()
    assert axe_violations(page) == []
    context.close()


def test_every_control_of_the_answered_finder_shows_its_focus(browser, hosted: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(f"{hosted}start.html")
    answer(page, EXAMPLE)
    page.get_by_role("button", name="Show where to start").click()
    page.focus("#gm-finder-warning-signs-no")
    states = tab_through(page)
    names = [s["name"] for s in states]
    assert any("gm-finder-turning" in n for n in names), names
    assert any("Open these as my routine" in n for n in names), names
    assert [s["name"] for s in states if not s["visible"]] == []
    context.close()


@pytest.mark.parametrize("width,doubled", [(320, True), (390, True)])
def test_the_answered_finder_fits_the_screen_at_200_percent(browser, hosted: str, width: int,
                                                             doubled: bool) -> None:
    from test_reflow import OFF_THE_SIDE, double_the_text

    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{hosted}start.html")
    if doubled:
        double_the_text(page)
    answer(page, EXAMPLE)
    page.get_by_role("button", name="Show where to start").click()
    assert page.evaluate(OFF_THE_SIDE) == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_home_pages_first_phone_screen_says_what_to_do_first(browser, hosted: str,
                                                                 scheme: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{hosted}index.html")
    start = page.locator("article").get_by_role("link", name="Find where to start").first
    signs = page.locator("article").get_by_role("link", name="warning signs").first
    for link in (start, signs):
        box = link.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 844, link
    assert page.locator("article .gm-cards").first.bounding_box()["y"] > 844
    start.click()
    page.wait_for_url("**/start.html")
    context.close()
