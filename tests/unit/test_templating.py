"""The markup templates and the one way JSON goes into a <script> block."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jinja2 import UndefinedError

from gentle_movements import templating
from gentle_movements.templating import markup, render, script_json
from shared import ROOT

PACKAGE = ROOT / "src" / "gentle_movements"
TEMPLATES = sorted(path.name for path in (PACKAGE / "templates").glob("*.html"))
PAYLOADS = ["</script><script>alert(1)</script>", "<!-- <script>", "a & b", "it's",
            "\u2028\u2029", '"quoted"', "\\u003c"]


@pytest.mark.parametrize("text", PAYLOADS)
def test_json_in_a_script_block_cannot_end_it_and_reads_back_the_same(text: str) -> None:
    data = {"title": text, "list": [text, 1, None]}
    written = script_json(data)
    assert not set("<>&'") & set(written), written
    assert json.loads(written) == data


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
                    max_leaves=20))
def test_any_json_stays_inside_its_block(data) -> None:
    written = script_json(data)
    assert "</" not in written and "<!--" not in written
    assert json.loads(written) == data


def test_json_ld_keys_are_sorted_when_asked() -> None:
    assert script_json({"b": 1, "a": 2}, sort_keys=True) == '{"a":2,"b":1}'


def test_values_are_escaped_unless_marked_as_markup() -> None:
    share = render("share.html", css_class="gm-share", title="<b>Bridge</b>",
                   address='https://example.org/"x"', qr=markup("<svg></svg>"))
    assert "<b>" not in share and "&lt;b&gt;Bridge&lt;/b&gt;" in share
    assert "&#34;x&#34;" in share
    assert '<figure class="gm-qr-figure"><svg></svg></figure>' in share


def test_a_missing_value_fails_instead_of_leaving_a_gap() -> None:
    with pytest.raises(UndefinedError):
        render("share.html", css_class="gm-share", title="Bridge", qr=markup(""))


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_template_is_used(template: str) -> None:
    code = "\n".join(path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py"))
    assert f'"{template}"' in code, f"nothing renders templates/{template}"


def test_templates_are_autoescaped() -> None:
    assert templating.ENVIRONMENT.autoescape is True
    for template in TEMPLATES:
        text = (PACKAGE / "templates" / template).read_text(encoding="utf-8")
        assert not re.search(r"\|\s*safe\b|autoescape\s+false", text), template
