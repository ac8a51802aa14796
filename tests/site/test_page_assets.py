"""Each page loads the stylesheets and scripts its parts need, and no others: pages declare
their parts (`pages/assets.py`), so this checks each declaration against what the page holds."""

from __future__ import annotations

from gentle_movements.pages import assets
from shared import BuiltSite, site_pages

HOLDS = {
    "figures": lambda page: page.select_one(".gm-figure, svg.gm-fig") is not None,
    "motion": lambda page: page.select_one("[data-gm-motion]") is not None,
    "timer": lambda page: page.select_one("[data-gm-timer], [data-gm-routine-add]") is not None,
    "routine": lambda page: page.select_one("#gm-routine") is not None,
    "share": lambda page: page.select_one("[data-gm-copy]") is not None,
    "finder": lambda page: page.select_one("#gm-finder") is not None,
}
"""How a built page shows that it holds a part."""


def loaded(page, tag: str, attribute: str, candidates: tuple[tuple[str, str], ...]) -> set[str]:
    own = {path for _, path in candidates}
    return {path for element in page.find_all(tag) for path in own
            if (element.get(attribute) or "").endswith(path)}


def test_every_part_has_a_way_to_be_seen() -> None:
    assert set(HOLDS) == set(assets.Part.__args__)


def test_each_page_loads_what_its_parts_need_and_nothing_more(built_site: BuiltSite) -> None:
    wrong = []
    for path in site_pages(built_site.folder):
        page = built_site.soup(path)
        parts = {part for part, holds in HOLDS.items() if holds(page)}
        for tag, attribute, candidates, needed in (
                ("link", "href", assets.STYLESHEETS, assets.stylesheets(parts)),
                ("script", "src", assets.SCRIPTS, assets.scripts(parts))):
            found = loaded(page, tag, attribute, candidates)
            if found != set(needed):
                wrong.append(f"{path}: needs {sorted(needed)}, loads {sorted(found)}")
    assert wrong == []


def test_scripts_load_in_their_order(built_site: BuiltSite) -> None:
    page = built_site.soup("exercises/bridge.html")
    sources = [element["src"] for element in page.find_all("script", src=True)]
    own = [next(path for _, path in assets.SCRIPTS if source.endswith(path))
           for source in sources if any(source.endswith(path) for _, path in assets.SCRIPTS)]
    assert own == assets.scripts(["figures", "motion", "timer", "share"])
