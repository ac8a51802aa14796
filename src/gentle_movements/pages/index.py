"""The lists of exercises: the home page's cards, the page of all exercises and each
group's page.
"""

from __future__ import annotations

from gentle_movements.figure.svg import thumbnail
from gentle_movements.model.exercise import Exercise
from gentle_movements.model.site import SiteContent
from gentle_movements.pages import markdown as md
from gentle_movements.pages.boxes import disclaimer, newest_review
from gentle_movements.pages.wording import (
    DIRECTION_LABELS,
    KIND_LABELS,
    PLACE_LABELS,
    POSITION_LABELS,
)
from gentle_movements.urls import EXERCISE_FOLDER, EXERCISE_GROUPS, group_index_path


def exercises_in_group(site: SiteContent, group: str) -> list[str]:
    kinds = EXERCISE_GROUPS[group][1]
    return [slug for slug, exercise in site.exercises.items() if exercise.kind in kinds]


CARD_PARTS = ("figures",)
"""A card shows its exercise's picture, drawn with the pictures' stylesheet."""


def exercise_cards(site: SiteContent, slugs: list[str], *, link_prefix: str = "") -> str:
    """Material grid cards linking to exercises, each with its picture, how it is done and
    where its easier versions are done; `link_prefix` is relative to the page."""
    if not slugs:
        return "There are no exercises in this group yet."
    cards = []
    for slug in slugs:
        exercise = site.exercises[slug]
        directions = ", ".join(DIRECTION_LABELS[d] for d in exercise.directions)
        position = POSITION_LABELS[exercise.position]
        meta = f"{KIND_LABELS[exercise.kind]} · {position[:1].upper()}{position[1:]} · {directions}"
        cards.append(
            f"-   {thumbnail(exercise.illustrations[0])}\n\n"
            f"    **[{exercise.title}]({link_prefix}{slug}.md)**\n\n"
            f"    {meta}\n"
            "    { .gm-card-meta }\n\n"
            + (f"    {easier_places(exercise)}\n    {{ .gm-card-places }}\n\n"
               if easier_places(exercise) else "")
            + f"    {md.indent(exercise.summary)}"
        )
    # A blank line between cards: without it each "-" continues the previous card's text.
    body = "\n\n".join(cards)
    return f'<div class="grid cards gm-cards" markdown>\n\n{body}\n\n</div>'


def easier_places(exercise: Exercise) -> str:
    """"Also on a chair or a bed", from where its easier versions are done."""
    places = [PLACE_LABELS[place] for place in CARD_PLACES
              if any(version.place == place for version in exercise.versions
                     if version.kind == "easier")]
    if not places:
        return ""
    listed = places[0] if len(places) == 1 else f"{', '.join(places[:-1])} or {places[-1]}"
    return f"Also {listed}"


CARD_PLACES = ("chair", "bed", "wall")
"""The places a card names, for readers who cannot get down to the floor or stand freely."""


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
                      newest_review(site, site.exercises), parts=CARD_PARTS),
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
                      newest_review(site, exercises_in_group(site, group)), parts=CARD_PARTS),
        f"# {title}",
        f"These are the {kind_words} exercises on this site. Start with the easier "
        "versions and stop if your leg symptoms spread.",
        exercise_cards(site, exercises_in_group(site, group), link_prefix="../"),
        disclaimer(),
    ])
