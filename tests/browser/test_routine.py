"""The "My routine" page in Chromium: the routine link round trip, links that name missing or
renamed exercises, remembering on the device only when asked, printing on one page, keyboard
use, and use offline from disk."""

from __future__ import annotations

from browsing import Watch, tab_to
from shared import TEST_SITE_URL, BuiltSite

STORAGE_KEY = "gentle-movements:routine"


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


def test_a_routine_link_opens_the_same_routine_elsewhere(browser, built_site: BuiltSite,
                                                         hosted: str) -> None:
    content = built_site.content
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{hosted}my-routine.html")
    assert shown(page) == [] and page.locator("[data-gm-routine-empty]").is_visible()
    for title in ("Bridge", "Cat-cow", "Pigeon pose"):
        page.get_by_label(title, exact=True).check()
    assert address(page) == "#r2=bridge,cat-cow,pigeon-pose"
    page.get_by_label("Version").nth(1).select_option("on-a-chair")
    page.locator("[data-slug='pigeon-pose']").get_by_role("button", name="Move up").click()
    page.locator("[data-slug='bridge']").get_by_role("button", name="Remove").click()
    expected = "#r2=pigeon-pose,cat-cow~on-a-chair"
    assert address(page) == expected
    assert page.locator("[data-gm-routine-address]").inner_text() == page.url
    assert "On a chair" in page.locator("[data-slug='cat-cow']").inner_text()
    link = page.url
    context.close()

    elsewhere = browser.new_context(viewport={"width": 390, "height": 844})
    other = elsewhere.new_page()
    other.goto(link)
    assert shown(other) == [("pigeon-pose", ""), ("cat-cow", "on-a-chair")]
    assert address(other) == expected
    assert other.get_by_label("Cat-cow", exact=True).is_checked()
    assert not other.get_by_label("Bridge", exact=True).is_checked()
    cat_cow = other.locator("[data-slug='cat-cow']").inner_text()
    assert content.exercises["cat-cow"].version("on-a-chair").summary in cat_cow
    assert other.locator("[data-slug='cat-cow'] h3 a").get_attribute("href") == (
        "exercises/cat-cow-on-a-chair.html")
    assert notice(other) == ""
    elsewhere.close()


