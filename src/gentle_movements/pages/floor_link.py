"""The link to the page on getting down to the floor and back up, which every exercise done
on the floor carries in its starting position.

Older readers need that page before any floor exercise, and a printed sheet cannot be
clicked, so the link also prints the page's full address.
"""

from __future__ import annotations

from gentle_movements import blocks
from gentle_movements.model.exercise import ON_THE_FLOOR, Exercise

PAGE = "getting-down-to-the-floor.md"
"""Where the page lives in the docs tree; it builds to `getting-down-to-the-floor.html`."""

LINK_TEXT = "how to get down to the floor and back up safely"


def starts_on_the_floor(exercise: Exercise) -> bool:
    return exercise.position in ON_THE_FLOOR


def address(site_url: str) -> str:
    return f"{site_url.rstrip('/')}/{PAGE.removesuffix('.md')}.html"


def floor_help(site_url: str, *, link_prefix: str = "") -> str:
    """The sentence after a floor exercise's starting position: a link on screen, and on
    paper the address to type (the `code` element keeps it out of the reading grade)."""
    printed = (f' <span class="{blocks.PRINT_ONLY}"><code>{address(site_url)}</code></span>'
               if site_url else "")
    # Inline, at the end of the starting position's paragraph: a printout has no room to spare.
    return (f'<span class="{blocks.FLOOR_HELP}">See '
            f"[{LINK_TEXT}]({link_prefix}{PAGE}).{printed}</span>")
