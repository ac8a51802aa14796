"""Pure functions that turn checked content into the Markdown of each generated page.

Safety-critical parts go into blocks with the classes in `blocks.py`, which the audit checks
in the built HTML. Material's admonitions and grid cards give them their look.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import get_args

from . import blocks, figure_svg, floor_link, timer
from . import markdown as md
from .content import SiteContent
from .csp import with_policy
from .markup import plain_text
from .model import (
    ON_THE_FLOOR,
    STOP_GROUP_TITLES,
    Conditions,
    Dose,
    Exercise,
    NumberRange,
    PregnancyWarningSigns,
    RedFlagGroup,
    RedFlags,
    Review,
    SharedRule,
    Source,
    StopGroups,
    Variation,
)
from .qr import qr_svg

EXERCISE_FOLDER = "exercises"
EXERCISE_GROUPS = {
    "stretches": ("Stretches", ("stretch",)),
    "mobilising-and-strengthening": ("Mobilising and strengthening", ("mobility", "strengthening")),
}
"""Index pages: folder name, title, and the kinds of exercise each lists."""

KIND_LABELS = {"stretch": "Stretch", "mobility": "Mobility", "strengthening": "Strengthening"}
DIRECTION_LABELS = {
    "bending-forward": "bending forward",
    "arching-back": "arching back",
    "turning": "turning",
    "hip-rotation": "turning at the hip",
    "neutral": "back kept still (neutral)",
}
POSITION_LABELS = {
    "lying-on-back": "lying on your back",
    "lying-on-front": "lying on your front",
    "hands-and-knees": "on your hands and knees",
    "kneeling": "kneeling",
    "sitting-on-floor": "sitting on the floor",
    "sitting-on-chair": "sitting on a chair",
    "standing": "standing",
}
PLACE_LABELS = {
    "floor": "on the floor",
    "chair": "on a chair",
    "bed": "on a bed",
    "standing": "standing",
    "wall": "against a wall",
}

NOT_MEDICAL_ADVICE = (
    "This is general information, not a diagnosis or a replacement for a health "
    "professional. If you are unsure whether an exercise is right for you, ask your "
    "doctor (GP), physiotherapist, or midwife if you are pregnant."
)


NOT_CLINICALLY_REVIEWED = "Not yet reviewed by a clinician."

HOW_TO_DO_IT = "gm-how-to-do-it"
CHECK_AND_EASIER = "gm-check-and-easier"
"""Groups of an exercise page's sections that a printed sheet lays out side by side: the
starting position and steps beside the stop rules; who should check first and the easier
versions beside the warning signs."""


def exercise_path(slug: str) -> str:
    """Where an exercise page lives in the docs tree; it builds to `exercises/<slug>.html`."""
    return f"{EXERCISE_FOLDER}/{slug}.md"


def group_index_path(group: str) -> str:
    return f"{EXERCISE_FOLDER}/{group}/index.md"


def exercises_in_group(site: SiteContent, group: str) -> list[str]:
    kinds = EXERCISE_GROUPS[group][1]
    return [slug for slug, exercise in site.exercises.items() if exercise.kind in kinds]


def redirect_files(site: SiteContent, site_url: str) -> dict[str, str]:
    """An HTML page at each old exercise address that forwards to the new one.

    The meta refresh works without JavaScript; the script also keeps a #section anchor.
    """
    files = {}
    for old, new in site.redirects.exercises.items():
        title = html.escape(site.exercises[new].title)
        target = f"{new}.html"
        files[f"{EXERCISE_FOLDER}/{old}.html"] = with_policy(
            '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title} has moved</title>\n"
            f'<meta http-equiv="refresh" content="0; url={target}">\n'
            f'<link rel="canonical" href="{html.escape(exercise_address(site_url, new))}">\n'
            '<meta name="robots" content="noindex">\n'
            f"<script>{redirect_script(target)}</script>\n"
            "</head>\n<body>\n"
            f'<p>This exercise has moved to <a href="{target}">{title}</a>.</p>\n'
            "</body>\n</html>\n"
        )
    return files


def redirect_script(target: str) -> str:
    return f'location.replace("{target}" + location.hash)'


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


PLACEHOLDERS: dict[str, Callable[[SiteContent, str], str]] = {
    "exercise-cards": lambda site, _: home_exercise_cards(site),
    "pregnancy-warning-signs": lambda site, _: pregnancy_signs_box(site.pregnancy_signs),
    **{name: lambda site, safety, name=name: shared_rule(name, site, safety)
       for name in get_args(SharedRule)},
}
"""The comments a hand-written page may hold, as `<!-- gm:name -->`, each replaced by a block
made from content. The function gets the site and the address of the safety page from the
page that holds the comment."""

_PLACEHOLDER = re.compile(r"<!--\s*gm:(.*?)\s*-->", re.DOTALL)


def unknown_placeholders(markdown: str) -> list[tuple[int, str]]:
    """The line and name of each `<!-- gm:... -->` comment that is not a known placeholder."""
    return [(markdown.count("\n", 0, found.start()) + 1, found.group(1))
            for found in _PLACEHOLDER.finditer(markdown) if found.group(1) not in PLACEHOLDERS]


def fill_placeholders(markdown: str, site: SiteContent, src_uri: str) -> str:
    """Replace each known placeholder; `src_uri` is the page's path in docs/, so that links
    in the blocks are relative to it. Unknown ones are left for `unknown_placeholders`."""
    if "gm:" not in markdown:
        return markdown
    safety = "../" * src_uri.count("/") + "safety.md"

    def block(found: re.Match[str]) -> str:
        make = PLACEHOLDERS.get(found.group(1))
        return make(site, safety) if make else found.group(0)

    return _PLACEHOLDER.sub(block, markdown)


def hand_written_review(meta: Mapping[str, object]) -> str:
    """The review dates of a page in docs/, from its front matter (empty if it has none)."""
    last, next_due = meta.get("last_reviewed"), meta.get("next_review_due")
    if not isinstance(last, date) or not isinstance(next_due, date):
        return ""
    note = f"{_review_dates(last, next_due)}\n\n{NOT_CLINICALLY_REVIEWED}"
    return "\n\n" + md.not_searched(md.div(blocks.REVIEW, note)) + "\n\n" + disclaimer()


# Exercise page ------------------------------------------------------------------------------


def exercise_address(site_url: str, slug: str) -> str:
    """The permanent hosted address of an exercise page."""
    return f"{site_url.rstrip('/')}/{EXERCISE_FOLDER}/{slug}.html"


def exercise_page(slug: str, site: SiteContent, site_url: str) -> str:
    exercise = site.exercises[slug]
    parts = [
        md.front_matter(exercise.summary, exercise.review),
        f"# {exercise.title}",
        md.not_searched(safety_strip(exercise, site.conditions)),
        _summary(exercise),
        _facts(exercise),
        md.section("How it looks", blocks.PICTURES, figure_svg.pictures(
            exercise.illustrations, {version.name: version.where for version in exercise.easier})),
        md.section("How much to do", blocks.DOSE, dose_markdown(exercise.dose)),
        md.not_searched(timer.timer_block(slug, exercise.dose), is_markdown=False),
        md.div(HOW_TO_DO_IT, md.join([
            md.section("Starting position", blocks.START, _start(exercise, site_url)),
            md.section("Steps", blocks.STEPS, md.numbered(exercise.steps))])),
        md.section("What you should feel", blocks.FEEL, exercise.you_should_feel),
        md.heading("When to stop", blocks.STOP_IF),
        stop_box(blocks.STOP_IF, exercise_stop_rules(site, exercise)),
        pain_rule(site, f"#{blocks.ANCHORS[blocks.STOP_IF]}", titled=True),
        md.div(CHECK_AND_EASIER, md.join([
            md.heading("Check first", blocks.CHECK_FIRST),
            md.admonition(
                "note", blocks.CHECK_FIRST, "Check first if:",
                md.bullets(f"**{item.who}** {item.advice}" for item in exercise.check_first)
                + "\n\nWhat each condition means: [health conditions](../safety.md#conditions).",
            ),
            md.section("Easier versions", blocks.EASIER, _variations(exercise.easier, "easier")),
        ])),
    ]
    if exercise.harder:
        parts.append(md.section("Harder versions", blocks.HARDER,
                              _variations(exercise.harder, "harder")))
    parts += [
        md.section("Common mistakes", blocks.MISTAKES, md.bullets(exercise.common_mistakes)),
        md.heading("When to get help urgently", blocks.RED_FLAGS),
        red_flag_box(site.red_flags),
    ]
    if exercise.related:
        related = md.bullets(
            f"[{site.exercises[other].title}]({other}.md)" for other in exercise.related
        )
        parts.append(f"## Related exercises {{#related}}\n\n{md.not_searched(related)}")
    parts += [
        _share(exercise.title, exercise_address(site_url, slug)),
        md.heading("Sources and review", blocks.SOURCES),
        md.div(blocks.SOURCES, sources_list(exercise.sources)),
        review_note(exercise.review),
        disclaimer(),
    ]
    return md.join(parts)


def _share(title: str, address: str) -> str:
    """The page's address as text (works without JavaScript), a copy button, and a QR code."""
    qr = qr_svg(address, title=f"QR code that opens {address}")
    return (
        f"## Share or print this page {{#{blocks.ANCHORS[blocks.SHARE]}}}\n\n"
        f'<div class="{blocks.SHARE}" data-search-exclude markdown>\n\n'
        f"To share **{title}**, send this address. A printout of this page has a QR code "
        "that opens it on a phone.\n\n"
        f'<p class="gm-address"><code data-gm-address>{address}</code> '
        '<button type="button" class="md-button gm-copy" data-gm-copy hidden>Copy link</button>'
        "</p>\n\n"
        f'<figure class="gm-qr-figure">{qr}</figure>\n\n</div>'
    )


