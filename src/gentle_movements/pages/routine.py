"""The "My routine" page: pick exercises and versions, share a link, print them to follow.

The routine lives in the page's address, never on a server:

    my-routine.html#r=bridge,cat-cow~easier3,pigeon-pose~harder1

`r` names version 1 of the format: exercises in order, separated by commas, each its
permanent file name (slug), optionally followed by `~easierN` or `~harderN`, the Nth easier
or harder version as listed on its page. A later format would get a new key (`r2=`), so an
old copy of the site can tell a reader that a link is too new for it instead of misreading it.

The page works in the browser (`docs/assets/javascripts/routine.js`) from the exercise data
embedded here as a JSON block, which is data and never runs, so the Content-Security-Policy
allows it. Without JavaScript the page says so and lists every exercise with a link.

For print, the page holds one hidden sheet per exercise, rendered from the content like the
exercise page: pictures, dose, steps, each version's words and picture, its own stop rules
and check-first cautions. The script puts the chosen ones in order, shows the chosen
version of each, and draws QR codes for the routine and for each chosen version.
"""

from __future__ import annotations

import html
from typing import Any

from gentle_movements import blocks
from gentle_movements.figure.svg import illustration_html
from gentle_movements.markup import plain_text
from gentle_movements.model.exercise import Variation
from gentle_movements.model.site import SiteContent
from gentle_movements.pages import markdown as md
from gentle_movements.pages.boxes import (
    disclaimer,
    newest_review,
    red_flag_box,
    stop_box,
    stop_rules_box,
)
from gentle_movements.pages.exercise import dose_markdown, place_note
from gentle_movements.pages.wording import KIND_LABELS
from gentle_movements.templating import render, script_json
from gentle_movements.urls import (
    EXERCISE_FOLDER,
    ROUTINE_PAGE,
    built_path,
    exercise_address,
    exercise_path,
)

PAGE = ROUTINE_PAGE

FORMAT = 1
"""The version of the address format; `r` is its key."""

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
    """The print sheets: filled in by the script from the hidden one of each exercise."""
    sheets = "\n\n".join(_print_sheet(slug, site) for slug in site.exercises)
    return ('<section class="gm-routine-printed-exercises" data-gm-routine-printed-exercises '
            'data-search-exclude></section>\n\n'
            f'<section class="gm-routine-sheets" data-gm-routine-sheets data-search-exclude '
            f"hidden markdown>\n\n{sheets}\n\n</section>")


def _print_sheet(slug: str, site: SiteContent) -> str:
    """One exercise as a routine printout shows it. Parts that belong to one version carry
    `data-gm-version` ("" for the usual version, "easier2", "harder1"...)."""
    exercise = site.exercises[slug]
    easier_names = [version.name for version in exercise.easier]
    places = {version.name: version.where for version in exercise.easier}
    pictures = [
        _for_version("" if item.version is None else
                     f"easier{easier_names.index(item.version) + 1}", "gm-sheet-picture",
                     illustration_html(item, main=False,
                                                  place=places.get(item.version)))
        for index, item in enumerate(exercise.illustrations)
        if index == 0 or item.version is not None
    ]
    # Plain words on the sheets: a link in the content points from its exercise page, and
    # would lead nowhere from this one.
    versions = [
        _for_version(f"{kind}{number}", "gm-sheet-version-how",
                     f"**Your version: {_text(version.name + place_note(version))}."
                     f"** {_text(version.how)}")
        for kind, listed in (("easier", exercise.easier), ("harder", exercise.harder))
        for number, version in enumerate(listed, 1)
    ]
    usual_steps = md.join([
        '<p class="gm-sheet-steps-note" data-gm-usual-steps-note hidden>The usual steps. '
        "Change them as your version says above.</p>",
        md.div(blocks.START, f"**Start:** {_text(exercise.start)}"),
        md.div(blocks.STEPS, md.numbered(_text(step) for step in exercise.steps)),
    ])
    return md.join([
        f'<section class="gm-sheet" data-gm-sheet="{slug}" markdown>',
        # Not a heading: it would join the page's contents, though only paper shows it.
        f'<p class="gm-sheet-title"><span data-gm-sheet-number></span>'
        f"{_text(exercise.title)}</p>",
        '<figure class="gm-sheet-qr" data-gm-sheet-qr></figure>',
        *pictures,
        md.div("gm-sheet-dose", dose_markdown(exercise.dose)),
        *versions,
        md.div("gm-sheet-usual-steps", usual_steps),
        stop_box(SHEET_STOP_IF, exercise.stop_if, "Also for this exercise", _text),
        md.admonition(
            "note", SHEET_CHECK_FIRST, "Check first if:",
            md.bullets(f"**{_text(item.who)}** {_text(item.advice)}"
                            for item in exercise.check_first)),
        "</section>",
    ])


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
    address = exercise_address(site_url, slug)
    return {
        "slug": slug,
        "title": plain_text(exercise.title),
        "kind": KIND_LABELS[exercise.kind],
        "address": f"{EXERCISE_FOLDER}/{slug}.html",
        "hosted": address,
        "dose": [{"key": row.key, "label": row.label, "text": plain_text(row.text),
                  "counted": row.counted} for row in exercise.dose.rows()],
        "easier": [_version(version) for version in exercise.easier],
        "harder": [_version(version) for version in exercise.harder],
        "pictured": sorted(_pictured_versions(exercise)),
    }


def _pictured_versions(exercise) -> set[str]:
    """The versions with a picture of their own ("easier2"), whose own words replace the
    usual steps on a printout."""
    names = [version.name for version in exercise.easier]
    return {f"easier{names.index(item.version) + 1}" for item in exercise.illustrations
            if item.version in names}


def _version(version: Variation) -> dict[str, str]:
    return {"name": plain_text(version.name + place_note(version)),
            "how": plain_text(version.how)}


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


def _for_version(key: str, css_class: str, body: str) -> str:
    return f'<div class="{css_class}" data-gm-version="{key}" markdown>\n\n{body}\n\n</div>'


def _text(markdown: str) -> str:
    return html.escape(plain_text(markdown))
