"""Page weight as a test: bytes are deterministic. What the home page and each exercise page
load (HTML, stylesheets, scripts, images and what the stylesheets reference), gzipped, stays
within the budget. Measured by `site_tools.page_weight`, on the session's built site."""

from __future__ import annotations

from shared import BuiltSite
from site_tools.page_weight import BUDGET, SEARCH_INDEX, PageWeight, measure


def assert_within_budget(weight: PageWeight) -> None:
    biggest = ", ".join(f"{name} {size / 1024:.1f} KB" for name, size in weight.biggest(6))
    assert weight.load <= BUDGET, (
        f"{weight.page} loads {weight.load / 1024:.1f} KB gzipped, over the "
        f"{BUDGET / 1024:.0f} KB budget; its biggest files: {biggest}"
    )


def test_the_home_page_is_within_budget(built_site: BuiltSite) -> None:
    assert_within_budget(measure(built_site.folder, "index.html"))


def test_each_exercise_page_is_within_budget(built_site: BuiltSite, slug: str) -> None:
    assert_within_budget(measure(built_site.folder, f"exercises/{slug}.html"))


def test_search_loads_on_the_first_search_not_with_the_page(built_site: BuiltSite) -> None:
    weight = measure(built_site.folder, "index.html")
    assert SEARCH_INDEX in weight.on_first_search
    assert SEARCH_INDEX not in weight.on_load
    assert any("/workers/search." in name for name in weight.on_first_search)


def test_only_the_pages_that_use_them_load_the_timer_and_routine(built_site: BuiltSite) -> None:
    home = measure(built_site.folder, "index.html").on_load
    exercise = measure(built_site.folder, "exercises/bridge.html").on_load
    routine = measure(built_site.folder, "my-routine.html").on_load
    # The home page's cards draw each exercise's picture with figures.css, and nothing moves.
    for own in ("assets/javascripts/timer.js", "assets/timer.css", "assets/javascripts/figures.js",
                "assets/javascripts/routine.js", "assets/routine.css",
                "assets/javascripts/share.js"):
        assert own not in home, own
    assert "assets/figures.css" in home
    assert {"assets/javascripts/timer.js", "assets/timer.css", "assets/javascripts/figures.js",
            "assets/figures.css", "assets/javascripts/share.js"} <= set(exercise)
    assert "assets/javascripts/routine.js" not in exercise
    assert {"assets/javascripts/routine.js", "assets/routine.css",
            "assets/javascripts/share.js"} <= set(routine)
    assert "assets/javascripts/timer.js" not in routine


def test_the_measure_counts_a_file_a_stylesheet_references(tmp_path) -> None:
    """Fonts and images named in CSS are part of what a page loads."""
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "text.woff2").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "site.css").write_text(
        "@font-face { src: url('fonts/text.woff2') } .x { background: url(data:image/png,1) }",
        encoding="utf-8")
    (tmp_path / "page.html").write_text(
        '<!doctype html><html><head><link rel="stylesheet" href="site.css"></head>'
        "<body><p>Hello</p></body></html>", encoding="utf-8")
    weight = measure(tmp_path, "page.html")
    assert set(weight.on_load) == {"page.html", "site.css", "fonts/text.woff2"}
    assert weight.on_first_search == {}
