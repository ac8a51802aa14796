"""The post-build safety audit bites: a page that loses a caution is named, with what it lost."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import pipeline
from gentle_movements import blocks
from gentle_movements.checks.audit import Expected, audit_html, audit_site, expected_pages
from gentle_movements.model.exercise import StopGroups
from gentle_movements.model.site import SiteContent
from shared import BuiltSite


def edited(built_site: BuiltSite, page: str, change) -> bytes:
    """A built page's HTML after `change` to its parsed document, as saved to disk."""
    soup = BeautifulSoup((built_site.folder / page).read_bytes(), "lxml")
    change(soup)
    return str(soup).encode("utf-8")


def audit_edited(built_site: BuiltSite, pages: dict[str, bytes]) -> list[str]:
    """What the site audit finds with these pages changed, auditing only those, in memory.
    audit_site audits each page on its own, and the pages left as built have nothing to find
    (test_the_built_site_passes_the_audit), so this is what it would report, sorted."""
    expected = expected_pages(built_site.content)
    return [str(finding) for finding in sorted(
        finding for page, html in pages.items()
        for finding in audit_html(html, page, expected.get(page, Expected())))]


def test_the_built_site_passes_the_audit(built_site: BuiltSite) -> None:
    assert audit_site(built_site.folder, built_site.content) == []


def test_a_removed_stop_rule_is_named(built_site: BuiltSite) -> None:
    slug = next(iter(built_site.content.exercises))
    rule = built_site.content.stop_rules.always.stop_now[0]

    def drop_first_rule(soup: BeautifulSoup) -> None:
        soup.select_one(f".{blocks.STOP_IF} li").decompose()

    page = f"exercises/{slug}.html"
    findings = audit_edited(built_site, {page: edited(built_site, page, drop_first_rule)})
    assert any(f.startswith(f"exercises/{slug}.html: the {blocks.STOP_IF} block does not show")
               and rule[:20] in f for f in findings), findings


@pytest.mark.parametrize("css_class", blocks.REQUIRED_ON_EXERCISE_PAGE)
def test_a_removed_block_is_named(built_site: BuiltSite, css_class: str) -> None:
    slug = list(built_site.content.exercises)[-1]

    def drop_block(soup: BeautifulSoup) -> None:
        for element in soup.select(f".{css_class}"):
            element.decompose()

    page = f"exercises/{slug}.html"
    findings = audit_edited(built_site, {page: edited(built_site, page, drop_block)})
    assert f"exercises/{slug}.html: the {css_class} block is missing" in findings


def test_an_emptied_red_flag_box_is_named(built_site: BuiltSite) -> None:
    def empty_box(soup: BeautifulSoup) -> None:
        soup.select_one(f".{blocks.RED_FLAGS}").clear()

    page = "exercises/bridge.html"
    findings = audit_edited(built_site, {page: edited(built_site, page, empty_box)})
    assert f"exercises/bridge.html: the {blocks.RED_FLAGS} block is empty" in findings


def test_a_missing_page_is_named(built_site: BuiltSite, tmp_path: Path) -> None:
    site_copy = tmp_path / "site"  # the whole site audited, so a copy of it
    shutil.copytree(built_site.folder, site_copy)
    (site_copy / "safety.html").unlink()
    assert "safety.html: page was not built" in [
        str(f) for f in audit_site(site_copy, built_site.content)
    ]


def test_a_lost_step_is_counted(built_site: BuiltSite) -> None:
    def drop_step(soup: BeautifulSoup) -> None:
        soup.select_one(f".{blocks.STEPS} ol > li").decompose()

    page = "exercises/cat-cow.html"
    findings = audit_edited(built_site, {page: edited(built_site, page, drop_step)})
    steps = len(built_site.content.exercises["cat-cow"].steps)
    assert (f"exercises/cat-cow.html: the {blocks.STEPS} block has {steps - 1} items; the "
            f"content has {steps}" in findings)


