"""The "My routine" page: its Markdown and data, and in Chromium the routine link round trip,
links that name missing or renamed exercises, remembering on the device only when asked,
printing on one page, keyboard use, and use offline from disk."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from conftest import TEST_SITE_URL, BuiltSite, tab_to
from gentle_movements.model.site import SiteContent
from gentle_movements.pages import registry as pages
from gentle_movements.pages import routine
from gentle_movements.pages.wording import KIND_LABELS
from test_browser import Watch

STORAGE_KEY = "gentle-movements:routine"


def data_in(markdown_or_html: str) -> dict:
    found = re.search(r'<script type="application/json" id="gm-routine-data">(.*?)</script>',
                      markdown_or_html, re.DOTALL)
    assert found, "no routine data block"
    return json.loads(found.group(1))


# The page's Markdown and data ---------------------------------------------------------------


def test_the_data_has_what_the_script_needs(content: SiteContent) -> None:
    data = data_in(routine.routine_page(content, TEST_SITE_URL))
    assert data["format"] == routine.FORMAT == 1
    assert data["page"] == f"{TEST_SITE_URL}my-routine.html"
    assert [e["slug"] for e in data["exercises"]] == list(content.exercises)
    for entry in data["exercises"]:
        exercise = content.exercises[entry["slug"]]
        hosted = f"{TEST_SITE_URL}exercises/{entry['slug']}.html"
        assert entry["title"] == exercise.title
        assert entry["kind"] == KIND_LABELS[exercise.kind]
        assert entry["address"] == f"exercises/{entry['slug']}.html"
        assert entry["hosted"] == hosted
        labels = [label for label, _ in entry["dose"]]
        assert labels[-2:] == ["How often", "One repetition"]
        assert ("Hold" in labels) == (exercise.dose.hold_seconds is not None)
        assert [v["how"] for v in entry["easier"]] == [v.how for v in exercise.easier]
        assert [v["name"].split(" (")[0] for v in entry["harder"]] == [
            v.name for v in exercise.harder]
        pictured = {f"easier{n}" for n, v in enumerate(exercise.easier, 1)
                    if v.name in {item.version for item in exercise.illustrations}}
        assert set(entry["pictured"]) == pictured


def test_dose_lines_say_what_the_exercise_page_says(content: SiteContent) -> None:
    dose = content.exercises["knee-to-chest"].dose
    assert routine.dose_lines(dose)[:2] == ["Hold: 20 to 30 seconds",
                                            "Repeat: 3 times on each side"]
    assert routine.dose_summary(dose) == "Hold: 20 to 30 seconds. Repeat: 3 times on each side."
    assert routine.dose_summary(content.exercises["cat-cow"].dose) == "Repeat: 5 to 10 times."


def test_the_data_block_cannot_end_its_script(content: SiteContent) -> None:
    # Past the model (which refuses both), as character codes: the title's words are then
    # "Bridge</script><b>".
    bridge = content.exercises["bridge"].model_copy(
        update={"title": "Bridge&lt;/script&gt;&lt;b&gt;"})
    hostile = dataclasses.replace(content, exercises={**content.exercises, "bridge": bridge})
    block = routine.routine_data(hostile, TEST_SITE_URL)
    body = block.removeprefix('<script type="application/json" id="gm-routine-data">')
    body = body.removesuffix("</script>")
    assert "<" not in body and ">" not in body
    assert json.loads(body)["exercises"][0]["title"] == "Bridge</script><b>"


def test_renamed_exercises_are_in_the_data(content: SiteContent) -> None:
    renamed = dataclasses.replace(
        content, redirects=content.redirects.model_copy(update={"exercises": {"old": "bridge"}}))
    assert data_in(routine.routine_page(renamed, ""))["redirects"] == {"old": "bridge"}


def test_without_javascript_the_page_lists_every_exercise(content: SiteContent) -> None:
    page = routine.routine_page(content, TEST_SITE_URL)
    no_script = page.split('data-gm-routine-nojs')[1].split("</div>")[0]
    assert "needs JavaScript" in no_script
    for slug, exercise in content.exercises.items():
        assert f"[{exercise.title}](exercises/{slug}.md)" in no_script


def test_the_page_is_generated_and_edits_the_exercises(content: SiteContent) -> None:
    made = {page.src_uri: page for page in pages.generated_pages(content, TEST_SITE_URL)}
    assert made["my-routine.md"].edit_path == "content/exercises/"
    assert not made["my-routine.md"].is_exercise


def test_the_built_page(built_site: BuiltSite) -> None:
    soup = built_site.soup("my-routine.html")
    assert soup.select_one("article h1").get_text().startswith("My routine")
    assert soup.select_one("#gm-routine").has_attr("hidden")
    assert soup.select_one(".gm-red-flags") is not None
    assert soup.select_one(".gm-stop-if") is not None
    assert len(soup.select("[data-gm-routine-pick]")) == len(built_site.content.exercises)
    data = data_in((built_site.folder / "my-routine.html").read_text(encoding="utf-8"))
    assert len(data["exercises"]) == len(built_site.content.exercises)
    nav = [item.select_one("a[href]")["href"]
           for item in soup.select(".md-nav--primary > .md-nav__list > li")]
    assert nav.index("my-routine.html") == nav.index("exercises/index.html") + 1


# In Chromium ------------------------------------------------------------------------------


def shown(page) -> list[tuple[str, str]]:
    """The routine on screen: each exercise's slug and chosen version, in order."""
    return [tuple(item) for item in page.evaluate(
        """() => [...document.querySelectorAll('.gm-routine-list > li')]
             .map(li => [li.dataset.slug, li.querySelector('select')?.value ?? ''])""")]


