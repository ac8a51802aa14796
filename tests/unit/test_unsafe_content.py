"""Hostile or broken input gets a clean `file:line: field: message`, never a traceback, and
no content can put script on a page."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import pipeline
from gentle_movements.checks.audit import Expected, audit_html
from gentle_movements.errors import ContentError
from gentle_movements.load.loader import check_file
from gentle_movements.model.exercise import Exercise
from gentle_movements.model.fields import Slug
from gentle_movements.model.site import Redirects, SiteContent
from shared import ROOT

BASE = (ROOT / "tests" / "malformed" / "base.yml").read_text(encoding="utf-8")
STEP = "  - Hold one knee with both hands.\n"

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "< script >alert(1)</ script >",
    "<SCRIPT SRC=https://example.org/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src='https://example.org'></iframe>",
    "<form action='https://example.org'><input></form>",
    "<style>body{display:none}</style>",
    "<a href='javascript:alert(1)'>x</a>",
    "<!-- comment --><script>alert(1)</script>",
    "<details open ontoggle=alert(1)>",
    "<object data='x.swf'></object>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click]( javascript:alert(1))",
    "[click](<javascript:alert(1)>)",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "![image](javascript:alert(1))",
    "[click][1]\n\n[1]: javascript:alert(1)",
    "[click](&#106;avascript:alert(1))",
    "[click](java&#x09;script:alert(1))",
    "Hold it\n{: onclick=\"alert(1)\" }",
    "Hold it\n{ onmouseover=alert(1) }",
    "Hold it\n{hidden}",
    "![](https:\\evil.example/p.gif)",
    "[click](java\rscript:alert(1))",
    "[click](ms-msdt:id)",
    "Rest 5\u061c0 seconds",
    "<javascript:alert(1)>",
    "Hold\u202eit",
    "Hold\x00it",
]


def write_exercise(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "xss.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("payload", XSS_PAYLOADS, ids=range(len(XSS_PAYLOADS)))
def test_script_in_content_is_refused_with_file_and_field(tmp_path: Path, payload: str) -> None:
    step = yaml.safe_dump([payload], allow_unicode=True, width=1000).strip()
    path = write_exercise(tmp_path, BASE.replace(STEP, "  " + step + "\n"))
    errors = check_file(path, "content/exercises/xss.yml", Exercise)
    assert [(e.path, e.line, e.field) for e in errors] == [
        ("content/exercises/xss.yml", BASE.splitlines().index(STEP.rstrip()) + 1, "steps[0]")
    ], errors


def test_there_are_at_least_twenty_payloads() -> None:
    assert len(XSS_PAYLOADS) >= 20


SHOWN_AS_TEXT = [
    "< script >alert(1) < / script >",
    "Hold it{: onclick=\"alert(1)\" }",
    "Hold it{ onmouseover=alert(1) }",
    "Hold it. {hidden}",
]
"""Payloads that look hostile but are not Markdown where they stand: the reader sees them
as written, which the audit checks word for word."""


@pytest.mark.parametrize("payload", SHOWN_AS_TEXT, ids=range(len(SHOWN_AS_TEXT)))
def test_harmless_lookalikes_are_shown_as_written(content: SiteContent, payload: str) -> None:
    data = pipeline.base_exercise()
    data["steps"][0] = payload
    exercise = pipeline.validate(data)
    assert isinstance(exercise, Exercise), exercise
    assert pipeline.audit_exercise(content, exercise) == []
    page = etree.fromstring(pipeline.page_html(pipeline.with_exercise(content, exercise)),
                            etree.HTMLParser())
    assert page.find(".//script") is None
    assert payload in " ".join(page.find(".//article").itertext())


@pytest.mark.parametrize(
    "markup",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        "<iframe></iframe>",
        '<a href=" JAVASCRIPT:alert(1)">x</a>',
        "<form></form>",
    ],
)
def test_the_audit_finds_script_that_reaches_a_page(markup: str) -> None:
    page = f"<html><head><meta name='description' content='x'><title>T</title></head><body>" \
           f"<article><h1>T</h1>{markup}</article></body></html>"
    findings = audit_html(page, "x.html", Expected())
    assert any("unsafe markup" in str(finding) for finding in findings), findings


# Property-based: whatever the file holds, the loader answers with content errors only -----

YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from([*Exercise.model_fields, "x", "<<"]) | st.text(),
                      children, max_size=6),
    max_leaves=20,
)


def assert_clean(errors: list[ContentError]) -> None:
    for error in errors:
        assert isinstance(error, ContentError)
        assert error.path == "content/exercises/fuzz.yml" and error.line >= 1 and error.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=400))
def test_arbitrary_bytes_give_clean_errors(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "fuzz.yml"
    path.write_bytes(raw)
    assert_clean(check_file(path, "content/exercises/fuzz.yml", Exercise))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=YAML_VALUES, cut=st.integers(min_value=0, max_value=2000), noise=st.text(max_size=5))
def test_yaml_shaped_text_gives_clean_errors(tmp_path: Path, data: object, cut: int,
                                              noise: str) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    text = text[:cut] + noise + text[cut:]  # and broken YAML, cut anywhere
    path = tmp_path / "fuzz.yml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    assert_clean(check_file(path, "content/exercises/fuzz.yml", Exercise))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(line=st.integers(min_value=0, max_value=40), noise=st.text(max_size=12))
def test_a_damaged_exercise_gives_clean_errors(tmp_path: Path, line: int, noise: str) -> None:
    lines = BASE.splitlines(keepends=True)
    lines.insert(min(line, len(lines)), noise + "\n")
    path = tmp_path / "fuzz.yml"
    path.write_text("".join(lines), encoding="utf-8", errors="surrogatepass")
    assert_clean(check_file(path, "content/exercises/fuzz.yml", Exercise))


# Addresses stay inside the site ----------------------------------------------------------


def test_a_generated_file_cannot_land_outside_the_site(tmp_path: Path) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File

    from gentle_movements.mkdocs_hooks import _refuse_escapes

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))

    def generated(src_uri: str) -> File:
        return File(src_uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=False)

    inside = generated("exercises/bridge.html")
    _refuse_escapes(config, [inside])
    escaping = generated("../../outside.html")
    with pytest.raises(PluginError, match="refusing to write outside the site"):
        _refuse_escapes(config, [inside, escaping])


@pytest.mark.parametrize("unsafe", ["../x", "a/b", "Bridge", "a--b", "-a", "a" * 61, "a_b", ""])
def test_unsafe_slugs_are_refused_everywhere_a_slug_is_used(unsafe: str) -> None:
    from pydantic import TypeAdapter, ValidationError

    with pytest.raises(ValidationError):
        TypeAdapter(Slug).validate_python(unsafe)
    with pytest.raises(ValidationError):
        Redirects.model_validate({"exercises": {unsafe: "bridge"}})
