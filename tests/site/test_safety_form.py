"""Safety content in the right form and the right place: the warning signs in an urgent box
and the stop rules in a warning box wherever they appear, the safety strip before anything
to do, and the emergency box action first. Each check is shown to fail by a renderer, or a
page, that gets it wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import pipeline
from gentle_movements import blocks
from gentle_movements.checks import audit
from gentle_movements.model.site import SiteContent
from gentle_movements.pages import markdown
from gentle_movements.pages.exercise import version_pages
from shared import BuiltSite, refused_build
from site_tools.project_copy import copy_project

SLUG = "knee-to-chest"


def _downgrading(css_class: str, to: str = "note"):
    """`markdown.admonition`, except that the box with `css_class` comes out as `to`."""
    real = markdown.admonition

    def admonition(kind: str, box_class: str, title: str, body: str) -> str:
        return real(to if box_class == css_class else kind, box_class, title, body)

    return admonition


def _findings(html: str, page: str, expected: audit.Expected) -> list[str]:
    return [str(finding) for finding in audit.audit_html(html, page, expected)]


@pytest.mark.parametrize(("css_class", "kind"), [(blocks.RED_FLAGS, "danger"),
                                                 (blocks.STOP_IF, "warning")])
def test_a_downgraded_box_on_an_exercise_page_is_refused(content: SiteContent, monkeypatch,
                                                          css_class: str, kind: str) -> None:
    page = f"exercises/{SLUG}.html"
    expected = audit.expected_exercise_page(SLUG, content)
    assert _findings(pipeline.page_html(content, SLUG), page, expected) == []
    monkeypatch.setattr(markdown, "admonition", _downgrading(css_class))
    assert (f"{page}: the {css_class} block is not shown as a {kind} box (admonition {kind}); "
            f"it has the classes ['admonition', '{css_class}', 'note']"
            in _findings(pipeline.page_html(content, SLUG), page, expected))


def test_a_renderer_that_downgrades_the_boxes_fails_the_build(tmp_path: Path,
                                                               monkeypatch) -> None:
    """The whole build, with the renderer changed in this process: the warning signs as a
    note everywhere, and the stop rules too (the safety page, the routine page and its
    printed sheets)."""
    project = copy_project(tmp_path / "project")
    real = markdown.admonition

    def downgrade(kind: str, box_class: str, title: str, body: str) -> str:
        return real("note" if kind in ("danger", "warning") else kind, box_class, title, body)

    monkeypatch.setattr(markdown, "admonition", downgrade)
    said = refused_build(project / "mkdocs.yml", project / "site")
    for page, css_class, kind in [
        (f"exercises/{SLUG}.html", blocks.RED_FLAGS, "danger"),
        (f"exercises/{SLUG}.html", blocks.STOP_IF, "warning"),
        ("safety.html", blocks.RED_FLAGS, "danger"),
        ("safety.html", blocks.STOP_IF, "warning"),
        ("my-routine.html", blocks.STOP_IF, "warning"),
        ("my-routine.html", "gm-sheet-stop-if", "warning"),
        ("pregnancy.html", blocks.PREGNANCY_SIGNS, "danger"),
    ]:
        assert f"{page}: the {css_class} block is not shown as a {kind} box" in said, page


def test_every_safety_box_has_its_form_on_the_built_site(built_site: BuiltSite) -> None:
    """What a reader sees: every page that shows them has them in their colours."""
    counted = {css_class: 0 for css_class in audit.FORMS}
    for path in built_site.folder.rglob("*.html"):
        soup = BeautifulSoup(path.read_bytes(), "lxml")
        for css_class, kind in audit.FORMS.items():
            for box in soup.select(f".{css_class}"):
                assert {"admonition", kind} <= set(box["class"]), (path, css_class)
                counted[css_class] += 1
    pages = sum(len(version_pages(e)) for e in built_site.content.exercises.values())
    assert counted[blocks.RED_FLAGS] >= pages + 2  # and the safety and routine pages
    assert counted[blocks.STOP_IF] >= pages + 2
    assert counted["gm-sheet-stop-if"] == pages  # a routine's sheet for each


def test_the_safety_strip_comes_before_anything_to_do(content: SiteContent) -> None:
    page = f"exercises/{SLUG}.html"
    expected = audit.expected_exercise_page(SLUG, content)
    soup = BeautifulSoup(pipeline.page_html(content, SLUG), "lxml")
    strip = soup.select_one(f".{blocks.SAFETY_STRIP}").find_parent("section")
    soup.select_one(f".{blocks.STEPS}").insert_after(strip.extract())
    findings = _findings(str(soup), page, expected)
    assert (f"{page}: the {blocks.SAFETY_STRIP} block comes after the {blocks.PICTURES} block; "
            "it must come first") in findings
    assert f"{page}: the {blocks.SAFETY_STRIP} block comes after the {blocks.STEPS} block; " \
           "it must come first" in findings


def test_the_safety_strip_names_who_should_check_first(built_site: BuiltSite) -> None:
    soup = built_site.soup(f"exercises/{SLUG}.html")
    strip = soup.select_one(f".{blocks.SAFETY_STRIP}")
    conditions = {c.id: c for c in built_site.content.conditions.conditions}
    named = dict.fromkeys(condition for item in built_site.content.exercises[SLUG].check_first
                          for condition in item.conditions)
    # Each condition by its name, once, each a list item of its own for a screen reader.
    assert [li.get_text(" ", strip=True) for li in strip.select("li")] == \
        [conditions[condition].name for condition in named]
    links = [a["href"] for a in strip.select("a")]
    assert links[0] == "#check-first"
    versions = built_site.content.exercises[SLUG].versions
    chair_or_bed = next(v for v in versions if v.kind == "easier" and v.place in ("chair", "bed"))
    assert f"{SLUG}-{chair_or_bed.id}.html" in links
    # Before the pictures, the dose, the timer and the steps, in the page's own order.
    order = [element.get("class", []) for element in soup.select("article [class]")]
    first = next(i for i, classes in enumerate(order) if blocks.SAFETY_STRIP in classes)
    for later in (blocks.AT_A_GLANCE, blocks.PICTURES, blocks.DOSE, "gm-timer", blocks.STEPS):
        assert first < next(i for i, classes in enumerate(order) if later in classes), later


def test_the_emergency_box_puts_the_action_first(built_site: BuiltSite) -> None:
    soup = built_site.soup(f"exercises/{SLUG}.html")
    box = soup.select_one(f".{blocks.RED_FLAGS}")
    levels = box.select(f"h3.{blocks.RED_FLAGS_LEVEL}")
    red_flags = built_site.content.red_flags
    for link in box.select(".headerlink"):
        link.decompose()
    assert [" ".join(level.get_text().split()) for level in levels] == [
        red_flags.emergency.action, red_flags.urgent.action]
    emergency = levels[0]
    # Then the signs, then a call link for each number, then what else to do, then why,
    # folded.
    signs = emergency.find_next_sibling("ul")
    assert len(signs.select("li")) == len(red_flags.emergency.signs)
    calls = signs.find_next_sibling("p")
    assert blocks.CALL in calls["class"]
    assert [a["href"] for a in calls.select("a")] == [
        f"tel:{phone.number}" for phone in red_flags.emergency.call]
    for phone in red_flags.emergency.call:
        assert f"Call {phone.number} ({phone.where})" in " ".join(calls.get_text().split())
    why = box.select_one(f"details.{blocks.RED_FLAGS_WHY}")
    assert why is not None and why.find("summary").get_text(strip=True) == \
        "Why these signs matter"
    assert not why.has_attr("open")
    # The same-day level has its own number.
    assert [a["href"] for a in levels[1].find_next_sibling("p").select("a")] == ["tel:111"]
