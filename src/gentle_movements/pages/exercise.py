"""One exercise's page, and each of its versions' pages: the safety strip first, the switch
between versions, then its pictures, dose, timer, steps, stop rules, checks first and the
other versions.
"""

from __future__ import annotations

from gentle_movements import blocks
from gentle_movements.figure.svg import illustration_html
from gentle_movements.markup import plain_text
from gentle_movements.model.exercise import (
    ON_THE_FLOOR,
    Dose,
    DoseRow,
    Exercise,
    Version,
    place_of,
)
from gentle_movements.model.safety import Condition, Conditions
from gentle_movements.model.site import SiteContent
from gentle_movements.outputs.qr import qr_svg
from gentle_movements.pages import floor_link, timer
from gentle_movements.pages import markdown as md
from gentle_movements.pages.boxes import (
    disclaimer,
    exercise_stop_rules,
    pain_rule,
    red_flag_box,
    review_note,
    sources_list,
    stop_box,
)
from gentle_movements.pages.wording import (
    DIRECTION_LABELS,
    KIND_LABELS,
    PLACE_LABELS,
    POSITION_LABELS,
)
from gentle_movements.templating import markup, render
from gentle_movements.urls import exercise_address, page_name, routine_token

HOW_TO_DO_IT = "gm-how-to-do-it"


CHECK_AND_EASIER = "gm-check-and-easier"
"""Groups of an exercise page's sections that a printed sheet lays out side by side: the
starting position and steps beside the stop rules; who should check first and the easier
versions beside the warning signs."""


def exercise_page(slug: str, site: SiteContent, site_url: str,
                  version_id: str | None = None) -> str:
    """The page of an exercise, or of one of its versions: the same page, with the version's
    own pictures, dose, timer, steps and cautions, and the exercise's safety content.

    On a phone's first screen: the safety strip, how much to do with a way to start, and the
    picture. The steps follow at once; what a reader needs less often is folded."""
    exercise = site.exercises[slug]
    version = exercise.version(version_id) if version_id else None
    shown = exercise.shown(version_id)
    title = exercise.page_title(version_id)
    picture = exercise.picture_of(version_id)
    parts = [
        md.front_matter(shown.summary, exercise.review, parts=PARTS),
        f"# {title}",
        md.not_searched(safety_strip(slug, exercise, site.conditions, version)),
        md.not_searched(at_a_glance(shown.dose), is_markdown=False),
        md.section("How it looks", blocks.PICTURES, illustration_html(
            picture, main=True, place=version.place if version else None)),
        md.not_searched(version_switch(slug, exercise, version), is_markdown=False),
        jump_links(),
        *([md.admonition("warning", blocks.VERSION_CAUTIONS, "Before you try it:",
                         md.bullets(shown.cautions))] if shown.cautions else []),
        md.div(HOW_TO_DO_IT, md.join([
            md.section("Starting position", blocks.START, _start(shown, site_url)),
            md.section("Steps", blocks.STEPS, md.numbered(shown.steps))])),
        md.section("How much to do", blocks.DOSE, dose_markdown(shown.dose)),
        md.not_searched(timer.timer_block(routine_token(slug, version_id), shown.dose),
                        is_markdown=False),
        md.section("What you should feel", blocks.FEEL, shown.you_should_feel),
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
            md.section("Easier versions", blocks.EASIER,
                       other_versions(slug, exercise, version, "easier", site_url)),
        ])),
        md.heading("About this exercise", blocks.SUMMARY),
        _summary(exercise, version),
        _facts(exercise, shown),
    ]
    if exercise.has_harder:
        parts.append(md.folded_section(
            "Harder versions", blocks.HARDER, "Show the harder versions",
            other_versions(slug, exercise, version, "harder", site_url)))
    parts += [
        md.folded_section("Common mistakes", blocks.MISTAKES,
                          f"Show {_count(len(exercise.common_mistakes), 'common mistake')}",
                          md.bullets(exercise.common_mistakes)),
        md.heading("When to get help urgently", blocks.RED_FLAGS),
        red_flag_box(site.red_flags),
    ]
    if exercise.related:
        related = md.bullets(
            f"[{site.exercises[other].title}]({other}.md)" for other in exercise.related
        )
        parts.append(f"## Related exercises {{#related}}\n\n{md.not_searched(related)}")
    parts += [
        _share(title, exercise_address(site_url, slug, version_id)),
        md.folded_section("Sources and review", blocks.SOURCES,
                          f"Show {_count(len(exercise.sources), 'source')}",
                          sources_list(exercise.sources)),
        review_note(exercise.review),
        disclaimer(),
    ]
    return md.join(parts)


