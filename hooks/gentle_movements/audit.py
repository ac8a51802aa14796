"""The safety audit of built HTML: every caution the content promises is on the page.

The post-build hook and the tests both call `audit_site`, so a page that lost its stop rules,
cautions or red-flag box fails the build, whatever removed them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from . import blocks
from .content import SiteContent
from .model import ON_THE_FLOOR, Exercise, RedFlags


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
    findings += audit_page(site_dir, "pregnancy.html", {blocks.PREGNANCY_SIGNS: [
        text for group in site.pregnancy_signs.groups for text in (group.action, *group.signs)]})
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
    if not tree.xpath("//meta[@name='description'][normalize-space(@content)]"):
        findings.append(Finding(page, "has no meta description"))
    article = _read_article(tree)
    if article.main_headings != 1:
        findings.append(Finding(page, f"has {article.main_headings} main headings (h1); "
                                "it needs 1"))
    for css_class, phrases in expected.items():
        found = article.by_class.get(css_class, [])
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
                 for what in article.unsafe]
    if blocks.STEPS in expected:
        steps = [item for block in article.by_class.get(blocks.STEPS, [])
                 for item in block.iterfind(".//ol/li")]
        if len(steps) != len(expected[blocks.STEPS]):
            findings.append(Finding(page, f"has {len(steps)} numbered steps; the content has "
                                    f"{len(expected[blocks.STEPS])}"))
    return findings


_PARSER = etree.HTMLParser()  # plain lxml elements: faster than lxml.html's, and enough here


@dataclass
class _Article:
    """What the audit needs from a page's article, gathered in one walk of it."""

    main_headings: int = 0
    by_class: dict[str, list] = field(default_factory=dict)
    unsafe: list[str] = field(default_factory=list)
    """Script that content could have smuggled in, whatever the model missed."""


_UNSAFE_TAGS = frozenset({"script", "iframe", "object", "embed", "form", "style"})
_UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:")


def _read_article(tree: etree._Element) -> _Article:
    found = _Article()
    for root in tree.iter("article"):
        for element in root.iter():
            if not isinstance(element.tag, str):  # comments and processing instructions
                continue
            tag = etree.QName(element).localname if "}" in element.tag else element.tag
            if tag == "h1":
                found.main_headings += 1
            elif tag in _UNSAFE_TAGS:
                found.unsafe.append(f"<{tag}>")
            for name, value in element.items():
                if name == "class":
                    for css_class in value.split():
                        found.by_class.setdefault(css_class, []).append(element)
                elif name.lower().startswith("on"):
                    found.unsafe.append(f"<{tag}> with {name}")
                elif name in ("href", "src") and value.strip().lower().startswith(
                        _UNSAFE_SCHEMES):
                    found.unsafe.append(f"<{tag}> to {value.strip().lower()[:30]}")
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
        blocks.PAIN_RULE: _pain_rule(site),
        blocks.CHECK_FIRST: [text for c in exercise.check_first for text in (c.who, c.advice)],
        blocks.EASIER: [text for v in exercise.easier for text in (v.name, v.how)],
        blocks.MISTAKES: list(exercise.common_mistakes),
        blocks.RED_FLAGS: _red_flag_signs(site.red_flags, include_soon=False),
        blocks.SOURCES: [source.title for source in exercise.sources],
        blocks.REVIEW: ["Last reviewed", "Next review due"],
    }
    if exercise.position in ON_THE_FLOOR:  # and how to get down there and back up
        expected[blocks.FLOOR_HELP] = []
    if exercise.harder:
        expected[blocks.HARDER] = [text for v in exercise.harder for text in (v.name, v.how)]
    return expected


def expected_safety_blocks(site: SiteContent) -> dict[str, list[str]]:
    return {
        blocks.RED_FLAGS: _red_flag_signs(site.red_flags, include_soon=True),
        blocks.STOP_IF: list(site.stop_rules.always),
        blocks.PAIN_RULE: _pain_rule(site),
        blocks.SAFETY_TIP: [tip.text.split("\n")[0] for tip in site.safety_tips.tips],
        blocks.REVIEW: ["Last reviewed", "Next review due"],
    }


def expected_faq_blocks(site: SiteContent) -> dict[str, list[str]]:
    return {
        blocks.FAQ_ITEM: [q.answer.split("\n")[0] for q in site.faq.questions],
        blocks.REVIEW: ["Last reviewed", "Next review due"],
    }


def _pain_rule(site: SiteContent) -> list[str]:
    rule = site.stop_rules.pain_rule
    return [rule.intro, rule.carry_on, rule.ease_off, rule.stop, rule.get_advice]


def _red_flag_signs(red_flags: RedFlags, *, include_soon: bool) -> list[str]:
    groups = [red_flags.emergency, red_flags.urgent] + ([red_flags.soon] if include_soon else [])
    return [text for group in groups for text in (group.action, *group.signs)]


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+", re.MULTILINE)


def plain_text(markdown: str) -> str:
    """The words a reader sees for a line of our Markdown (links, emphasis and lists undone)."""
    # Most lines have no Markdown at all: skip the expressions that could not match.
    text = _LINK.sub(r"\1", markdown) if "](" in markdown else markdown
    text = _LIST_MARKER.sub(" ", text) if "\n" in text or text[:1] in "-*+0123456789" else text
    return _EMPHASIS.sub("", text) if "*" in text or "_" in text or "`" in text else text


_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?)])")


def normalise(text: str) -> str:
    """Collapse white space, as a browser does, and drop any left before punctuation."""
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(text.split()))


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."
