"""Exercise pictures as inline SVG, from a scene (`scene.py`).

One style everywhere: thick rounded lines in the text colour (`currentColor`) on a
transparent background, so light and dark mode and print all follow the page; the far side's
limbs paler; the moving part in the highlight colour. Each illustration gives a start and an
end picture with alt text; the exercise's own also an animation between them, which
`figures.js` shows.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from gentle_movements.figure.body import HEAD_RADIUS
from gentle_movements.figure.scene import LINES, UPRIGHT_RATIO, Box, Mark, Scene, num, scene
from gentle_movements.model.figure import Illustration
from gentle_movements.templating import markup, render

MOTION_TIMES = "0;.1;.25;.4;.6;.75;.9;1"


MOTION_ORDER = (0, 0, 1, 2, 2, 1, 0, 0)
"""Hold the start, move, hold the end, move back, hold: one slow cycle of MOTION_SECONDS."""


MOTION_SECONDS = 7


def _tag(name: str, attributes: str, inner: str = "") -> str:
    return f"<{name} {attributes}>{inner}</{name}>" if inner else f"<{name} {attributes}/>"


def _element(mark: Mark, animation: str = "") -> str:
    """A mark as SVG, after its halo; `animation` holds <animate> elements for both."""
    if mark.circle:
        x, y = mark.geometry.split()
        head = _tag("circle", f'class="{mark.classes}" cx="{x}" cy="{y}" r="{num(HEAD_RADIUS)}"',
                    animation)
        if not mark.halo:
            return head
        rim = num(HEAD_RADIUS + LINES["halo"] / 2)
        return _tag("circle", f'class="gm-h" cx="{x}" cy="{y}" r="{rim}"', animation) + head
    width = f' stroke-width="{num(mark.width)}"' if mark.width else ""
    shape = _tag("path", f'class="{mark.classes}"{width} d="{mark.geometry}"', animation)
    if not mark.halo:
        return shape
    return _tag("path", f'class="gm-h" stroke-width="{num(mark.width + LINES["halo"])}" '
                        f'd="{mark.geometry}"', animation) + shape


def _svg(drawn: Scene, box: Box, body: str, alt: str | None, css_class: str = "gm-fig") -> str:
    x, y, w, h = box
    # Screen readers read the still pictures' alt text; the animation repeats them.
    label = f' role="img" aria-label="{html.escape(alt)}"' if alt else ' aria-hidden="true"'
    backdrop = "".join(_element(mark) for mark in drawn.backdrop(box))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" '
            f'viewBox="{x} {y} {w} {h}" '
            f'width="{w}" height="{h}"{label}><g fill="none" stroke="currentColor" '
            f'stroke-linecap="round" stroke-linejoin="round">{backdrop}{body}</g></svg>')


def still_svg(drawn: Scene, marks: Sequence[Mark], alt: str, *, with_arrow: bool) -> str:
    """One still picture with its alt text, in its own view box; the end picture carries the
    arrow."""
    body = "".join(_element(mark) for mark in [*marks, *(drawn.arrow if with_arrow else [])])
    return _svg(drawn, drawn.end_box if with_arrow else drawn.start_box,
                body + _close_up(drawn, end=with_arrow), alt)


ZOOM_SIZE = 100
"""The close-up's own picture is this many units square, scaled into its place. figures.css
repeats the size in px (a px is a unit inside an SVG), so that no browser takes Material's
`height: auto` for every SVG to mean the whole picture."""


def _close_up(drawn: Scene, *, end: bool) -> str:
    """The part the illustration looks at closely, drawn again larger beside the figure: a
    picture inside the picture, which shows only its own view box."""
    near = drawn.close_up
    if near is None:
        return ""
    x, y, w, h = near.region
    left, top, zoom = near.inset
    marks = near.end if end else near.start
    inside = "".join(_element(mark) for mark in [*drawn.backdrop(near.region), *marks])
    # The inner picture is ZOOM_SIZE square; scaled apart in x and y it is the region's shape.
    picture = _tag("svg", f'class="gm-zoom" viewBox="{x} {y} {w} {h}" '
                          f'preserveAspectRatio="none" width="{ZOOM_SIZE}" height="{ZOOM_SIZE}"',
                   inside)
    scale = f"{w * zoom / ZOOM_SIZE:g} {h * zoom / ZOOM_SIZE:g}"
    frames = "".join(_element(mark) for mark in near.marks)
    return (f'<g transform="translate({left:g} {top:g}) scale({scale})">{picture}</g>'
            f"{frames}")


def motion_svg(drawn: Scene) -> str:
    """The figure moving from start to end and back, with SVG's own animation (no script).
    Only the marks that move are animated."""
    body = ""
    for index, mark in enumerate(drawn.steps[0]):
        geometry = [marks[index].geometry for marks in drawn.steps]
        animation = ""
        if len(set(geometry)) > 1:
            values = [geometry[i] for i in MOTION_ORDER]
            if mark.circle:
                animation = "".join(_animate(name, [v.split()[axis] for v in values])
                                    for axis, name in enumerate(("cx", "cy")))
            else:
                animation = _animate("d", values)
        body += _element(mark, animation)
    return _svg(drawn, drawn.view_box, body, None)


def _animate(attribute: str, values: Sequence[str]) -> str:
    return (f'<animate attributeName="{attribute}" values="{";".join(values)}" '
            f'keyTimes="{MOTION_TIMES}" dur="{MOTION_SECONDS}s" repeatCount="indefinite"/>')


def thumbnail(illustration: Illustration) -> str:
    """The picture's end pose, small and unlabelled, for a card whose words say what it is
    (hidden from screen readers, which read the card's title and summary)."""
    drawn = scene(illustration)
    body = "".join(_element(mark) for mark in drawn.end)
    return _svg(drawn, drawn.end_box, body, None, css_class="gm-fig gm-thumbnail")


def illustration_html(illustration: Illustration, *, main: bool, place: str | None = None) -> str:
    """A figure: the start and end pictures with their labels, and the caption. The main
    one, the exercise itself, has the animation (hidden until figures.js shows it, and never
    under reduced motion). A version's picture is marked with where it is done, so that print
    can show the chair or bed version."""
    drawn = scene(illustration)
    frames = [
        {"svg": markup(still_svg(drawn, marks, frame.alt, with_arrow=is_end)), "label": frame.label}
        for frame, marks, is_end in ((illustration.start, drawn.start, False),
                                     (illustration.end, drawn.end, True))]
    classes = ["gm-figure", "gm-figure--main" if main else "gm-figure--version"]
    if place:
        classes.append(f"gm-place-{place}")
    # Print lays out the stills: one that is tall for its width (a close-up above a lying
    # figure, say) gets an upright picture's height.
    if any(width < UPRIGHT_RATIO * height
           for _, _, width, height in (drawn.start_box, drawn.end_box)):
        classes.append("gm-figure--upright")
    return render("figure.html", classes=classes, frames=frames,
                  motion=markup(motion_svg(drawn)) if main else None,
                  caption=markup(illustration.caption))


def pictures(illustrations: Sequence[Illustration], places: Mapping[str, str | None]) -> str:
    """Every illustration of an exercise; the first, the exercise itself, is the main one.
    `places` says where each version named by a picture is done (floor, chair, bed...)."""
    return "\n\n".join(
        illustration_html(item, main=index == 0,
                          place=places.get(item.version) if item.version else None)
        for index, item in enumerate(illustrations))
