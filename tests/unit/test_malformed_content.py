"""Malformed content is refused with `file:line: field: message`, every problem at once.

Golden files: each case under tests/malformed/ sits beside the exact report it must produce.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gentle_movements.errors import ContentErrors
from gentle_movements.load.loader import load_content
from shared import ROOT

CASES = ROOT / "tests" / "malformed"
EXERCISE_CASES = sorted(p for p in (CASES / "exercises").iterdir() if p.suffix != ".expected")
FAQ_CASES = sorted((CASES / "faq").glob("*.yml"))


def content_copy_with(tmp_path: Path, case: Path, destination: str) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copyfile(case, tmp_path / "content" / destination)
    return tmp_path


def refusal(project: Path) -> list[str]:
    with pytest.raises(ContentErrors) as refused:
        load_content(project / "content", project)
    return [str(error) for error in refused.value.errors]


def expected(case: Path) -> list[str]:
    return case.with_name(case.name + ".expected").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("case", EXERCISE_CASES, ids=lambda p: p.name)
def test_malformed_exercise_is_refused(tmp_path: Path, case: Path) -> None:
    project = content_copy_with(tmp_path, case, f"exercises/{case.name}")
    assert refusal(project) == expected(case)


@pytest.mark.parametrize("case", FAQ_CASES, ids=lambda p: p.name)
def test_malformed_faq_is_refused(tmp_path: Path, case: Path) -> None:
    project = content_copy_with(tmp_path, case, "faq.yml")
    assert refusal(project) == expected(case)


def test_there_are_at_least_fifteen_cases() -> None:
    assert len(EXERCISE_CASES) + len(FAQ_CASES) >= 15


def test_the_base_case_is_valid(tmp_path: Path) -> None:
    project = content_copy_with(tmp_path, CASES / "base.yml", "exercises/example.yml")
    assert "example" in load_content(project / "content", project).exercises


def test_every_problem_in_every_file_is_reported_at_once(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    for name in ("empty-caution", "bad-kind", "impossible-date"):
        shutil.copyfile(CASES / "exercises" / f"{name}.yml",
                        tmp_path / "content" / "exercises" / f"{name}.yml")
    shutil.copyfile(CASES / "faq" / "duplicate-question-id.yml", tmp_path / "content" / "faq.yml")
    reported = refusal(tmp_path)
    assert len(reported) == 4
    assert {line.split(":")[0] for line in reported} == {
        "content/exercises/empty-caution.yml",
        "content/exercises/bad-kind.yml",
        "content/exercises/impossible-date.yml",
        "content/faq.yml",
    }
