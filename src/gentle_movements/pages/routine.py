"""The "My routine" page: pick exercises and versions, share a link, print them to follow.

The routine lives in the page's address, never on a server:

    my-routine.html#r2=bridge,cat-cow~on-a-chair,pigeon-pose~full-pose

`r2` names version 2 of the format: exercises in order, separated by commas, each its
permanent file name (slug), optionally followed by `~` and the id of one of its versions.
Version 1 (`r=`, still read) named versions by number, `~easier3`; `content/redirects.yml`
says which version each number is now. A later format gets a new key (`r3=`), so an old copy
of the site can tell a reader that a link is too new for it instead of misreading it.

The page works in the browser (`docs/assets/javascripts/routine.js`) from the exercise data
embedded here as a JSON block, which is data and never runs, so the Content-Security-Policy
allows it. Without JavaScript the page says so and lists every exercise with a link.

For print, the page holds one hidden sheet per exercise and version, rendered from the content
like its page: picture, dose, cautions, steps, the exercise's own stop rules and check-first
cautions. The script puts the chosen ones in order and draws QR codes for the routine and
for each chosen version's page.
"""

from __future__ import annotations

import html
from typing import Any

from gentle_movements import blocks
from gentle_movements.figure.svg import illustration_html
from gentle_movements.markup import plain_text
from gentle_movements.model.exercise import Dose
from gentle_movements.model.site import SiteContent
from gentle_movements.pages import markdown as md
from gentle_movements.pages.boxes import (
    disclaimer,
    newest_review,
    red_flag_box,
    stop_box,
    stop_rules_box,
)
from gentle_movements.pages.exercise import dose_markdown, place_note, version_pages
from gentle_movements.pages.wording import KIND_LABELS
from gentle_movements.templating import render, script_json
from gentle_movements.urls import (
    ROUTINE_PAGE,
    built_path,
    exercise_address,
    exercise_path,
    routine_token,
)

PAGE = ROUTINE_PAGE

FORMAT = 2
"""The version of the address format; `r2` is its key."""

SHEET_STOP_IF = "gm-sheet-stop-if"
SHEET_CHECK_FIRST = "gm-sheet-check-first"
"""An exercise's own stop rules and cautions on its printed sheet."""

DATA_ID = "gm-routine-data"
ROOT_ID = "gm-routine"


def routine_page(site: SiteContent, site_url: str) -> str:
    """The page's Markdown: the chooser (shown by JavaScript), the same exercises as plain
    links for readers without JavaScript, the stop rules and the red-flag box."""
    return md.join([
        md.front_matter(
            "Choose gentle exercises for sciatica, with an easier or harder version of each. "
            "Print your routine on one page, or share it as a link.",
            newest_review(site, site.exercises),
            parts=("figures", "routine", "share"),
        ),
        "# My routine",
        "Choose the exercises you want to do, and an easier or harder version of each. "
        "You can print your routine on one page, or share it as a link. "
        "Your routine is kept in this page's address. It is not sent anywhere. "
        "Until you close this browser, it also keeps the routine you are building, so that "
        "\"Add to my routine\" on an exercise page adds to it.",
        _without_javascript(site),
        _chooser(site),
        routine_data(site, site_url),
        _print_header(),
        "## When to stop {#stop-rules}",
        stop_rules_box(site),
        _printed_exercises(site),
        md.heading("When to get help urgently", blocks.RED_FLAGS),
        red_flag_box(site.red_flags),
        NOTES_BOX,
        disclaimer(),
    ])


NOTES_BOX = ('<section class="gm-routine-notes" data-search-exclude><p><strong>Notes</strong> '
             "(for example from your physiotherapist)</p></section>")
"""An empty box on the printout, for a health professional to write in."""


def _print_header() -> str:
    """On paper: when it was printed, and a QR code and the address that open it again."""
    return ('<section class="gm-routine-print-header" data-search-exclude>'
            '<figure class="gm-routine-print-qr" data-gm-routine-print-qr></figure>'
            '<p class="gm-routine-printed" data-gm-routine-printed></p>'
            '<p class="gm-routine-print-address" data-gm-routine-print-address></p>'
            "</section>")


def _printed_exercises(site: SiteContent) -> str:
    """The print sheets: filled in by the script from the hidden one of each version."""
    sheets = "\n\n".join(_print_sheet(slug, site, version)
                          for slug, exercise in site.exercises.items()
                          for version in version_pages(exercise))
    return ('<section class="gm-routine-printed-exercises" data-gm-routine-printed-exercises '
            'data-search-exclude></section>\n\n'
            f'<section class="gm-routine-sheets" data-gm-routine-sheets data-search-exclude '
            f"hidden markdown>\n\n{sheets}\n\n</section>")