def address(page) -> str:
    return page.evaluate("location.hash")


def kept(page) -> str | None:
    """The routine this device keeps (Material keeps its colour scheme there too)."""
    return page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")


def notice(page) -> str:
    box = page.locator("[data-gm-routine-notice]")
    return box.inner_text() if box.is_visible() else ""


def version_number(content: SiteContent, slug: str, kind: str, name: str) -> int:
    versions = getattr(content.exercises[slug], kind)
    return [v.name for v in versions].index(name) + 1


@pytest.mark.browser
def test_a_routine_link_opens_the_same_routine_elsewhere(browser, built_site: BuiltSite,
                                                         hosted: str) -> None:
    content = built_site.content
    chair = version_number(content, "cat-cow", "easier", "On a chair")
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{hosted}my-routine.html")
    assert shown(page) == [] and page.locator("[data-gm-routine-empty]").is_visible()
    for title in ("Bridge", "Cat-cow", "Pigeon pose"):
        page.get_by_label(title, exact=True).check()
    assert address(page) == "#r=bridge,cat-cow,pigeon-pose"
    page.get_by_label("Version").nth(1).select_option(f"easier{chair}")
    page.locator("[data-slug='pigeon-pose']").get_by_role("button", name="Move up").click()
    page.locator("[data-slug='bridge']").get_by_role("button", name="Remove").click()
    expected = f"#r=pigeon-pose,cat-cow~easier{chair}"
    assert address(page) == expected
    assert page.locator("[data-gm-routine-address]").inner_text() == page.url
    assert "On a chair" in page.locator("[data-slug='cat-cow']").inner_text()
    link = page.url
    context.close()

    elsewhere = browser.new_context(viewport={"width": 390, "height": 844})
    other = elsewhere.new_page()
    other.goto(link)
    assert shown(other) == [("pigeon-pose", ""), ("cat-cow", f"easier{chair}")]
    assert address(other) == expected
    assert other.get_by_label("Cat-cow", exact=True).is_checked()
    assert not other.get_by_label("Bridge", exact=True).is_checked()
    cat_cow = other.locator("[data-slug='cat-cow']").inner_text()
    assert content.exercises["cat-cow"].easier[chair - 1].how in cat_cow
    assert notice(other) == ""
    elsewhere.close()


