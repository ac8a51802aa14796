"""The renderer on its own: pure functions from content to page Markdown."""

from __future__ import annotations

import dataclasses

from gentle_movements import pages, render
from gentle_movements.content import SiteContent


def test_a_group_with_no_exercises_renders(content: SiteContent) -> None:
    stretches = {slug: e for slug, e in content.exercises.items() if e.kind == "stretch"}
    only_stretches = dataclasses.replace(content, exercises=stretches)
    page = render.group_index_page(only_stretches, "mobilising-and-strengthening")
    assert "There are no exercises in this group yet." in page
    assert "last_reviewed:" in page


def test_exercise_address_is_permanent() -> None:
    assert render.exercise_address("https://example.org/sub/", "bridge") == (
        "https://example.org/sub/exercises/bridge.html"
    )


def test_generated_paths_are_where_the_pages_go(content: SiteContent) -> None:
    made = pages.generated_pages(content, "https://example.org/")
    assert pages.generated_paths(content) == [page.src_uri for page in made]
