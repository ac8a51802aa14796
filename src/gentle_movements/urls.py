"""Every path and address the site publishes for its exercises and their versions: where a
page is in the built site, and its hosted address. Printouts and texted links carry these,
so they change only with a redirect.
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


def page_name(slug: str, version_id: str | None = None) -> str:
    """The file name of an exercise's page, or of one of its versions: `knee-to-chest`,
    `knee-to-chest-on-a-chair`. The loader refuses a version whose name is an exercise's."""
    return f"{slug}-{version_id}" if version_id else slug


def exercise_path(slug: str, version_id: str | None = None) -> str:
    """Where an exercise page (or a version's) lives in the docs tree; it builds to
    `exercises/<name>.html`."""
    return f"{EXERCISE_FOLDER}/{page_name(slug, version_id)}.md"


def group_index_path(group: str) -> str:
    return f"{EXERCISE_FOLDER}/{group}/index.md"


def built_path(page: str) -> str:
    """Where a page of the docs tree is in the built site: `my-routine.md` is `my-routine.html`."""
    return f"{page.removesuffix('.md')}.html"


def exercise_address(site_url: str, slug: str, version_id: str | None = None) -> str:
    """The permanent hosted address of an exercise page, or of one of its versions."""
    return f"{site_url.rstrip('/')}/{EXERCISE_FOLDER}/{page_name(slug, version_id)}.html"


def routine_token(slug: str, version_id: str | None = None) -> str:
    """An exercise, or one of its versions, as a routine's address names it (format 2):
    `bridge`, `bridge~on-the-bed`."""
    return f"{slug}~{version_id}" if version_id else slug
