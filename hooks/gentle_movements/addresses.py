"""The published addresses: every page, and every anchor that content promises to keep.

Clinicians print and send these addresses, so once published one must keep resolving.
`content/published-addresses.txt` is the ledger: `make ledger` adds new addresses to it,
never removes any, and a test fails when one of them stops resolving.
"""

from __future__ import annotations

from pathlib import Path

from . import blocks, floor, render
from .content import SiteContent
from .open_data import DATA_FILE, SCHEMA_FILE

LEDGER = "content/published-addresses.txt"


def current_addresses(site: SiteContent, docs_dir: Path) -> set[str]:
    """Addresses this content publishes, without building the site."""
    pages = {_html(path.relative_to(docs_dir).as_posix()) for path in docs_dir.rglob("*.md")}
    pages |= {_html(page.src_uri) for page in render.generated_pages(site, "")}
    pages |= set(render.redirect_files(site, ""))
    addresses = pages | {DATA_FILE, SCHEMA_FILE}
    for slug, exercise in site.exercises.items():
        page = _html(render.exercise_path(slug))
        for block, anchor in blocks.ANCHORS.items():
            if block != blocks.HARDER or exercise.harder:
                addresses.add(f"{page}#{anchor}")
    addresses |= {"safety.html#red-flags", "safety.html#stop-rules", "safety.html#tips"}
    addresses |= {f"safety.html#{tip.id}" for tip in site.safety_tips.tips}
    addresses |= {f"faq.html#{question.id}" for question in site.faq.questions}
    floor_page = _html(floor.PAGE)
    addresses |= {f"{floor_page}#{stage.id}" for stage in site.floor.stages}
    return addresses


def read_ledger(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def write_ledger(path: Path, addresses: set[str]) -> None:
    header = (
        "# Every address this site has published. Each must keep working: rename an exercise\n"
        "# with a redirect in content/redirects.yml. `make ledger` adds new ones; never delete.\n"
    )
    path.write_text(header + "\n".join(sorted(addresses)) + "\n", encoding="utf-8")


def _html(src_uri: str) -> str:
    return src_uri.removesuffix(".md") + ".html"


if __name__ == "__main__":
    from .content import load_content

    root = Path.cwd()
    ledger = root / LEDGER
    known = read_ledger(ledger)
    new = current_addresses(load_content(root / "content", root), root / "docs") - known
    write_ledger(ledger, known | new)
    print(f"{LEDGER}: {len(new)} new, {len(known | new)} in all")
