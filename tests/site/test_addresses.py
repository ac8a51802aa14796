"""Published addresses keep working: the ledger, redirects, sitemap, robots and previews."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from bs4 import BeautifulSoup

from gentle_movements.checks.addresses import LEDGER, current_addresses, read_ledger
from gentle_movements.model.site import SiteContent
from shared import ROOT, TEST_SITE_URL, BuiltSite, site_pages

_REFRESH = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')


def resolve(site: Path, address: str) -> str | None:
    """Follow an address like a browser: its page, through a redirect, to its anchor.

    Returns None when it resolves, or what is wrong.
    """
    page, _, anchor = address.partition("#")
    path = site / page
    if not path.is_file():
        return "no such page"
    html = path.read_text(encoding="utf-8")
    forward = _REFRESH.search(html)
    if forward:
        path = path.parent / forward.group(1)
        if not path.is_file():
            return f"redirects to a missing page {forward.group(1)}"
        html = path.read_text(encoding="utf-8")
    if anchor and anchor not in _ids(path):
        return f"no #{anchor} on {path.name}"
    return None


@functools.cache  # a built page does not change during a run; most addresses share a page
def _ids(page: Path) -> frozenset[str]:
    soup = BeautifulSoup(page.read_bytes(), "lxml")
    return frozenset(tag["id"] for tag in soup.find_all(id=True))


def test_every_published_address_resolves(built_site: BuiltSite) -> None:
    ledger = read_ledger(ROOT / LEDGER)
    assert len(ledger) > 100
    found = {address: resolve(built_site.folder, address) for address in ledger}
    assert {address: wrong for address, wrong in found.items() if wrong} == {}


def test_the_ledger_lists_every_current_address(content: SiteContent) -> None:
    unrecorded = current_addresses(content, ROOT / "docs") - read_ledger(ROOT / LEDGER)
    assert unrecorded == set(), f"run `make ledger` and commit {LEDGER}"


def test_a_renamed_exercise_keeps_every_old_address(renamed_site_dir: Path) -> None:
    bridge = [a for a in read_ledger(ROOT / LEDGER) if a.startswith("exercises/bridge.html")]
    assert len(bridge) >= 10
    assert {a: resolve(renamed_site_dir, a) for a in bridge} == dict.fromkeys(bridge)


def test_sitemap_dates_come_from_reviews(built_site: BuiltSite) -> None:
    sitemap = BeautifulSoup((built_site.folder / "sitemap.xml").read_bytes(), "xml")
    entries = {url.loc.text: url.lastmod.text for url in sitemap.find_all("url")}
    for slug, exercise in built_site.content.exercises.items():
        assert entries[f"{TEST_SITE_URL}exercises/{slug}.html"] == exercise.review.last.isoformat()
    assert entries[f"{TEST_SITE_URL}safety.html"] == (
        built_site.content.safety_tips.review.last.isoformat()
    )
    assert len(entries) == len(site_pages(built_site.folder)) - 1  # all but 404


def test_robots_names_the_sitemap(built_site: BuiltSite) -> None:
    robots = (built_site.folder / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {TEST_SITE_URL}sitemap.xml" in robots


def test_pages_have_canonical_links_and_previews(built_site: BuiltSite) -> None:
    for slug in built_site.content.exercises:
        soup = built_site.soup(f"exercises/{slug}.html")
        address = f"{TEST_SITE_URL}exercises/{slug}.html"
        assert soup.find("link", rel="canonical")["href"] == address
        meta = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
        assert meta["og:url"] == address
        assert meta["og:title"].startswith(built_site.content.exercises[slug].title)
        assert meta["og:description"] == built_site.content.exercises[slug].summary
        assert meta["og:image"] == f"{TEST_SITE_URL}assets/previews/site.png"
    png = (built_site.folder / "assets" / "previews" / "site.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) < 100_000


def test_every_exercise_page_shows_its_address_and_a_qr_code(built_site: BuiltSite) -> None:
    for slug in built_site.content.exercises:
        share = built_site.soup(f"exercises/{slug}.html").select_one(".gm-share")
        address = f"{TEST_SITE_URL}exercises/{slug}.html"
        assert share.select_one("[data-gm-address]").get_text() == address
        qr = share.select_one("svg.gm-qr")
        assert qr is not None and address in qr.title.get_text()
        assert len(str(qr)) < 4000
