"""The exercise pictures on the built pages: every picture with its alt text, in its place,
as well-formed small SVG."""

from __future__ import annotations

from lxml import etree

from gentle_movements.pages.exercise import version_pages
from gentle_movements.urls import built_path, exercise_path
from shared import SVG_BUDGET, BuiltSite, svg_pictures


def test_exercise_page_shows_every_picture_with_alt_text(built_site: BuiltSite,
                                                         slug: str) -> None:
    """Each page, the exercise's and each version's, shows its own picture, animated."""
    exercise = built_site.content.exercises[slug]
    for version_id in version_pages(exercise):
        soup = built_site.soup(built_path(exercise_path(slug, version_id)))
        section = soup.select_one(".gm-pictures")
        assert section is not None and soup.find(id="pictures") is not None
        shown = section.select("figure.gm-figure")
        assert len(shown) == len(section.select("figure.gm-figure--main")) == 1
        illustration = exercise.picture_of(version_id)
        stills = shown[0].select(".gm-frame svg[role='img']")
        assert [svg["aria-label"] for svg in stills] == [
            illustration.start.alt, illustration.end.alt]
        assert all(svg["aria-label"].strip() for svg in stills)
        assert shown[0].figcaption.get_text(" ", strip=True)
        motions = section.select("[data-gm-motion]")
        assert len(motions) == 1 and motions[0].find_parent("figure") is shown[0]
        assert motions[0].has_attr("hidden") and motions[0].svg["aria-hidden"] == "true"


def test_pictures_come_after_the_dose_at_a_glance_and_before_the_steps(built_site: BuiltSite,
                                                                      slug: str) -> None:
    html = (built_site.folder / "exercises" / f"{slug}.html").read_text(encoding="utf-8")
    assert html.index("gm-glance") < html.index('id="pictures"') < html.index('id="steps"')


def test_built_svg_is_well_formed_and_small(built_site: BuiltSite, slug: str) -> None:
    html = (built_site.folder / "exercises" / f"{slug}.html").read_text(encoding="utf-8")
    article = html[html.index('id="pictures"'):html.index('id="dose"')]
    svgs = svg_pictures(article)
    assert len(svgs) == 2 + 1  # start, end and the movement
    for svg in svgs:
        etree.fromstring(svg.encode("utf-8"))
        assert len(svg.encode("utf-8")) <= SVG_BUDGET
