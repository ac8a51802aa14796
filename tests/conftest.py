"""Shared fixtures: the real content, and the real site built once per test session."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from gentle_movements.content import SiteContent, load_content  # noqa: E402


@dataclass(frozen=True)
class BuiltSite:
    folder: Path
    content: SiteContent
    warnings: list[str]

    def soup(self, page: str) -> BeautifulSoup:
        return BeautifulSoup((self.folder / page).read_bytes(), "lxml")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(config_file: Path, site_dir: Path) -> list[str]:
    """Build strictly, in process; return the warnings logged (a strict build fails on any)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir))
        build(config)
    finally:
        logger.removeHandler(handler)
    return handler.messages


@pytest.fixture(scope="session")
def content() -> SiteContent:
    return load_content(ROOT / "content", ROOT)


TEST_REPO_URL = "https://example.org/gentle-movements"
"""A repository address for the test build, so that edit links are made and can be checked."""


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, content: SiteContent) -> BuiltSite:
    folder = tmp_path_factory.mktemp("site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GM_REPO_URL", TEST_REPO_URL)
        patch.setenv("GM_EDIT_URI", "edit/main/docs/")
        warnings = build_site(ROOT / "mkdocs.yml", folder)
    return BuiltSite(folder, content, warnings)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize `slug` by content file, so a failure names the exercise."""
    if "slug" in metafunc.fixturenames:
        slugs = sorted(path.stem for path in (ROOT / "content" / "exercises").glob("*.yml"))
        metafunc.parametrize("slug", slugs)
