"""How hard each built page is to read: its Flesch-Kincaid grade and its long sentences.

Pure functions over built HTML, for editors (`site_tools.readability_report`) and the tests.
The build does not import this module: textstat is a test dependency, not a build one.

What is graded is the text a reader reads in the page's article, one block (paragraph, list
item, box title) at a time, split into sentences. Left out:

- what is not prose: headings (labels such as "Steps", not sentences: counted as short
  sentences they would make every page look easier than its prose), code (the page's
  address), the QR code, buttons, scripts;
- the list of sources: those are the titles of other people's documents, which we cite
  exactly and cannot simplify;
- on exercise pages, the red-flag box (see `SHARED_BLOCKS`).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.html

from gentle_movements import blocks

with warnings.catch_warnings():
    # textstat 0.7.4 imports pkg_resources, which warns that it is deprecated. Only here.
    warnings.simplefilter("ignore", DeprecationWarning)
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
    from textstat.textstat import textstatistics

_TEXTSTAT = textstatistics()
"""Our own textstat, unrounded. By default textstat rounds the syllables per word to one
decimal place before the formula, which moves a grade by up to 0.6; we round only the grade.
A private instance leaves textstat's shared one (`textstat.flesch_kincaid_grade`) as it was.
"""
_TEXTSTAT.set_rounding(False)

LONG_SENTENCE_WORDS = 25
"""A sentence with more words than this is listed for editors to split."""

EXERCISE_GRADE_LIMIT = 7
"""The highest Flesch-Kincaid grade an exercise page may have: a reading age of about 12,
within the 11 to 13 we aim for (content brief 7.3: grade 6 to 8 for body copy)."""

NOT_PROSE = ("h1", "h2", "h3", "h4", "h5", "h6", "code", "svg", "button", "script", "style",
             "template")
"""Elements whose text is not graded, wherever they are."""

NOT_GRADED_CLASSES = (blocks.SOURCES,)
"""Classes of elements left out on every page: the titles of the sources we cite."""

SHARED_BLOCKS = (blocks.RED_FLAGS,)
"""Blocks left out of an exercise page's grade.

The red-flag box is the same NHS-style wording on every exercise page, from
content/red-flags.yml. It is long (about 250 words), so counted on each page it would pull
every exercise towards the same score and hide how plain that exercise's own words are. It
is graded once, where it is printed in full: on the safety page (and the home page), which
keep it. The stop rules and the disclaimer, also shared, stay in: they are a few short
sentences read as part of each exercise.
"""

_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
})
_BREAK = "\x00"
_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"'\u201d\u2019)\]]))\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
"""Space after . ! or ? (or one closing quote or bracket) before a capital or a digit.

A lower-case word after a full stop ("e.g. this") does not start a sentence.
"""


@dataclass(frozen=True)
class PageReadability:
    page: str
    grade: float
    """Flesch-Kincaid grade (US school grade; add 5 for a rough reading age in years)."""
    words: int
    sentences: tuple[str, ...]

    @property
    def long_sentences(self) -> tuple[str, ...]:
        return tuple(s for s in self.sentences if word_count(s) > LONG_SENTENCE_WORDS)


def page_readability(html: bytes | str, page: str = "", *, exercise: bool | None = None
                     ) -> PageReadability:
    """Grade one built page. `exercise` defaults to whether it lives in exercises/."""
    if exercise is None:
        exercise = is_exercise_page(page)
    sentences = tuple(body_sentences(html, exercise=exercise))
    return PageReadability(page, grade(sentences), sum(map(word_count, sentences)), sentences)


def is_exercise_page(page: str) -> bool:
    """Whether a built page's address is an exercise's (`exercises/<slug>.html`)."""
    return re.fullmatch(r"exercises/[^/]+\.html", page) is not None \
        and page != "exercises/index.html"


def site_readability(site_dir: Path) -> list[PageReadability]:
    """Every built page with an article (redirect stubs have none), sorted by address."""
    results = []
    for path in sorted(site_dir.rglob("*.html")):
        page = path.relative_to(site_dir).as_posix()
        html = path.read_bytes()
        if b"<article" in html:
            results.append(page_readability(html, page))
    return results


def body_sentences(html: bytes | str, *, exercise: bool = False) -> Iterator[str]:
    """The sentences of a page's article, in reading order."""
    for unit in body_blocks(html, exercise=exercise):
        yield from split_sentences(unit)


def body_blocks(html: bytes | str, *, exercise: bool = False) -> list[str]:
    """The text of each block of a page's article, white space collapsed."""
    tree = lxml.html.fromstring(html)
    articles = tree.xpath("//article")
    if not articles:
        return []
    skipped = NOT_GRADED_CLASSES + (SHARED_BLOCKS if exercise else ())
    parts: list[str] = []
    _walk(articles[0], frozenset(skipped), parts)
    units = (" ".join(unit.split()) for unit in "".join(parts).split(_BREAK))
    return [_tidy(unit) for unit in units if unit]


def _walk(element: lxml.html.HtmlElement, skipped: frozenset[str], parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""  # comments have no tag name
    block = tag in _BLOCK_TAGS
    if block:
        parts.append(_BREAK)
    classes = set((element.get("class") or "").split()) if tag else set()
    if tag and tag not in NOT_PROSE and not classes & skipped:
        parts.append(element.text or "")
        for child in element:
            _walk(child, skipped, parts)
    if block:
        parts.append(_BREAK)
    parts.append(element.tail or "")


_ENDED = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?)])")


def _tidy(text: str) -> str:
    """Drop the space an inline element can leave before punctuation ("hip ." → "hip.")."""
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text).strip()


def split_sentences(text: str) -> list[str]:
    """Split one block of text into sentences. A block always ends a sentence.

    A number that starts a block ("1. Systems") numbers it; it does not end a sentence.
    """
    parts = [part.strip() for part in _SENTENCE_END.split(text)]
    if len(parts) > 1 and _NUMBERING.fullmatch(parts[0]):
        parts[:2] = [f"{parts[0]} {parts[1]}"]
    return [part for part in parts if part]


_NUMBERING = re.compile(r"\d{1,3}[.)]")


def word_count(sentence: str) -> int:
    """Words as textstat counts them (punctuation removed; "hip-width" is one word)."""
    return _TEXTSTAT.lexicon_count(sentence)


def grade(sentences: tuple[str, ...] | list[str]) -> float:
    """The Flesch-Kincaid grade of these sentences, read as one text.

    Each sentence is ended with a full stop if it has no end mark (a list item such as
    "Hold: 5 seconds", a lead-in such as "Stop if:"), so that textstat counts it as a
    sentence of its own rather than running it into the next.
    """
    if not sentences:
        return 0.0
    text = " ".join(s if _ENDED.search(s) else s.rstrip(":;, ") + "." for s in sentences)
    return round(_TEXTSTAT.flesch_kincaid_grade(text), 1)
