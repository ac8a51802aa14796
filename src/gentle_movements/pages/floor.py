"""The page on getting down to the floor and back up, made from `content/floor.yml`. Every
floor exercise links to it (`floor_link.py`)."""

from __future__ import annotations

from gentle_movements import blocks
from gentle_movements.figure.svg import illustration_html
from gentle_movements.model.site import SiteContent
from gentle_movements.pages import markdown as md
from gentle_movements.pages.boxes import disclaimer, review_note, sources_list


def floor_page(site: SiteContent) -> str:
    guide = site.floor
    parts = [
        md.front_matter(guide.summary, guide.review, parts=("figures", "motion")),
        f"# {guide.title}",
        md.div(blocks.SUMMARY, guide.summary),
        guide.intro,
        "## Before you start {#before-you-start}",
        md.bullets(guide.before_you_start),
    ]
    for stage in guide.stages:
        parts.append(f"## {stage.title} {{#{stage.id}}}")
        if stage.illustrations:
            # gm-pictures gives the figures their colours; each stage's pictures print.
            parts.append(md.div(blocks.PICTURES, "\n\n".join(
                illustration_html(item, main=True) for item in stage.illustrations)))
        parts.append(md.div("gm-floor-steps", md.numbered(stage.steps)))
    parts += [
        "## If you cannot get up {#if-you-cannot-get-up}",
        guide.if_you_cannot_get_up,
        md.heading("Sources and review", blocks.SOURCES),
        md.div(blocks.SOURCES, sources_list(guide.sources)),
        review_note(guide.review),
        disclaimer(),
    ]
    return md.join(parts)
