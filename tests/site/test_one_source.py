"""One source for each rule: the warning signs, the stop rules, the pain rule and how often.

Each is written once in content/ and shown from there wherever a page needs it, through a
placeholder in docs/ or `shows:` in the FAQ and safety tips. A hand-written page that keeps
its own copy could drift from the real one, so these tests refuse it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from gentle_movements import blocks
from gentle_movements.markup import normalise, plain_text
from gentle_movements.model.site import SiteContent
from gentle_movements.pages.placeholders import PLACEHOLDERS, unknown_placeholders
from shared import ROOT, BuiltSite, build_site
from site_tools.project_copy import copy_project

HAND_WRITTEN = sorted((ROOT / "docs").glob("*.md"))

RED_FLAG_WORDS = re.compile(
    r"genitals|back passage|\banus\b|saddle|both legs|foot drop|erection|bladder|bowel"
    r"|control when you pee|cauda equina", re.IGNORECASE)
"""Words that only a list of the warning signs needs."""

PAIN_SCORE = re.compile(
    r"\b\d{1,2}\s*(?:/|out of)\s*10\b|\b0 to 10\b|\(\s*\d+\s*(?:to|-|\u2013)\s*\d+\s*\)",
    re.IGNORECASE)
"""A pain threshold as a score: "6/10", "4 out of 10", "0 to 10", "(4 to 5)"."""

STOP_RULE_WORDS = re.compile(
    r"spreads? further down|sharp or shooting|more than mild discomfort|worse the next day"
    r"|new numbness or weakness|you have gone too far", re.IGNORECASE)
"""The words of a stop rule or of a pain threshold of a page's own."""


def own_copies(markdown: str, site: SiteContent) -> list[str]:
    """What a hand-written page says that belongs to a shared rule, outside its placeholders."""
    text = re.sub(r"<!--.*?-->", " ", markdown, flags=re.DOTALL)
    words = normalise(plain_text(text)).casefold()
    found = [f"warning-sign wording {m.group(0)!r}" for m in RED_FLAG_WORDS.finditer(text)]
    found += [f"a pain score {m.group(0)!r}" for m in PAIN_SCORE.finditer(text)]
    found += [f"stop-rule wording {m.group(0)!r}" for m in STOP_RULE_WORDS.finditer(text)]
    rules = site.red_flags
    shared = [*rules.emergency.signs, *rules.urgent.signs, *rules.soon.signs,
              *(rule for _, group in site.stop_rules.always.in_order() for rule in group),
              site.stop_rules.how_often]
    found += [f"a copy of {sentence[:50]!r}" for sentence in shared
              if normalise(plain_text(sentence)).casefold() in words]
    return found


@pytest.mark.parametrize("page", HAND_WRITTEN, ids=lambda path: path.name)
def test_a_hand_written_page_has_no_copy_of_a_shared_rule(page: Path,
                                                          content: SiteContent) -> None:
    found = own_copies(page.read_text(encoding="utf-8"), content)
    assert found == [], (
        f"docs/{page.name} has its own {', '.join(found)}. Show the rule with a placeholder "
        f"instead: {', '.join(f'<!-- gm:{name} -->' for name in PLACEHOLDERS)}")


@pytest.mark.parametrize("copy", [
    "Go to A&E if you have numbness around your genitals.",
    "- weakness in both legs\n",
    "Stop if it hurts more than 6/10.",
    "Amber (4 to 5) is OK.",
    "Stop if pain spreads further down your leg.",
    "Stop if you feel sharp or shooting pain.",
    "Pain means you have gone too far.",
])
def test_the_check_finds_a_page_of_its_own(copy: str, content: SiteContent) -> None:
    assert own_copies(f"# A page\n\n{copy}\n", content)


def test_the_check_allows_placeholders_and_plain_pages(content: SiteContent) -> None:
    page = "# Help\n\n<!-- gm:red-flags -->\n\n<!-- gm:pain-rule -->\n\nKeep moving.\n"
    assert own_copies(page, content) == []


def test_every_exercise_follows_the_one_rule_on_how_often(content: SiteContent) -> None:
    # An exercise may set its own only when it really must be done differently; none does.
    for path in sorted((ROOT / "content" / "exercises").glob("*.yml")):
        assert not re.search(r"^\s+how_often:", path.read_text(encoding="utf-8"), re.MULTILINE), (
            f"{path.name}: leave out dose.how_often; content/stop-rules.yml has the one rule")
    for exercise in content.exercises.values():
        assert exercise.dose.how_often == content.stop_rules.how_often


def test_placeholders_are_replaced_in_every_built_page(built_site: BuiltSite) -> None:
    for path in built_site.folder.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"(?:<|&lt;)!--\s*gm:", html), path.relative_to(built_site.folder)


def test_each_shared_rule_shows_its_one_source(built_site: BuiltSite) -> None:
    rules = built_site.content.stop_rules
    how_to_use = normalise(built_site.soup("how-to-use.html").get_text(" "))
    for words in [rules.how_often, rules.pain_rule.carry_on,
                  *(rule for _, group in rules.always.in_order() for rule in group)]:
        assert normalise(plain_text(words)) in how_to_use
    understanding = built_site.soup("understanding-sciatica.html")
    box = normalise(understanding.select_one(f".{blocks.RED_FLAGS}").get_text(" "))
    red_flags = built_site.content.red_flags
    for sign in [*red_flags.emergency.signs, *red_flags.urgent.signs, *red_flags.soon.signs]:
        assert normalise(plain_text(sign)) in box
    faq = built_site.soup("faq.html")
    for question in built_site.content.faq.questions:
        if question.shows:
            section = faq.find(id=question.id).find_next(class_=blocks.FAQ_ITEM)
            css = {"red-flags": blocks.RED_FLAGS, "stop-rules": blocks.STOP_IF,
                   "pain-rule": blocks.PAIN_RULE, "how-often": blocks.HOW_OFTEN}[question.shows]
            assert section.select_one(f".{css}"), question.id


def test_an_unknown_placeholder_stops_the_build_naming_file_and_name(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "how-to-use.md"
    text = page.read_text(encoding="utf-8").replace("<!-- gm:pain-rule -->",
                                                    "<!-- gm:pain-rules -->")
    page.write_text(text + "\n<!--gm:red flags-->\n", encoding="utf-8")
    line = text.splitlines().index("<!-- gm:pain-rules -->") + 1
    with pytest.raises((Abort, PluginError)):
        build_site(project / "mkdocs.yml", tmp_path / "site")
    message = caplog.text
    assert f"docs/how-to-use.md:{line}: unknown placeholder <!-- gm:pain-rules -->" in message
    assert "unknown placeholder <!-- gm:red flags -->" in message
    assert "The placeholders are: " in message and "<!-- gm:pain-rule -->" in message


def test_unknown_placeholders_are_found_with_their_lines() -> None:
    page = "# A\n\n<!-- gm:red-flags -->\n<!-- gm:stop-rule -->\n\n<!--  gm:how-often  -->\n"
    assert unknown_placeholders(page) == [(4, "stop-rule")]
