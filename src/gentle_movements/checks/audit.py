"""The audit of the built HTML: every page is safe, and every caution the content promises is
shown, visibly and word for word.

The post-build hook and the tests both call `audit_site`, so a page that lost its stop rules,
cautions or red-flag box, or that anything (content, a template, a fault in the renderer)
filled with script, a third-party file, a hidden caution or a redirect, fails the build.
It reads the whole of every page, head included, whatever template wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

from lxml import etree

from gentle_movements import blocks
from gentle_movements.checks import addresses
from gentle_movements.markup import (
    character_problem,
    field_units,
    normalise,
    plain_text,
    resource_problem,
    text_units,
    unsafe_scheme,
)
from gentle_movements.model.exercise import ON_THE_FLOOR, Exercise, Place
from gentle_movements.model.review import Review
from gentle_movements.model.safety import RedFlagGroup
from gentle_movements.model.site import SiteContent
from gentle_movements.pages import finder, routine
from gentle_movements.pages.boxes import exercise_stop_rules, review_parts
from gentle_movements.pages.exercise import conditions_to_check, dose_line, version_pages
from gentle_movements.pages.wording import NOT_MEDICAL_ADVICE
from gentle_movements.urls import EXERCISE_FOLDER, built_path, exercise_path, page_name

__all__ = ["Finding", "audit_html", "audit_page", "audit_site", "normalise", "plain_text"]


@dataclass(frozen=True, order=True)
class Finding:
    """One thing wrong with one built page."""

    page: str
    problem: str

    def __str__(self) -> str:
        return f"{self.page}: {self.problem}"


@dataclass(frozen=True)
class Shown:
    """Words a block must show, in order and in full: one field, or one line the renderer
    makes from fields (such as a dose line)."""

    label: str
    units: tuple[str, ...]
    """The field's paragraphs and list items as the site renders it (`field_units`)."""


def shown(label: str, markdown: str) -> Shown:
    return Shown(label, field_units(markdown))


@dataclass(frozen=True)
class Expected:
    """What one built page must hold, beyond what every page must."""

    blocks: dict[str, list[Shown]] = field(default_factory=dict)
    """Each block's class, and what it shows in reading order."""
    items: dict[str, int] = field(default_factory=dict)
    """Blocks whose list has exactly this many items (steps, stop rules)."""
    title: str | None = None
    """The words of the page's one h1."""
    description: str | None = None
    """The words of the page's meta description, exactly."""
    anchors: tuple[str, ...] = ()
    """Ids the page must have: published addresses point at them."""
    refresh: str | None = None
    """The one meta refresh a forwarding page may have."""
    first: tuple[str, tuple[str, ...]] | None = None
    """A block that must come before these, on screen and to a screen reader."""
    links_first: str | None = None
    """A block that must come before every link to an exercise in the page's content."""


def audit_site(site_dir: Path, site: SiteContent) -> list[Finding]:
    """Check every page of the built site; return what is wrong, sorted."""
    expected = expected_pages(site)
    findings = [Finding(page, "page was not built") for page in expected
                if not (site_dir / page).is_file()]
    for path in sorted(site_dir.rglob("*.html")):
        page = path.relative_to(site_dir).as_posix()
        if page.startswith("assets/"):  # the site's own files, not pages made from content
            continue
        findings += audit_html(path.read_bytes(), page, expected.get(page, Expected()))
    return sorted(findings)


def audit_page(site_dir: Path, page: str, expected: Expected) -> list[Finding]:
    path = site_dir / page
    if not path.is_file():
        return [Finding(page, "page was not built")]
    return audit_html(path.read_bytes(), page, expected)


_PARSER = etree.HTMLParser()  # plain lxml elements: faster than lxml.html's, and enough here


