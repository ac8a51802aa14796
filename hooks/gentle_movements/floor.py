"""Getting down to the floor and back up: the page made from `content/floor.yml`, and the
link to it that every exercise done on the floor carries in its starting position.

Older readers need this before any floor exercise, and a printed sheet cannot be clicked, so
the link also prints the page's full address.
"""

from __future__ import annotations

from . import blocks, figure_svg, render
from .content import SiteContent
from .model import ON_THE_FLOOR, Exercise

PAGE = "getting-down-to-the-floor.md"
"""Where the page lives in the docs tree; it builds to `getting-down-to-the-floor.html`."""

LINK_TEXT = "how to get down to the floor and back up safely"


def starts_on_the_floor(exercise: Exercise) -> bool:
    return exercise.position in ON_THE_FLOOR


def address(site_url: str) -> str:
    return f"{site_url.rstrip('/')}/{PAGE.removesuffix('.md')}.html"


def floor_help(site_url: str, *, link_prefix: str = "") -> str:
    """The sentence after a floor exercise's starting position: a link on screen, and on
    paper the address to type (the `code` element keeps it out of the reading grade)."""
    printed = (f' <span class="{blocks.PRINT_ONLY}"><code>{address(site_url)}</code></span>'
               if site_url else "")
    # Inline, at the end of the starting position's paragraph: a printout has no room to spare.
    return (f'<span class="{blocks.FLOOR_HELP}">See '
            f"[{LINK_TEXT}]({link_prefix}{PAGE}).{printed}</span>")


def floor_page(site: SiteContent) -> str:
    guide = site.floor
    parts = [
        render._front_matter(guide.summary, guide.review),
        f"# {guide.title}",
        render._div(blocks.SUMMARY, guide.summary),
        guide.intro,
        "## Before you start {#before-you-start}",
        render._bullets(guide.before_you_start),
    ]
    for stage in guide.stages:
        parts.append(f"## {stage.title} {{#{stage.id}}}")
        if stage.illustrations:
            # gm-pictures gives the figures their colours; each stage's pictures print.
            parts.append(render._div(blocks.PICTURES, "\n\n".join(
                figure_svg.illustration_html(item, main=True) for item in stage.illustrations)))
        parts.append(render._div("gm-floor-steps", render._numbered(stage.steps)))
    parts += [
        "## If you cannot get up {#if-you-cannot-get-up}",
        guide.if_you_cannot_get_up,
        render._heading("Sources and review", blocks.SOURCES),
        render._div(blocks.SOURCES, render._sources(guide.sources)),
        render.review_note(guide.review),
        render.disclaimer(),
    ]
    return render._join(parts)
