"""Printouts of built pages, as a reader's printer makes them: PDF, and each page as PNG.

Usage: python -m site_tools.printouts SITE_DIR OUT_DIR [PAGE ...]

Each page prints on A4 and US Letter, with the fonts the print styles are designed for and
with the wide DejaVu Sans a printer may have instead. The routine page prints with a routine
of three exercises. PNG pages come from poppler's `pdftoppm` (scripts/ensure-test-tools).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from site_tools.screenshots import CHROMIUM, CHROMIUM_ARGS
from site_tools.site_server import serve

PAPERS = ("A4", "Letter")
FONTS = {"designed": None, "dejavu": "DejaVu Sans"}
"""The font the print styles are designed for (Liberation Sans, Arial's metrics), and a wide
fallback a reader's printer may use instead."""
SAMPLE_ROUTINE = "#r=knee-to-chest,pigeon-pose~easier2,cat-cow"
DEFAULT_PAGES = ("exercises/pigeon-pose.html", "exercises/knee-to-chest.html",
                 "my-routine.html")


def force_font(page: Page, family: str) -> None:
    """Print as if the designed fonts were missing: every element in `family`."""
    page.add_style_tag(content=f"@media print {{ * {{ font-family: {family!r} !important; }} }}")


def print_pdf(page: Page, paper: str, font: str | None = None) -> bytes:
    page.emulate_media(media="print")
    if font:
        force_font(page, font)
    return page.pdf(format=paper, print_background=True)


def main(site_dir: Path, out_dir: Path, pages: list[str]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    server, base = serve(site_dir)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in pages or DEFAULT_PAGES:
            for paper in PAPERS:
                for font_name, family in FONTS.items():
                    page = browser.new_page()
                    suffix = SAMPLE_ROUTINE if path == "my-routine.html" else ""
                    page.goto(f"{base}{path}{suffix}")
                    stem = out_dir / (path.removesuffix(".html").replace("/", "_")
                                      + f"-{paper}-{font_name}")
                    stem.with_suffix(".pdf").write_bytes(print_pdf(page, paper, family))
                    page.close()
                    subprocess.run(["pdftoppm", "-png", "-r", "60", str(stem.with_suffix(".pdf")),
                                    str(stem)], check=True)
                    for png in sorted(out_dir.glob(f"{stem.name}-*.png")):
                        print(png)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:])