def safety_strip(exercise: Exercise, conditions: Conditions) -> str:
    """The first thing under the title, before the picture, the timer and the steps: who
    should check first, and the easier version for readers who cannot get down (or stand).
    (The banner above every page points to the warning signs.)"""
    easier = next(number for number, version in enumerate(exercise.easier, 1)
                  if version.where in ("chair", "bed"))
    version = exercise.easier[easier - 1]
    hard = ("Getting down to the floor is hard?" if exercise.position in ON_THE_FLOOR
            else "Standing is hard?" if exercise.position == "standing" else "Need it easier?")
    lines = [
        "**Check first** if you:",
        md.bullets(checks_first(exercise, conditions)),
        f"[See what to do for each](#{blocks.ANCHORS[blocks.CHECK_FIRST]})",
        f"{hard} Use the easier version: "
        f"**[{version.name}](#{version_anchor('easier', easier)})**{place_note(version)}.",
    ]
    return md.admonition("warning", blocks.SAFETY_STRIP, "Before you start", "\n\n".join(lines))


def checks_first(exercise: Exercise, conditions: Conditions) -> list[str]:
    """The `if_you` words of each condition the exercise's cautions name, once each, in
    the order of its check_first entries."""
    words = {condition.id: condition.if_you for condition in conditions.conditions}
    named = dict.fromkeys(c for item in exercise.check_first for c in item.conditions)
    return [words[condition] for condition in named]