def audit_html(html: bytes | str, page: str, expected: Expected) -> list[Finding]:
    tree = etree.fromstring(html, _PARSER)
    if tree is None:
        return [Finding(page, "is empty")]
    document = _read_document(tree, expected)
    findings = [Finding(page, problem) for problem in document.problems]
    if expected.title is not None:
        headings = document.by_tag.get("h1", [])
        if len(headings) != 1:
            findings.append(Finding(page, f"has {len(headings)} main headings (h1); it needs 1"))
        elif text_units(headings[0]) != [normalise(plain_text(expected.title))]:
            findings.append(Finding(page, f"its main heading does not read {expected.title!r}"))
    if expected.description is not None:
        found = [meta.get("content") for meta in document.by_tag.get("meta", [])
                 if meta.get("name") == "description"]
        if found != [expected.description]:
            findings.append(Finding(page, f"its description is {found!r}, not "
                                    f"{_short(expected.description)!r}"))
    for anchor in expected.anchors:
        if anchor not in document.ids:
            findings.append(Finding(page, f"has no #{anchor}, which a published address "
                                    "points at"))
    if expected.first is not None:
        findings += [Finding(page, problem) for problem in _order_problems(document,
                                                                           *expected.first)]
    if expected.links_first is not None:
        findings += [Finding(page, problem)
                     for problem in _exercise_links_before(document, expected.links_first)]
    for css_class, wanted in expected.blocks.items():
        findings += [Finding(page, problem)
                     for problem in _block_problems(document, css_class, wanted,
                                                    expected.items.get(css_class))]
    return findings


# The whole document -------------------------------------------------------------------------

_KNOWN_ATTRIBUTES = frozenset({
    "alt", "attributename", "autocapitalize", "autocomplete", "autocorrect", "charset",
    "checked", "class", "content", "cx", "cy", "d", "dir", "download", "dur", "fill", "for",
    "height", "hidden", "href", "http-equiv", "id", "keytimes", "lang", "name", "placeholder",
    "preserveaspectratio", "property", "r", "rel", "repeatcount", "required", "role",
    "spellcheck", "src", "start", "stroke", "stroke-linecap", "stroke-linejoin", "stroke-width",
    "tabindex", "title", "transform", "type", "value", "values", "viewbox", "width", "xmlns",
    "data-search-exclude",
    "data-between", "data-hold-max", "data-hold-min", "data-pace", "data-repetitions",
    "data-repetitions-max", "data-rest", "data-sets", "data-sides",
})
"""Every attribute the theme, the renderer and the drawings write; anything else on a page
came from somewhere it should not (an attribute list, or text that broke out of a quote)."""
_KNOWN_PREFIXES = ("aria-", "data-md-", "data-gm-")

_NEVER = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base",
                    "style", "template", "portal", "math"})
_HEAD_ONLY = frozenset({"meta", "title", "base"})  # (an SVG has its own <title>)
_SCRIPT_PARENTS = frozenset({"head", "body", "nav", "div", "header", "footer", "main"})
_HEAD_CHILDREN = frozenset({"meta", "title", "link", "script"})
_META_SHAPES = ({"charset"}, {"name", "content"}, {"property", "content"},
                {"http-equiv", "content"})
_LOADED = ("src", "srcset", "poster", "data", "background", "xlink:href")
"""Attributes whose address the browser fetches as the page loads."""
_LOADED_LINKS = frozenset({"stylesheet", "icon", "preload", "modulepreload", "prefetch",
                           "manifest", "apple-touch-icon", "mask-icon"})
_THEME_LINKS = {"a": "javascript:void(0)"}
"""The theme's search-sharing button is a link that goes nowhere."""
_HIDING = ("hidden", "inert", "popover", "style", "dir")
"""Attributes that hide text or change its order; none belongs on or around a caution."""
_SAFETY_BLOCKS = frozenset({
    blocks.SUMMARY, blocks.DOSE, blocks.START, blocks.STEPS, blocks.FEEL, blocks.STOP_IF,
    blocks.CHECK_FIRST, blocks.EASIER, blocks.MISTAKES, blocks.RED_FLAGS, blocks.REVIEW,
    blocks.DISCLAIMER, blocks.SAFETY_TIP, blocks.FAQ_ITEM, blocks.INTRO,
})
_MAY_BE_FOLDED = frozenset({blocks.MISTAKES, blocks.HARDER, blocks.SOURCES})
"""Blocks a page may fold away on screen, inside <details>, for a reader to open; every other
block the audit expects shows as the page opens."""
_CLASSES_IN_BLOCKS = frozenset({
    "admonition-title", blocks.SOURCES,
    "headerlink",  # the theme's link to a heading: each level of the warning signs is one
    # A shared rule's box inside an answer, and where each version is done (for print).
    "admonition", "note", "warning", "danger",
    *(f"gm-place-{place}" for place in get_args(Place)),
    *(value for name, value in vars(blocks).items() if name.isupper() and isinstance(value, str)),
})
"""Classes the renderer puts inside safety blocks: a class from anywhere else could hide."""


