"""Lighthouse in mobile mode on the key pages, served on loopback with gzip as a static host
would, with Debian's Chromium. Prints each page's four scores.

Usage: python benchmarks/lighthouse.py SITE_DIR     (run `npm ci` in benchmarks/ first)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "scripts"))

from site_server import serve  # noqa: E402

PAGES = ["index.html", "exercises/knee-to-chest.html", "safety.html", "faq.html"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"


def scores(url: str) -> dict[str, int]:
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [str(HERE / "node_modules" / ".bin" / "lighthouse"), url, "--quiet",
             f"--chrome-flags={CHROME_FLAGS}", "--output=json", f"--output-path={report.name}",
             f"--only-categories={','.join(CATEGORIES)}"],
            check=True, env={**os.environ, "CHROME_PATH": os.environ.get("GM_CHROMIUM",
                                                                         "/usr/bin/chromium")},
        )
        categories = json.loads(Path(report.name).read_text())["categories"]
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}


def main(site: Path) -> None:
    server, base = serve(site, "/", gzip_text=True)
    try:
        for page in PAGES:
            print(page, json.dumps(scores(base + page)), flush=True)
    finally:
        server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
