"""Page weight: what a phone downloads for a page, gzipped (level 6, mtime 0, as static hosts
send text), so the same site always gives the same bytes.

Usage: python -m site_tools.page_weight SITE_DIR [PAGE ...]

For each page, two parts:

- on load: what the browser fetches to show the page: the HTML, its stylesheets, scripts,
  images and icon, and any file a stylesheet references (fonts, images; this site uses the
  system fonts and data: icons, so there are none today);
- on the first search: the search worker and the search index, which search-on-demand.js
  holds back until the reader starts to search. A page without that script fetches them
  as it opens, and they count in its load.

The budget (BUDGET) applies to the load of the home page and of every exercise page;
tests/site/test_page_weight.py checks it with `measure` from here.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html as lxml_html

BUDGET = 90 * 1024
SEARCH_INDEX = "search/search_index.json"
SEARCH_ON_DEMAND = "assets/javascripts/search-on-demand.js"
NAMED_PAGES = ["index.html", "safety.html", "faq.html", "my-routine.html"]

_LOADED = (
    "//link[contains(concat(' ', normalize-space(@rel), ' '), ' stylesheet ')]/@href"
    " | //link[contains(concat(' ', normalize-space(@rel), ' '), ' icon ')]/@href"
    " | //script/@src | //img/@src | //iframe/@src | //video/@poster | //source/@src"
)
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


@dataclass(frozen=True)
class PageWeight:
    """One page's gzipped bytes, by file (site paths), in the two parts above."""

    page: str
    on_load: dict[str, int]
    on_first_search: dict[str, int]

    @property
    def load(self) -> int:
        return sum(self.on_load.values())

    @property
    def first_search(self) -> int:
        return sum(self.on_first_search.values())

    @property
    def total(self) -> int:
        return self.load + self.first_search

    def biggest(self, count: int = 5) -> list[tuple[str, int]]:
        """The page's biggest files on load, biggest first."""
        return sorted(self.on_load.items(), key=lambda item: (-item[1], item[0]))[:count]


def gzipped_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def measure(site: Path, page: str) -> PageWeight:
    """The page `page` (a site path such as "exercises/bridge.html") of the built `site`."""
    site = site.resolve()
    page_file = site / page
    tree = lxml_html.fromstring(page_file.read_bytes())
    loaded = [page_file]
    for address in tree.xpath(_LOADED):
        file = _local_file(site, page_file, address)
        if file is not None:
            loaded.append(file)
    for file in list(loaded):
        if file.suffix == ".css":
            loaded += _css_references(site, file)

    searched = []
    config = tree.xpath("//script[@id='__config']/text()")
    if config:
        worker = _local_file(site, page_file, json.loads(config[0])["search"])
        searched = [file for file in (worker, site / SEARCH_INDEX) if file is not None]
    if (site / SEARCH_ON_DEMAND) not in loaded:
        loaded, searched = loaded + searched, []

    def sizes(files: list[Path]) -> dict[str, int]:
        return {_site_path(site, file): gzipped_size(file) for file in dict.fromkeys(files)}

    return PageWeight(page, sizes(loaded), sizes(searched))


def default_pages(site: Path) -> list[str]:
    """The home page and the other named pages, then every exercise page."""
    exercises = sorted(f"exercises/{path.name}" for path in (site / "exercises").glob("*.html")
                       if path.name != "index.html")
    return [page for page in NAMED_PAGES if (site / page).is_file()] + exercises


def _local_file(site: Path, page_file: Path, address: str) -> Path | None:
    """The site file an address in the page names; None for other hosts and data: URLs."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    file = (site / path.lstrip("/")) if path.startswith("/") else (page_file.parent / path)
    file = file.resolve()
    if not file.is_file() or not file.is_relative_to(site):
        raise FileNotFoundError(f"{_site_path(site, page_file)} loads {address}, "
                                "which is not in the built site")
    return file


def _css_references(site: Path, stylesheet: Path) -> list[Path]:
    files = []
    for match in _CSS_URL.finditer(stylesheet.read_text(encoding="utf-8")):
        address = match.group(1) or match.group(2)
        if address.startswith("#"):
            continue
        file = _local_file(site, stylesheet, address)
        if file is not None:
            files.append(file)
            if file.suffix == ".css":
                files += _css_references(site, file)
    return files


def _site_path(site: Path, file: Path) -> str:
    return file.relative_to(site).as_posix()


def _kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def main(site: Path, pages: list[str]) -> None:
    weights = [measure(site, page) for page in pages or default_pages(site)]
    width = max(len(weight.page) for weight in weights)
    print(f"Gzipped; budget {_kb(BUDGET)} on load (home and exercise pages).\n")
    print(f"{'page':{width}}  {'on load':>9}  {'1st search':>10}  {'total':>9}")
    for weight in weights:
        verdict = "" if weight.load <= BUDGET else "  OVER the budget"
        print(f"{weight.page:{width}}  {_kb(weight.load):>9}  {_kb(weight.first_search):>10}"
              f"  {_kb(weight.total):>9}{verdict}")
    for weight in weights:
        print(f"\n{weight.page}: {_kb(weight.load)} on load + {_kb(weight.first_search)} on the "
              f"first search = {_kb(weight.total)}")
        for part, files in (("on load", weight.on_load),
                            ("on the first search", weight.on_first_search)):
            print(f"  {part}:")
            for name, size in sorted(files.items(), key=lambda item: (-item[1], item[0])):
                print(f"    {_kb(size):>8}  {name}")

if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), sys.argv[2:])
