"""Every page made from content, with where it goes and which file an editor changes: the
one list the MkDocs adapter, the address ledger and the tests read."""

from __future__ import annotations

from dataclasses import dataclass

from gentle_movements.model.site import SiteContent
from gentle_movements.pages import finder, floor, floor_link, routine
from gentle_movements.pages.exercise import exercise_page, version_pages
from gentle_movements.pages.faq import faq_page
from gentle_movements.pages.index import all_exercises_page, group_index_page
from gentle_movements.pages.safety import safety_page
from gentle_movements.urls import EXERCISE_FOLDER, EXERCISE_GROUPS, exercise_path, group_index_path


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    """Its path as if it were in docs/."""
    markdown: str
    edit_path: str
    """The content file an editor changes, relative to the project root."""
    is_exercise: bool = False


def generated_pages(site: SiteContent, site_url: str) -> list[GeneratedPage]:
    """Every page made from content: exercises and their versions, their index pages,
    safety, FAQ, the routine, the floor page and the starter finder.

    `site_url` is the hosted address, printed and drawn as a QR code on each exercise page.
    """
    pages = [
        GeneratedPage(exercise_path(slug, version), exercise_page(slug, site, site_url, version),
                      source, is_exercise=True)
        for slug, source in site.exercise_sources.items()
        for version in version_pages(site.exercises[slug])
    ]
    pages.append(GeneratedPage(f"{EXERCISE_FOLDER}/index.md", all_exercises_page(site),
                               f"content/{EXERCISE_FOLDER}/"))
    pages += [
        GeneratedPage(group_index_path(group), group_index_page(site, group),
                      f"content/{EXERCISE_FOLDER}/")
        for group in EXERCISE_GROUPS
    ]
    pages += [
        GeneratedPage("safety.md", safety_page(site), "content/safety-tips.yml"),
        GeneratedPage("faq.md", faq_page(site), "content/faq.yml"),
        GeneratedPage(routine.PAGE, routine.routine_page(site, site_url), "content/exercises/"),
        GeneratedPage(floor_link.PAGE, floor.floor_page(site), "content/floor.yml"),
        GeneratedPage(finder.PAGE, finder.finder_page(site), "content/exercises/"),
    ]
    return pages


def generated_paths(site: SiteContent) -> list[str]:
    """Where `generated_pages` puts each page, without making them."""
    return [*(exercise_path(slug, version) for slug in site.exercise_sources
              for version in version_pages(site.exercises[slug])),
            f"{EXERCISE_FOLDER}/index.md", *(group_index_path(g) for g in EXERCISE_GROUPS),
            "safety.md", "faq.md", routine.PAGE, floor_link.PAGE, finder.PAGE]
