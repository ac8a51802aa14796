"""The real content loads, the committed JSON Schema is fresh, and YAML reads as written."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from gentle_movements.errors import ContentErrors
from gentle_movements.load.loader import load_content
from gentle_movements.load.safe_yaml import read_yaml
from gentle_movements.model.site import SiteContent
from gentle_movements.outputs.schema import condition_ids, schema_texts
from shared import ROOT

ARTICLE_EXERCISES = {
    "childs-pose", "pigeon-pose", "knee-to-chest", "cat-cow", "pelvic-tilts",
    "seated-spinal-twist", "bridge",
}


def test_the_article_exercises_are_all_here(content: SiteContent) -> None:
    assert set(content.exercises) >= ARTICLE_EXERCISES


def test_article_errors_stay_corrected(content: SiteContent) -> None:
    assert content.exercises["bridge"].kind == "strengthening"
    assert content.exercises["cat-cow"].kind == "mobility"
    assert content.exercises["pelvic-tilts"].kind == "mobility"
    assert "buttock" in content.exercises["pigeon-pose"].summary.lower()
    assert "turning" in content.exercises["seated-spinal-twist"].directions


def test_enough_tips_and_questions(content: SiteContent) -> None:
    assert len(content.safety_tips.tips) >= 10
    assert len(content.faq.questions) >= 9


def test_universal_stop_rules_cover_spreading_symptoms(content: SiteContent) -> None:
    rules = " ".join(rule for _, group in content.stop_rules.always.in_order()
                     for rule in group).lower()
    for words in ("spread", "sharp", "next day", "numb"):
        assert words in rules


SCHEMAS = schema_texts(condition_ids(ROOT / "content"))


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_is_fresh(name: str) -> None:
    committed = (ROOT / "content" / "schema" / name).read_text(encoding="utf-8")
    assert committed == SCHEMAS[name], "run `make schema` and commit content/schema/"


@pytest.mark.parametrize(
    ("written", "read_as"),
    [("NO", "NO"), ("yes", "yes"), ("1:30", "1:30"), ("012", "012"), ("2026-11-24", "2026-11-24"),
     ("true", True), ("12", 12), ("~", None)],
)
def test_yaml_values_read_as_written(tmp_path: Path, written: str, read_as: object) -> None:
    path = tmp_path / "value.yml"
    path.write_text(f"value: {written}\n", encoding="utf-8")
    assert read_yaml(path, "value.yml").data == {"value": read_as}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\xef\xbb\xbftitle: x\n", "value.yml:1: file starts with a byte-order mark"),
        (b"title: x\nsummary: \xff\n", "value.yml:2: file is not UTF-8 text"),
        (b"a: &x [1]\nb: *x\n", "value.yml:1: anchors and aliases"),
        (b"a: !!python/object:os.system x\n", "value.yml:1: the tag"),
        (b"a: 1\na: 2\n", "value.yml:2: a: duplicate key; it is already set on line 1"),
        (b"   \n", "value.yml:1: file is empty"),
        (b"#", "value.yml:1: file is empty"),
        (b"# only a comment\n\n", "value.yml:1: file is empty"),
        (b"a: " + b"[" * 100_000 + b"]" * 100_000, "value.yml:1: nested deeper than"),
        (b"- " * 100_000 + b"x\n", "value.yml:1: nested deeper than"),
        # Shallow enough to parse directly: the depth is found in the parsed tree.
        (b"a: " + b"[" * 12 + b"]" * 12 + b"\n", "value.yml:1: nested deeper than 12 levels"),
        ("".join(" " * i + "k:\n" for i in range(13)).encode() + b" " * 13 + b"v\n",
         "value.yml:13: nested deeper than 12 levels"),
        (b"a: &anchor 1\n", "value.yml:1: anchors and aliases"),
        (b"x" * 300_000, "value.yml:1: file is 300000 bytes; the limit is"),
        (b"a: [1, 2\n", "value.yml:2: this is not valid YAML"),
    ],
)
def test_unsafe_yaml_is_refused_with_its_line(tmp_path: Path, raw: bytes, message: str) -> None:
    path = tmp_path / "value.yml"
    path.write_bytes(raw)
    with pytest.raises(ContentErrors) as refused:
        read_yaml(path, "value.yml")
    assert str(refused.value.errors[0]).startswith(message)


def test_a_file_edited_between_two_loads_is_read_again(tmp_path: Path) -> None:
    """Loads in one process share what they read (`mkdocs serve` rebuilds, the malformed
    cases): an edited file, or one whose day of checking changed, must still be read anew."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    bridge = tmp_path / "content" / "exercises" / "bridge.yml"
    first = load_content(tmp_path / "content", tmp_path)
    bridge.write_text(bridge.read_text(encoding="utf-8").replace(
        'title: "Bridge"', 'title: "Glute bridge"', 1), encoding="utf-8")
    assert load_content(tmp_path / "content", tmp_path).exercises["bridge"].title == "Glute bridge"
    assert first.exercises["bridge"].title == "Bridge"
    before_its_review = first.exercises["bridge"].review.last - timedelta(days=1)
    with pytest.raises(ContentErrors, match="is in the future"):
        load_content(tmp_path / "content", tmp_path, today=before_its_review)