def _start(exercise: Exercise, site_url: str) -> str:
    """The starting position; on the floor, with how to get down there and back up."""
    if not floor_link.starts_on_the_floor(exercise):
        return exercise.start
    # On its own line, still in the same paragraph: joined with a space, a start such as
    # "1." or "-" would turn the paragraph into a list.
    return f"{exercise.start}\n{floor_link.floor_help(site_url, link_prefix='../')}"


def _summary(exercise: Exercise) -> str:
    text = exercise.summary
    if exercise.also_known_as:
        text += f"\n\nAlso called: {', '.join(exercise.also_known_as)}."
    return md.div(blocks.SUMMARY, text)


def _facts(exercise: Exercise) -> str:
    directions = ", ".join(DIRECTION_LABELS[d] for d in exercise.directions)
    rows = [
        ("Type", KIND_LABELS[exercise.kind]),
        ("Movement", directions[:1].upper() + directions[1:]),
        ("Position", POSITION_LABELS[exercise.position].capitalize()),
    ]
    if exercise.equipment:
        rows.append(("You need", ", ".join(exercise.equipment).capitalize()))
    return md.div("gm-facts", md.bullets(f"**{label}:** {value}" for label, value in rows))


def dose_markdown(dose: Dose) -> str:
    return md.bullets(dose_lines(dose))


def dose_lines(dose: Dose) -> list[str]:
    """The dose as the reader gets it, one line each: its numbers and its words."""
    sides = {"each": " on each side", "both": "", "none": ""}[dose.sides]
    rows = []
    if dose.hold_seconds:
        rows.append(("Hold", _range(dose.hold_seconds, "second")))
    rows.append(("Repeat", _range(dose.repetitions, "time") + sides))
    if dose.sets > 1:
        rest = f", resting {dose.rest_seconds} seconds between" if dose.rest_seconds else ""
        rows.append(("Sets", f"{dose.sets}{rest}"))
    elif dose.rest_seconds:
        rows.append(("Rest", f"{dose.rest_seconds} seconds between repetitions"))
    rows += [("How often", dose.how_often), ("One repetition", dose.one_repetition)]
    return [f"**{label}:** {value}" for label, value in rows]


def _range(numbers: NumberRange, unit: str) -> str:
    plural = "" if numbers.max == 1 else "s"
    if numbers.min == numbers.max:
        return f"{numbers.min} {unit}{plural}"
    return f"{numbers.min} to {numbers.max} {unit}{plural}"


def version_anchor(kind: str, number: int) -> str:
    """The anchor of the Nth easier or harder version (from 1), as the routine names it."""
    return f"{kind}-{number}"


def _variations(variations: Iterable[Variation], kind: str) -> str:
    """Each version as a list item with its own anchor, and where it is done as a class, so
    that a link or QR code can open one version and print can pick the chair or bed one."""
    return md.bullets(
        f"**{v.name}**{place_note(v)}: {v.how}\n"
        f"{{ #{version_anchor(kind, number)}{f' .gm-place-{v.where}' if v.where else ''} }}"
        for number, v in enumerate(variations, 1))


