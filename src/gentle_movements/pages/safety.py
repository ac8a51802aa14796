"""The safety page: the pain rule, stop rules, safety tips, conditions and red flags."""

from __future__ import annotations

from gentle_movements import blocks
from gentle_movements.model.safety import (
    Conditions,
)
from gentle_movements.model.site import SiteContent
from gentle_movements.pages import markdown as md
from gentle_movements.pages.boxes import (
    disclaimer,
    red_flag_box,
    review_note,
    sources_line,
    stop_rules_box,
)
from gentle_movements.pages.faq import old_anchors, with_shared_rule


def safety_page(site: SiteContent) -> str:
    tips = site.safety_tips
    parts = [
        md.front_matter("How to exercise safely with sciatica: when to stop, warning signs "
                      "that need urgent help, and tips for moving with less pain.", tips.review),
        "# Safety",
        md.div(blocks.INTRO, tips.intro),
        "## Warning signs: get help urgently {#red-flags}",
        red_flag_box(site.red_flags, with_soon=True, searchable=True),
        sources_line(site.red_flags.sources),
        "## When to stop an exercise {#stop-rules}",
        stop_rules_box(site),
        sources_line(site.stop_rules.sources),
        conditions_section(site.conditions),
        "## Tips for exercising safely {#tips}",
    ]
    for tip in tips.tips:
        parts += old_anchors(site.redirects.tips, tip.id)
        parts.append(f"### {tip.title} {{#{tip.id}}}")
        body = with_shared_rule(tip.text, tip.shows, site, "")
        parts.append(md.div(blocks.SAFETY_TIP, f"{body}\n\n{sources_line(tip.sources)}"))
    parts += [review_note(tips.review), disclaimer()]
    return md.join(parts)


def conditions_section(conditions: Conditions) -> str:
    """What each condition that exercises warn about means, from its one file."""
    parts = ["## If you have a health condition {#conditions}",
             md.div(blocks.INTRO, conditions.intro)]
    for condition in conditions.conditions:
        parts += [f"### {condition.name} {{#{condition.id}}}",
                  md.div(blocks.CONDITION, f"{condition.means}\n\n"
                                         f"{sources_line(condition.sources)}")]
    return md.join(parts).rstrip("\n")