FORMS = {
    blocks.RED_FLAGS: "danger",
    blocks.PREGNANCY_SIGNS: "danger",
    blocks.STOP_IF: "warning",
    routine.SHEET_STOP_IF: "warning",
}
"""What each safety box must look like wherever it is: the warning signs urgent (danger),
the stop rules a warning. Written here, apart from the renderer, so that a renderer that
downgrades a box to a plain note is caught."""


@dataclass
class _Document:
    by_class: dict[str, list] = field(default_factory=dict)
    position: dict[int, int] = field(default_factory=dict)
    """Each element's place in reading order, by its id()."""
    by_tag: dict[str, list] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


def _read_document(tree: etree._Element, expected: Expected) -> _Document:
    """One walk of the whole page: what the checks need, and what is unsafe anywhere."""
    found = _Document()
    head, body = tree.find("head"), tree.find("body")
    if head is None or body is None:
        found.problems.append("has no head or no body")
        return found
    found.problems += _head_problems(head, body)
    for index, element in enumerate(tree.iter()):
        if not isinstance(element.tag, str):  # comments and processing instructions
            continue
        tag = element.tag
        found.position[id(element)] = index
        found.by_tag.setdefault(tag, []).append(element)
        found.problems += _element_problems(element, tag, head, expected)
        for name, value in element.items():
            if name == "class":
                for css_class in value.split():
                    found.by_class.setdefault(css_class, []).append(element)
            elif name == "id":
                found.ids.add(value)
    found.problems += _form_problems(found)
    return found


def _form_problems(document: _Document) -> list[str]:
    problems = []
    for css_class, kind in FORMS.items():
        for element in document.by_class.get(css_class, []):
            classes = set((element.get("class") or "").split())
            if not {"admonition", kind} <= classes:
                problems.append(f"the {css_class} block is not shown as a {kind} box "
                                f"(admonition {kind}); it has the classes {sorted(classes)}")
    return problems


def _order_problems(document: _Document, first: str, later: tuple[str, ...]) -> list[str]:
    """`first` comes before every block in `later`, so a reader meets it before them."""
    found = document.by_class.get(first, [])
    if not found:
        return []  # reported as missing by the block checks
    at = document.position[id(found[0])]
    return [f"the {first} block comes after the {other} block; it must come first"
            for other in later
            if any(document.position[id(element)] < at
                   for element in document.by_class.get(other, []))]


def _exercise_links_before(document: _Document, first: str) -> list[str]:
    """Links in the content to an exercise page that come before the block `first`."""
    found = document.by_class.get(first, [])
    if not found:
        return []  # reported as missing by the block checks
    at = document.position[id(found[0])]
    return [f"links to {link.get('href')} before the {first} block; the {first} block must "
            "come first"
            for link in document.by_tag.get("a", [])
            if document.position[id(link)] < at and _in_content(link)
            and _EXERCISE_LINK.search(link.get("href") or "")]


_EXERCISE_LINK = re.compile(rf"(?:^|/){EXERCISE_FOLDER}/[^/#?]+\.html")
"""A link to an exercise page or a version's (not the edit link to the folder of its YAML)."""


def _head_problems(head: etree._Element, body: etree._Element) -> list[str]:
    problems = []
    if (head.text or "").strip() or any((child.tail or "").strip() for child in head):
        problems.append("has text in its head")
    if (body.text or "").strip():
        problems.append("has text before the first element of its body (text that broke "
                        "out of the head)")
    for child in head:
        if isinstance(child.tag, str) and child.tag not in _HEAD_CHILDREN:
            problems.append(f"has <{child.tag}> in its head")
    titles = [child for child in head if child.tag == "title"]
    if len(titles) != 1:
        problems.append(f"has {len(titles)} titles in its head; it needs 1")
    return problems


