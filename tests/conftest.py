"""Fixtures for every folder: the real content, `slug` parametrized by exercise, and the real
site built once per test run (tests/site and tests/browser use it; tests/unit refuses it, see
tests/unit/conftest.py)."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from gentle_movements.load.loader import load_content
from gentle_movements.model.site import SiteContent
from shared import ROOT, TEST_REPO_URL, TEST_SITE_URL, BuiltSite, build_site
from site_tools.project_copy import copy_project


@pytest.fixture(scope="session")
def content() -> SiteContent:
    return load_content(ROOT / "content", ROOT)


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str,
               build: Callable[[Path], list[str]]) -> tuple[Path, list[str]]:
    """`build(folder)` run once for the whole test run; the folder and the warnings it logged.
    Under pytest-xdist each worker asks: the first builds, holding a lock, and the others wait
    for it and read the same folder, so the run builds once, not once a worker."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's own folder, which holds each worker's
    folder, done = base / name, base / f"{name}.warnings.json"
    with (base / f"{name}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            done.write_text(json.dumps(build(folder)), encoding="utf-8")
    return folder, json.loads(done.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, content: SiteContent) -> BuiltSite:
    def build(folder: Path) -> list[str]:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("GM_REPO_URL", TEST_REPO_URL)
            patch.setenv("GM_EDIT_URI", "edit/main/docs/")
            patch.setenv("GM_SITE_URL", TEST_SITE_URL)
            return build_site(ROOT / "mkdocs.yml", folder)

    folder, warnings = built_once(tmp_path_factory, "site", build)
    return BuiltSite(folder, content, warnings)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize `slug` by content file, so a failure names the exercise."""
    if "slug" in metafunc.fixturenames:
        slugs = sorted(path.stem for path in (ROOT / "content" / "exercises").glob("*.yml"))
        metafunc.parametrize("slug", slugs)


@pytest.fixture(scope="session")
def renamed_site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built at a domain root, with bridge.yml renamed to glute-bridge.yml and
    the redirect an editor would declare for it."""

    def build(folder: Path) -> list[str]:
        project = copy_project(folder)
        exercises = project / "content" / "exercises"
        (exercises / "bridge.yml").rename(exercises / "glute-bridge.yml")
        for path in [*exercises.glob("*.yml"), project / "content" / "faq.yml",
                     *project.glob("docs/*.md")]:
            text = path.read_text(encoding="utf-8")
            for old, new in [("[bridge", "[glute-bridge"), (", bridge", ", glute-bridge"),
                             ("exercises/bridge.md", "exercises/glute-bridge.md")]:
                text = text.replace(old, new)
            path.write_text(text, encoding="utf-8")
        (project / "content" / "redirects.yml").write_text(
            "exercises:\n  bridge: glute-bridge\n", encoding="utf-8")
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("GM_SITE_URL", "https://example.org/")
            return build_site(project / "mkdocs.yml", project / "site")

    project, warnings = built_once(tmp_path_factory, "renamed", build)
    assert warnings == []
    return project / "site"
