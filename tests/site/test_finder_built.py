"""The starter finder's built page: the audit covers it (the warning signs whole and first,
every exercise and version in the plain list), its script and stylesheet load only there,
and it stays within the page-weight budget."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from test_audit import audit_edited, edited

from gentle_movements import blocks
from gentle_movements.pages import finder
from shared import BuiltSite, site_pages
from site_tools.page_weight import BUDGET, measure

PAGE = "start.html"


def test_the_warning_signs_moved_after_the_questions_fail_the_audit(
        built_site: BuiltSite) -> None:
    def move_signs(soup: BeautifulSoup) -> None:
        soup.select_one(f"#{finder.DATA_ID}").insert_after(
            soup.select_one(f".{blocks.RED_FLAGS}").extract())

    findings = audit_edited(built_site, {PAGE: edited(built_site, PAGE, move_signs)})
    for later in (finder.FORM, finder.RESULTS, finder.DATA):
        assert (f"{PAGE}: the {blocks.RED_FLAGS} block comes after the {later} block; it must "
                "come first") in findings


def test_an_exercise_suggested_before_the_warning_signs_fails_the_audit(
        built_site: BuiltSite) -> None:
    def suggest_early(soup: BeautifulSoup) -> None:
        link = soup.new_tag("a", href="exercises/bridge.html")
        link.string = "Bridge"
        soup.select_one("article h1").insert_after(link)

    findings = audit_edited(built_site, {PAGE: edited(built_site, PAGE, suggest_early)})
    assert findings == [f"{PAGE}: links to exercises/bridge.html before the {blocks.RED_FLAGS} "
                        f"block; the {blocks.RED_FLAGS} block must come first"]


def test_a_lost_warning_sign_or_version_fails_the_audit(built_site: BuiltSite) -> None:
    def drop(selector: str):
        return lambda soup: soup.select_one(selector).decompose()

    signs = audit_edited(built_site, {PAGE: edited(
        built_site, PAGE, drop(f".{blocks.RED_FLAGS} li"))})
    assert any(f"the {blocks.RED_FLAGS} block does not show" in f for f in signs), signs
    version = audit_edited(built_site, {PAGE: edited(
        built_site, PAGE, drop(f".{finder.PLAIN_LIST} li li"))})
    assert any(f"the {finder.PLAIN_LIST} block does not show" in f for f in version), version


def test_the_page_embeds_the_data_it_was_built_from(built_site: BuiltSite) -> None:
    page = built_site.soup(PAGE)
    shown = json.loads(page.select_one(f"script#{finder.DATA_ID}").string)
    assert page.select_one(f"script#{finder.DATA_ID}")["type"] == "application/json"
    assert shown == json.loads(json.dumps(finder.finder_data(built_site.content)))
    # Nothing else inline runs on the page: the policy allows only the site's own files.
    inline = [s for s in page.find_all("script") if not s.get("src")
              and "json" not in (s.get("type") or "")]
    policy = page.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert all("'sha256-" in policy for _ in inline)
    assert "form-action 'none'" in policy


def test_the_questions_are_radio_buttons_in_fieldsets(built_site: BuiltSite) -> None:
    page = built_site.soup(PAGE)
    fieldsets = page.select("#gm-finder fieldset")
    assert [f.legend.get_text(strip=True) for f in fieldsets] == [
        q.legend for q in (finder.WARNING_SIGNS, *finder.QUESTIONS)]
    for fieldset in fieldsets:
        radios = fieldset.select("input[type=radio]")
        assert [r["value"] for r in radios] == ["yes", "no"]
        assert len({r["name"] for r in radios}) == 1
        for radio in radios:
            assert page.select_one(f"label[for={radio['id']}]") is not None
    assert page.select_one("#gm-finder-results")["aria-live"] == "polite"


def test_only_the_finders_page_loads_its_script_and_stylesheet(built_site: BuiltSite) -> None:
    for path in site_pages(built_site.folder):
        page = built_site.soup(path)
        loads = {e.get("src") or e.get("href") for e in page.select("script[src], link[href]")}
        has = any(str(address).endswith("assets/javascripts/finder.js") for address in loads)
        assert has == (path == PAGE), path
        assert any(str(a).endswith("assets/finder.css") for a in loads) == (path == PAGE), path


def test_the_finders_page_is_within_budget(built_site: BuiltSite) -> None:
    weight = measure(built_site.folder, PAGE)
    assert weight.load <= BUDGET, f"{PAGE} loads {weight.load / 1024:.1f} KB gzipped"


def test_the_home_page_says_what_to_do_first(built_site: BuiltSite) -> None:
    article = built_site.soup("index.html").select_one("article")
    first = article.find(["h2"])
    assert first.get_text(strip=True).startswith("Start here")
    steps = first.find_next("ol")
    links = [a["href"] for a in steps.select("a")]
    assert links[:2] == ["#when-to-get-help", PAGE]


def test_every_address_the_script_links_to_is_on_the_site(built_site: BuiltSite) -> None:
    data = finder.finder_data(built_site.content)
    links = [run for shown in data["conditions"].values()
             for run in [*shown["means"], *shown["more"]] if not isinstance(run, str)]
    addresses = {href for _, href in links}
    addresses |= {data["routine"], data["floorPage"], f"{data['safety']}#stop-rules"}
    for exercise in data["exercises"]:
        addresses |= {exercise["address"], exercise["own"]["address"],
                      *(v["address"] for v in exercise["versions"].values())}
    for address in sorted(addresses):
        path, _, anchor = address.partition("#")
        assert (built_site.folder / path).is_file(), address
        if anchor:
            assert built_site.soup(path).find(id=anchor) is not None, address
