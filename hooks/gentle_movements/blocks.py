"""The class names and anchors the renderer puts on safety-critical blocks.

The renderer emits them and the audit looks for them, so a page cannot silently lose one.
Anchors are part of every exercise's permanent address: change one and old links break.
"""

from __future__ import annotations

SUMMARY = "gm-summary"
PICTURES = "gm-pictures"
DOSE = "gm-dose"
START = "gm-start"
STEPS = "gm-steps"
FEEL = "gm-feel"
STOP_IF = "gm-stop-if"
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
FAQ_ITEM = "gm-question"
INTRO = "gm-intro"

ANCHORS = {
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
    SUMMARY, PICTURES, DOSE, START, STEPS, FEEL, STOP_IF, CHECK_FIRST, EASIER, MISTAKES,
    RED_FLAGS, SOURCES, REVIEW,
)
"""Blocks no exercise page may be published without."""
