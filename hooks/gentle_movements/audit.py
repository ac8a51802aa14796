"""The safety audit of built HTML: every caution the content promises is on the page.

The post-build hook and the tests both call `audit_site`, so a page that lost its stop rules,
cautions or red-flag box fails the build, whatever removed them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from . import blocks
from .content import SiteContent
from .model import Exercise, RedFlags


@dataclass(frozen=True, order=True)
class Finding:
    """One thing missing from one built page."""

    page: str
    problem: str

    def __str__(self) -> str:
        return f"{self.page}: {self.problem}"


def audit_site(site_dir: Path, site: SiteContent) -> list[Finding]:
    """Check every page the content promises; return what is missing, sorted."""
    findings: list[Finding] = []
    for slug, exercise in site.exercises.items():
        page = f"exercises/{slug}.html"
        findings += audit_page(site_dir, page, expected_exercise_blocks(exercise, site))
    findings += audit_page(site_dir, "safety.html", expected_safety_blocks(site))
    findings += audit_page(site_dir, "faq.html", expected_faq_blocks(site))
    findings += audit_page(site_dir, "index.html", {blocks.RED_FLAGS: _red_flag_signs(
        site.red_flags, include_soon=False)})
    return sorted(findings)


def audit_page(site_dir: Path, page: str, expected: dict[str, list[str]]) -> list[Finding]:
    """Check one built page: one h1, a description, and each block with its phrases."""
    path = site_dir / page
    if not path.is_file():
        return [Finding(page, "page was not built")]
    return audit_html(path.read_bytes(), page, expected)


def audit_html(html: bytes | str, page: str, expected: dict[str, list[str]]) -> list[Finding]:
    tree = etree.fromstring(html, _PARSER)
    findings = []
    headings = tree.xpath("//article//h1")
    if len(headings) != 1:
        findings.append(Finding(page, f"has {len(headings)} main headings (h1); it needs 1"))
    if not tree.xpath("//meta[@name='description'][normalize-space(@content)]"):
        findings.append(Finding(page, "has no meta description"))
    by_class = _elements_by_class(tree)
    for css_class, phrases in expected.items():
        found = by_class.get(css_class, [])
        if not found:
            findings.append(Finding(page, f"the {css_class} block is missing"))
            continue
        text = normalise(" ".join("".join(element.itertext()) for element in found))
        if not text:
            findings.append(Finding(page, f"the {css_class} block is empty"))
        for phrase in phrases:
            if normalise(plain_text(phrase)) not in text:
                findings.append(Finding(page, f"the {css_class} block lacks {_short(phrase)!r}"))
    findings += [Finding(page, f"has unsafe markup in its content: {what}")
                 for what in _unsafe_markup(tree)]
    if blocks.STEPS in expected:
        steps = tree.xpath(f"//*[contains(@class, '{blocks.STEPS}')]//ol/li")
        if len(steps) != len(expected[blocks.STEPS]):
            findings.append(Finding(page, f"has {len(steps)} numbered steps; the content has "
                                    f"{len(expected[blocks.STEPS])}"))
    return findings


_PARSER = etree.HTMLParser()  # plain lxml elements: faster than lxml.html's, and enough here


def _elements_by_class(tree: etree._Element) -> dict[str, list]:
    """Every element of the article under each class name, in one pass."""
    by_class: dict[str, list] = {}
    article = tree.find(".//article")
    for element in (article if article is not None else tree).iter():
        for name in (element.get("class") or "").split() if isinstance(element.tag, str) else []:
            by_class.setdefault(name, []).append(element)
    return by_class


_UNSAFE_IN_ARTICLE = (
    "//article//script | //article//iframe | //article//object | //article//embed"
    " | //article//form | //article//style | //article//*[@*[starts-with(name(), 'on')]]"
)
_UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:")


def _unsafe_markup(tree: etree._Element) -> list[str]:
    """Script that content could have smuggled into the article, whatever the model missed."""
    found = [f"<{element.tag}>" for element in tree.xpath(_UNSAFE_IN_ARTICLE)]
    for element in tree.xpath("//article//*[@href or @src]"):
        address = (element.get("href") or element.get("src") or "").strip().lower()
        if address.startswith(_UNSAFE_SCHEMES):
            found.append(f"<{element.tag}> to {address[:30]}")
    return found


def expected_exercise_blocks(exercise: Exercise, site: SiteContent) -> dict[str, list[str]]:
    """What each block of an exercise page must say, taken from its content."""
    expected = {
        blocks.SUMMARY: [exercise.summary],
        blocks.PICTURES: [illustration.caption for illustration in exercise.illustrations],
        blocks.DOSE: [exercise.dose.how_often, exercise.dose.one_repetition],
        blocks.START: [exercise.start],
        blocks.STEPS: list(exercise.steps),
        blocks.FEEL: [exercise.you_should_feel],
        blocks.STOP_IF: [*site.stop_rules.always, *exercise.stop_if],
        blocks.CHECK_FIRST: [text for c in exercise.check_first for text in (c.who, c.advice)],
        blocks.EASIER: [text for v in exercise.easier for text in (v.name, v.how)],
        blocks.MISTAKES: list(exercise.common_mistakes),
        blocks.RED_FLAGS: _red_flag_signs(site.red_flags, include_soon=False),
        blocks.SOURCES: [source.title for source in exercise.sources],
        blocks.REVIEW: ["Last reviewed", "Next review due"],
    }
    if exercise.harder:
        expected[blocks.HARDER] = [text for v in exercise.harder for text in (v.name, v.how)]
    return expected


def expected_safety_blocks(site: SiteContent) -> dict[str, list[str]]:
    return {
        blocks.RED_FLAGS: _red_flag_signs(site.red_flags, include_soon=True),
        blocks.STOP_IF: list(site.stop_rules.always),
        blocks.SAFETY_TIP: [tip.text.split("\n")[0] for tip in site.safety_tips.tips],
        blocks.REVIEW: ["Last reviewed", "Next review due"],
    }


def expected_faq_blocks(site: SiteContent) -> dict[str, list[str]]:
    return {
        blocks.FAQ_ITEM: [q.answer.split("\n")[0] for q in site.faq.questions],
        blocks.REVIEW: ["Last reviewed", "Next review due"],
    }


def _red_flag_signs(red_flags: RedFlags, *, include_soon: bool) -> list[str]:
    groups = [red_flags.emergency, red_flags.urgent] + ([red_flags.soon] if include_soon else [])
    return [text for group in groups for text in (group.action, *group.signs)]


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+", re.MULTILINE)


def plain_text(markdown: str) -> str:
    """The words a reader sees for a line of our Markdown (links, emphasis and lists undone)."""
    text = _LINK.sub(r"\1", markdown)
    text = _LIST_MARKER.sub(" ", text)
    return _EMPHASIS.sub("", text)


_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?)])")


def normalise(text: str) -> str:
    """Collapse white space, as a browser does, and drop any left before punctuation."""
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(text.split()))


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."
