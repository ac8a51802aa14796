"""The FAQ page: each question with its answer, the shared rule it shows, and its sources."""

from __future__ import annotations

from collections.abc import Mapping

from gentle_movements import blocks
from gentle_movements.model.safety import (
    SharedRule,
)
from gentle_movements.model.site import SiteContent
from gentle_movements.pages import markdown as md
from gentle_movements.pages.boxes import disclaimer, review_note, shared_rule, sources_line


def faq_page(site: SiteContent) -> str:
    faq = site.faq
    parts = [
        md.front_matter("Answers to common questions about sciatica and exercise: "
                      "what helps, what to avoid, and when to get help.", faq.review),
        "# Common questions",
        md.div(blocks.INTRO, faq.intro),
    ]
    for question in faq.questions:
        body = with_shared_rule(question.answer, question.shows, site, "safety.md")
        if question.related:
            links = ", ".join(
                f"[{site.exercises[slug].title}](exercises/{slug}.md)" for slug in question.related
            )
            body += f"\n\nSee: {links}."
        parts += old_anchors(site.redirects.questions, question.id)
        parts.append(f"## {question.question} {{#{question.id}}}")
        parts.append(md.div(blocks.FAQ_ITEM, f"{body}\n\n{sources_line(question.sources)}"))
    parts += [review_note(faq.review), disclaimer()]
    return md.join(parts)


def with_shared_rule(text: str, shows: SharedRule | None, site: SiteContent,
                      safety: str) -> str:
    return f"{text}\n\n{shared_rule(shows, site, safety)}" if shows else text


def old_anchors(redirects: Mapping[str, str], anchor: str) -> list[str]:
    """Empty targets for the ids a section had before it was renamed, so that links to the
    old #id still arrive at it."""
    return [f'<div id="{old}"></div>' for old, new in redirects.items() if new == anchor]