def _element_problems(element: etree._Element, tag: str, head: etree._Element,
                      expected: Expected) -> list[str]:
    problems = []
    if tag in _NEVER or (tag == "form" and _in_content(element)):
        problems.append(f"has unsafe markup: <{tag}>")
    if tag in _HEAD_ONLY and element.getparent() is not head and not any(
            ancestor.tag == "svg" for ancestor in element.iterancestors()):
        problems.append(f"has a <{tag}> outside its head")
    if tag == "script":
        problems += _script_problems(element)
    if tag == "meta":
        problems += _meta_problems(element, expected)
    for name, value in element.items():
        if name.startswith("on"):
            problems.append(f"has unsafe markup: <{tag}> with {name}")
        elif name not in _KNOWN_ATTRIBUTES and not name.startswith(_KNOWN_PREFIXES):
            problems.append(f"has an unexpected attribute {name!r} on <{tag}>")
        if name in _LOADED or (name == "href" and tag in ("image", "use", "feimage")) or (
                name == "href" and tag == "link" and _LOADED_LINKS & set(
                    (element.get("rel") or "").lower().split())):
            problem = resource_problem(value)
            if problem:
                problems.append(f"<{tag}> {problem}: {_short(value)}")
        elif (name == "href" and unsafe_scheme(value) and _THEME_LINKS.get(tag) != value
              and not (tag == "a" and _CALL_LINK.fullmatch(value))):
            problems.append(f"has unsafe markup: <{tag}> to {_short(value.strip().lower())}")
    return problems


_CALL_LINK = re.compile(r"tel:[0-9]{3,6}")
"""The warning signs' tap-to-call links, which the renderer makes from content's numbers:
digits only, so they can do nothing but offer to call."""


def _script_problems(script: etree._Element) -> list[str]:
    """Scripts may be data (JSON) that never runs, or the theme's own, which stand between
    the page's blocks; one inside the content, or inside a line of text (a title, a link,
    a heading), was put there by something else."""
    if "json" in (script.get("type") or ""):
        return []
    parent = script.getparent()
    if _in_content(script) or parent is None or parent.tag not in _SCRIPT_PARENTS:
        return ["has unsafe markup: <script> inside the page"]
    return []


def _in_content(element: etree._Element) -> bool:
    """Inside the page's content (its article), where the theme puts no script or form."""
    return any(ancestor.tag == "article" or "md-content" in (ancestor.get("class") or "").split()
               for ancestor in element.iterancestors())


def _meta_problems(meta: etree._Element, expected: Expected) -> list[str]:
    names = set(meta.keys())
    if names not in _META_SHAPES:
        return [f"has a <meta> with the attributes {sorted(names)}"]
    http_equiv = (meta.get("http-equiv") or "").lower()
    if not http_equiv or http_equiv == "content-security-policy":
        return []
    if http_equiv == "refresh" and expected.refresh is not None \
            and meta.get("content") == expected.refresh:
        return []
    return [f"has <meta http-equiv={meta.get('http-equiv')!r}>, which only this site's "
            "own security policy may use"]


# Blocks -------------------------------------------------------------------------------------


def _block_problems(document: _Document, css_class: str, wanted: list[Shown],
                    items: int | None) -> list[str]:
    found = document.by_class.get(css_class, [])
    if not found:
        return [f"the {css_class} block is missing"]
    problems = []
    if css_class in _SAFETY_BLOCKS:
        problems += [f"the {css_class} block {why}" for element in found
                     for why in _hidden(element)]
    if css_class not in _MAY_BE_FOLDED:
        problems += [f"the {css_class} block is folded away inside <details>; it must show "
                     "as the page opens" for element in found
                     if any(a.tag == "details" for a in element.iterancestors())]
    units = [unit for element in found for unit in text_units(element)]
    # An inline block (a link in a sentence) is its own text.
    units = units or [text for element in found if element.tag in ("a", "span")
                      and (text := normalise("".join(element.itertext())))]
    if not units:
        problems.append(f"the {css_class} block is empty")
    if css_class in _SAFETY_BLOCKS:
        unseen = next((problem for unit in units if (problem := character_problem(unit))), None)
        if unseen:
            problems.append(f"the {css_class} block {unseen.removesuffix('; retype the text')}")
    at = (0, 0)
    for what in wanted:
        found_at = _find(units, what.units, at)
        if found_at is None:
            problems.append(f"the {css_class} block does not show {what.label} word for word: "
                            f"{_short(' '.join(what.units))!r}")
        else:
            at = found_at
    if items is not None:
        count = sum(len(element.xpath("./ul/li | ./ol/li")) for element in found)
        if count != items:
            problems.append(f"the {css_class} block has {count} items; the content has {items}")
    return problems


