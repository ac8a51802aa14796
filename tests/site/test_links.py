"""No broken internal link or anchor anywhere in the built site, whether content or a template
made it.

Every page is parsed; every address in it (href, src, srcset, a redirect's refresh, the link
previews, the canonical link, the search worker Material loads) is resolved as a browser
would: relative to the page, or from the site's root for root-based addresses (the 404
page's), or from the site's own hosted address. Its file must exist, and its #anchor must be
an id in that file. Addresses of other sites are not fetched.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from shared import TEST_SITE_URL, BuiltSite

SKIPPED_SCHEMES = {"mailto", "tel", "data", "javascript", "blob", "about"}
URL_ATTRIBUTES = ("href", "src", "poster", "data", "xlink:href")
SELF_DESCRIBING = {"og:url", "og:image"}
"""Link-preview properties whose content is an address on this site."""


@dataclass(frozen=True)
class Link:
    page: str
    """The page the address is on, as a site path."""
    element: str
    address: str


@dataclass(frozen=True)
class Site:
    folder: Path
    url: str
    """The hosted address the site was built for (absolute and root-based links use it)."""


@pytest.fixture(params=["sub-path", "domain root, with redirects"])
def site(request: pytest.FixtureRequest) -> Site:
    if request.param == "sub-path":
        built_site: BuiltSite = request.getfixturevalue("built_site")
        return Site(built_site.folder, TEST_SITE_URL)
    return Site(request.getfixturevalue("renamed_site_dir"), "https://example.org/")


def pages_in(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.html"))


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_bytes(), "lxml")


def addresses(page: str, soup: BeautifulSoup) -> Iterator[Link]:
    """Every address in the page that a reader's browser would follow or load."""
    for element in soup.find_all(True):
        for attribute in URL_ATTRIBUTES:
            value = element.get(attribute)
            if value and isinstance(value, str):
                yield Link(page, describe(element, attribute), value.strip())
        for candidate in (element.get("srcset") or "").split(","):
            if candidate.strip():
                yield Link(page, describe(element, "srcset"), candidate.split()[0])
    for meta in soup.find_all("meta", attrs={"http-equiv": re.compile("^refresh$", re.I)}):
        match = re.search(r"url\s*=\s*['\"]?([^'\"]+)", meta.get("content", ""), re.I)
        if match:
            yield Link(page, "<meta http-equiv=refresh>", match.group(1).strip())
    for meta in soup.find_all("meta", property=SELF_DESCRIBING):
        yield Link(page, f"<meta property={meta['property']}>", meta.get("content", ""))
    config = soup.find("script", id="__config")
    if config is not None:  # Material's settings: where its search worker is
        yield Link(page, "Material's __config search worker", json.loads(config.string)["search"])


def describe(element: Tag, attribute: str) -> str:
    text = " ".join(element.get_text(" ", strip=True).split())[:40]
    return f"<{element.name} {attribute}>" + (f" {text!r}" if text else "")


def resolve(link: Link, site: Site) -> tuple[str, str] | None:
    """The site path and anchor the address points to; None if it leaves the site.
    Raises ValueError for an address that cannot work."""
    parts = urlsplit(link.address)
    if parts.scheme in SKIPPED_SCHEMES:
        return None
    root = urlsplit(site.url).path
    if parts.scheme or parts.netloc:
        if not link.address.startswith(site.url):
            return None  # another site, not fetched
        parts = urlsplit(root + link.address[len(site.url):])  # now root-based
    if parts.path.startswith("/"):
        if not parts.path.startswith(root):
            raise ValueError(f"outside the site's root path {root}")
        target = parts.path[len(root):]
    elif parts.path:
        target = posixpath.join(posixpath.dirname(link.page), parts.path)
    else:
        target = link.page  # only an anchor: this page
    target = posixpath.normpath(unquote(target))
    if target == ".":
        target = ""
    if target.startswith("../") or target == "..":
        raise ValueError("goes above the site's folder")
    return target, unquote(parts.fragment)


@cache
def ids_in(path: Path) -> frozenset[str]:
    soup = parse(path)
    found = {element["id"] for element in soup.find_all(id=True)}
    found |= {element["name"] for element in soup.find_all("a", attrs={"name": True})}
    return frozenset(found)


def problem(link: Link, site: Site) -> str | None:
    """Why this address is broken, or None if it works (or is not ours to check)."""
    try:
        resolved = resolve(link, site)
    except ValueError as error:
        return str(error)
    if resolved is None:
        return None
    target, anchor = resolved
    path = site.folder / target
    if target == "" or path.is_dir():
        return (f"{target or 'the site root'} is a folder: a host serves its index.html, a copy "
                "opened from disk does not; link to index.html")
    if not path.is_file():
        return f"no file {target}"
    if anchor and path.suffix == ".html" and anchor not in ids_in(path):
        return f"no id {anchor!r} in {target}"
    return None


def test_every_internal_link_and_anchor_resolves(site: Site) -> None:
    broken = []
    checked = 0
    for page in pages_in(site.folder):
        soup = parse(site.folder / page)
        edit_links = {a["href"] for a in soup.find_all("a", rel="edit", href=True)}
        for link in addresses(page, soup):
            if link.address in edit_links:
                continue  # the repository's edit page, which shares the test host name
            checked += 1
            reason = problem(link, site)
            if reason:
                broken.append(f"{page}: {link.element} -> {link.address}: {reason}")
    assert checked > 20 * len(pages_in(site.folder)), f"only {checked} addresses found"
    assert broken == [], f"{len(broken)} broken links:\n" + "\n".join(broken)


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("cat-cow.html#steps", None),
        ("../safety.html#red-flags", None),
        ("#steps", None),
        ("https://www.nhs.uk/conditions/sciatica/", None),
        ("mailto:someone@example.org", None),
        ("not-an-exercise.html", "no file exercises/not-an-exercise.html"),
        ("cat-cow.html#no-such-section", "no id 'no-such-section' in exercises/cat-cow.html"),
        ("/gentle-movements/exercises/cat-cow.html#steps", None),
        ("/elsewhere/cat-cow.html", "outside the site's root path /gentle-movements/"),
        (f"{TEST_SITE_URL}exercises/missing.html", "no file exercises/missing.html"),
        ("../../../etc/passwd", "goes above the site's folder"),
    ],
)
def test_the_checker_tells_broken_from_working(built_site: BuiltSite, address: str,
                                               expected: str | None) -> None:
    site = Site(built_site.folder, TEST_SITE_URL)
    assert problem(Link("exercises/cat-cow.html", "<a href>", address), site) == expected
