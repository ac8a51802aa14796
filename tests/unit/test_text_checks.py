"""Text fields are checked as the reader gets them: rendered by the site's Markdown, held to
the elements, attributes and link schemes their field allows, with characters that hide or
reorder text refused, and in time linear in their length."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gentle_movements import markup

REFUSED = [
    # Attribute lists that hide, restyle or reorder text, or run script.
    ("Stop now.\n{hidden}", "attribute 'hidden'"),
    ("Stop now.\n{: hidden}", "attribute 'hidden'"),
    ("Stop now.\n{x .cls #id}", "attribute"),
    ("*Stop* {: .md-hidden} now\n{: popover}", "attribute 'popover'"),
    ("*Stop*{hidden} now", "attribute 'hidden'"),
    ('Stop now.\n{: style="display:none"}', "attribute 'style'"),
    ('Stop now.\n{: onclick="alert(1)"}', "attribute 'onclick'"),
    ("Rest 5 then 50.\n{: dir=rtl}", "attribute 'dir'"),
    ("Stop:\n\n- now.\n    {hidden}", "attribute 'hidden'"),
    # Link schemes, read as a browser reads them.
    ("[x](java\rscript:alert(1))", "U+000D"),  # a control character before anything else
    ("[x](java%0Ascript:alert(1))", "links must point to http"),
    ("[x](%6Aavascript:alert(1))", "links must point to http"),
    ("[x]( JaVaScRiPt:alert(1))", "links must point to http"),
    ("[x](data:text/html,hi)", "links must point to http"),
    ("[x](ms-msdt:id)", "links must point to http"),
    ("[x](intent://evil.example#Intent;end)", "links must point to http"),
    ("[x](vbscript:msgbox)", "links must point to http"),
    ("[x](file:///etc/passwd)", "links must point to http"),
    ("[x][1]\n\n[1]: javascript:alert(1)", "links must point to http"),
    ("<foo@evil.example>", "raw HTML"),
    ("**<Stop**, then", "raw HTML"),  # would swallow the closing tag of its block
    ("[x](//evil.example/)", "opens another site"),
    ("[x](/\\evil.example/)", "opens another site"),
    ("[x](/safety.html)", "must be relative"),
    # Things that load a file, or are not prose.
    ("![](https:\\evil.example/p.gif)", "an image"),
    ("![x](safety.md)", "an image"),
    ("# Heading", "a heading"),
    ("Title\n=====", "a heading"),
    ("Use `code`", "code"),
    ("Text\n\n    indented", "a code block"),
    ("```\nfenced\n```", "a code block"),
    ("> quoted", "a quotation"),
    ("Text\n\n---", "a line across"),
    ("|a|b|\n|-|-|\n|1|2|", "a table"),
    ("Smile :smile:", "an emoji"),
    ("[a]: https://www.nhs.uk/", "shows nothing"),
    # Raw HTML and character codes.
    ("<b>bold</b>", "raw HTML"),
    ("x <!-- hidden -->", "raw HTML"),
    ("<javascript:alert(1)>", "raw HTML"),
    ("< script >alert(1)</ script >", "raw HTML"),  # "</" opens a tag or a comment
    ("Tom &amp; Jerry", "character codes"),
    ("Rest &#8238;5", "character codes"),
    ("Caf&eacute", "character codes"),  # read as a character even without its semicolon
    # Characters that are not seen, or that reorder what is seen.
    ("Rest 5\u061c0 minutes", "U+061C ARABIC LETTER MARK"),
    ("Rest \u202e05 minutes", "U+202E"),
    ("Rest\u200b5", "U+200B"),
    ("Rest \u2066 5", "U+2066"),
    ("Sof\u00adt", "U+00AD"),
    ("Rest\ufeff5", "U+FEFF"),
    ("Rest\u20285", "U+2028"),
    ("Rest\ue0005", "private-use"),
    ("Rest\u31645", "U+3164 HANGUL FILLER"),
    ("Rest\u034f5", "U+034F"),
    ("Rest\t5", "U+0009"),
    ("Rest\r5", "U+000D"),
    ("Rest\x075", "U+0007"),
    ("Rest 5 \u05d0 50", "right-to-left"),
    ("Rest \u0665 minutes", "right-to-left"),
    # Past the budget that keeps Markdown linear.
    ("[" * 41, "square or angle brackets"),
    ("- - - - nested", "more than 3 deep"),
    ("- first\n- second", "must start with a sentence"),
    ("> > > > nested", "more than 3 deep"),
    ("\n".join(["line"] * 121), "121 lines"),
    ("*a" * 101, "101 of the marks"),
]


@pytest.mark.parametrize(("text", "message"), REFUSED, ids=range(len(REFUSED)))
def test_unsafe_text_is_refused_with_a_reason(text: str, message: str) -> None:
    problem = markup.text_problem(text, markup.PROSE)
    assert problem is not None and message in problem, problem


SHOWN_AS_WRITTEN = [
    "Stop if it hurts. {hidden}",  # not an attribute list where it stands
    "Hold it{: onclick=\"alert(1)\" }",
    "< script >alert(1) < / script >",
    "{=" * 1500,
    "[Easier versions](#easier) and [the safety tips](../safety.md#stop-rules).",
    "[NHS](https://www.nhs.uk/) or [NICE](HTTP://www.nice.org.uk/)",
    "**Bold** and *italic*,\n\n- a list\n- of two\n\n1. numbered",
    "Pain 3 < 5 and 7 > 5",
    "Go to the emergency department (A&E) now. Tom & Jerry.",
]


@pytest.mark.parametrize("text", SHOWN_AS_WRITTEN, ids=range(len(SHOWN_AS_WRITTEN)))
def test_ordinary_and_harmless_text_is_accepted(text: str) -> None:
    assert markup.text_problem(text, markup.PROSE) is None


@pytest.mark.parametrize(("text", "allowed"), [
    ("Bridge [1]", markup.NAME), ("Bridge {x}", markup.NAME), ("Bridge \\ two", markup.NAME),
    ("Bridge `x`", markup.NAME), ("Bridge\ntwo", markup.NAME), ("[Bridge](x.md)", markup.NAME),
    ("- Bridge", markup.NAME), ("*lying down*", markup.PLAIN), ("**Bridge**", markup.NAME),
    ("You are *pregnant*", markup.LEAD), ("Stop\\", markup.LEAD),
])
def test_names_and_picture_descriptions_are_plainer(text: str, allowed: markup.Allowed) -> None:
    assert markup.text_problem(text, allowed) is not None
    assert markup.text_problem("Child's pose (easier)", markup.NAME) is None
    assert markup.text_problem("You have had a [hip replacement](faq.md).", markup.LEAD) is None


@pytest.mark.parametrize(("url", "read"), [
    ("java\tscript:x", "javascript:x"), ("\x01 javascript:x \n", "javascript:x"),
    ("https:\\\\evil.example\\p.gif", "https://evil.example/p.gif"),
    ("java\r\nscript:x", "javascript:x"),
])
def test_urls_are_read_as_a_browser_reads_them(url: str, read: str) -> None:
    assert markup.as_browser_reads(url) == read


@pytest.mark.parametrize("url", ["//evil.example/p.gif", "https://evil.example/p.gif",
                                 "/\\evil.example/p.gif", "data:image/gif;base64,R0lG",
                                 "HTTPS:evil.example", "%68ttps://evil.example/"])
def test_files_a_page_loads_must_be_the_sites_own(url: str) -> None:
    assert markup.resource_problem(url) is not None
    assert markup.resource_problem("../assets/site.css") is None


@pytest.mark.parametrize("url", [
    "https://www.nhs.uk/a)![](https://evil.example/p.gif", "https://nhs.uk@evil.example/",
    "https://www.nhs.uk/a b", "https://www.nhs.uk/\\x", "http://www.nhs.uk/",
    'https://www.nhs.uk/"onmouseover=x', "https://localhost/",
])
def test_source_addresses_are_plain_https(url: str) -> None:
    if ")" in url:  # a bracket is part of URLs; the renderer keeps it inside the link
        assert markup.https_address_problem(url) is None
        return
    assert markup.https_address_problem(url) is not None


# Linear time -----------------------------------------------------------------------------

ADVERSARIAL = ["{=", "[", "![", "[a](", "<a ", "a\n=\n", "> ", "- ", "1. ", "a\n\n", "[a][",
               "[^", "- [", "**[", "[](", "![a](", "# a\n", "<", "&", "*a", "_a", "`", "``a",
               "(", ":a", "|-|\n", "    a\n", "```\n", "<!--", "\\[", "{", "}{", "{: ",
               "{#", "{.", "*_", "a  \n", "\n"]


@pytest.fixture(scope="module", autouse=True)
def markdown_ready() -> None:
    markup.render("ready")  # the first use loads the emoji index, once per process


@pytest.mark.parametrize("unit", ADVERSARIAL)
def test_every_check_is_fast_on_hostile_text_at_its_longest(unit: str) -> None:
    text = (unit * (3000 // len(unit) + 1))[:3000].strip() or "x"
    started = time.perf_counter()
    markup.text_problem(text, markup.PROSE)
    markup.plain_text(text)
    assert time.perf_counter() - started < 0.25, unit


def test_the_attribute_list_pattern_that_took_seven_seconds_now_takes_milliseconds() -> None:
    started = time.perf_counter()
    assert markup.text_problem("{=" * 1500, markup.PROSE) is None
    assert time.perf_counter() - started < 0.05


@given(st.lists(st.sampled_from(["[", "<a ", "> ", "- ", "1. ", "\n", "{=", "*", "x ", "(",
                                 "]", "![", "`", "#", "\n\n", "    "]), max_size=600))
def test_text_within_the_budget_renders_quickly(parts: list[str]) -> None:
    text = "".join(parts)[:3000].strip()
    if not text or markup.budget_problem(text):
        return
    started = time.perf_counter()
    markup.text_problem(text, markup.PROSE)
    assert time.perf_counter() - started < 0.25


# The shortcut for plain words is exact ---------------------------------------------------


@given(st.text(alphabet="abcXY019 .,:;?'\"()/%-", min_size=1, max_size=60))
def test_plain_words_render_as_themselves(text: str) -> None:
    text = text.strip()
    if text and markup._plain_words(text):
        assert markup.render(text).html == f"<p>{text}</p>"


def test_content_is_checked_with_the_markdown_the_build_uses() -> None:
    from mkdocs.config import load_config

    from shared import ROOT

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert markup.same_as_build(config.markdown_extensions, config.mdx_configs)
    assert not markup.same_as_build([*config.markdown_extensions, "footnotes"],
                                    config.mdx_configs)