def _find(units: list[str], wanted: tuple[str, ...],
          start: tuple[int, int]) -> tuple[int, int] | None:
    """Where `wanted` is shown, at or after `start` (unit, character): one unit within a
    unit, or several as consecutive units (the first ending one, the last starting one).
    Returns the position just after it."""
    if not wanted:
        return start
    first_unit, first_offset = start
    for index in range(first_unit, len(units)):
        offset = first_offset if index == first_unit else 0
        if len(wanted) == 1:
            at = units[index].find(wanted[0], offset)
            if at >= 0:
                return index, at + len(wanted[0])
            continue
        last = index + len(wanted) - 1
        if (last < len(units) and units[index].endswith(wanted[0])
                and len(units[index]) - len(wanted[0]) >= offset
                and units[index + 1:last] == list(wanted[1:-1])
                and units[last].startswith(wanted[-1])):
            return last, len(wanted[-1])
    return None


def _hidden(block: etree._Element) -> list[str]:
    """Why a block, or part of it, would not be seen or heard as written."""
    problems = []
    around = [(element, _HIDING[:-1]) for element in block.iterancestors()]  # body has dir
    for element, hiding in [*around, *((element, _HIDING) for element in block.iter())]:
        if not isinstance(element.tag, str):
            continue
        for name in hiding:
            if element.get(name) is not None:
                problems.append(f"is hidden or reordered by {name!r} on <{element.tag}>")
        if (element.get("aria-hidden") or "").lower() == "true" and not _heading_link(element):
            problems.append(f"is hidden from screen readers by <{element.tag} aria-hidden>")
    for element in block.iterdescendants():
        if isinstance(element.tag, str):
            strange = set((element.get("class") or "").split()) - _CLASSES_IN_BLOCKS
            if strange:
                problems.append(f"holds <{element.tag}> with the class {sorted(strange)[0]!r}, "
                                "which could hide it")
    return problems


def _heading_link(element: etree._Element) -> bool:
    """The "¶" beside a heading (`outputs/permalinks.py`): unheard, and hiding no words."""
    return (element.tag == "a" and element.get("class") == "headerlink" and len(element) == 0
            and (element.text or "").strip() == "\N{PILCROW SIGN}")


# What each page must show, from its content -------------------------------------------------


def expected_pages(site: SiteContent) -> dict[str, Expected]:
    pages = {built_path(exercise_path(slug, version)): expected_exercise_page(slug, site, version)
             for slug, exercise in site.exercises.items() for version in version_pages(exercise)}
    pages["safety.html"] = expected_safety_page(site)
    pages["my-routine.html"] = Expected(blocks={
        blocks.RED_FLAGS: _red_flags(site, full=False), blocks.STOP_IF: _stop_rules(site)})
    pages["faq.html"] = expected_faq_page(site)
    pages["index.html"] = Expected(blocks={blocks.RED_FLAGS: _red_flags(site, full=False)})
    pages[built_path(finder.PAGE)] = expected_finder_page(site)
    pages["pregnancy.html"] = Expected(blocks={blocks.PREGNANCY_SIGNS: [
        shown(f"content/pregnancy-warning-signs.yml: groups[{i}].{part}", text)
        for i, group in enumerate(site.pregnancy_signs.groups)
        for part, text in (("action", group.action),
                           *((f"signs[{n}]", sign) for n, sign in enumerate(group.signs)))]})
    for old, new in site.redirects.exercises.items():
        for version in version_pages(site.exercises[new]):
            pages[built_path(exercise_path(old, version))] = Expected(
                refresh=f"0; url={page_name(new, version)}.html")
    return pages


def expected_exercise_page(slug: str, site: SiteContent,
                           version_id: str | None = None) -> Expected:
    """What the page of an exercise, or of one of its versions, must show."""
    exercise = site.exercises[slug]
    source = site.exercise_sources[slug]
    wanted = expected_exercise_blocks(exercise, site, source, version_id)
    shown_item = exercise.shown(version_id)
    return Expected(
        blocks=wanted,
        items={blocks.STEPS: len(shown_item.steps),
               blocks.STOP_IF: exercise_stop_rules(site, exercise).count()},
        title=exercise.page_title(version_id),
        description=plain_text(shown_item.summary),
        anchors=tuple(addresses.exercise_anchors(site, slug)),
        first=(blocks.SAFETY_STRIP, BEFORE_THE_STRIP_NOTHING_OF),
    )


BEFORE_THE_STRIP_NOTHING_OF = (blocks.AT_A_GLANCE, blocks.PICTURES, blocks.DOSE, "gm-timer",
                               blocks.START, blocks.STEPS)
