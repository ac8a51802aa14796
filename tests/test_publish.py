"""Publishing is atomic, and builds are reproducible."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from conftest import ROOT, build_site, copy_project
from gentle_movements import blocks, render
from publish import PublishError, publish


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


@pytest.fixture
def published(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    project = copy_project(tmp_path / "project")
    target = tmp_path / "public"
    publish(project, target)
    return project, target, tree_digest(target.resolve())


def test_publish_switches_the_link_to_a_complete_build(published) -> None:
    _, target, digest = published
    assert target.is_symlink()
    assert "index.html" in digest and "exercises/bridge.html" in digest


def test_a_content_error_leaves_the_published_site_as_it_was(published) -> None:
    project, target, before = published
    link_before = target.readlink()
    (project / "content" / "exercises" / "bridge.yml").write_text("title: [\n", encoding="utf-8")
    with pytest.raises(PublishError, match="not valid YAML"):
        publish(project, target)
    assert target.readlink() == link_before
    assert tree_digest(target.resolve()) == before
    assert len(list(target.parent.glob(".public-releases/build-*"))) == 1


def test_a_failed_audit_leaves_the_published_site_as_it_was(
    published, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inject a renderer fault that drops the stop rules: the audit must stop publication."""
    project, target, before = published
    real_page = render.exercise_page

    def page_without_stop_rules(slug, site, site_url):
        return real_page(slug, site, site_url).replace(blocks.STOP_IF, "gm-lost")

    monkeypatch.setattr(render, "exercise_page", page_without_stop_rules)
    with pytest.raises(PublishError, match="stop-if"):
        publish(project, target)
    assert tree_digest(target.resolve()) == before


def test_a_crash_in_the_build_leaves_the_published_site_as_it_was(
    published, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, target, before = published

    def crash(*args, **kwargs):
        raise RuntimeError("injected failure")

    monkeypatch.setattr(render, "safety_page", crash)
    with pytest.raises(Exception, match="injected failure"):
        publish(project, target)
    assert tree_digest(target.resolve()) == before
    assert len(list(target.parent.glob(".public-releases/build-*"))) == 1


def test_a_good_publish_replaces_the_old_one(published) -> None:
    project, target, _ = published
    first = target.resolve()
    publish(project, target)
    assert target.resolve() != first and (target.resolve() / "index.html").is_file()


def test_two_builds_of_the_same_sources_are_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    build_site(ROOT / "mkdocs.yml", tmp_path / "first")
    time.sleep(1.1)  # a different time, in a different folder
    build_site(ROOT / "mkdocs.yml", tmp_path / "elsewhere" / "second")
    first, second = tree_digest(tmp_path / "first"), tree_digest(tmp_path / "elsewhere" / "second")
    assert len(first) > 50
    assert first == second
