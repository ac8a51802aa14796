"""Page weight: what a phone downloads to show a page, gzipped (level 6, as static hosts do).

Usage: python benchmarks/page_weight.py SITE_DIR [PAGE ...]

Counts the page, its stylesheets, scripts and images, the search worker and the search
index, which Material fetches on every page load. The budget in issue terms is 90 KB.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

BUDGET = 90 * 1024
ALWAYS_FETCHED = ["search/search_index.json"]
DEFAULT_PAGES = ["index.html", "exercises/knee-to-chest.html", "exercises/pigeon-pose.html",
                 "safety.html", "faq.html"]


def page_resources(site: Path, page: str) -> list[Path]:
    html = (site / page).read_text(encoding="utf-8")
    base = (site / page).parent
    addresses = re.findall(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src|img[^>]+src)'
                           r'="([^"#?]+)', html)
    files = [(base / address).resolve() for address in addresses if "://" not in address]
    worker = re.search(r'"search": "([^"]+)"', html)
    if worker:
        files.append((base / worker.group(1)).resolve())
    files += [site / name for name in ALWAYS_FETCHED]
    return [site / page, *dict.fromkeys(files)]


def gzipped_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def main(site: Path, pages: list[str]) -> None:
    for page in pages or DEFAULT_PAGES:
        sizes = {path.name: gzipped_size(path) for path in page_resources(site, page)}
        total = sum(sizes.values())
        verdict = "within" if total <= BUDGET else "OVER"
        print(f"{page}: {total / 1024:.1f} KB gzipped ({verdict} the 90 KB budget)")
        for name, size in sorted(sizes.items(), key=lambda item: -item[1]):
            print(f"    {size / 1024:6.1f} KB  {name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