"""What a reader may do on an exercise page: the safety strip comes before all of it."""


def expected_exercise_blocks(exercise: Exercise, site: SiteContent,
                             source: str = "the exercise",
                             version_id: str | None = None) -> dict[str, list[Shown]]:
    """What each block of an exercise's page (or one of its versions' pages) must say, taken
    from its content."""
    index = next((i for i, v in enumerate(exercise.versions) if v.id == version_id), None)
    shown_item = exercise.shown(version_id)
    at = "" if index is None else f"versions[{index}]."
    picture = next(i for i, p in enumerate(exercise.illustrations) if p.version == version_id)

    def of(name: str, text: str) -> Shown:
        return shown(f"{source}: {name}", text)

    expected = {
        blocks.SAFETY_STRIP: [shown(f"content/conditions.yml: name for {source}", condition.name)
                              for condition in conditions_to_check(exercise, site.conditions)],
        blocks.SUMMARY: [of(f"{at}summary", shown_item.summary),
                         *(of(f"also_known_as[{i}]", name)
                           for i, name in enumerate(exercise.also_known_as) if index is None)],
        blocks.VERSION_SWITCH: [of("version_name", exercise.version_name),
                                *(of(f"versions[{i}].name", v.name)
                                  for i, v in enumerate(exercise.versions))],
        blocks.PICTURES: [of(f"illustrations[{picture}].caption",
                             exercise.illustrations[picture].caption)],
        blocks.DOSE: [shown(f"{source}: {at}dose", line)
                      for line in map(dose_line, shown_item.dose.rows())],
        blocks.AT_A_GLANCE: [shown(f"{source}: {at}dose", dose_line(row))
                             for row in shown_item.dose.rows() if row.counted],
        blocks.START: [of(f"{at}start", shown_item.start)],
        blocks.STEPS: [of(f"{at}steps[{i}]", step) for i, step in enumerate(shown_item.steps)],
        blocks.FEEL: [of(f"{at}you_should_feel", shown_item.you_should_feel)],
        blocks.STOP_IF: [rule for name, _ in exercise_stop_rules(site, exercise).in_order()
                         for rule in (*_stop_rules(site, name),
                                      *(of(f"stop_if.{name}[{i}]", text) for i, text
                                        in enumerate(getattr(exercise.stop_if, name))))],
        blocks.PAIN_RULE: _pain_rule(site),
        blocks.CHECK_FIRST: [of(f"check_first[{i}].{part}", getattr(item, part))
                             for i, item in enumerate(exercise.check_first)
                             for part in ("who", "advice")],
        blocks.EASIER: list(_versions(exercise, "easier", version_id, of)),
        blocks.MISTAKES: [of(f"common_mistakes[{i}]", mistake)
                          for i, mistake in enumerate(exercise.common_mistakes)],
        blocks.RED_FLAGS: _red_flags(site, full=False),
        blocks.SOURCES: [of(f"sources[{i}].title", source.title)
                         for i, source in enumerate(exercise.sources)],
        blocks.REVIEW: _review(exercise.review, source),
        blocks.DISCLAIMER: [shown("the disclaimer", NOT_MEDICAL_ADVICE)],
    }
    if shown_item.cautions:
        expected[blocks.VERSION_CAUTIONS] = [of(f"{at}cautions[{i}]", text)
                                             for i, text in enumerate(shown_item.cautions)]
    if shown_item.position in ON_THE_FLOOR:  # and how to get down there and back up
        expected[blocks.FLOOR_HELP] = []
    if exercise.has_harder:
        expected[blocks.HARDER] = list(_versions(exercise, "harder", version_id, of))
    return expected


def _versions(exercise: Exercise, kind: str, current: str | None, of) -> Iterable[Shown]:
    """The other versions of one kind, and the smaller changes, as the page lists them."""
    for i, version in enumerate(exercise.versions):
        if version.kind == kind:
            yield of(f"versions[{i}].name", version.name)
            yield of(f"versions[{i}].summary", version.summary)
    for i, adjustment in enumerate(exercise.adjustments):
        if adjustment.kind == kind:
            yield of(f"adjustments[{i}].name", adjustment.name)
            yield of(f"adjustments[{i}].how", adjustment.how)