@pytest.mark.browser
def test_a_link_naming_a_missing_exercise_says_so(browser, hosted: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{hosted}my-routine.html#r=bridge,xyz,cat-cow~easier9")
    said = notice(page)
    assert "This routine names an exercise we no longer have: 'xyz'." in said
    assert "a version of Cat-cow that we no longer have ('easier9')" in said
    assert shown(page) == [("bridge", ""), ("cat-cow", "")]
    assert address(page) == "#r=bridge,cat-cow"
    context.close()


@pytest.mark.browser
def test_a_link_in_a_newer_format_says_so(browser, hosted: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{hosted}my-routine.html#r2=bridge")
    assert "newer version of this site" in notice(page)
    assert shown(page) == []
    context.close()


@pytest.mark.browser
def test_a_renamed_exercise_opens_under_its_new_name(browser, renamed_site: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{renamed_site}my-routine.html#r=bridge~easier1,cat-cow")
    assert shown(page) == [("glute-bridge", "easier1"), ("cat-cow", "")]
    assert address(page) == "#r=glute-bridge~easier1,cat-cow"
    assert notice(page) == ""
    assert page.locator("[data-slug='glute-bridge'] h3 a").get_attribute("href") == (
        "exercises/glute-bridge.html")
    context.close()


@pytest.mark.browser
def test_remembering_only_when_asked_and_forgetting(browser, hosted: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{hosted}my-routine.html")
    remember = page.get_by_label("Remember my routine on this device")
    assert not remember.is_checked()
    page.get_by_label("Bridge", exact=True).check()
    assert kept(page) is None, "kept without being asked"

    remember.check()
    assert kept(page) == "bridge"
    page.get_by_label("Cat-cow", exact=True).check()
    assert kept(page) == "bridge,cat-cow"

    # Another visit on this device, with no routine in the address, opens the kept one.
    again = context.new_page()
    again.goto(f"{hosted}my-routine.html")
    assert shown(again) == [("bridge", ""), ("cat-cow", "")]
    assert again.get_by_label("Remember my routine on this device").is_checked()

    # "Add to my routine" on an exercise page adds to it.
    again.goto(f"{hosted}exercises/knee-to-chest.html")
    add = again.locator("[data-gm-routine-add]")
    assert add.get_attribute("href") == "../my-routine.html#r=bridge,cat-cow,knee-to-chest"
    add.click()
    again.wait_for_url("**/my-routine.html#r=bridge,cat-cow,knee-to-chest")
    assert [slug for slug, _ in shown(again)] == ["bridge", "cat-cow", "knee-to-chest"]
    assert notice(again) == ""
    assert kept(again) == (
        "bridge,cat-cow,knee-to-chest")

    # A link to a different routine replaces it, and offers the kept one back.
    again.goto(f"{hosted}my-routine.html#r=pigeon-pose")
    assert shown(again) == [("pigeon-pose", "")]
    back = again.get_by_role("button", name="Go back to the routine remembered before")
    back.click()
    assert [slug for slug, _ in shown(again)] == ["bridge", "cat-cow", "knee-to-chest"]
    assert address(again) == "#r=bridge,cat-cow,knee-to-chest"

    again.get_by_role("button", name="Forget my routine on this device").click()
    assert kept(again) is None
    assert not again.get_by_label("Remember my routine on this device").is_checked()
    assert "Forgotten" in again.locator("[data-gm-routine-status]").inner_text()
    again.goto(f"{hosted}my-routine.html")
    assert shown(again) == []
    again.goto(f"{hosted}exercises/bridge.html")
    assert again.locator("[data-gm-routine-add]").get_attribute("href") == (
        "../my-routine.html#r=bridge")
    context.close()


def focused(page) -> str:
    return page.evaluate("""() => {
      const e = document.activeElement;
      return (e.closest('[data-slug]')?.dataset.slug ?? '') + ' ' + e.textContent.trim()
        + (e.id ? '#' + e.id : '');
    }""")


@pytest.mark.browser
def test_the_routine_works_with_the_keyboard_alone(browser, hosted: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{hosted}my-routine.html")
    tab_to(page, "#gm-pick-cat-cow")
    page.keyboard.press("Space")
    tab_to(page, "#gm-pick-pigeon-pose")
    page.keyboard.press("Space")
    assert address(page) == "#r=cat-cow,pigeon-pose"

    tab_to(page, "[data-slug='pigeon-pose'] .gm-routine-item-buttons button:first-child",
           backwards=True)
    page.keyboard.press("Enter")
    assert address(page) == "#r=pigeon-pose,cat-cow"
    assert focused(page) == "pigeon-pose Move up Pigeon pose", "the focus stays on the button"

    tab_to(page, "#gm-version-cat-cow")
    page.keyboard.press("ArrowDown")
    assert address(page) == "#r=pigeon-pose,cat-cow~easier1"

    tab_to(page, "#gm-routine-remember")
    page.keyboard.press("Space")
    assert kept(page) == "pigeon-pose,cat-cow~easier1"
    tab_to(page, "[data-gm-routine-forget]")
    page.keyboard.press("Enter")
    assert kept(page) is None

    tab_to(page, "[data-slug='pigeon-pose'] .gm-routine-item-buttons button:last-child",
           backwards=True)
    page.keyboard.press("Enter")
    assert address(page) == "#r=cat-cow~easier1"
    assert focused(page) == "cat-cow Remove Cat-cow", "the focus moves to the next exercise"
    page.keyboard.press("Enter")
    assert address(page) == "#r="
    assert focused(page).startswith(" Your routine is empty."), "the focus stays in the list"
    context.close()


@pytest.mark.browser
def test_the_routine_works_offline_from_disk(browser, built_site: BuiltSite) -> None:
    page_file = (built_site.folder / "my-routine.html").as_uri()
    context = browser.new_context(offline=True)
    context.add_init_script("window.print = () => { window.__printed = true }")
    watch = Watch(context, "file://")
    page = watch.page
    page.goto(page_file)
    page.get_by_label("Knee-to-chest stretch", exact=True).check()
    page.get_by_label("Version").select_option("harder1")
    assert address(page) == "#r=knee-to-chest~harder1"
    # From disk, the link to share is the website's, which opens on any device.
    assert page.locator("[data-gm-routine-address]").inner_text() == (
        f"{TEST_SITE_URL}my-routine.html#r=knee-to-chest~harder1")
    page.get_by_role("button", name="Print my routine").click()
    assert page.evaluate("window.__printed") is True
    link = page.url
    watch.assert_clean()
    context.close()

    elsewhere = browser.new_context(offline=True)
    watch = Watch(elsewhere, "file://")
    watch.page.goto(link)
    assert shown(watch.page) == [("knee-to-chest", "harder1")]
    watch.assert_clean()
    elsewhere.close()


@pytest.mark.browser
def test_without_javascript_the_page_says_so_and_links_every_exercise(
        browser, built_site: BuiltSite) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((built_site.folder / "my-routine.html").as_uri() + "#r=bridge")
    message = page.locator("[data-gm-routine-nojs]")
    assert message.is_visible() and "needs JavaScript" in message.inner_text()
    hrefs = message.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs == [f"exercises/{slug}.html" for slug in built_site.content.exercises]
    assert not page.locator("#gm-routine").is_visible()
    assert page.locator(".gm-red-flags").is_visible()
    context.close()