def test_a_link_naming_a_missing_exercise_says_so(browser, hosted: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{hosted}my-routine.html#r2=bridge,xyz,cat-cow~on-a-sofa")
    said = notice(page)
    assert "This routine names an exercise we no longer have: 'xyz'." in said
    assert "a version of Cat-cow that we no longer have as a page of its own ('on-a-sofa')" \
        in said
    assert shown(page) == [("bridge", ""), ("cat-cow", "")]
    assert address(page) == "#r2=bridge,cat-cow"
    context.close()


def test_a_link_of_the_first_format_opens_the_versions_its_numbers_are_now(
        browser, hosted: str) -> None:
    """Printed routines carry format 1 (#r=), which named versions by number."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{hosted}my-routine.html#r=cat-cow~easier3,bridge~easier1,knee-to-chest~harder1")
    assert shown(page) == [("cat-cow", "on-a-chair"), ("bridge", ""),
                           ("knee-to-chest", "both-knees")]
    assert address(page) == "#r2=cat-cow~on-a-chair,bridge,knee-to-chest~both-knees"
    assert "It shows Bridge (on the floor), whose page lists the smaller changes." in notice(page)
    context.close()


def test_a_link_in_a_newer_format_says_so(browser, hosted: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{hosted}my-routine.html#r3=bridge")
    assert "newer version of this site" in notice(page)
    assert shown(page) == []
    context.close()


def test_a_renamed_exercise_opens_under_its_new_name(browser, renamed_site: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{renamed_site}my-routine.html#r2=bridge~on-the-bed,cat-cow")
    assert shown(page) == [("glute-bridge", "on-the-bed"), ("cat-cow", "")]
    assert address(page) == "#r2=glute-bridge~on-the-bed,cat-cow"
    assert notice(page) == ""
    assert page.locator("[data-slug='glute-bridge'] h3 a").get_attribute("href") == (
        "exercises/glute-bridge-on-the-bed.html")  # the version chosen
    context.close()


def test_remembering_only_when_asked_and_forgetting(browser, hosted: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{hosted}my-routine.html")
    remember = page.get_by_label("Remember my routine on this device")
    assert not remember.is_checked()
    page.get_by_label("Bridge", exact=True).check()
    assert kept(page) is None, "kept without being asked"

    remember.check()
    assert kept(page) == "r2=bridge"
    page.get_by_label("Cat-cow", exact=True).check()
    assert kept(page) == "r2=bridge,cat-cow"

    # Another visit on this device, with no routine in the address, opens the kept one.
    again = context.new_page()
    again.goto(f"{hosted}my-routine.html")
    assert shown(again) == [("bridge", ""), ("cat-cow", "")]
    assert again.get_by_label("Remember my routine on this device").is_checked()

    # "Add to my routine" on an exercise page adds to it.
    again.goto(f"{hosted}exercises/knee-to-chest.html")
    add = again.locator("[data-gm-routine-add]")
    assert add.get_attribute("href") == "../my-routine.html#r2=bridge,cat-cow&add=knee-to-chest"
    add.click()
    again.wait_for_url("**/my-routine.html#r2=bridge,cat-cow,knee-to-chest")
    assert [slug for slug, _ in shown(again)] == ["bridge", "cat-cow", "knee-to-chest"]
    assert notice(again) == "Added: Knee-to-chest stretch. Your routine has 3 exercises."
    assert kept(again) == "r2=bridge,cat-cow,knee-to-chest"

    # A version's page adds that version.
    again.goto(f"{hosted}exercises/pigeon-pose-figure-4-chair.html")
    again.locator("[data-gm-routine-add]").click()
    again.wait_for_url("**/my-routine.html#r2=bridge,cat-cow,knee-to-chest,"
                       "pigeon-pose~figure-4-chair")
    assert shown(again)[-1] == ("pigeon-pose", "figure-4-chair")
    again.locator("[data-slug='pigeon-pose']").get_by_role("button", name="Remove").click()

    # A link to a different routine replaces it, and offers the kept one back.
    again.goto(f"{hosted}my-routine.html#r2=pigeon-pose")
    assert shown(again) == [("pigeon-pose", "")]
    back = again.get_by_role("button", name="Go back to the routine remembered before")
    back.click()
    assert [slug for slug, _ in shown(again)] == ["bridge", "cat-cow", "knee-to-chest"]
    assert address(again) == "#r2=bridge,cat-cow,knee-to-chest"

    again.get_by_role("button", name="Forget my routine on this device").click()
    assert kept(again) is None
    assert not again.get_by_label("Remember my routine on this device").is_checked()
    assert "Forgotten" in again.locator("[data-gm-routine-status]").inner_text()
    again.goto(f"{hosted}my-routine.html")
    assert shown(again) == []
    again.goto(f"{hosted}exercises/bridge.html")
    assert again.locator("[data-gm-routine-add]").get_attribute("href") == (
        "../my-routine.html#add=bridge")
    context.close()


def focused(page) -> str:
    return page.evaluate("""() => {
      const e = document.activeElement;
      return (e.closest('[data-slug]')?.dataset.slug ?? '') + ' ' + e.textContent.trim()
        + (e.id ? '#' + e.id : '');
    }""")


def test_the_routine_works_with_the_keyboard_alone(browser, hosted: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{hosted}my-routine.html")
    tab_to(page, "#gm-pick-cat-cow")
    page.keyboard.press("Space")
    tab_to(page, "#gm-pick-pigeon-pose")
    page.keyboard.press("Space")
    assert address(page) == "#r2=cat-cow,pigeon-pose"

    tab_to(page, "[data-slug='pigeon-pose'] .gm-routine-item-buttons button:first-child",
           backwards=True)
    page.keyboard.press("Enter")
    assert address(page) == "#r2=pigeon-pose,cat-cow"
    assert focused(page) == "pigeon-pose Move up Pigeon pose", "the focus stays on the button"

    tab_to(page, "#gm-version-cat-cow")
    page.keyboard.press("ArrowDown")
    assert address(page) == "#r2=pigeon-pose,cat-cow~on-a-chair"

    tab_to(page, "#gm-routine-remember")
    page.keyboard.press("Space")
    assert kept(page) == "r2=pigeon-pose,cat-cow~on-a-chair"
    tab_to(page, "[data-gm-routine-forget]")
    page.keyboard.press("Enter")
    assert kept(page) is None

    tab_to(page, "[data-slug='pigeon-pose'] .gm-routine-item-buttons button:last-child",
           backwards=True)
    page.keyboard.press("Enter")
    assert address(page) == "#r2=cat-cow~on-a-chair"
    assert focused(page) == "cat-cow Remove Cat-cow", "the focus moves to the next exercise"
    page.keyboard.press("Enter")
    assert address(page) == "#r2="
    assert focused(page).startswith(" Your routine is empty."), "the focus stays in the list"
    context.close()


def test_the_routine_works_offline_from_disk(browser, built_site: BuiltSite) -> None:
    page_file = (built_site.folder / "my-routine.html").as_uri()
    context = browser.new_context(offline=True)
    context.add_init_script("window.print = () => { window.__printed = true }")
    watch = Watch(context, "file://")
    page = watch.page
    page.goto(page_file)
    page.get_by_label("Knee-to-chest stretch", exact=True).check()
    page.get_by_label("Version").select_option("both-knees")
    assert address(page) == "#r2=knee-to-chest~both-knees"
    # From disk, the link to share is the website's, which opens on any device.
    assert page.locator("[data-gm-routine-address]").inner_text() == (
        f"{TEST_SITE_URL}my-routine.html#r2=knee-to-chest~both-knees")
    page.get_by_role("button", name="Print my routine").click()
    assert page.evaluate("window.__printed") is True
    link = page.url
    watch.assert_clean()
    context.close()

    elsewhere = browser.new_context(offline=True)
    watch = Watch(elsewhere, "file://")
    watch.page.goto(link)
    assert shown(watch.page) == [("knee-to-chest", "both-knees")]
    watch.assert_clean()
    elsewhere.close()


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


def test_adding_from_exercise_pages_builds_one_routine_without_remembering(
        browser, hosted: str) -> None:
    # Knee-to-chest, then cat-cow, then bridge: a routine of all three, each addition said,
    # with nothing kept on the device.
    context = browser.new_context()
    page = context.new_page()
    for count, (slug, title) in enumerate((("knee-to-chest", "Knee-to-chest stretch"),
                                           ("cat-cow", "Cat-cow"), ("bridge", "Bridge")), 1):
        page.goto(f"{hosted}exercises/{slug}.html")
        add = page.locator("[data-gm-routine-add]")
        so_far = count - 1
        assert add.inner_text() == ("Add to my routine" if so_far == 0 else
                                    f"Add to my routine ({so_far} exercise"
                                    f"{'' if so_far == 1 else 's'} so far)")
        add.click()
        page.wait_for_url("**/my-routine.html#r2=*")
        page.wait_for_function("!location.hash.includes('add=')")
        exercises = "exercise" if count == 1 else "exercises"
        assert notice(page) == f"Added: {title}. Your routine has {count} {exercises}."
    assert [slug for slug, _ in shown(page)] == ["knee-to-chest", "cat-cow", "bridge"]
    assert address(page) == "#r2=knee-to-chest,cat-cow,bridge"
    assert kept(page) is None, "kept on the device without being asked"
    # Back on an exercise already in it: the link opens the routine instead of adding again.
    page.goto(f"{hosted}exercises/cat-cow.html")
    add = page.locator("[data-gm-routine-add]")
    assert add.inner_text() == "Open my routine (it has this exercise)"
    assert add.get_attribute("href") == "../my-routine.html#r2=knee-to-chest,cat-cow,bridge"
    context.close()


def test_each_control_in_the_routine_has_its_own_name(browser, hosted: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{hosted}my-routine.html#r2=bridge,cat-cow,pigeon-pose")
    for title in ("Bridge", "Cat-cow", "Pigeon pose"):
        assert page.get_by_role("combobox", name=f"Version of {title}", exact=True).count() == 1
        for action in ("Move up", "Move down", "Remove"):
            assert page.get_by_role("button", name=f"{action} {title}", exact=True).count() == 1
    context.close()
