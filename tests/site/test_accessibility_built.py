"""Accessibility that the built HTML shows on its own, on every page: one h1, no skipped
heading level, and a meaningful text alternative for every image. (axe-core, keyboard focus
and reduced motion are checked in Chromium, in tests/browser/test_accessibility.py.)"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from bs4 import BeautifulSoup, Tag

from shared import BuiltSite, site_pages

# Headings ---------------------------------------------------------------------------------


def headings(soup: BeautifulSoup) -> list[Tag]:
    return soup.find_all(re.compile(r"^h[1-6]$"))


def test_every_page_has_one_h1(built_site: BuiltSite) -> None:
    wrong = {}
    for page_path in site_pages(built_site.folder):
        h1s = built_site.soup(page_path).find_all("h1")
        if len(h1s) != 1:
            wrong[page_path] = [h.get_text(" ", strip=True) for h in h1s]
    assert wrong == {}, f"pages without exactly one h1: {wrong}"


def test_no_heading_level_is_skipped(built_site: BuiltSite) -> None:
    skipped = []
    for page_path in site_pages(built_site.folder):
        article = built_site.soup(page_path).select_one("article")
        assert article is not None, page_path
        level = 0
        for heading in headings(article):
            new_level = int(heading.name[1])
            if new_level > level + 1:
                skipped.append(
                    f"{page_path}: h{level} then h{new_level} "
                    f"{heading.get_text(' ', strip=True)!r}"
                )
            level = new_level
    assert skipped == [], "skipped heading levels:\n" + "\n".join(skipped)


# Images -----------------------------------------------------------------------------------

PLACEHOLDERS = {"image", "picture", "photo", "figure", "img", "icon", "graphic", "diagram",
                "illustration", "untitled", "alt", "svg"}
"""Text alternatives that say nothing about the picture."""


def accessible_name(element: Tag, soup: BeautifulSoup) -> str:
    if element.get("aria-labelledby"):
        parts = [soup.find(id=i) for i in element["aria-labelledby"].split()]
        return " ".join(p.get_text(" ", strip=True) for p in parts if p is not None)
    if element.get("aria-label"):
        return element["aria-label"].strip()
    if element.name == "img":
        return (element.get("alt") or "").strip()
    title = element.find("title", recursive=False)
    return title.get_text(" ", strip=True) if title else ""


def meaningless(name: str, element: Tag) -> str | None:
    """Why this text alternative says nothing, or None if it is meaningful."""
    if not name:
        return "no text alternative"
    if name.lower().strip(" .") in PLACEHOLDERS:
        return f"placeholder text {name!r}"
    source = element.get("src") or ""
    if source and name in {PurePosixPath(source).name, PurePosixPath(source).stem}:
        return f"the file name {name!r}"
    if len(name) < 4:
        return f"too short: {name!r}"
    return None


def test_every_image_has_a_meaningful_text_alternative(built_site: BuiltSite) -> None:
    wrong = []
    for page_path in site_pages(built_site.folder):
        soup = built_site.soup(page_path)
        for element in soup.select("img, svg[role=img], [role=img]"):
            if element.get("aria-hidden") == "true":
                continue
            problem = meaningless(accessible_name(element, soup), element)
            if problem:
                wrong.append(f"{page_path}: <{element.name} {element.attrs}>: {problem}")
    assert wrong == [], "\n".join(wrong)