def expected_finder_page(site: SiteContent) -> Expected:
    """The starter finder: the warning signs whole, before its questions, its results, its
    data and its list of exercises; no link to an exercise before them; and without
    JavaScript, every exercise and version in the list."""
    return Expected(
        blocks={
            blocks.RED_FLAGS: _red_flags(site, full=False),
            finder.PLAIN_LIST: [
                item for slug, exercise in site.exercises.items() for item in (
                    shown(f"{site.exercise_sources[slug]}: title", exercise.title),
                    *(shown(f"{site.exercise_sources[slug]}: versions[{i}].name", v.name)
                      for i, v in enumerate(exercise.versions)))],
            finder.FORM: [],  # (its results are empty until the reader answers)
            blocks.DISCLAIMER: [shown("the disclaimer", NOT_MEDICAL_ADVICE)],
        },
        title=finder.TITLE,
        first=(blocks.RED_FLAGS, finder.AFTER_THE_WARNING_SIGNS),
        links_first=blocks.RED_FLAGS,
    )


def expected_safety_page(site: SiteContent) -> Expected:
    tips = site.safety_tips
    return Expected(
        blocks={
            blocks.INTRO: [shown("content/safety-tips.yml: intro", tips.intro)],
            blocks.RED_FLAGS: _red_flags(site, full=True),
            blocks.STOP_IF: _stop_rules(site),
            blocks.PAIN_RULE: _pain_rule(site),
            blocks.CONDITION: [shown(f"content/conditions.yml: conditions[{i}].means",
                                     condition.means)
                               for i, condition in enumerate(site.conditions.conditions)],
            blocks.SAFETY_TIP: [shown(f"content/safety-tips.yml: tips[{i}].text", tip.text)
                                for i, tip in enumerate(tips.tips)],
            blocks.REVIEW: _review(tips.review, "content/safety-tips.yml"),
            blocks.DISCLAIMER: [shown("the disclaimer", NOT_MEDICAL_ADVICE)],
        },
        items={blocks.STOP_IF: site.stop_rules.always.count()},
        anchors=("red-flags", "stop-rules", "conditions", "tips", *(tip.id for tip in tips.tips),
                 *site.redirects.tips),
    )


def expected_faq_page(site: SiteContent) -> Expected:
    faq = site.faq
    return Expected(
        blocks={
            blocks.INTRO: [shown("content/faq.yml: intro", faq.intro)],
            blocks.FAQ_ITEM: [shown(f"content/faq.yml: questions[{i}].answer", q.answer)
                              for i, q in enumerate(faq.questions)],
            blocks.REVIEW: _review(faq.review, "content/faq.yml"),
            blocks.DISCLAIMER: [shown("the disclaimer", NOT_MEDICAL_ADVICE)],
        },
        anchors=(*(q.id for q in faq.questions), *site.redirects.questions),
    )


def _pain_rule(site: SiteContent) -> list[Shown]:
    rule = site.stop_rules.pain_rule
    return [shown(f"content/stop-rules.yml: pain_rule.{part}", getattr(rule, part))
            for part in ("intro", "carry_on", "ease_off", "stop", "get_advice")]


def _stop_rules(site: SiteContent, group: str | None = None) -> list[Shown]:
    """The shared stop rules, all of them or one group's."""
    return [shown(f"content/stop-rules.yml: always.{name}[{i}]", rule)
            for name, rules in site.stop_rules.always.in_order() if group in (None, name)
            for i, rule in enumerate(rules)]


def _red_flags(site: SiteContent, *, full: bool) -> list[Shown]:
    groups: list[tuple[str, RedFlagGroup]] = [("emergency", site.red_flags.emergency),
                                               ("urgent", site.red_flags.urgent)]
    if full:
        groups.append(("soon", site.red_flags.soon))
    where = "content/red-flags.yml"
    return [
        item for name, group in groups for item in (
            shown(f"{where}: {name}.action", group.action),
            *(shown(f"{where}: {name}.signs[{i}]", sign) for i, sign in enumerate(group.signs)),
            *(shown(f"{where}: {name}.{part}", text)
              for part, text in (("how", group.how), ("explanation", group.explanation))
              if text),
        )
    ]


def _review(review: Review, source: str) -> list[Shown]:
    dates, what, clinical = review_parts(review)
    return [shown(f"{source}: review dates", dates),
            *([shown(f"{source}: review.what", what)] if what else []),
            shown(f"{source}: review.clinical", clinical)]


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."
