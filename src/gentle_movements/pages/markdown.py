"""Building blocks of the Markdown the site's pages are made of: paragraphs joined, divs and
boxes with classes, lists, headings with stable anchors, and page metadata.

Every page module writes through these, so that a box, a list or a heading is written one way
everywhere (and a test can change one to prove the audit notices).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Collection, Iterable

from gentle_movements import blocks
from gentle_movements.markup import plain_text
from gentle_movements.model.review import Review
from gentle_movements.pages import assets
from gentle_movements.pages.assets import Part


def join(parts: Iterable[str]) -> str:
    return "\n\n".join(parts) + "\n"


def front_matter(description: str, review: Review, parts: Collection[Part] = ()) -> str:
    """Page metadata: its description, the review dates (which also give the sitemap's
    `lastmod`), and the stylesheets and scripts its parts need (`assets.py`).

    Themes write `page.meta` into the page head as it is, as HTML, so the description is
    the words of its Markdown, escaped here (`head_text`); JSON quoting makes each value one
    YAML string or list whatever it holds."""
    quoted = json.dumps(head_text(plain_text(description)), ensure_ascii=False)
    lines = [f"description: {quoted}", f"last_reviewed: {review.last.isoformat()}",
             f"next_review_due: {review.next_due.isoformat()}"]
    for name, files in (("stylesheets", assets.stylesheets(parts)),
                        ("scripts", assets.scripts(parts))):
        if files:
            lines.append(f"{name}: {json.dumps(files)}")
    return "---\n" + "\n".join(lines) + "\n---"


def head_text(text: str) -> str:
    """Text for a page's metadata, which templates write into attributes unescaped: quotes,
    angle brackets and ampersands escaped, white space collapsed."""
    return html.escape(" ".join(text.split()), quote=True)


def heading(title: str, block: str) -> str:
    """A section heading with its block's stable anchor (`blocks.ANCHORS`)."""
    return f"## {title} {{#{blocks.ANCHORS[block]}}}"


def section(title: str, block: str, body: str) -> str:
    return f"{heading(title, block)}\n\n{div(block, body)}"


def folded_section(title: str, block: str, summary: str, body: str) -> str:
    """A section whose heading shows and whose body is folded on screen, for what a reader
    needs less often. The browser opens it for a link to its heading's part or a search in
    the page; print opens it (print.css)."""
    return (f"{heading(title, block)}\n\n"
            f'<details class="{FOLD}" markdown>\n<summary>{html.escape(summary)}</summary>\n\n'
            f"{div(block, body)}\n\n</details>")


FOLD = "gm-fold"


def div(css_class: str, body: str) -> str:
    return f'<div class="{css_class}" markdown>\n\n{body}\n\n</div>'


def not_searched(body: str, *, is_markdown: bool = True) -> str:
    """Leave repeated boilerplate and controls out of the search index.

    A <section>, not a <div>: Material's search parser matches elements by tag name, so the
    first <div> to close inside an excluded <div> ends the exclusion. Nothing we wrap holds
    a <section>. Raw HTML (`is_markdown=False`) is left untouched: Markdown would give its
    headings anchors and table-of-contents entries."""
    markdown = " markdown" if is_markdown else ""
    return f"<section data-search-exclude{markdown}>\n\n{body}\n\n</section>"


def admonition(kind: str, css_class: str, title: str, body: str) -> str:
    """A Material admonition (its classes and title, its look), written as HTML with
    Markdown inside, because an indented `!!!` box cannot hold a heading or a folded part:
    Markdown reads their HTML as text in a paragraph."""
    return (f'<div class="admonition {kind} {css_class}" markdown>\n'
            f'<p class="admonition-title">{html.escape(title)}</p>\n\n{body.strip()}\n\n</div>')


def bullets(items: Iterable[str]) -> str:
    return _list(f"-   {indent(item)}" for item in items)


def numbered(items: Iterable[str]) -> str:
    return _list(f"{number}.  {indent(item)}" for number, item in enumerate(items, 1))


def _list(items: Iterable[str]) -> str:
    """List items one to a line; or, when one holds a blank line (two paragraphs), with a
    blank line between them, or the next item would read as more of its text. An item over
    several lines without a blank one keeps the list tight, so that an attribute list on
    its last line (a version's anchor) belongs to the item, not to a paragraph in it."""
    items = list(items)
    loose = any(re.search(r"\n[ \t]*\n", item) for item in items)
    return ("\n\n" if loose else "\n").join(items)


def indent(text: str) -> str:
    """Indent continuation lines so multi-line Markdown stays inside its list item or box."""
    return text.strip().replace("\n", "\n    ")
