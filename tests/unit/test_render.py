"""The renderer on its own: pure functions from content to page Markdown."""

from __future__ import annotations

import dataclasses

from gentle_movements.model.site import SiteContent
from gentle_movements.pages import registry as pages
from gentle_movements.pages.index import group_index_page
from gentle_movements.urls import exercise_address


def test_a_group_with_no_exercises_renders(content: SiteContent) -> None:
    stretches = {slug: e for slug, e in content.exercises.items() if e.kind == "stretch"}
    only_stretches = dataclasses.replace(content, exercises=stretches)
    page = group_index_page(only_stretches, "mobilising-and-strengthening")
    assert "There are no exercises in this group yet." in page
    assert "last_reviewed:" in page


def test_exercise_address_is_permanent() -> None:
    assert exercise_address("https://example.org/sub/", "bridge") == (
        "https://example.org/sub/exercises/bridge.html"
    )


def test_generated_paths_are_where_the_pages_go(content: SiteContent) -> None:
    made = pages.generated_pages(content, "https://example.org/")
    assert pages.generated_paths(content) == [page.src_uri for page in made]
