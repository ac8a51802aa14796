"""The built "My routine" page: hidden until its script runs, with the safety boxes, a choice
for every exercise, its data, and its place in the menu."""

from __future__ import annotations

from shared import BuiltSite, routine_data_in


def test_the_built_page(built_site: BuiltSite) -> None:
    soup = built_site.soup("my-routine.html")
    assert soup.select_one("article h1").get_text().startswith("My routine")
    assert soup.select_one("#gm-routine").has_attr("hidden")
    assert soup.select_one(".gm-red-flags") is not None
    assert soup.select_one(".gm-stop-if") is not None
    assert len(soup.select("[data-gm-routine-pick]")) == len(built_site.content.exercises)
    data = routine_data_in((built_site.folder / "my-routine.html").read_text(encoding="utf-8"))
    assert len(data["exercises"]) == len(built_site.content.exercises)
    nav = [item.select_one("a[href]")["href"]
           for item in soup.select(".md-nav--primary > .md-nav__list > li")]
    assert nav.index("my-routine.html") == nav.index("exercises/index.html") + 1
