"""The post-build safety audit bites: a page that loses a caution is named, with what it lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import BuiltSite
from gentle_movements import blocks
from gentle_movements.audit import audit_site


@pytest.fixture
def site_copy(built_site: BuiltSite, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(built_site.folder, copy)
    return copy


def edit_page(site: Path, page: str, change) -> None:
    path = site / page
    soup = BeautifulSoup(path.read_bytes(), "lxml")
    change(soup)
    path.write_text(str(soup), encoding="utf-8")


def test_the_built_site_passes_the_audit(built_site: BuiltSite) -> None:
    assert audit_site(built_site.folder, built_site.content) == []


def test_a_removed_stop_rule_is_named(site_copy: Path, built_site: BuiltSite) -> None:
    slug = next(iter(built_site.content.exercises))
    rule = built_site.content.stop_rules.always[0]

    def drop_first_rule(soup: BeautifulSoup) -> None:
        soup.select_one(f".{blocks.STOP_IF} li").decompose()

    edit_page(site_copy, f"exercises/{slug}.html", drop_first_rule)
    findings = [str(f) for f in audit_site(site_copy, built_site.content)]
    assert any(f.startswith(f"exercises/{slug}.html: the {blocks.STOP_IF} block lacks")
               and rule[:20] in f for f in findings), findings


@pytest.mark.parametrize("css_class", blocks.REQUIRED_ON_EXERCISE_PAGE)
def test_a_removed_block_is_named(site_copy: Path, built_site: BuiltSite, css_class: str) -> None:
    slug = list(built_site.content.exercises)[-1]

    def drop_block(soup: BeautifulSoup) -> None:
        for element in soup.select(f".{css_class}"):
            element.decompose()

    edit_page(site_copy, f"exercises/{slug}.html", drop_block)
    findings = [str(f) for f in audit_site(site_copy, built_site.content)]
    assert f"exercises/{slug}.html: the {css_class} block is missing" in findings


def test_an_emptied_red_flag_box_is_named(site_copy: Path, built_site: BuiltSite) -> None:
    def empty_box(soup: BeautifulSoup) -> None:
        soup.select_one(f".{blocks.RED_FLAGS}").clear()

    edit_page(site_copy, "exercises/bridge.html", empty_box)
    findings = [str(f) for f in audit_site(site_copy, built_site.content)]
    assert f"exercises/bridge.html: the {blocks.RED_FLAGS} block is empty" in findings


def test_a_missing_page_is_named(site_copy: Path, built_site: BuiltSite) -> None:
    (site_copy / "safety.html").unlink()
    assert "safety.html: page was not built" in [
        str(f) for f in audit_site(site_copy, built_site.content)
    ]


def test_a_lost_step_is_counted(site_copy: Path, built_site: BuiltSite) -> None:
    def drop_step(soup: BeautifulSoup) -> None:
        soup.select_one(f".{blocks.STEPS} ol > li").decompose()

    edit_page(site_copy, "exercises/cat-cow.html", drop_step)
    steps = len(built_site.content.exercises["cat-cow"].steps)
    assert (f"exercises/cat-cow.html: has {steps - 1} numbered steps; the content has {steps}"
            in [str(f) for f in audit_site(site_copy, built_site.content)])
