"""Content text as the reader gets it: rendered by the site's own Markdown, then checked.

A text field is refused for what it would put on the page, not for what it looks like: it is
rendered with the Markdown extensions the build uses (`mkdocs.yml`), and the HTML it makes may
hold only the elements and attributes its kind of field allows. Link addresses are read the
way a browser reads them before their scheme is checked. Characters that change how text is
shown without being seen (Unicode categories Cc and Cf, and a few more) are refused first.

Every check here is linear in the length of the text. Python-Markdown is not (a run of `[`
or of nested list markers costs it time with the square of its length, and deep nesting
overflows its recursion), so a text is first held to a budget of those constructs that no
real text comes near; within it, rendering costs a bounded amount per character.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from html.entities import html5
from urllib.parse import unquote

import markdown
from lxml import etree

# The site's Markdown -------------------------------------------------------------------------

MARKDOWN_EXTENSIONS = (
    "toc", "tables", "fenced_code",  # MkDocs always adds these three
    "admonition", "attr_list", "md_in_html", "pymdownx.emoji",
)
"""The extensions the build renders pages with; the build refuses to run if `mkdocs.yml`
names others (`same_as_build`)."""


def extension_configs() -> dict[str, dict[str, object]]:
    from material.extensions.emoji import to_svg, twemoji

    return {
        "toc": {"permalink": True, "permalink_title": "Link to this section"},
        "pymdownx.emoji": {"emoji_index": twemoji, "emoji_generator": to_svg},
    }


def same_as_build(extensions: list[object], configs: Mapping[str, object]) -> bool:
    """Whether the build's Markdown is the one content is checked with."""
    names = {name for name in extensions if isinstance(name, str)}
    return (names == set(MARKDOWN_EXTENSIONS) and len(names) == len(extensions)
            and dict(configs) == extension_configs())


@functools.cache
def _markdown() -> markdown.Markdown:
    # One instance, reset before each use: building one loads the emoji index.
    return markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS),
                             extension_configs=extension_configs())


# What a field may hold -----------------------------------------------------------------------


@dataclass(frozen=True)
class Allowed:
    """The HTML one kind of field may render to."""

    elements: Mapping[str, frozenset[str]]
    """Each element it may make, with the attributes it may carry."""
    one_line: bool = False
    """A name or a label: one paragraph, no line breaks."""
    starts_with_words: bool = False
    """The page may put a label or a name in front of it, on the same line."""
    refused_characters: str = ""
    """Characters that mean something where the text is placed (in a heading, a link's
    words or a page's metadata), although they are harmless on their own."""


_NONE = frozenset[str]()
_INLINE = {"strong": _NONE, "em": _NONE}

NAME = Allowed({"p": _NONE}, one_line=True, refused_characters="[]{}\\`#*_")
"""A name, title or label: plain words. It is also placed in headings, links, bold text and
the page's metadata, where those characters would mean something."""
PLAIN = Allowed({"p": _NONE}, one_line=False)
"""Text read out as it is written, such as a picture's description: no Markdown at all."""
PROSE = Allowed({
    "p": _NONE, **_INLINE, "br": _NONE, "ul": _NONE, "li": _NONE,
    "ol": frozenset({"start"}), "a": frozenset({"href", "title"}),
}, starts_with_words=True)
"""A sentence or a few paragraphs: emphasis, lists, and links."""
SENTENCES = Allowed({"p": _NONE, **_INLINE, "a": PROSE.elements["a"]}, one_line=True,
                    starts_with_words=True)
"""One or two sentences on one line, such as a caption: emphasis and links, no lists."""
LEAD = Allowed({"p": _NONE, "a": PROSE.elements["a"]}, one_line=True,
               refused_characters="*_`\\")
"""One sentence the page shows in bold, which may hold links: emphasis marks and
backslashes there would end the bold early."""

_WHAT_IT_MAKES = {
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "a heading (a line starting with #, "
                    "or underlined with = or -)"),
    "img": "an image; pictures are drawn from `illustrations`",
    "pre": "a code block (a line indented by four spaces, or fenced with ```)",
    "code": "code (text between backticks)",
    "blockquote": "a quotation (a line starting with >)",
    "hr": "a line across the page (---, *** or ___ on its own line)",
    "table": "a table (lines with |)",
    "emoji": "an emoji (:name:), a picture from another site",
    "a": "a link",
    "ul": "a list", "ol": "a list", "li": "a list",
    "br": "a line break",
    "p": "more than one paragraph",
    "strong": "bold text", "em": "italic text",
}

# Characters ----------------------------------------------------------------------------------

