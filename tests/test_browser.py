"""The built site in a real Chromium (Debian's, driven by Playwright): pages load cleanly."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, BuiltSite

sys.path.insert(0, str(ROOT / "scripts"))
from screenshots import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        if os.environ.get("GM_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required here (GM_REQUIRE_BROWSER) but was not found")
        pytest.skip("no system Chromium found: install Debian's chromium to run browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def base_url(built_site: BuiltSite) -> Iterator[str]:
    server = serve(built_site.folder)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_exercise_page_loads_without_errors_or_outside_requests(
    browser, base_url: str, built_site: BuiltSite, slug: str, scheme: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: None if r.url.startswith(base_url) else outside.append(r.url))
    page.goto(f"{base_url}/exercises/{slug}.html", wait_until="networkidle")
    heading = page.locator("article h1").inner_text().removesuffix("¶")
    assert heading == built_site.content.exercises[slug].title
    assert page.locator(".gm-red-flags").is_visible()
    assert page.locator(".gm-stop-if").is_visible()
    assert errors == [] and outside == []
    context.close()
