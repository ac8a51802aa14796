"""The stylesheets and scripts a page loads beyond those every page has.

Each page module names the parts it holds (`Part`); its front matter lists their files, and
`overrides/main.html` links them. A phone on a poor signal downloads no timer on the home
page, and no template has to guess a page's needs from its HTML.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal

Part = Literal["figures", "motion", "timer", "routine", "share", "finder"]
"""figures: exercise pictures; motion: the moving picture; timer: the timer and "Add to my
routine"; routine: the routine chooser; share: an address with a copy button; finder: the
questions of "Find where to start"."""

STYLESHEETS: tuple[tuple[Part, str], ...] = (
    ("timer", "assets/timer.css"),
    ("routine", "assets/routine.css"),
    ("figures", "assets/figures.css"),
    ("finder", "assets/finder.css"),
)
SCRIPTS: tuple[tuple[Part, str], ...] = (
    ("share", "assets/javascripts/share.js"),
    ("routine", "assets/javascripts/qr.js"),  # routine.js draws its QR codes with it
    ("routine", "assets/javascripts/routine.js"),
    ("timer", "assets/javascripts/timer.js"),
    ("motion", "assets/javascripts/figures.js"),
    ("finder", "assets/javascripts/finder.js"),
)
"""In the order they load: after the scripts every page has, each once."""


def stylesheets(parts: Collection[Part]) -> list[str]:
    return [path for part, path in STYLESHEETS if part in parts]


def scripts(parts: Collection[Part]) -> list[str]:
    return [path for part, path in SCRIPTS if part in parts]
