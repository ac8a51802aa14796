"""Content through the whole pipeline in memory, fast enough to run many times in a test: the
model, the renderer, the site's Markdown, a page around it as the theme writes one, and the
audit. A full build does the same with Material's templates; this skips only those."""

from __future__ import annotations

import dataclasses
import html

import yaml
from mkdocs.utils.meta import get_data
from pydantic import ValidationError

from gentle_movements import markup
from gentle_movements.checks import audit
from gentle_movements.model.exercise import Exercise
from gentle_movements.model.site import SiteContent
from gentle_movements.pages.exercise import exercise_page
from shared import ROOT

BASE = ROOT / "tests" / "malformed" / "base.yml"
SLUG = "example"
SITE_URL = "https://example.org/gentle-movements/"


def base_exercise() -> dict:
    return yaml.safe_load(BASE.read_text(encoding="utf-8"))


def with_exercise(site: SiteContent, exercise: Exercise) -> SiteContent:
    return dataclasses.replace(
        site, exercises={**site.exercises, SLUG: exercise},
        exercise_sources={**site.exercise_sources, SLUG: f"content/exercises/{SLUG}.yml"})


def page_html(site: SiteContent, slug: str = SLUG) -> str:
    """The exercise page as the build makes it, in a head and body like the theme's."""
    markdown, meta = get_data(exercise_page(slug, site, SITE_URL))
    md = markup._markdown()
    md.reset()
    body = md.convert(markdown)
    title = html.escape(site.exercises[slug].title)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<title>{title} - Gentle Movements</title>'
            f'<meta name="description" content="{meta["description"]}">'
            f'<meta property="og:description" content="{meta["description"]}">'
            f'</head><body dir="ltr"><div class="md-content"><article '
            f'class="md-content__inner md-typeset">{body}</article></div></body></html>')


def validate(data: dict) -> Exercise | ValidationError:
    try:
        return Exercise.model_validate(data)
    except ValidationError as error:
        return error


def audit_exercise(site: SiteContent, exercise: Exercise) -> list[audit.Finding]:
    """Render `exercise` into the real site's content and audit its page."""
    hostile = with_exercise(site, exercise)
    page = f"exercises/{SLUG}.html"
    return audit.audit_html(page_html(hostile), page, audit.expected_exercise_page(SLUG, hostile))
