"""The built HTML, read as a reader would get it: every caution present, with its words."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup, Tag

from gentle_movements import blocks
from gentle_movements.markup import normalise, plain_text
from gentle_movements.model.exercise import STOP_GROUP_TITLES
from gentle_movements.pages.boxes import exercise_stop_rules
from gentle_movements.pages.exercise import version_pages
from gentle_movements.urls import built_path, exercise_path
from shared import BuiltSite, site_pages


def block(soup: BeautifulSoup, css_class: str) -> Tag:
    found = soup.select(f".{css_class}")
    assert found, f"no .{css_class} block"
    return found[0]


def text_of(element: Tag) -> str:
    return normalise(element.get_text(" "))


def words(markdown: str) -> str:
    return normalise(plain_text(markdown))


def assert_says(element: Tag, phrases: list[str]) -> None:
    text = text_of(element)
    assert text, "block is empty"
    for phrase in phrases:
        assert words(phrase) in text


def test_build_logs_no_warnings(built_site: BuiltSite) -> None:
    assert built_site.warnings == []


def test_exercise_page_has_its_cautions(built_site: BuiltSite, slug: str) -> None:
    exercise = built_site.content.exercises[slug]
    soup = built_site.soup(f"exercises/{slug}.html")
    stop_if = block(soup, blocks.STOP_IF)
    rules = exercise_stop_rules(built_site.content, exercise)
    assert_says(stop_if, [rule for _, group in rules.in_order() for rule in group])
    assert len(stop_if.select("li")) == rules.count()
    # Grouped, each under its title, in the order stop now, make it smaller, the next day.
    titles = [text_of(title) for title in stop_if.select(f".{blocks.STOP_GROUP}")]
    assert titles == [STOP_GROUP_TITLES[name] for name, _ in rules.in_order()]
    check_first = block(soup, blocks.CHECK_FIRST)
    for caution in exercise.check_first:
        assert_says(check_first, [caution.who, caution.advice])


def test_exercise_page_has_the_red_flag_box(built_site: BuiltSite, slug: str) -> None:
    soup = built_site.soup(f"exercises/{slug}.html")
    box = block(soup, blocks.RED_FLAGS)
    red_flags = built_site.content.red_flags
    assert_says(box, [red_flags.emergency.action, *red_flags.emergency.signs])
    assert_says(box, [red_flags.urgent.action, *red_flags.urgent.signs])
    assert "999" in text_of(box) and "911" in text_of(box) and "112" in text_of(box)


def test_exercise_page_has_dose_steps_and_versions(built_site: BuiltSite, slug: str) -> None:
    """The exercise's page, and each version's, has its own dose, steps, start and feeling,
    and lists the other versions and the smaller changes."""
    exercise = built_site.content.exercises[slug]
    for version_id in version_pages(exercise):
        shown = exercise.version(version_id) if version_id else exercise
        soup = built_site.soup(built_path(exercise_path(slug, version_id)))
        dose = block(soup, blocks.DOSE)
        assert_says(dose, [shown.dose.how_often, shown.dose.one_repetition])
        repeats = shown.dose.repetitions
        assert f"{repeats.min} " in text_of(dose) and f"{repeats.max} time" in text_of(dose)
        if shown.dose.hold_seconds:
            assert f"{shown.dose.hold_seconds.max} second" in text_of(dose)
        steps = block(soup, blocks.STEPS).select("ol > li")
        assert [text_of(step) for step in steps] == [words(step) for step in shown.steps]
        assert_says(block(soup, blocks.START), [shown.start])
        assert_says(block(soup, blocks.FEEL), [shown.you_should_feel])
        if shown.cautions:
            assert_says(block(soup, blocks.VERSION_CAUTIONS), shown.cautions)
        for kind, section in (("easier", blocks.EASIER), ("harder", blocks.HARDER)):
            listed = [v.name for v in exercise.versions if v.kind == kind]
            listed += [a.how for a in exercise.adjustments if a.kind == kind]
            if listed:
                assert_says(block(soup, section), listed)
        assert_says(block(soup, blocks.MISTAKES), exercise.common_mistakes)
    easier = text_of(block(built_site.soup(f"exercises/{slug}.html"), blocks.EASIER)).lower()
    assert "chair" in easier or "bed" in easier


def test_the_version_switch_links_every_version_and_marks_this_one(built_site: BuiltSite,
                                                                  slug: str) -> None:
    exercise = built_site.content.exercises[slug]
    pages = [built_path(exercise_path(slug, v)) for v in version_pages(exercise)]
    names = [exercise.version_name, *(v.name for v in exercise.versions)]
    for page in pages:
        switch = block(built_site.soup(page), blocks.VERSION_SWITCH)
        links = switch.select("a[href]")
        assert [f"exercises/{a['href']}" for a in links] == pages
        assert [text_of(a).removesuffix(" (harder)") for a in links] == names
        current = switch.select("a[aria-current='page']")
        assert [f"exercises/{a['href']}" for a in current] == [page]


def test_exercise_page_cites_sources_and_review(built_site: BuiltSite, slug: str) -> None:
    exercise = built_site.content.exercises[slug]
    soup = built_site.soup(f"exercises/{slug}.html")
    links = {a["href"] for a in block(soup, blocks.SOURCES).select("a[href]")}
    assert {source.url for source in exercise.sources} <= links
    review = text_of(block(soup, blocks.REVIEW))
    assert f"{exercise.review.last:%B %Y}" in review
    assert f"{exercise.review.next_due:%B %Y}" in review
    if exercise.review.clinical is None:
        assert "Not yet reviewed by a clinician" in review


def test_exercise_sections_have_stable_anchors(built_site: BuiltSite, slug: str) -> None:
    exercise = built_site.content.exercises[slug]
    anchors = dict(blocks.ANCHORS)
    if not exercise.has_harder:
        anchors.pop(blocks.HARDER)
    for version_id in version_pages(exercise):
        soup = built_site.soup(built_path(exercise_path(slug, version_id)))
        for anchor in anchors.values():
            assert soup.find(id=anchor), f"#{anchor} is missing"


def test_exercise_page_states_type_and_direction(built_site: BuiltSite, slug: str) -> None:
    from gentle_movements.pages.wording import DIRECTION_LABELS, KIND_LABELS

    exercise = built_site.content.exercises[slug]
    facts = text_of(block(built_site.soup(f"exercises/{slug}.html"), "gm-facts")).lower()
    assert KIND_LABELS[exercise.kind].lower() in facts
    for direction in exercise.directions:
        assert DIRECTION_LABELS[direction].lower() in facts


def test_safety_page_lists_every_tip_and_red_flag(built_site: BuiltSite) -> None:
    soup = built_site.soup("safety.html")
    for tip in built_site.content.safety_tips.tips:
        heading = soup.find(id=tip.id)
        assert heading is not None and words(tip.title) in text_of(heading)
    box = block(soup, blocks.RED_FLAGS)
    red_flags = built_site.content.red_flags
    for group in (red_flags.emergency, red_flags.urgent, red_flags.soon):
        assert_says(box, [group.action, *group.signs])
    rules = built_site.content.stop_rules.always
    assert_says(block(soup, blocks.STOP_IF), [r for _, group in rules.in_order() for r in group])


def test_faq_has_every_question_with_its_anchor(built_site: BuiltSite) -> None:
    soup = built_site.soup("faq.html")
    for question in built_site.content.faq.questions:
        heading = soup.find(id=question.id)
        assert heading is not None, f"#{question.id} is missing"
        assert heading.name == "h2"
        assert words(question.question) in text_of(heading)


@pytest.mark.parametrize("index_page", ["index.html", "exercises/index.html"])
def test_every_exercise_is_linked_from(built_site: BuiltSite, index_page: str) -> None:
    soup = built_site.soup(index_page)
    prefix = "" if index_page.startswith("exercises/") else "exercises/"
    hrefs = {a["href"] for a in soup.select("article a[href]")}
    for slug in built_site.content.exercises:
        assert f"{prefix}{slug}.html" in hrefs, f"{index_page} does not link {slug}"


def test_every_exercise_is_linked_from_its_group_page(built_site: BuiltSite, slug: str) -> None:
    from gentle_movements.urls import EXERCISE_GROUPS

    kind = built_site.content.exercises[slug].kind
    group = next(name for name, (_, kinds) in EXERCISE_GROUPS.items() if kind in kinds)
    soup = built_site.soup(f"exercises/{group}/index.html")
    assert f"../{slug}.html" in {a["href"] for a in soup.select("article a[href]")}


def all_pages(built_site: BuiltSite) -> list[str]:
    return site_pages(built_site.folder)


def test_every_page_has_one_h1_and_a_description(built_site: BuiltSite) -> None:
    pages = all_pages(built_site)
    assert len(pages) >= 7 + 8
    for page in pages:
        soup = built_site.soup(page)
        assert len(soup.select("article h1")) == 1, page
        description = soup.find("meta", attrs={"name": "description"})
        assert description and description.get("content", "").strip(), page


def test_every_page_says_it_is_not_medical_advice(built_site: BuiltSite) -> None:
    for page in all_pages(built_site):
        footer = text_of(built_site.soup(page).select_one("footer"))
        assert "not a diagnosis or a replacement for a health professional" in footer, page


def test_no_page_loads_anything_from_another_host(built_site: BuiltSite) -> None:
    for page in all_pages(built_site):
        soup = built_site.soup(page)
        for element in soup.select("script[src], link[href], img[src], iframe, source[src]"):
            address = element.get("src") or element.get("href") or ""
            if element.name == "link" and element.get("rel") == ["canonical"]:
                continue
            assert not address.startswith(("http:", "https:", "//")), f"{page}: {address}"


def test_generated_pages_edit_their_content_file(built_site: BuiltSite, slug: str) -> None:
    from shared import TEST_REPO_URL

    soup = built_site.soup(f"exercises/{slug}.html")
    edit = soup.select_one("a.md-content__button[href*='/edit/']")
    assert edit is not None
    assert edit["href"] == f"{TEST_REPO_URL}/edit/main/content/exercises/{slug}.yml"


def test_hand_written_pages_show_review_dates(built_site: BuiltSite) -> None:
    for page in ("index.html", "understanding-sciatica.html", "how-to-use.html", "about.html"):
        review = text_of(block(built_site.soup(page), blocks.REVIEW))
        assert "Last reviewed" in review and "Next review due" in review, page


@pytest.mark.parametrize("page", ["safety.html", "faq.html"])
def test_clinical_pages_cite_their_sources(built_site: BuiltSite, page: str) -> None:
    sources = built_site.soup(page).select(f".{blocks.SOURCES} a[href^='https://']")
    assert len(sources) >= 3


def test_search_finds_content_not_controls_or_boilerplate(built_site: BuiltSite) -> None:
    index = json.loads((built_site.folder / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(f"{entry['title']} {entry['text']}" for entry in index["docs"])
    for content in ("piriformis", "cauda equina", "Knee to chest"):
        assert content.lower() in text.lower(), content
    # Controls and lines repeated on every exercise page would crowd the results.
    for repeated in ("Copy link", "Choose exercises", "Ready when you are",
                     "Some symptoms need urgent help", "not a diagnosis or a replacement"):
        assert repeated.lower() not in text.lower(), repeated
