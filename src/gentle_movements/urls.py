"""Every path and address the site publishes for its exercises: where a page is in the
built site, its hosted address, and the anchors of its versions. Printouts and texted links
carry these, so they change only with a redirect.
"""

from __future__ import annotations

EXERCISE_FOLDER = "exercises"

ROUTINE_PAGE = "my-routine.md"
"""The routine page in the docs tree; exercise pages link to it to add themselves."""


EXERCISE_GROUPS = {
    "stretches": ("Stretches", ("stretch",)),
    "mobilising-and-strengthening": ("Mobilising and strengthening", ("mobility", "strengthening")),
}
"""Index pages: folder name, title, and the kinds of exercise each lists."""


def exercise_path(slug: str) -> str:
    """Where an exercise page lives in the docs tree; it builds to `exercises/<slug>.html`."""
    return f"{EXERCISE_FOLDER}/{slug}.md"


def group_index_path(group: str) -> str:
    return f"{EXERCISE_FOLDER}/{group}/index.md"


def built_path(page: str) -> str:
    """Where a page of the docs tree is in the built site: `my-routine.md` is `my-routine.html`."""
    return f"{page.removesuffix('.md')}.html"


def exercise_address(site_url: str, slug: str) -> str:
    """The permanent hosted address of an exercise page."""
    return f"{site_url.rstrip('/')}/{EXERCISE_FOLDER}/{slug}.html"


def version_anchor(kind: str, number: int) -> str:
    """The anchor of the Nth easier or harder version (from 1), as the routine names it."""
    return f"{kind}-{number}"