# The audit on its own: whatever got past the model, or came from elsewhere, is caught ------


def _stop_now(rules: list[str]) -> StopGroups:
    """Stop rules past the model's checks, as only a fault or an attacker could make them."""
    return StopGroups.model_construct(stop_now=rules, make_it_smaller=[], next_day=[])


def hostile(content: SiteContent, **changes) -> list[str]:
    """Audit the page of an exercise changed past the model's checks."""
    exercise = pipeline.validate(pipeline.base_exercise())
    return [str(f) for f in pipeline.audit_exercise(content, exercise.model_copy(update=changes))]


@pytest.mark.parametrize(("changes", "expected"), [
    ({"stop_if": _stop_now(["Your hip pinches.\n{hidden}"])},
     "block is hidden or reordered by 'hidden'"),
    ({"stop_if": _stop_now(["Your hip pinches.\n{: dir=rtl}"])}, "hidden or reordered by 'dir'"),
    ({"stop_if": _stop_now(["Your hip pinches.\n{: .md-hidden}"])}, "with the class 'md-hidden'"),
    ({"stop_if": _stop_now(["Your hip pinches.\n{: aria-hidden=true}"])},
     "hidden from screen readers"),
    ({"stop_if": _stop_now(["Rest 5\u061c0 minutes."])}, "U+061C ARABIC LETTER MARK"),
    ({"steps": ["Hold.\n- Then this.", "Lower."]}, "steps[0] word for word"),
    ({"start": "Lie down. ![](https:\\evil.example/p.gif)"}, "loads a file from outside"),
    ({"start": "Lie [down](java\nscript:alert(1))."}, "unsafe markup: <a> to java"),
    ({"start": "Lie down. <script>alert(1)</script>"}, "<script> inside the page"),
    ({"you_should_feel": "A stretch.\n{: onclick=alert(1)}"}, "<p> with onclick"),
])
def test_the_audit_catches_what_gets_past_the_model(content: SiteContent, changes: dict,
                                                     expected: str) -> None:
    findings = hostile(content, **changes)
    assert any(expected in finding for finding in findings), findings


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda html: html.replace("</head>", '<meta http-equiv="refresh" content="0; '
                               'url=https://evil.example/"></head>', 1), "http-equiv='refresh'"),
    (lambda html: html.replace('<meta name="description" content="',
                               '<meta name="description" content="x">Text in the head<meta '
                               'name="x" content="', 1), "text before the first element"),
    (lambda html: html.replace("<title>", '<title data-x="1">', 1), "unexpected attribute"),
    (lambda html: re.sub(r'<meta name="description" content="[^"]*"',
                         '<meta name="description" content="0; url=https://evil.example/" '
                         'http-equiv="refresh"', html, count=1), "http-equiv"),
    (lambda html: html.replace('class="md-nav__link"', 'class="md-nav__link" '
                               'onmouseover="alert(1)"', 1), "with onmouseover"),
    (lambda html: html.replace("</article>", '<img src="//evil.example/p.gif" alt=""></article>',
                               1), "loads a file from outside this site"),
    (lambda html: re.sub(r'(<a href="[^"]*" class="md-nav__link"[^>]*>)',
                         r"\1<script>alert(1)</script>", html, count=1), "<script> inside"),
    (lambda html: html.replace('<div class="admonition warning gm-stop-if">',
                               '<div class="admonition warning gm-stop-if" hidden>', 1),
     "gm-stop-if block is hidden"),
])
def test_the_audit_reads_the_whole_document(built_site: BuiltSite, edit, expected: str) -> None:
    page = "exercises/bridge.html"
    html = edit((built_site.folder / page).read_text(encoding="utf-8")).encode("utf-8")
    findings = audit_edited(built_site, {page: html})
    assert any(f.startswith("exercises/bridge.html") and expected in f for f in findings), findings
