"""Golden pages: the generated Markdown of one exercise page, the safety page, the FAQ and
the routine page, committed as the expected output. A change that moves code changes none of
them; a change to a page shows as a diff of these files.

After a change to a page that is meant, rewrite them and read the diff:

    GM_UPDATE_GOLDEN=1 uv run pytest tests/unit/test_golden_pages.py
"""

from __future__ import annotations

import difflib
import os

import pytest

from gentle_movements.model.site import SiteContent
from gentle_movements.pages import floor, routine
from gentle_movements.pages.exercise import exercise_page
from gentle_movements.pages.faq import faq_page
from gentle_movements.pages.safety import safety_page
from shared import ROOT

GOLDEN = ROOT / "tests" / "golden"
SITE_URL = "https://example.org/gentle-movements/"

PAGES = {
    "exercise-knee-to-chest.md": lambda site: exercise_page("knee-to-chest", site,
                                                                   SITE_URL),
    "safety.md": safety_page,
    "faq.md": faq_page,
    "my-routine.md": lambda site: routine.routine_page(site, SITE_URL),
    "getting-down-to-the-floor.md": floor.floor_page,
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_generated_page_is_as_committed(content: SiteContent, name: str) -> None:
    made = PAGES[name](content)
    path = GOLDEN / name
    if os.environ.get("GM_UPDATE_GOLDEN"):
        path.write_text(made, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if made != expected:
        diff = "".join(list(difflib.unified_diff(
            expected.splitlines(keepends=True), made.splitlines(keepends=True),
            f"tests/golden/{name}", "as generated now"))[:60])
        pytest.fail(f"{name} changed; if that is meant, run GM_UPDATE_GOLDEN=1 uv run pytest "
                    f"tests/unit/test_golden_pages.py and commit the diff:\n{diff}")
