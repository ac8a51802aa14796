"""One exercise's page: the safety strip first, then its pictures, dose, timer, steps, stop
rules, checks first and its easier and harder versions.
"""

from __future__ import annotations

from collections.abc import Iterable

from gentle_movements import blocks
from gentle_movements.figure.svg import pictures
from gentle_movements.model.exercise import (
    ON_THE_FLOOR,
    Dose,
    DoseRow,
    Exercise,
    Variation,
)
from gentle_movements.model.safety import (
    Conditions,
)
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
from gentle_movements.urls import exercise_address, version_anchor

HOW_TO_DO_IT = "gm-how-to-do-it"


CHECK_AND_EASIER = "gm-check-and-easier"
"""Groups of an exercise page's sections that a printed sheet lays out side by side: the
starting position and steps beside the stop rules; who should check first and the easier
versions beside the warning signs."""


def exercise_page(slug: str, site: SiteContent, site_url: str) -> str:
    exercise = site.exercises[slug]
    parts = [
        md.front_matter(exercise.summary, exercise.review,
                       parts=("figures", "motion", "timer", "share")),
        f"# {exercise.title}",
        md.not_searched(safety_strip(exercise, site.conditions)),
        md.not_searched(jump_links(), is_markdown=False),
        _summary(exercise),
        _facts(exercise),
        md.section("How it looks", blocks.PICTURES, pictures(
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
    block = render("share.html", css_class=blocks.SHARE, title=markup(title), address=address,
                   qr=markup(qr))
    return f"{md.heading('Share or print this page', blocks.SHARE)}\n\n{block}"


JUMPS = ((blocks.STEPS, "Steps"), (blocks.DOSE, "How much to do, and the timer"),
         (blocks.STOP_IF, "When to stop"), (blocks.EASIER, "Easier versions"))
"""The sections the links under the safety strip go to, in page order."""


def jump_links() -> str:
    links = [{"anchor": blocks.ANCHORS[block], "words": words} for block, words in JUMPS]
    return render("jump_links.html", links=links)


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
    return md.bullets(dose_line(row) for row in dose.rows())


def dose_line(row: DoseRow) -> str:
    """One row of the dose as the page shows it: "**Hold:** 20 to 30 seconds"."""
    return f"**{row.label}:** {row.text}"


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