_REFUSED_CATEGORIES = {
    "Cc": "an invisible control character",
    "Cf": "an invisible formatting character",
    "Cs": "half of a character (a lone surrogate)",
    "Co": "a private-use character",
    "Cn": "a character that Unicode has not assigned",
    "Zl": "a line separator",
    "Zp": "a paragraph separator",
}
"""Every category Cc and Cf, with no exception but the line feed: the site is written in
English, which needs none of them. (Scripts such as Arabic, Persian or the Indic ones need
the zero-width joiners U+200C and U+200D; a translation would allow those two, never the
direction controls.)"""
_INVISIBLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
    (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
"""Unicode's default-ignorable characters, which show as nothing: the format characters,
and fillers and selectors in other categories (such as U+3164 HANGUL FILLER)."""
_RIGHT_TO_LEFT = {"R", "AL", "AN"}
"""Right-to-left letters and Arabic digits: beside numbers they reorder what is shown
("Rest 5, hold 50" can read in another order), and English text needs none."""


_NOT_PRINTABLE_ASCII = re.compile(r"[^\x20-\x7e\n]")


def character_problem(text: str) -> str | None:
    """The first character a reader would not see as written, described; or None."""
    for found in _NOT_PRINTABLE_ASCII.finditer(text):
        index, character = found.start(), found.group()
        category = unicodedata.category(character)
        what = _REFUSED_CATEGORIES.get(category)
        if what is None and any(low <= ord(character) <= high for low, high in _INVISIBLE):
            what = "an invisible character"
        if what is None and unicodedata.bidirectional(character) in _RIGHT_TO_LEFT:
            what = ("a right-to-left letter, which can reorder the words and numbers beside "
                    "it")
        if what is not None:
            name = unicodedata.name(character, "")
            shown = f"U+{ord(character):04X}" + (f" {name}" if name else "")
            return f"contains {what} ({shown}) at character {index + 1}; retype the text"
    return None


# The budget that keeps rendering linear ------------------------------------------------------

MAX_BRACKETS = 40
"""`[` and `<` in one text: each link needs one `[`, and every one makes Markdown search the
rest of its paragraph. Real texts hold a few."""
MAX_MARKS = 100
"""`*`, `_`, backticks and colons in one text: each pair makes emphasis, code or an emoji,
which Markdown builds one at a time. Real texts hold a few dozen at most."""
MAX_LINES = 120
MAX_NESTING = 3
"""Lists or quotations inside each other, counted at the start of each line."""
_CONTAINER = re.compile(r" {0,3}(?:>|(?:[*+-]|\d{1,9}[.)])(?= |$))")


def budget_problem(text: str) -> str | None:
    brackets = text.count("[") + text.count("<")
    if brackets > MAX_BRACKETS:
        return (f"holds {brackets} square or angle brackets; at most {MAX_BRACKETS} are "
                "allowed in one text")
    marks = sum(text.count(mark) for mark in "*_`:")
    if marks > MAX_MARKS:
        return (f"holds {marks} of the marks * _ ` and :; at most {MAX_MARKS} are allowed in "
                "one text")
    lines = text.split("\n")
    if len(lines) > MAX_LINES:
        return f"has {len(lines)} lines; at most {MAX_LINES} are allowed in one text"
    for line in lines:
        if _nesting(line) > MAX_NESTING:
            return (f"puts lists or quotations more than {MAX_NESTING} deep, in the line "
                    f"{_short(line.strip())!r}")
    return None


def _nesting(line: str) -> int:
    """How many lists or quotations a line opens or continues: four spaces of indent, or
    one marker (-, *, +, >, 1.), is one level."""
    indent = len(line) - len(line.lstrip(" "))
    depth, position = indent // 4, indent - indent % 4
    while position < len(line):
        marker = _CONTAINER.match(line, position)
        if marker is None:
            break
        depth += 1
        position = marker.end()
        while position < len(line) and line[position] == " ":
            position += 1
        if depth > MAX_NESTING:
            break
    return depth


# Links ---------------------------------------------------------------------------------------

_C0_AND_SPACE = "".join(chr(code) for code in range(0x21))
_TAB_AND_NEWLINES = str.maketrans("", "", "\t\n\r")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
LINK_SCHEMES = ("http", "https")


def as_browser_reads(url: str) -> str:
    """A URL as a browser parses it: leading and trailing controls and spaces dropped, tabs
    and line breaks removed anywhere, and a backslash read as a slash."""
    return url.strip(_C0_AND_SPACE).translate(_TAB_AND_NEWLINES).replace("\\", "/")


def _schemes(url: str) -> list[str | None]:
    """The scheme a browser would see (lower case), or None for a relative address; also
    with %-escapes decoded, to be on the safe side."""
    seen = as_browser_reads(url)
    forms = (seen, as_browser_reads(unquote(seen)))
    return [match.group(1).lower() if (match := _SCHEME.match(form)) else None
            for form in forms]


def unsafe_scheme(url: str) -> bool:
    """Whether following the link would do anything but open a web page (javascript:,
    data:, ms-msdt:, intent: ...)."""
    return any(scheme not in (None, *LINK_SCHEMES) for scheme in _schemes(url))


def link_problem(url: str) -> str | None:
    """Why a link from content is unsafe: it must be http(s) or a relative address of this
    site."""
    if unsafe_scheme(url):
        return "links must point to http, https or a page of this site"
    if None in _schemes(url):
        form = as_browser_reads(url)
        if form.startswith("//"):
            return "an address starting with // opens another site; write https:// in full"
        if form.startswith("/"):
            return ("links to this site's pages must be relative, such as safety.md#red-flags, "
                    "so they work under any address and offline")
    return None


def resource_problem(url: str) -> str | None:
    """Why a file a page loads (script, style, picture) is not this site's own: it names a
    scheme or another host."""
    form = as_browser_reads(url)
    if form.startswith("//") or any(scheme is not None for scheme in _schemes(url)):
        return "loads a file from outside this site"
    return None


_HTTPS_ADDRESS = re.compile(
    r"https://(?P<host>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?::[0-9]{1,5})?"
    r"(?:[/?#][A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*)?")


def https_address_problem(url: str) -> str | None:
    """A source's address: https, a host name, and only the characters URLs are made of."""
    if _HTTPS_ADDRESS.fullmatch(url) is None:
        return ("must be a full https:// address, such as https://www.nhs.uk/conditions/"
                "sciatica/, with no spaces, quotes, angle brackets or backslashes")
    return None


# Rendering and checking a text ---------------------------------------------------------------


@dataclass(frozen=True)
class Rendered:
    html: str
    raw: tuple[str, ...]
    """What Markdown passed through untouched: raw HTML and character references."""


_PARSER = etree.HTMLParser()


def render(text: str) -> Rendered:
    """The HTML the site's Markdown makes of `text` (within the budget above)."""
    md = _markdown()
    md.reset()
    try:
        html = md.convert(text)
    except Exception:
        _markdown.cache_clear()  # a failure can leave the instance half reset
        raise
    return Rendered(html, tuple(str(raw) for raw in md.htmlStash.rawHtmlBlocks))


def text_problem(text: str, allowed: Allowed) -> str | None:
    """Why `text` cannot be published in a field that allows `allowed`; None if it can."""
    problem = character_problem(text)
    if problem:
        return problem
    if allowed.one_line and "\n" in text:
        return "must be one line"
    refused = next((c for c in allowed.refused_characters if c in text), None)
    if refused:
        return (f"cannot hold {refused!r}: this text is also placed in headings, links, bold "
                "text or the page's description, where it would mean something")
    if _plain_words(text):
        return None
    if _TAG_OPEN.search(text):
        # As HTML reads it, this starts a tag, wherever it stands: inside the blocks that
        # hold a field it would swallow the block's own closing tag.
        return _RAW_HTML
    if _holds_character_reference(text):  # the same for a character code
        return _CHARACTER_CODES
    problem = budget_problem(text)
    if problem:
        return problem
    try:
        rendered = render(text)
        in_a_list = render(as_list_item(text)) if "\n" in text else None
    except Exception as error:  # Markdown's own failure, reported instead of raised
        return f"could not be read as Markdown ({type(error).__name__}); simplify the text"
    problem = _raw_problem(rendered.raw) or _html_problem(rendered.html, allowed)
    if problem or in_a_list is None:
        return problem
    item = _fragment(in_a_list.html).find("ul/li")
    if item is None or text_units(item) != text_units(_fragment(rendered.html)):
        return ("would read differently in a list, where most text is shown: a line that "
                "starts with -, * or a number starts a list there; put a blank line before it, "
                "or join the lines")
    as_item = dataclasses.replace(allowed, starts_with_words=False)  # a list, by design
    return _raw_problem(in_a_list.raw) or _html_problem(in_a_list.html, as_item)


def as_list_item(text: str) -> str:
    """Markdown that puts `text` in a list item, as the renderer does."""
    return "-   " + text.replace("\n", "\n    ")


_TAG_OPEN = re.compile(r"<[A-Za-z/!?]")
_RAW_HTML = "raw HTML is not allowed here; write Markdown instead"
_AFTER_AMPERSAND = re.compile(r"&(#|[A-Za-z0-9]{1,32})")


def _holds_character_reference(text: str) -> bool:
    """Whether a browser could read part of `text` as a character code: &#...; or a named
    one such as &amp; or &copy (some are read without their semicolon). "A&E" is not one."""
    for found in _AFTER_AMPERSAND.finditer(text):
        name = found.group(1)
        if name == "#" or any(name[:end] in html5 or f"{name[:end]};" in html5
                              for end in range(1, len(name) + 1)):
            return True
    return False


_CHARACTER_CODES = ("character codes such as &#106; or &amp; are not allowed; type the "
                    "character itself (and put a space after a lone &)")


def _raw_problem(raw: tuple[str, ...]) -> str | None:
    for passed in raw:
        if passed.startswith("&"):
            return _CHARACTER_CODES
        if passed.startswith("<pre"):
            return f"makes {_WHAT_IT_MAKES['pre']}, which is not allowed here"
        if passed:
            return _RAW_HTML
    return None


def _html_problem(html: str, allowed: Allowed) -> str | None:
    root = _fragment(html)
    if allowed.one_line and (len(root) != 1 or root[0].tag != "p"):
        return f"makes {_WHAT_IT_MAKES['p']}, which is not allowed here"
    if allowed.starts_with_words and len(root) and root[0].tag in ("ul", "ol"):
        return ("must start with a sentence, not a list: the page may put a label in front "
                "of it on the same line")
    for element in root.iterdescendants():
        if not isinstance(element.tag, str):
            return _RAW_HTML
        attributes = allowed.elements.get(element.tag)
        if attributes is None:
            kind = "emoji" if "twemoji" in (element.get("class") or "") else element.tag
            what = _WHAT_IT_MAKES.get(kind, f"a <{element.tag}> element")
            return f"makes {what}, which is not allowed here"
        for name in element.attrib:
            if name not in attributes:
                return (f"sets the attribute {name!r} with an attribute list in braces "
                        "({...}), which could hide or restyle the text; remove the braces")
        if element.tag == "a":
            problem = link_problem(element.get("href", ""))
            if problem:
                return problem
    if not "".join(root.itertext()).strip():
        return ("shows nothing once rendered (a line such as [name]: address only defines a "
                "link); write the words out")
    return None


def _fragment(html: str) -> etree._Element:
    body = etree.fromstring(f"<html><body><div>{html}</div></body></html>", _PARSER)
    return body.find("body/div")


_UNITS = frozenset({"p", "li", "figcaption", "dt", "dd", "td", "th", "caption",
                    "h1", "h2", "h3", "h4", "h5", "h6"})
"""Elements whose words a reader takes in as one piece: a paragraph, a list item, a caption."""


def text_units(root: etree._Element) -> list[str]:
    """The words of each paragraph, list item or caption in `root`, in reading order: a
    nested list or paragraph is a unit of its own, and a heading's link sign is left out."""
    return [text for element in root.iter()
            if isinstance(element.tag, str) and element.tag in _UNITS
            and (text := normalise(_own_text(element)))]


def _own_text(element: etree._Element) -> str:
    parts = [element.text or ""] if isinstance(element.tag, str) else []
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _UNITS and child.tag not in (
                "ul", "ol") and "headerlink" not in (child.get("class") or ""):
            parts.append(_own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


@functools.lru_cache(maxsize=65536)  # a pure function of the text: safe across builds
def field_units(text: str) -> tuple[str, ...]:
    """`text_units` of a text field as the site renders it (of text the checks refuse, as
    it is written)."""
    if _plain_words(text) or budget_problem(text):
        return (normalise(text),)
    return tuple(text_units(_fragment(render(text).html)))


@functools.lru_cache(maxsize=65536)
def plain_text(text: str) -> str:
    """The words a reader sees for a text field, white space collapsed (for text the checks
    refuse, the text as it is written)."""
    if _plain_words(text) or budget_problem(text):
        return normalise(text)
    return normalise("".join(_fragment(render(text).html).itertext()))


_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?)])")


def normalise(text: str) -> str:
    """Collapse white space, as a browser does, and drop any left before punctuation."""
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(text.split()))


_PLAIN_WORDS = re.compile(r"[A-Za-z0-9\"'(][A-Za-z0-9 .,:;?'\"()/%-]*")
"""One line of letters, digits, spaces and a little punctuation, starting with a letter, digit,
quote or bracket. None of these characters starts a Markdown construct except leading digits
followed by "." or ")" (an ordered list) and a word between colons (an emoji), which
`_plain_words` rules out."""
_EMOJI = re.compile(r":[+\-\w]+:")


def _plain_words(text: str) -> bool:
    """True when `text` renders as one paragraph of exactly itself (tested): most content
    does, and need not be rendered to be checked."""
    if _PLAIN_WORDS.fullmatch(text) is None:
        return False
    digits = len(text) - len(text.lstrip("0123456789"))
    if digits and text[digits:digits + 1] in (".", ")"):
        return False
    return ":" not in text or _EMOJI.search(text) is None


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."
