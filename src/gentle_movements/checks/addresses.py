"""The published addresses: every page, and every anchor that content promises to keep.

Clinicians print and send these addresses, so once published one must keep resolving.
`content/published-addresses.txt` is the ledger: `make ledger` adds new addresses to it,
never removes any. The build (and so `make publish`) refuses content that drops a recorded
address without forwarding it in `content/redirects.yml` (`lost_addresses`), and a test
follows every recorded address through the built site.
"""

from __future__ import annotations

from pathlib import Path

from gentle_movements import blocks
from gentle_movements.errors import ContentError, ContentErrors
from gentle_movements.load.loader import LEDGER_FILE
from gentle_movements.load.safe_yaml import read_bytes
from gentle_movements.model.site import SiteContent
from gentle_movements.outputs.open_data import DATA_FILE, SCHEMA_FILE
from gentle_movements.outputs.redirects import redirect_files
from gentle_movements.pages import floor_link
from gentle_movements.pages import registry as pages
from gentle_movements.pages.exercise import version_pages
from gentle_movements.urls import exercise_path

LEDGER = f"content/{LEDGER_FILE}"
LEDGER_LIMIT = 64 * 1024 * 1024  # about 700 bytes an exercise: room for many thousands


def current_addresses(site: SiteContent, docs_dir: Path) -> set[str]:
    """Addresses this content publishes, without building the site."""
    built = {_html(path.relative_to(docs_dir).as_posix()) for path in docs_dir.rglob("*.md")}
    built |= {_html(src_uri) for src_uri in pages.generated_paths(site)}
    built |= set(redirect_files(site, ""))
    addresses = built | {DATA_FILE, SCHEMA_FILE}
    for slug, exercise in site.exercises.items():
        for version in version_pages(exercise):
            addresses |= {f"{_html(exercise_path(slug, version))}#{anchor}"
                          for anchor in exercise_anchors(site, slug)}
    for old, new in site.redirects.exercises.items():  # the old pages forward their #anchors
        for version in version_pages(site.exercises[new]):
            old_page = _html(exercise_path(old, version))
            addresses |= {f"{old_page}#{anchor}" for anchor in exercise_anchors(site, new)}
    addresses |= {"safety.html#red-flags", "safety.html#stop-rules", "safety.html#conditions",
                  "safety.html#tips"}
    addresses |= {f"safety.html#{tip.id}" for tip in site.safety_tips.tips}
    addresses |= {f"faq.html#{question.id}" for question in site.faq.questions}
    floor_page = _html(floor_link.PAGE)
    addresses |= {f"{floor_page}#{stage.id}" for stage in site.floor.stages}
    addresses |= {f"safety.html#{old}" for old in site.redirects.tips}
    addresses |= {f"faq.html#{old}" for old in site.redirects.questions}
    return addresses


def exercise_anchors(site: SiteContent, slug: str) -> list[str]:
    """The section anchors an exercise page (and each of its versions' pages) has: #harder
    only when it has harder versions."""
    return [anchor for block, anchor in blocks.ANCHORS.items()
            if block != blocks.HARDER or site.exercises[slug].has_harder]


def lost_addresses(site: SiteContent, docs_dir: Path, ledger: Path,
                   shown_as: str = LEDGER) -> list[ContentError]:
    """Every recorded address this content no longer publishes, at its line of the ledger."""
    current = current_addresses(site, docs_dir)
    return [
        ContentError(shown_as, line, "", f"{address} was published and would stop working; "
                     "keep it, or forward it in content/redirects.yml (exercises:, "
                     "questions: or tips:, old: new)")
        for address, line in _ledger_lines(ledger, shown_as).items() if address not in current
    ]


def read_ledger(path: Path) -> set[str]:
    return set(_ledger_lines(path, LEDGER))


def _ledger_lines(path: Path, shown_as: str) -> dict[str, int]:
    """Each recorded address and its line. The ledger must exist: without it nothing
    published would be protected."""
    try:
        text = read_bytes(path, shown_as, LEDGER_LIMIT).decode("utf-8")
    except UnicodeDecodeError:
        raise ContentErrors([ContentError(shown_as, 1, "", "file is not UTF-8 text")]) from None
    return {line.strip(): number for number, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.startswith("#")}


def write_ledger(path: Path, addresses: set[str]) -> None:
    header = (
        "# Every address this site has published. Each must keep working: rename an exercise\n"
        "# with a redirect in content/redirects.yml. `make ledger` adds new ones; never delete.\n"
    )
    path.write_text(header + "\n".join(sorted(addresses)) + "\n", encoding="utf-8")


def _html(src_uri: str) -> str:
    return src_uri.removesuffix(".md") + ".html"


if __name__ == "__main__":
    from gentle_movements.load.loader import load_content

    root = Path.cwd()
    ledger = root / LEDGER
    known = read_ledger(ledger) if ledger.exists() else set()
    new = current_addresses(load_content(root / "content", root), root / "docs") - known
    write_ledger(ledger, known | new)
    print(f"{LEDGER}: {len(new)} new, {len(known | new)} in all")
