"""The pages readers asked for: pregnancy, everyday life, medicines, flare-ups, and getting
down to the floor and back up, which every floor exercise links to from its starting
position, on screen and on paper."""

from __future__ import annotations

import pytest
from test_audit import audit_edited, edited

from gentle_movements import blocks
from gentle_movements.markup import normalise, plain_text
from gentle_movements.model.site import SiteContent
from gentle_movements.pages import floor_link
from shared import ROOT, TEST_SITE_URL, BuiltSite

GUIDES = ["pregnancy.html", "everyday-life.html", "medicines.html", "flare-ups.html",
          floor_link.PAGE.removesuffix(".md") + ".html"]


@pytest.mark.parametrize("page", GUIDES)
def test_each_guide_is_in_the_navigation_with_its_review_dates(built_site: BuiltSite,
                                                                page: str) -> None:
    home = built_site.soup("index.html")
    assert home.select_one(f"nav.md-nav a[href='{page}']") is not None, page
    review = built_site.soup(page).select_one(f".{blocks.REVIEW}")
    assert review is not None and "Next review due" in review.get_text(), page


def test_every_floor_exercise_links_to_the_floor_page_from_its_start(built_site: BuiltSite,
                                                                      slug: str) -> None:
    exercise = built_site.content.exercises[slug]
    start = built_site.soup(f"exercises/{slug}.html").select_one(f".{blocks.START}")
    help_line = start.select_one(f".{blocks.FLOOR_HELP}")
    if not floor_link.starts_on_the_floor(exercise):
        assert help_line is None, f"{slug} does not start on the floor"
        return
    assert help_line is not None, f"{slug} starts on the floor but does not say how to get there"
    assert help_line.select_one("a[href='../getting-down-to-the-floor.html']") is not None
    # A printout cannot be clicked: it carries the address to type.
    printed = help_line.select_one(".gm-print-only code")
    assert printed is not None and printed.get_text() == floor_link.address(TEST_SITE_URL)


def test_the_new_positions_are_both_on_and_off_the_floor(content: SiteContent) -> None:
    assert floor_link.starts_on_the_floor(content.exercises["press-up-on-elbows"])
    assert not floor_link.starts_on_the_floor(content.exercises["standing-back-bend"])
    assert floor_link.floor_help("").count("gm-print-only") == 0  # no address to print, no line


def test_the_floor_page_shows_every_stage_with_its_steps_and_pictures(
        built_site: BuiltSite) -> None:
    soup = built_site.soup("getting-down-to-the-floor.html")
    guide = built_site.content.floor
    text = normalise(soup.select_one("article").get_text(" "))
    for stage in guide.stages:
        assert soup.find(id=stage.id) is not None, stage.id
        for step in stage.steps:
            assert normalise(plain_text(step)) in text, step
    figures = soup.select("figure.gm-figure")
    drawn = [item for stage in guide.stages for item in stage.illustrations]
    assert len(figures) == len(drawn) >= 4
    assert len(soup.select("figure.gm-figure--main")) == len(drawn), "every picture prints"
    for figure, item in zip(figures, drawn, strict=True):
        assert [svg["aria-label"] for svg in figure.select(".gm-frame svg[role='img']")] == [
            item.start.alt, item.end.alt]
    assert soup.select_one(f".{blocks.SOURCES} a[href^='https://']") is not None


def test_the_pregnancy_page_shows_its_own_warning_signs_and_the_backs(
        built_site: BuiltSite) -> None:
    soup = built_site.soup("pregnancy.html")
    box = soup.select_one(f".{blocks.PREGNANCY_SIGNS}")
    assert box is not None
    text = normalise(box.get_text(" "))
    for group in built_site.content.pregnancy_signs.groups:
        for words in (group.action, *group.signs):
            assert normalise(words) in text, words
    assert soup.select_one(f".{blocks.RED_FLAGS}") is not None


def test_pregnancy_warning_signs_are_written_only_in_their_content_file(
        content: SiteContent) -> None:
    signs = [normalise(sign) for group in content.pregnancy_signs.groups for sign in group.signs]
    for path in sorted((ROOT / "docs").glob("*.md")):
        page = normalise(path.read_text(encoding="utf-8"))
        copied = [sign for sign in signs if sign in page]
        assert copied == [], f"{path.name} copies signs; use <!-- gm:pregnancy-warning-signs -->"


def test_a_floor_exercise_without_its_floor_link_fails_the_audit(built_site: BuiltSite) -> None:
    findings = audit_edited(built_site, {
        "exercises/press-up-on-elbows.html": edited(
            built_site, "exercises/press-up-on-elbows.html",
            lambda soup: soup.select_one(f".{blocks.FLOOR_HELP}").decompose()),
        "pregnancy.html": edited(
            built_site, "pregnancy.html",
            lambda soup: soup.select_one(f".{blocks.PREGNANCY_SIGNS}").decompose()),
    })
    assert findings == [
        f"exercises/press-up-on-elbows.html: the {blocks.FLOOR_HELP} block is missing",
        f"pregnancy.html: the {blocks.PREGNANCY_SIGNS} block is missing",
    ]
