"""Browser tests: Debian's Chromium driven by Playwright, and the built sites served over
loopback. Every test in this folder is marked `browser`, so `-m "not browser"` leaves them out."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from browsing import SUB_PATH
from shared import BuiltSite
from site_tools.screenshots import CHROMIUM, CHROMIUM_ARGS

if TYPE_CHECKING:
    from playwright.sync_api import Browser

HERE = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright; never a browser Playwright downloads."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("GM_REQUIRE_BROWSER"):
            pytest.fail(f"Chromium is required here (GM_REQUIRE_BROWSER) but {CHROMIUM} is missing")
        pytest.skip(f"no system Chromium at {CHROMIUM}: install Debian's chromium to run these")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def hosted(built_site: BuiltSite) -> Iterator[str]:
    """The built site on loopback under SUB_PATH; its base address."""
    from site_tools.site_server import serve

    server, base = serve(built_site.folder, SUB_PATH)
    yield base
    server.shutdown()


@pytest.fixture(scope="session")
def renamed_site(renamed_site_dir: Path) -> Iterator[str]:
    """The renamed-exercise site on loopback at a domain root; its base address."""
    from site_tools.site_server import serve

    server, base = serve(renamed_site_dir, "/")
    yield base
    server.shutdown()
