"""Boxes many pages share, each written from its one source: the red flags, pregnancy's
warning signs, the stop rules, the pain rule, review notes and source lists.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from datetime import date

from gentle_movements import blocks
from gentle_movements.markup import plain_text
from gentle_movements.model.exercise import (
    STOP_GROUP_TITLES,
    Exercise,
    StopGroups,
)
from gentle_movements.model.review import Review, Source
from gentle_movements.model.safety import (
    PregnancyWarningSigns,
    RedFlagGroup,
    RedFlags,
    SharedRule,
)
from gentle_movements.model.site import SiteContent
from gentle_movements.pages import markdown as md
from gentle_movements.pages.wording import NOT_CLINICALLY_REVIEWED, NOT_MEDICAL_ADVICE


def red_flag_box(red_flags: RedFlags, *, with_soon: bool = False,
                 searchable: bool = False) -> str:
    """The emergency box: the same words on every exercise page, and `with_soon` (adding the
    see-your-GP-soon group) wherever else the warning signs are shown. It is `searchable` only
    on the safety page, so that search finds them once."""
    groups = [red_flags.emergency, red_flags.urgent]
    if with_soon:
        groups.append(red_flags.soon)
    anchors = ("help-now", "help-today", "help-soon")[:len(groups)]
    body = "\n\n".join(_red_flag_group(group, anchor)
                       for group, anchor in zip(groups, anchors, strict=True))
    box = md.admonition("danger", blocks.RED_FLAGS, "Get help urgently", body)
    return box if searchable else md.not_searched(box)


def pregnancy_signs_box(signs: PregnancyWarningSigns) -> str:
    """Pregnancy's own warning signs, from their one file, with their sources."""
    body = "\n\n".join(_red_flag_group(group, f"pregnancy-help-{number}")
                       for number, group in enumerate(signs.groups, 1))
    return (md.admonition("danger", blocks.PREGNANCY_SIGNS, "Pregnancy warning signs", body)
            + "\n\n" + sources_line(signs.sources))


def _red_flag_group(group: RedFlagGroup, anchor: str) -> str:
    """Action first: what to do as a heading (a screen reader can jump between levels), the
    signs, a large call link per number, what else to do, and why, folded. `anchor` is the
    heading's id: short, as the page's contents link to it."""
    parts = [f'<h3 class="{blocks.RED_FLAGS_LEVEL}" id="{anchor}">'
             f"{html.escape(plain_text(group.action))}</h3>",
             md.bullets(group.signs)]
    if group.call:
        parts.append(" ".join(f"[Call **{phone.number}** ({phone.where})](tel:{phone.number})"
                              for phone in group.call) + f"\n{{: .{blocks.CALL} }}")
    if group.how:
        parts.append(group.how)
    if group.explanation:
        parts.append(f'<details class="note {blocks.RED_FLAGS_WHY}" markdown>\n'
                     "<summary>Why these signs matter</summary>\n\n"
                     f"{group.explanation}\n\n</details>")
    return "\n\n".join(parts)


def shared_rule(name: SharedRule, site: SiteContent, safety: str) -> str:
    """A rule written once in content, as a block; `safety` is the address of the safety page
    from the page it is shown on ("" on the safety page itself)."""
    if name == "red-flags":
        return red_flag_box(site.red_flags, with_soon=True)
    if name == "pain-rule":
        return pain_rule(site, f"{safety}#stop-rules")
    if name == "stop-rules":
        return stop_rules_box(site)
    return how_often(site)


def stop_rules_box(site: SiteContent) -> str:
    """The stop rules that apply to every exercise."""
    return stop_box(blocks.STOP_IF, site.stop_rules.always)


def exercise_stop_rules(site: SiteContent, exercise: Exercise) -> StopGroups:
    """Every stop rule an exercise page shows: each group, the shared rules first."""
    return site.stop_rules.always.then(exercise.stop_if)


def stop_box(css_class: str, rules: StopGroups, title: str = "Stop or change it",
             text: Callable[[str], str] = str) -> str:
    """A warning box with the rules grouped: stop now, make it smaller, the next day.
    `text` turns each rule into what the box shows (plain words on a printed sheet)."""
    body = "\n\n".join(
        f'<p class="{blocks.STOP_GROUP}">{STOP_GROUP_TITLES[name]}</p>'
        f"\n\n{md.bullets(text(rule) for rule in group)}"
        for name, group in rules.in_order())
    return md.admonition("warning", css_class, title, body)


def pain_rule(site: SiteContent, stop_rules_link: str, *, titled: bool = False) -> str:
    """The one pain rule: carry on, ease off or stop, against the reader's usual pain.
    `titled` starts it with its question, where no heading of the page asks it."""
    rule = site.stop_rules.pain_rule
    levels = md.bullets([
        f"**Carry on:** {rule.carry_on}",
        f"**Ease off:** {rule.ease_off}",
        f"**Stop:** {rule.stop} [See when to stop]({stop_rules_link}).",
    ])
    title = "**How much pain is OK?** " if titled else ""
    return md.div(blocks.PAIN_RULE, f"{title}{rule.intro}\n\n{levels}\n\n{rule.get_advice}")


def how_often(site: SiteContent) -> str:
    """The one rule on how often to do the exercises."""
    return md.div(blocks.HOW_OFTEN, site.stop_rules.how_often)


def review_note(review: Review) -> str:
    # What was done, apart from the dates and whether a clinician reviewed it, which print
    # keeps on its own when the sheet has no room for the rest.
    dates, what, clinical = review_parts(review)
    lines = [dates, *([f"{what}\n{{: .{blocks.REVIEW_WHAT} }}"] if what else []), clinical]
    return md.not_searched(md.div(blocks.REVIEW, "\n\n".join(lines)))


def review_parts(review: Review) -> tuple[str, str, str]:
    """The review dates; what was checked; and who reviewed it clinically, or the plain
    statement that nobody has yet."""
    clinical = (
        f"Reviewed by {review.clinical.reviewer}, {review.clinical.role} "
        f"({review.clinical.registration}), on {_date(review.clinical.on)}."
        if review.clinical
        else NOT_CLINICALLY_REVIEWED
    )
    what = " ".join(review.what.replace(clinical, " ").split())
    return [review_dates(review.last, review.next_due), what, clinical]


def review_dates(last: date, next_due: date) -> str:
    return f"Last reviewed: **{_date(last)}**. Next review due: **{_date(next_due)}**."


def disclaimer() -> str:
    return md.not_searched(md.div(blocks.DISCLAIMER, f"*{NOT_MEDICAL_ADVICE}*"))


def sources_list(sources: Iterable[Source]) -> str:
    return md.bullets(_source_link(source) for source in sources)


def _source_link(source: Source) -> str:
    # In angle brackets the address is one piece, whatever it holds: a ")" in it cannot end
    # the link and start something else.
    return f"[{source.title}](<{source.url}>)"


def sources_line(sources: Iterable[Source]) -> str:
    links = "; ".join(_source_link(source) for source in sources)
    return f'<p class="{blocks.SOURCES}" markdown>Sources: {links}</p>'


def newest_review(site: SiteContent, slugs: Iterable[str]) -> Review:
    """For a page listing exercises: reviewed when its newest entry was (or, for an empty
    group, when the newest exercise on the site was)."""
    reviews = [site.exercises[slug].review for slug in slugs]
    return max(reviews or [e.review for e in site.exercises.values()], key=lambda r: r.last)


def _date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"
