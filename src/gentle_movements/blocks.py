"""The class names and anchors the renderer puts on safety-critical blocks.

The renderer emits them and the audit looks for them, so a page cannot silently lose one.
Anchors are part of every exercise's permanent address: change one and old links break.
"""

from __future__ import annotations

SAFETY_STRIP = "gm-safety-strip"
"""Under an exercise's title, before anything to do: who should check first, the easier
version, and the warning signs."""
VERSION_SWITCH = "gm-version-switch"
"""Under the safety strip: links to the exercise and each of its versions, each a page."""
VERSION_CAUTIONS = "gm-version-cautions"
"""What one version needs beyond the exercise's checks first (a firm bed, a steady chair)."""
AT_A_GLANCE = "gm-glance"
"""Under the safety strip: the dose's numbers and a way to start, on a phone's first screen."""
SUMMARY = "gm-summary"
PICTURES = "gm-pictures"
DOSE = "gm-dose"
START = "gm-start"
STEPS = "gm-steps"
FEEL = "gm-feel"
STOP_IF = "gm-stop-if"
PAIN_RULE = "gm-pain-rule"
HOW_OFTEN = "gm-how-often"
CHECK_FIRST = "gm-check-first"
EASIER = "gm-easier"
HARDER = "gm-harder"
MISTAKES = "gm-mistakes"
RED_FLAGS = "gm-red-flags"
SOURCES = "gm-sources"
SHARE = "gm-share"
REVIEW = "gm-review"
DISCLAIMER = "gm-disclaimer"
SAFETY_TIP = "gm-tip"
PRINT_ONLY = "gm-print-only"
"""Words for paper only, such as an address to type in."""
CALL = "gm-call"
"""The numbers to call, in a group of warning signs."""
RED_FLAGS_WHY = "gm-red-flags-why"
"""Why a group of warning signs matters: folded on screen; print leaves it out for room."""
RED_FLAGS_LEVEL = "gm-red-flags-level"
"""The heading of one level of urgency: what to do."""
STOP_GROUP = "gm-stop-group"
"""The title of a group of stop rules: stop now, make it smaller, the next day."""
CONDITION = "gm-condition"
"""What a health condition means for a reader, on the safety page."""
REVIEW_WHAT = "gm-review-what"
"""What a review did, beside its dates: on screen; print keeps only the dates and whether a
clinician reviewed it."""
FAQ_ITEM = "gm-question"
PREGNANCY_SIGNS = "gm-pregnancy-signs"
FLOOR_HELP = "gm-floor-help"
"""The link to getting down to the floor, under a floor exercise's starting position."""
INTRO = "gm-intro"

ANCHORS = {
    SUMMARY: "about",
    PICTURES: "pictures",
    DOSE: "dose",
    START: "start",
    STEPS: "steps",
    FEEL: "feel",
    STOP_IF: "stop-if",
    CHECK_FIRST: "check-first",
    EASIER: "easier",
    HARDER: "harder",
    MISTAKES: "mistakes",
    RED_FLAGS: "red-flags",
    SHARE: "share",
    SOURCES: "sources",
}
"""Each section's id on an exercise page, independent of its heading's wording."""

REQUIRED_ON_EXERCISE_PAGE = (
    SAFETY_STRIP, VERSION_SWITCH, SUMMARY, PICTURES, DOSE, START, STEPS, FEEL, STOP_IF,
    PAIN_RULE, CHECK_FIRST, EASIER, MISTAKES, RED_FLAGS, SOURCES, REVIEW,
)
"""Blocks no exercise page may be published without."""