PARTS = ("figures", "motion", "timer", "share")
"""What an exercise page holds (`assets.Part`)."""


def _count(number: int, thing: str) -> str:
    return f"the {thing}" if number == 1 else f"the {number} {thing}s"


def at_a_glance(dose: Dose) -> str:
    """The counted numbers of the dose, and buttons to start the timer or read the steps."""
    rows = [{"label": row.label, "text": plain_text(row.text)}
            for row in dose.rows() if row.counted]
    return render("at_a_glance.html", css_class=blocks.AT_A_GLANCE, rows=rows,
                  timer=timer.TIMER_ANCHOR, steps=blocks.ANCHORS[blocks.STEPS])


def version_pages(exercise: Exercise) -> list[str | None]:
    """The pages an exercise has: its own (None), then one per version, in the content's
    order."""
    return [None, *(version.id for version in exercise.versions)]


def version_switch(slug: str, exercise: Exercise, current: Version | None) -> str:
    """Links to the exercise and each of its versions, this page's marked: on paper and
    without JavaScript, each one is a page of its own, with its own address."""
    links = [{"href": f"{page_name(slug)}.html", "name": exercise.version_name,
              "place": PLACE_LABELS[place_of(exercise.position)], "kind": None,
              "current": current is None}]
    links += [{"href": f"{page_name(slug, version.id)}.html", "name": version.name,
               "place": PLACE_LABELS[version.place],
               "kind": "harder" if version.kind == "harder" else None,
               "current": current is not None and version.id == current.id}
              for version in exercise.versions]
    return render("version_switch.html", css_class=blocks.VERSION_SWITCH, links=links)


def other_versions(slug: str, exercise: Exercise, current: Version | None, kind: str,
                   site_url: str) -> str:
    """The exercise's versions of one kind, each a link to its page with a small picture and
    who it is for; then the smaller changes that keep the movement. On a version's page, the
    exercise itself is listed first among the easier ones when this version is harder, and
    among the harder ones when it is easier. On paper each version's address is printed."""
    items = []
    if current is not None and current.kind != kind:
        items.append(f"[**{exercise.version_name}**]({page_name(slug)}.md)"
                     f"{place_note(exercise.version_name, place_of(exercise.position))}: "
                     f"{_first_sentence(exercise.summary)}")
    for version in exercise.versions:
        if version.kind != kind:
            continue
        name = f"**{version.name}**" if current is not None and version.id == current.id \
            else f"[**{version.name}**]({page_name(slug, version.id)}.md)"
        here = " (this page)" if current is not None and version.id == current.id else ""
        printed = (f' <span class="{blocks.PRINT_ONLY}">'
                   f"<code>{exercise_address(site_url, slug, version.id)}</code></span>"
                   if site_url and not here else "")
        items.append(f"{name}{place_note(version.name, version.place)}{here}: {version.summary}"
                     f"{printed}\n{{ .gm-place-{version.place} }}")
    items += [f"**{adjustment.name}**: {adjustment.how}"
              for adjustment in exercise.adjustments if adjustment.kind == kind]
    return md.bullets(items)


def _first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".") + "."


def _share(title: str, address: str) -> str:
    """The page's address as text (works without JavaScript), a copy button, and a QR code."""
    qr = qr_svg(address, title=f"QR code that opens {address}")
    block = render("share.html", css_class=blocks.SHARE, title=markup(title), address=address,
                   qr=markup(qr))
    return f"{md.heading('Share or print this page', blocks.SHARE)}\n\n{block}"


