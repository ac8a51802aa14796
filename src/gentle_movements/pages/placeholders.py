"""The `<!-- gm:... -->` placeholders hand-written pages use to show shared content from its
one source. An unknown one is an error, never left on the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import get_args

from gentle_movements import blocks
from gentle_movements.model.safety import (
    SharedRule,
)
from gentle_movements.model.site import SiteContent
from gentle_movements.pages import markdown as md
from gentle_movements.pages.boxes import disclaimer, pregnancy_signs_box, review_dates, shared_rule
from gentle_movements.pages.index import home_exercise_cards
from gentle_movements.pages.wording import NOT_CLINICALLY_REVIEWED

PLACEHOLDERS: dict[str, Callable[[SiteContent, str], str]] = {
    "exercise-cards": lambda site, _: home_exercise_cards(site),
    "pregnancy-warning-signs": lambda site, _: pregnancy_signs_box(site.pregnancy_signs),
    **{name: lambda site, safety, name=name: shared_rule(name, site, safety)
       for name in get_args(SharedRule)},
}
"""The comments a hand-written page may hold, as `<!-- gm:name -->`, each replaced by a block
made from content. The function gets the site and the address of the safety page from the
page that holds the comment."""


_PLACEHOLDER = re.compile(r"<!--\s*gm:(.*?)\s*-->", re.DOTALL)


def unknown_placeholders(markdown: str) -> list[tuple[int, str]]:
    """The line and name of each `<!-- gm:... -->` comment that is not a known placeholder."""
    return [(markdown.count("\n", 0, found.start()) + 1, found.group(1))
            for found in _PLACEHOLDER.finditer(markdown) if found.group(1) not in PLACEHOLDERS]


def fill_placeholders(markdown: str, site: SiteContent, src_uri: str) -> str:
    """Replace each known placeholder; `src_uri` is the page's path in docs/, so that links
    in the blocks are relative to it. Unknown ones are left for `unknown_placeholders`."""
    if "gm:" not in markdown:
        return markdown
    safety = "../" * src_uri.count("/") + "safety.md"

    def block(found: re.Match[str]) -> str:
        make = PLACEHOLDERS.get(found.group(1))
        return make(site, safety) if make else found.group(0)

    return _PLACEHOLDER.sub(block, markdown)


def hand_written_review(meta: Mapping[str, object]) -> str:
    """The review dates of a page in docs/, from its front matter (empty if it has none)."""
    last, next_due = meta.get("last_reviewed"), meta.get("next_review_due")
    if not isinstance(last, date) or not isinstance(next_due, date):
        return ""
    note = f"{review_dates(last, next_due)}\n\n{NOT_CLINICALLY_REVIEWED}"
    return "\n\n" + md.not_searched(md.div(blocks.REVIEW, note)) + "\n\n" + disclaimer()
