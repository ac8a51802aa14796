"""Screenshots of built pages in Debian's Chromium: phone and desktop, light and dark.

Usage: python -m site_tools.screenshots SITE_DIR OUT_DIR [PAGE ...]
Pages default to every page of the site. The site is served on loopback for the run.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from site_tools.site_server import serve

CHROMIUM = os.environ.get("GM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
SCHEMES = ("light", "dark")


def screenshot_in_parts(page, stem: Path, viewport: dict[str, int]) -> list[Path]:
    """The whole page, cut into parts about two screens tall so each stays readable."""
    height = page.evaluate("document.documentElement.scrollHeight")
    part_height = viewport["height"] * 2
    targets = []
    for number, top in enumerate(range(0, height, part_height), 1):
        target = stem.with_name(f"{stem.name}-{number}.png")
        clip = {"x": 0, "y": top, "width": viewport["width"],
                "height": min(part_height, height - top)}
        page.screenshot(path=str(target), full_page=True, clip=clip)
        targets.append(target)
    return targets


def main(site_dir: Path, out_dir: Path, pages: list[str]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    pages = pages or sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    server, base = serve(site_dir)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for viewport_name, viewport in VIEWPORTS.items():
            for scheme in SCHEMES:
                context = browser.new_context(viewport=viewport, color_scheme=scheme)
                page = context.new_page()
                for path in pages:
                    page.goto(f"{base}{path}")
                    name = path.removesuffix(".html").replace("/", "_")
                    for target in screenshot_in_parts(page, out_dir / f"{name}-{viewport_name}"
                                                      f"-{scheme}", viewport):
                        print(target)
                context.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:])