JUMPS = ((blocks.STEPS, "Steps"), (blocks.DOSE, "Timer"), (blocks.STOP_IF, "When to stop"),
         (blocks.EASIER, "Versions"))
"""The sections the bar of links goes to, in page order (the timer follows the dose)."""


def jump_links() -> str:
    links = [{"anchor": blocks.ANCHORS[block], "words": words} for block, words in JUMPS]
    return render("jump_links.html", links=links)


def safety_strip(slug: str, exercise: Exercise, conditions: Conditions,
                 version: Version | None) -> str:
    """The first thing under the title, before the picture, the timer and the steps: the
    conditions to check first, by their names so that the strip fits a phone's first screen
    (what to do for each is further down), and the easier version for readers who cannot
    get down (or stand). (The banner above every page points to the warning signs.)"""
    shown: Exercise | Version = version or exercise
    names = [condition.name for condition in conditions_to_check(exercise, conditions)]
    lines = [md.div(INLINE_LIST, md.bullets(names) + "\n\n"
                    f"[What to do for each](#{blocks.ANCHORS[blocks.CHECK_FIRST]})")]
    if shown.position in ON_THE_FLOOR or shown.position == "standing":
        easier = next(v for v in exercise.versions
                      if v.kind == "easier" and v.place in ("chair", "bed"))
        hard = ("Getting down to the floor is hard?" if shown.position in ON_THE_FLOOR
                else "Standing is hard?")
        lines.append(f"{hard} Use the easier version: "
                     f"**[{easier.name}]({page_name(slug, easier.id)}.md)**"
                     f"{place_note(easier.name, easier.place)}.")
    return md.admonition("warning", blocks.SAFETY_STRIP, STRIP_TITLE, "\n\n".join(lines))


STRIP_TITLE = "Check first if one applies to you"
INLINE_LIST = "gm-inline-list"
"""A list of short items written on as few lines as they fit, each still a list item."""


def conditions_to_check(exercise: Exercise, conditions: Conditions) -> list[Condition]:
    """Each condition the exercise's cautions name, once each, in the order of its
    check_first entries."""
    by_id = {condition.id: condition for condition in conditions.conditions}
    named = dict.fromkeys(c for item in exercise.check_first for c in item.conditions)
    return [by_id[condition] for condition in named]


def _start(shown: Exercise | Version, site_url: str) -> str:
    """The starting position; on the floor, with how to get down there and back up."""
    if shown.position not in ON_THE_FLOOR:
        return shown.start
    # On its own line, still in the same paragraph: joined with a space, a start such as
    # "1." or "-" would turn the paragraph into a list.
    return f"{shown.start}\n{floor_link.floor_help(site_url, link_prefix='../')}"


def _summary(exercise: Exercise, version: Version | None) -> str:
    text = exercise.summary if version is None else version.summary
    if exercise.also_known_as and version is None:
        text += f"\n\nAlso called: {', '.join(exercise.also_known_as)}."
    return md.div(blocks.SUMMARY, text)


def _facts(exercise: Exercise, shown: Exercise | Version) -> str:
    directions = ", ".join(DIRECTION_LABELS[d] for d in exercise.directions)
    rows = [
        ("Type", KIND_LABELS[exercise.kind]),
        ("Movement", directions[:1].upper() + directions[1:]),
        ("Position", POSITION_LABELS[shown.position].capitalize()),
    ]
    if exercise.equipment and shown is exercise:
        rows.append(("You need", ", ".join(exercise.equipment).capitalize()))
    return md.div("gm-facts", md.bullets(f"**{label}:** {value}" for label, value in rows))


def dose_markdown(dose: Dose) -> str:
    return md.bullets(dose_line(row) for row in dose.rows())


def dose_line(row: DoseRow) -> str:
    """One row of the dose as the page shows it: "**Hold:** 20 to 30 seconds"."""
    return f"**{row.label}:** {row.text}"


def place_note(name: str, place: str) -> str:
    """" (on a chair)", unless the name already says where it is done."""
    if place in name.lower():
        return ""
    return f" ({PLACE_LABELS[place]})"
