"""The lists of exercises: the home page's cards, the page of all exercises and each
group's page.
"""

from __future__ import annotations

from gentle_movements.model.site import SiteContent
from gentle_movements.pages import markdown as md
from gentle_movements.pages.boxes import disclaimer, newest_review
from gentle_movements.pages.wording import DIRECTION_LABELS, KIND_LABELS
from gentle_movements.urls import EXERCISE_FOLDER, EXERCISE_GROUPS, group_index_path


def exercises_in_group(site: SiteContent, group: str) -> list[str]:
    kinds = EXERCISE_GROUPS[group][1]
    return [slug for slug, exercise in site.exercises.items() if exercise.kind in kinds]


def exercise_cards(site: SiteContent, slugs: list[str], *, link_prefix: str = "") -> str:
    """Material grid cards linking to exercises; `link_prefix` is relative to the page."""
    if not slugs:
        return "There are no exercises in this group yet."
    cards = []
    for slug in slugs:
        exercise = site.exercises[slug]
        directions = ", ".join(DIRECTION_LABELS[d] for d in exercise.directions)
        cards.append(
            f"-   **[{exercise.title}]({link_prefix}{slug}.md)**\n\n"
            f"    {KIND_LABELS[exercise.kind]} · {directions}\n"
            "    { .gm-card-meta }\n\n"
            f"    {md.indent(exercise.summary)}"
        )
    # A blank line between cards: without it each "-" continues the previous card's text.
    body = "\n\n".join(cards)
    return f'<div class="grid cards gm-cards" markdown>\n\n{body}\n\n</div>'


def home_exercise_cards(site: SiteContent) -> str:
    """The cards on the home page, grouped as on the index pages."""
    parts = []
    for group, (title, _) in EXERCISE_GROUPS.items():
        parts.append(f"### [{title}]({group_index_path(group)})")
        parts.append(exercise_cards(site, exercises_in_group(site, group),
                                    link_prefix=f"{EXERCISE_FOLDER}/"))
    return md.join(parts)


def all_exercises_page(site: SiteContent) -> str:
    parts = [
        md.front_matter("Every exercise on this site, grouped into stretches and "
                      "mobilising and strengthening exercises.",
                      newest_review(site, site.exercises)),
        "# Exercises",
        "Choose the movements that ease your symptoms. Each page shows its movement "
        "direction, so you can skip a direction that makes your pain worse. "
        "Read the [safety tips](../safety.md) first.",
    ]
    for group, (title, _) in EXERCISE_GROUPS.items():
        parts.append(f"## [{title}]({group}/index.md) {{#{group}}}")
        parts.append(exercise_cards(site, exercises_in_group(site, group)))
    parts.append(disclaimer())
    return md.join(parts)


def group_index_page(site: SiteContent, group: str) -> str:
    title, kinds = EXERCISE_GROUPS[group]
    kind_words = " and ".join(KIND_LABELS[k].lower() for k in kinds)
    return md.join([
        md.front_matter(f"{title} for sciatica: gentle {kind_words} exercises with doses, "
                      "steps and when to stop.",
                      newest_review(site, exercises_in_group(site, group))),
        f"# {title}",
        f"These are the {kind_words} exercises on this site. Start with the easier "
        "versions and stop if your leg symptoms spread.",
        exercise_cards(site, exercises_in_group(site, group), link_prefix="../"),
        disclaimer(),
    ])