def _print_sheet(slug: str, site: SiteContent, version_id: str | None) -> str:
    """One exercise, or one of its versions, as a routine printout shows it."""
    exercise = site.exercises[slug]
    version = exercise.version(version_id) if version_id else None
    shown = exercise.shown(version_id)
    title = exercise.page_title(version_id)
    # Plain words on the sheets: a link in the content points from its exercise page, and
    # would lead nowhere from this one.
    parts = [
        f'<section class="gm-sheet" data-gm-sheet="{routine_token(slug, version_id)}" markdown>',
        # Not a heading: it would join the page's contents, though only paper shows it.
        f'<p class="gm-sheet-title"><span data-gm-sheet-number></span>{_text(title)}</p>',
        '<figure class="gm-sheet-qr" data-gm-sheet-qr></figure>',
        md.div("gm-sheet-picture", illustration_html(
            exercise.picture_of(version_id), main=False,
            place=version.place if version else None)),
        md.div("gm-sheet-dose", dose_markdown(shown.dose)),
    ]
    if shown.cautions:
        parts.append(md.div("gm-sheet-cautions", md.bullets(_text(c) for c in shown.cautions)))
    parts += [
        md.div("gm-sheet-steps", md.join([
            md.div(blocks.START, f"**Start:** {_text(shown.start)}"),
            md.div(blocks.STEPS, md.numbered(_text(step) for step in shown.steps))])),
        stop_box(SHEET_STOP_IF, exercise.stop_if, "Also for this exercise", _text),
        md.admonition(
            "note", SHEET_CHECK_FIRST, "Check first if:",
            md.bullets(f"**{_text(item.who)}** {_text(item.advice)}"
                       for item in exercise.check_first)),
        "</section>",
    ]
    return md.join(parts)


def routine_data(site: SiteContent, site_url: str) -> str:
    """The exercise data the page's script reads, as a JSON block that never runs."""
    data = {
        "format": FORMAT,
        "page": f"{site_url.rstrip('/')}/{built_path(PAGE)}" if site_url else "",
        "redirects": dict(site.redirects.exercises),
        "exercises": [exercise_data(slug, site, site_url) for slug in site.exercises],
    }
    return f'<script type="application/json" id="{DATA_ID}">{script_json(data)}</script>'


def exercise_data(slug: str, site: SiteContent, site_url: str) -> dict[str, Any]:
    """One exercise as the routine needs it: plain text only (the script never parses HTML
    from it) except the QR code, which the build drew."""
    exercise = site.exercises[slug]
    return {
        "slug": slug,
        "title": plain_text(exercise.title),
        "kind": KIND_LABELS[exercise.kind],
        "address": built_path(exercise_path(slug)),
        "hosted": exercise_address(site_url, slug),
        "name": plain_text(exercise.version_name),
        "dose": _dose(exercise.dose),
        "versions": [{
            "id": version.id,
            "name": plain_text(version.name + place_note(version.name, version.place)),
            "kind": version.kind,
            "summary": plain_text(version.summary),
            "address": built_path(exercise_path(slug, version.id)),
            "hosted": exercise_address(site_url, slug, version.id),
            "dose": _dose(version.dose),
        } for version in exercise.versions],
        "was": dict(site.redirects.versions.get(slug, {})),
    }


def _dose(dose: Dose) -> list[dict[str, Any]]:
    return [{"key": row.key, "label": row.label, "text": plain_text(row.text),
             "counted": row.counted} for row in dose.rows()]


def _without_javascript(site: SiteContent) -> str:
    """Shown until the script runs: what needs JavaScript, and every exercise as a link."""
    links = md.bullets(
        f"[{exercise.title}]({exercise_path(slug)}): {exercise.dose.summary()}"
        for slug, exercise in site.exercises.items()
    )
    body = (
        "Choosing a routine on this page needs JavaScript, which is turned off or not "
        "working in this browser. You can still open each exercise, and print it:\n\n"
        f"{links}"
    )
    # <section>, not <div>: see markdown.not_searched.
    return f'<section class="gm-routine-nojs" data-gm-routine-nojs data-search-exclude markdown>' \
           f"\n\n{body}\n\n</section>"


def _chooser(site: SiteContent) -> str:
    """The routine and its controls, hidden until the script shows and fills them."""
    choices = [{"slug": slug, "title": plain_text(exercise.title),
                "kind": KIND_LABELS[exercise.kind], "dose": exercise.dose.summary()}
               for slug, exercise in site.exercises.items()]
    return render("routine_chooser.html", root_id=ROOT_ID, choices=choices)


def _text(markdown: str) -> str:
    return html.escape(plain_text(markdown))