def place_note(version: Variation) -> str:
    """" (on a chair)", unless the version's name already says where it is done."""
    if version.where is None or version.where in version.name.lower():
        return ""
    return f" ({PLACE_LABELS[version.where]})"


# Shared blocks ------------------------------------------------------------------------------


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
            + "\n\n" + _sources_line(signs.sources))


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
    return [_review_dates(review.last, review.next_due), what, clinical]




def _review_dates(last: date, next_due: date) -> str:
    return f"Last reviewed: **{_date(last)}**. Next review due: **{_date(next_due)}**."


def disclaimer() -> str:
    return md.not_searched(md.div(blocks.DISCLAIMER, f"*{NOT_MEDICAL_ADVICE}*"))


def sources_list(sources: Iterable[Source]) -> str:
    return md.bullets(_source_link(source) for source in sources)


def _source_link(source: Source) -> str:
    # In angle brackets the address is one piece, whatever it holds: a ")" in it cannot end
    # the link and start something else.
    return f"[{source.title}](<{source.url}>)"


# Index, safety and FAQ pages ----------------------------------------------------------------


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


def safety_page(site: SiteContent) -> str:
    tips = site.safety_tips
    parts = [
        md.front_matter("How to exercise safely with sciatica: when to stop, warning signs "
                      "that need urgent help, and tips for moving with less pain.", tips.review),
        "# Safety",
        md.div(blocks.INTRO, tips.intro),
        "## Warning signs: get help urgently {#red-flags}",
        red_flag_box(site.red_flags, with_soon=True, searchable=True),
        _sources_line(site.red_flags.sources),
        "## When to stop an exercise {#stop-rules}",
        stop_rules_box(site),
        _sources_line(site.stop_rules.sources),
        conditions_section(site.conditions),
        "## Tips for exercising safely {#tips}",
    ]
    for tip in tips.tips:
        parts += _old_anchors(site.redirects.tips, tip.id)
        parts.append(f"### {tip.title} {{#{tip.id}}}")
        body = _with_shared_rule(tip.text, tip.shows, site, "")
        parts.append(md.div(blocks.SAFETY_TIP, f"{body}\n\n{_sources_line(tip.sources)}"))
    parts += [review_note(tips.review), disclaimer()]
    return md.join(parts)


def conditions_section(conditions: Conditions) -> str:
    """What each condition that exercises warn about means, from its one file."""
    parts = ["## If you have a health condition {#conditions}",
             md.div(blocks.INTRO, conditions.intro)]
    for condition in conditions.conditions:
        parts += [f"### {condition.name} {{#{condition.id}}}",
                  md.div(blocks.CONDITION, f"{condition.means}\n\n"
                                         f"{_sources_line(condition.sources)}")]
    return md.join(parts).rstrip("\n")


def faq_page(site: SiteContent) -> str:
    faq = site.faq
    parts = [
        md.front_matter("Answers to common questions about sciatica and exercise: "
                      "what helps, what to avoid, and when to get help.", faq.review),
        "# Common questions",
        md.div(blocks.INTRO, faq.intro),
    ]
    for question in faq.questions:
        body = _with_shared_rule(question.answer, question.shows, site, "safety.md")
        if question.related:
            links = ", ".join(
                f"[{site.exercises[slug].title}](exercises/{slug}.md)" for slug in question.related
            )
            body += f"\n\nSee: {links}."
        parts += _old_anchors(site.redirects.questions, question.id)
        parts.append(f"## {question.question} {{#{question.id}}}")
        parts.append(md.div(blocks.FAQ_ITEM, f"{body}\n\n{_sources_line(question.sources)}"))
    parts += [review_note(faq.review), disclaimer()]
    return md.join(parts)


def _with_shared_rule(text: str, shows: SharedRule | None, site: SiteContent,
                      safety: str) -> str:
    return f"{text}\n\n{shared_rule(shows, site, safety)}" if shows else text


def _old_anchors(redirects: Mapping[str, str], anchor: str) -> list[str]:
    """Empty targets for the ids a section had before it was renamed, so that links to the
    old #id still arrive at it."""
    return [f'<div id="{old}"></div>' for old, new in redirects.items() if new == anchor]


def _sources_line(sources: Iterable[Source]) -> str:
    links = "; ".join(_source_link(source) for source in sources)
    return f'<p class="{blocks.SOURCES}" markdown>Sources: {links}</p>'


def newest_review(site: SiteContent, slugs: Iterable[str]) -> Review:
    """For a page listing exercises: reviewed when its newest entry was (or, for an empty
    group, when the newest exercise on the site was)."""
    reviews = [site.exercises[slug].review for slug in slugs]
    return max(reviews or [e.review for e in site.exercises.values()], key=lambda r: r.last)


def _date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"
