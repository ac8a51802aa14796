"""Lighthouse in mobile mode on the key pages, served on loopback with gzip as a static host
would, with Debian's Chromium. Prints each page's four scores, then its main timings and the
bytes it transferred (to compare with `site_tools.page_weight`'s load figure).

Usage: python benchmarks/lighthouse.py SITE_DIR [PAGE ...]   (run `npm ci` in benchmarks/ first)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from site_tools.site_server import serve

HERE = Path(__file__).resolve().parent

PAGES = ["index.html", "exercises/knee-to-chest.html", "safety.html", "faq.html"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP",
           "total-blocking-time": "TBT", "cumulative-layout-shift": "CLS"}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"


def run(url: str) -> tuple[dict[str, int], str]:
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [str(HERE / "node_modules" / ".bin" / "lighthouse"), url, "--quiet",
             f"--chrome-flags={CHROME_FLAGS}", "--output=json", f"--output-path={report.name}",
             f"--only-categories={','.join(CATEGORIES)}"],
            check=True, env={**os.environ, "CHROME_PATH": os.environ.get("GM_CHROMIUM",
                                                                         "/usr/bin/chromium")},
        )
        result = json.loads(Path(report.name).read_text())
    categories, audits = result["categories"], result["audits"]
    scores = {name: round(categories[name]["score"] * 100) for name in CATEGORIES}
    metrics = [f"{label} {audits[name]['displayValue']}" for name, label in METRICS.items()]
    transferred = audits["total-byte-weight"]["numericValue"] / 1024
    return scores, ", ".join([*metrics, f"transferred {transferred:.1f} KB"])


def main(site: Path, pages: list[str]) -> None:
    server, base = serve(site, "/", gzip_text=True)
    try:
        for page in pages or PAGES:
            scores, metrics = run(base + page)
            print(page, json.dumps(scores), flush=True)
            print(f"    {metrics}", flush=True)
    finally:
        server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
