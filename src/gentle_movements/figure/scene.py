"""What one illustration draws, in picture coordinates: the figure seen from its camera,
the props, the floor and the arrow, in one view box for its stills and its animation.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from gentle_movements.figure import body as figures
from gentle_movements.figure.body import HEAD_RADIUS, LIMBS, WIDTHS, Vec, cross, dot
from gentle_movements.model.figure import Illustration

Point = tuple[float, float]
"""A point of the picture, in figure units, with y pointing down as in SVG."""


SVG_UNIT = 0.5
"""Figure units per SVG unit: every number is written as a whole count of half units, which
is precise enough at any size and keeps each picture small."""


LINES = {"floor": 1.0, "mat": 1.5, "prop": 1.6, "arrow": 1.6, "nose": 2.6, "halo": 3.0,
         "close-up": 0.8}
"""Widths of the other lines. The halo is a rim in the background colour around each limb,
so that a limb in front of the body stands out from it."""


SEAT = (12.0, 14.0, 13.0)
"""A chair's seat: how far it reaches behind and in front of the hip joints, and half its
width. Its back rises CHAIR_BACK above the seat."""


CHAIR_BACK = 30.0


CUSHION = (16.0, 2.5)
"""A cushion's length and least thickness; it fills the gap under the head or hip."""


ARROW = {"gap": 9.0, "least": 9.0, "head": 4.5}
"""How far the arrow runs beside the moving point's path, its least length, its head's size."""


MOTION_STEPS = (0.0, 0.5, 1.0)
"""Poses the animation passes through; it blends joint angles, so limbs keep their length."""


UPRIGHT_RATIO = 60 / 36
"""A picture less than this many times as wide as it is tall is marked upright, so that
print can give it more height: 60mm wide at 36mm tall, the most a lying one gets."""


@dataclass(frozen=True)
class Mark:
    """One drawn line or the head: what it is, how it looks, and where it reaches."""

    classes: str
    geometry: str
    """A path's `d`, or a circle's centre as 'x y' (in SVG units)."""
    width: float
    points: tuple[Point, ...]
    """Points it covers (figure units), for the view box."""
    circle: bool = False
    halo: bool = False


def num(value: float) -> str:
    return str(round(value / SVG_UNIT))


def _pt(point: Point) -> str:
    return f"{num(point[0])} {num(point[1])}"


def _lines(*runs: Sequence[Point]) -> str:
    return "".join("M" + "L".join(_pt(p) for p in run) for run in runs)


def _curve(start: Point, control: Point, end: Point) -> str:
    return f"M{_pt(start)}Q{_pt(control)} {_pt(end)}"


def _camera(around: float, above: float) -> tuple[Vec, Vec]:
    """The right and up directions of a view from `around` degrees round from in front of the
    figure towards its right side, `above` degrees up from level."""
    a, e = math.radians(around), math.radians(above)
    towards_viewer = (math.cos(e) * math.cos(a), -math.cos(e) * math.sin(a), math.sin(e))
    right = _unit(cross((0.0, 0.0, 1.0), towards_viewer))
    return right, cross(towards_viewer, right)


def _unit(v: Vec) -> Vec:
    size = math.sqrt(dot(v, v))
    return (v[0] / size, v[1] / size, v[2] / size)


CAMERAS: dict[str, tuple[Vec, Vec]] = {
    "side": ((1.0, 0.0, 0.0), (0.0, 0.0, 1.0)),
    "front": ((0.0, 1.0, 0.0), (0.0, 0.0, 1.0)),
    "three-quarter": ((math.sqrt(0.5), math.sqrt(0.5), 0.0), (0.0, 0.0, 1.0)),
    "three-quarter behind": _camera(135, 40),
    "above": ((0.0, -1.0, 0.0), (1.0, 0.0, 0.0)),
}
"""Each view's right and up directions in the world. From the front the figure faces you;
from above it faces up the picture, its right side on the right."""


def project(p: Vec, view: str) -> Point:
    """Where a world point appears in a view."""
    right, up = CAMERAS[view]
    return (dot(p, right), -dot(p, up))


def _depth(p: Vec, view: str) -> float:
    """Larger is further from the viewer, so drawn earlier, behind."""
    right, up = CAMERAS[view]
    return -dot(p, cross(right, up))  # right x up points at the viewer


def has_floor_line(view: str) -> bool:
    """A level view sees the floor edge-on, as a line."""
    return CAMERAS[view][1] == (0.0, 0.0, 1.0)


RESTING_ARM = 0.6
"""How much thinner an arm resting along a lying trunk is drawn."""


FAR = 3.0
"""A limb this much further away than the middle of the back is drawn paler."""


def figure_marks(joints: Mapping[str, Vec], illustration: Illustration
                 ) -> dict[str, tuple[float, Mark]]:
    """Each part of the figure as a mark, with its depth."""
    view, moving = illustration.view, set(illustration.moving)
    middle = _depth(joints["back"], view)

    def xy(joint: str) -> Point:
        return project(joints[joint], view)

    def classes(part: str, depth: float) -> str:
        return ("gm-m" if part in moving else "gm-b") + (" gm-far" if depth > middle + FAR
                                                         else "")

    marks: dict[str, tuple[float, Mark]] = {}
    trunk = [project(p, view) for p in figures.spine_points(joints)]
    for part, chain in LIMBS.items():
        points = tuple(xy(joint) for joint in chain)
        width = WIDTHS["leg" if "leg" in part else "arm"]
        depth = sum(_depth(joints[joint], view) for joint in chain) / len(chain)
        style = classes(part, depth)
        if (view == "side" and "arm" in part and depth < middle
                and _along_lying_trunk(points, trunk)):
            # Pale and thin like the far arm, with no ring: it rests on the body.
            marks[part] = (middle - 0.05, Mark(classes(part, math.inf), _lines(points),
                                               width * RESTING_ARM, points))
            continue
        if view == "side" and "leg" in part:  # the legs are within the trunk's width
            depth = max(depth, middle + 0.5)
        marks[part] = (depth, Mark(style, _lines(points), width, points, halo=True))
    hips, control, neck = xy("hips"), xy("back control"), xy("neck")
    sides = (xy("left hip"), xy("right hip"))
    marks["back"] = (middle, Mark(
        classes("back", middle), _curve(hips, control, neck) + _lines(sides), WIDTHS["back"],
        (hips, control, neck, *sides)))
    shoulders = (xy("left shoulder"), xy("right shoulder"))
    marks["shoulders"] = (middle - 0.1, Mark(
        classes("shoulders", middle), _lines(shoulders), WIDTHS["shoulders"], shoulders))
    head, depth = xy("head"), _depth(joints["head"], view)
    if view == "side":  # nothing hides the head in a side view: it says which way is up
        depth = -math.inf
    # Ringed like a limb, so that an arm or a cushion beside it does not merge into it.
    marks["head"] = (depth - 0.2, Mark(
        classes("head", middle), _pt(head), HEAD_RADIUS * 2, (head,), circle=True, halo=True))
    if view != "side":  # seen from the front or above, the nose shows where the face turns
        nose = (_towards(head, xy("nose"), 0.9), _towards(head, xy("nose"), 1.5))
        marks["nose"] = (depth - 0.3, Mark(
            classes("head", middle), _lines(nose), LINES["nose"], nose))
    return marks


LYING = 30.0
"""A trunk within this many degrees of level is lying down."""


ALONG = 30.0
"""An arm within this many degrees of the trunk's line lies along it."""


def _along_lying_trunk(arm: Sequence[Point], trunk: Sequence[Point]) -> bool:
    """Whether an arm lies straight along a lying figure's trunk, shoulder to hips. Drawn
    dark, thick and ringed, such an arm reads as a second, thinner body lying beside it."""
    (nx, ny), (hx, hy) = trunk[-1], trunk[0]
    if abs(math.degrees(math.atan2(ny - hy, abs(nx - hx)))) > LYING:
        return False
    (sx, sy), (wx, wy) = arm[0], arm[2]
    turn = math.atan2(wy - sy, wx - sx) - math.atan2(hy - ny, hx - nx)
    return abs(math.degrees(math.remainder(turn, math.tau))) < ALONG


def _towards(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _furthest_first(marks: Mapping[str, tuple[float, Mark]]) -> list[str]:
    return sorted(marks, key=lambda part: -marks[part][0])


def figure(joints: Mapping[str, Vec], illustration: Illustration,
           order: Sequence[str] | None = None) -> list[Mark]:
    """The figure's marks, furthest first, or in a given order (the animation keeps one)."""
    marks = figure_marks(joints, illustration)
    return [marks[part][1] for part in order or _furthest_first(marks)]


Run = Sequence[Vec]
"""A line through world points."""


def props(illustration: Illustration, steps: Sequence[Mapping[str, Vec]]) -> list[Mark]:
    """What the figure lies, sits or leans on, as lines in the world drawn in the view: a mat
    or bed under every pose, a chair under the hips, a wall behind the back, a cushion under
    the head or hip where it rests lowest."""
    view, wanted = illustration.view, set(illustration.props)
    outline = [p for joints in steps for p, _ in figures.surface(joints)]
    near, far = (min(p[0] for p in outline) - 5, max(p[0] for p in outline) + 5)
    marks = []
    if "mat" in wanted:
        mat = _box(near, far, 16.0, figures.MAT_TOP / 2, figures.MAT_TOP / 2)
        marks.append(Mark("gm-mat", _lines(*_seen(mat, view)), LINES["mat"],
                          _points(mat, view)))
    if "bed" in wanted:
        top, under = figures.BED_TOP, figures.BED_TOP - 8
        head_end = near if steps[0]["head"][0] < steps[0]["hips"][0] else far
        legs = [((x, y, under), (x, y, 0.0)) for x in (near + 3, far - 3) for y in (-15, 15)]
        board = [((head_end, y, 0.0), (head_end, y, top + 10)) for y in (-16, 16)]
        marks.append(_prop(view, *_box(near, far, 16.0, under, top), *legs, *board))
    if "chair" in wanted:
        hips = steps[0]["hips"]
        behind, before, _ = SEAT
        marks.append(_prop(view, *_chair(hips[0] - behind, hips[0] + before,
                                         hips[2] - WIDTHS["back"] / 2)))
    if "chair in front" in wanted:
        marks.append(_prop(view, *_chair_in_front(steps)))
    if "wall" in wanted:
        back = min(p[0] - r for p, r in figures.surface(steps[0])) - LINES["prop"] / 2
        marks.append(_prop(view, ((back, -20.0, 0.0), (back, -20.0, 106.0)),
                           ((back, 20.0, 0.0), (back, 20.0, 106.0))))
    level = figures.support_level(wanted)
    for where, joint, radius in (("head", "head", HEAD_RADIUS),
                                 ("hips", "right hip", WIDTHS["leg"] / 2)):
        if f"cushion under {where}" in wanted:
            lowest = min((joints[joint] for joints in steps), key=lambda p: p[2])
            marks.append(_cushion(lowest, radius, level, view))
    return marks


def _box(near: float, far: float, half: float, low: float, high: float) -> list[Run]:
    """The edges of a box across the figure's length, `half` wide each side of the middle."""
    corners = [(x, y) for x, y in ((near, -half), (far, -half), (far, half), (near, half))]
    rings = [[(x, y, z) for x, y in [*corners, corners[0]]] for z in {low, high}]
    uprights = [((x, y, low), (x, y, high)) for x, y in corners] if high > low else []
    return [*rings, *uprights]


def _chair(back: float, front: float, seat: float) -> list[Run]:
    """A chair whose back rises at `back`, its seat reaching to `front`, at height `seat`."""
    half = SEAT[2]
    corners = [(back, -half), (front, -half), (front, half), (back, half)]
    legs = [((x, y, seat), (x, y, 0.0)) for x, y in corners]
    posts = [((back, y, seat), (back, y, seat + CHAIR_BACK)) for y in (-half, half)]
    rail = ((back, -half, seat + CHAIR_BACK), (back, half, seat + CHAIR_BACK))
    return [[(x, y, seat) for x, y in [*corners, corners[0]]], *legs, *posts, rail]


def _chair_in_front(steps: Sequence[Mapping[str, Vec]]) -> list[Run]:
    """A chair the figure faces and leans on, its seat under the hands where they are
    highest, its front edge just behind them and its back on the far side."""
    hands = [joints[f"{side} hand"] for joints in steps for side in ("right", "left")]
    highest = max(hands, key=lambda p: p[2])
    front = highest[0] - WIDTHS["arm"]
    return _chair(front + SEAT[0] + SEAT[1], front, highest[2] - WIDTHS["arm"] / 2)


def _seen(runs: Iterable[Run], view: str) -> list[list[Point]]:
    return [[project(p, view) for p in run] for run in runs]


def _points(runs: Iterable[Run], view: str) -> tuple[Point, ...]:
    return tuple(p for run in _seen(runs, view) for p in run)


def _prop(view: str, *runs: Run) -> Mark:
    return Mark("gm-prop", _lines(*_seen(runs, view)), LINES["prop"], _points(runs, view))


def _cushion(over: Vec, radius: float, level: float, view: str) -> Mark:
    """A cushion is a line as thick as the gap it fills, with round ends."""
    length, least = CUSHION
    thickness = max(over[2] - radius - level, least)
    middle = level + thickness / 2
    half = (length - thickness) / 2
    run = ((over[0] - half, over[1], middle), (over[0] + half, over[1], middle))
    # Its round ends reach half its thickness beyond the run, as the view box allows for.
    return Mark("gm-cushion", _lines(*_seen([run], view)), thickness, _points([run], view))


def arrow(track: Sequence[Point], centre: Point, floor: float | None) -> list[Mark]:
    """An arrow for the path a point takes, in its line and head. Along a long curved path it
    runs beside it, on the side away from the body's centre; for a short or straight one it
    is straight and points on from where the point ends up. Never under the floor."""
    start, middle, end = track[0], track[len(track) // 2], track[-1]
    length = sum(math.dist(a, b) for a, b in pairwise(track))
    if length < ARROW["least"] or length < 1.03 * math.dist(start, end):  # short or straight
        return _onward(start, end, floor)
    chord = (end[0] - start[0], end[1] - start[1])
    size = math.hypot(*chord) or 1.0
    normal = (-chord[1] / size, chord[0] / size)
    if (middle[0] - centre[0]) * normal[0] + (middle[1] - centre[1]) * normal[1] < 0:
        normal = (-normal[0], -normal[1])
    if floor is not None and middle[1] + normal[1] * ARROW["gap"] > floor - 2:
        normal = (-normal[0], -normal[1])
    a, m, b = ((p[0] + normal[0] * ARROW["gap"], p[1] + normal[1] * ARROW["gap"])
               for p in (start, middle, end))
    return _arrow_marks(a, (2 * m[0] - (a[0] + b[0]) / 2, 2 * m[1] - (a[1] + b[1]) / 2), b)


def _onward(start: Point, end: Point, floor: float | None) -> list[Mark]:
    """A short straight arrow just beyond where the point ends up, pointing the way it
    moved; or, if that is under the floor, just before it, pointing at it."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    size = math.hypot(dx, dy)
    ux, uy = (dx / size, dy / size) if size > 0.1 else (0.0, -1.0)
    gap, length = ARROW["gap"], ARROW["least"]
    tail = (end[0] + ux * gap, end[1] + uy * gap)
    tip = (tail[0] + ux * length, tail[1] + uy * length)
    if floor is not None and max(tail[1], tip[1]) > floor - 1:
        tip = (end[0] - ux * gap, end[1] - uy * gap)
        tail = (tip[0] - ux * length, tip[1] - uy * length)
    return _arrow_marks(tail, _towards(tail, tip, 0.5), tip)


def _arrow_marks(tail: Point, control: Point, tip: Point) -> list[Mark]:
    tx, ty = tip[0] - control[0], tip[1] - control[1]
    size = math.hypot(tx, ty) or 1.0
    tx, ty = tx / size, ty / size
    length, half = ARROW["head"], ARROW["head"] * 0.65
    base = (tip[0] - tx * length, tip[1] - ty * length)
    wings = ((base[0] - ty * half, base[1] + tx * half), (base[0] + ty * half, base[1] - tx * half))
    # The line has a halo too, so that the arrow reads where it crosses a limb.
    return [Mark("gm-arrow", _curve(tail, control, base), LINES["arrow"], (tail, control, base),
                 halo=True),
            Mark("gm-arrowhead", _lines((tip, *wings)) + "Z", 0.0, (tip, *wings))]


Box = tuple[int, int, int, int]
"""A view box: left, top, width and height, in SVG units."""


@dataclass(frozen=True)
class Scene:
    """Everything drawn for one illustration. Each still has its own view box, cropped to
    what it draws, so that it fills a phone's width; the animation's box holds every step."""

    view_box: Box
    """The animation's: every step of the movement fits in it."""
    start_box: Box
    end_box: Box
    """The end picture's box also holds the arrow."""
    props: list[Mark]
    """What the figure lies, sits or leans on (the floor line is drawn per box)."""
    start: list[Mark]
    end: list[Mark]
    arrow: list[Mark]
    steps: list[list[Mark]]
    """The figure at each of MOTION_STEPS, in one drawing order."""
    floor: bool
    """Whether a floor line runs right across each picture."""
    close_up: CloseUp | None = None
    """The part drawn larger beside the figure in both stills, if the illustration asks."""

    def backdrop(self, box: Box) -> list[Mark]:
        """The props and, in a level view, the floor line from edge to edge of `box`."""
        if not self.floor:
            return self.props
        line = ((box[0] * SVG_UNIT, 0.0), ((box[0] + box[2]) * SVG_UNIT, 0.0))
        return [*self.props, Mark("gm-floor", _lines(line), LINES["floor"], line)]


def scene(illustration: Illustration) -> Scene:
    view = illustration.view
    steps = figures.posed(illustration, MOTION_STEPS)
    last = steps[-1]
    backdrop = props(illustration, steps)
    track = [project(joints[illustration.arrow], view)
             for joints in figures.posed(illustration, [i / 8 for i in range(9)])]
    ends = [project(p, view) for p, _ in figures.surface(last)]
    centre = (sum(x for x, _ in ends) / len(ends), sum(y for _, y in ends) / len(ends))
    level = figures.support_level(illustration.props)
    floor = has_floor_line(view)
    arrow_marks = arrow(track, centre, -level if floor else None)
    order = _furthest_first(figure_marks(last, illustration))
    moving = [figure(joints, illustration, order) for joints in steps]
    start, end = figure(steps[0], illustration), moving[-1]
    near = close_up(illustration, (steps[0], last), [*backdrop, *start, *end, *arrow_marks],
                    -level if floor else None)
    extra = near.marks if near else []
    return Scene(
        view_box=_view_box([*backdrop, *arrow_marks, *(m for marks in moving for m in marks)],
                           with_floor=floor),
        start_box=_view_box([*backdrop, *start, *extra], with_floor=floor),
        end_box=_view_box([*backdrop, *end, *arrow_marks, *extra], with_floor=floor),
        props=backdrop, start=start, end=end, arrow=arrow_marks, steps=moving, floor=floor,
        close_up=near)


@dataclass(frozen=True)
class CloseUp:
    """A part of the picture (`region`) drawn again, larger, beside the figure (`inset`), with
    a thin frame round each and a line joining them."""

    region: Box
    """What it shows, in SVG units: the same place in the start and end pictures."""
    inset: tuple[float, float, float]
    """Where it is drawn: its left and top edges, in SVG units, and how much larger."""
    marks: list[Mark]
    """The two frames and the line between them."""
    start: list[Mark]
    end: list[Mark]
    """The parts it shows in each picture (only those, so that nothing crosses them)."""


CLOSE_UPS = {"lower back": (0.3, ("back",))}
"""Where each close-up looks, how far along the spine from the hips to the neck, on the
surface of the back; and the parts it draws."""


CLOSE_UP = {"along": 16.0, "across": 8.0, "zoom": 3.5, "gap": 2.5, "step": 2.0}
"""The size of the part of the picture a close-up shows, along the spine and across it (the
back's surface and what it rests on, little else), how much larger it is drawn, the least
space round it, and the step of the search for where it goes."""


def close_up(illustration: Illustration, poses: Sequence[Mapping[str, Vec]],
             drawn: Sequence[Mark], floor: float | None) -> CloseUp | None:
    """The illustration's close-up, if it has one: the part's place in the start and end
    poses, averaged so that both pictures show the same place, and an empty place for it
    beside the figure (above the floor) that makes the picture grow least."""
    if illustration.close_up is None:
        return None
    along, parts = CLOSE_UPS[illustration.close_up]
    spots = [project(_back_surface(joints, along), illustration.view) for joints in poses]
    middle = (sum(x for x, _ in spots) / len(spots), sum(y for _, y in spots) / len(spots))
    (hx, hy), (nx, ny) = (project(poses[0][joint], illustration.view)
                          for joint in ("hips", "neck"))
    # Longer along the spine: wide for a lying figure, tall for one sitting or standing.
    wide, high = CLOSE_UP["along"], CLOSE_UP["across"]
    if abs(ny - hy) > abs(nx - hx):
        wide, high = high, wide
    left = round((middle[0] - wide / 2) / SVG_UNIT)
    top = round((middle[1] - high / 2) / SVG_UNIT)
    region = (left, top, round(wide / SVG_UNIT), round(high / SVG_UNIT))
    seen = (left * SVG_UNIT, top * SVG_UNIT, (left + region[2]) * SVG_UNIT,
            (top + region[3]) * SVG_UNIT)
    size = (region[2] * SVG_UNIT * CLOSE_UP["zoom"], region[3] * SVG_UNIT * CLOSE_UP["zoom"])
    x, y = _free_place(size, drawn, floor, middle)
    inset = (x / SVG_UNIT, y / SVG_UNIT, CLOSE_UP["zoom"])
    frame = (x, y, x + size[0], y + size[1])
    joining = (_edge_towards(seen, _centre(frame)), _edge_towards(frame, _centre(seen)))
    marks = [Mark("gm-close-up", _lines(_ring(rect)), LINES["close-up"], _ring(rect))
             for rect in (seen, frame)]
    marks.append(Mark("gm-close-up", _lines(joining), LINES["close-up"], joining))
    start, end = ([figure_marks(joints, illustration)[part][1] for part in parts]
                  for joints in poses)
    return CloseUp(region, inset, marks, start, end)


def _back_surface(joints: Mapping[str, Vec], along: float) -> Vec:
    """The point of the back's surface (the side away from the front) part way along the
    spine: where it meets the floor, bed or wall, or would."""
    spine = figures.spine_points(joints, 11)
    at = round(along * 10)
    (x0, _, z0), (x1, _, z1) = spine[at - 1], spine[at + 1]
    size = math.hypot(x1 - x0, z1 - z0) or 1.0
    # The front is the spine's direction turned a right angle forward, in the side plane.
    front = ((z1 - z0) / size, 0.0, -(x1 - x0) / size)
    half = WIDTHS["back"] / 2
    return (spine[at][0] - front[0] * half, spine[at][1], spine[at][2] - front[2] * half)


Rect = tuple[float, float, float, float]
"""Left, top, right and bottom, in figure units."""


def _free_place(size: tuple[float, float], drawn: Sequence[Mark], floor: float | None,
                near: Point) -> Point:
    """The top left corner of a rectangle of `size` that covers nothing drawn and stays above
    the floor (or the figure's lowest point), chosen so that the picture's box grows least,
    then nearest to `near`."""
    wide, high = size
    gap, step = CLOSE_UP["gap"], CLOSE_UP["step"]
    taken = [spot for mark in drawn for spot in _spots(mark)]
    box = _bounds(drawn)
    # A wide picture fills the page's width, so growing wider shrinks it: grow taller, if
    # anything. A tall one is as high as the page lets it be, so the other way round.
    order = 1 if box[2] - box[0] > UPRIGHT_RATIO * (box[3] - box[1]) else -1
    lowest = (floor if floor is not None else box[3]) - gap - high
    candidates = []
    y = box[1] - high - gap
    while y <= lowest:
        x = box[0] - wide - gap
        while x <= box[2] + gap:
            grown = (max(box[2], x + wide) - min(box[0], x), max(box[3], y + high) - min(box[1], y))
            distance = math.dist((x + wide / 2, y + high / 2), near)
            candidates.append((*(round(side) for side in grown[::order]), distance, x, y))
            x += step
        y += step
    for *_, x, y in sorted(candidates):
        if not any(x - r < px < x + wide + r and y - r < py < y + high + r
                   for px, py, r in taken):
            return (x, y)
    return (box[2] + gap, box[1])  # nowhere free: beside the whole picture


def _spots(mark: Mark) -> list[tuple[float, float, float]]:
    """Points along a mark every unit or so, with the room each needs round it."""
    room = mark.width / 2 + (LINES["halo"] / 2 if mark.halo else 0) + CLOSE_UP["gap"]
    if mark.circle or len(mark.points) < 2:
        return [(x, y, room) for x, y in mark.points]
    if mark.classes in {"gm-prop", "gm-mat"}:  # drawn as several lines: keep its whole box
        left, top, right, bottom = _bounds([mark])
        return [(x, y, room) for x in _steps(left, right) for y in _steps(top, bottom)]
    spots = []
    for a, b in pairwise(mark.points):
        count = max(1, math.ceil(math.dist(a, b)))
        spots += [(*_towards(a, b, i / count), room) for i in range(count + 1)]
    return spots


def _steps(low: float, high: float) -> list[float]:
    count = max(1, math.ceil(high - low))
    return [low + (high - low) * i / count for i in range(count + 1)]


def _bounds(marks: Iterable[Mark]) -> Rect:
    xs = [x for mark in marks for x, _ in mark.points]
    ys = [y for mark in marks for _, y in mark.points]
    return (min(xs), min(ys), max(xs), max(ys))


def _centre(rect: Rect) -> Point:
    return ((rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2)


def _ring(rect: Rect) -> tuple[Point, ...]:
    left, top, right, bottom = rect
    return ((left, top), (right, top), (right, bottom), (left, bottom), (left, top))


def _edge_towards(rect: Rect, target: Point) -> Point:
    """Where the line from a rectangle's centre towards `target` leaves the rectangle."""
    (cx, cy), (tx, ty) = _centre(rect), target
    dx, dy = tx - cx, ty - cy
    reach = min((rect[2] - cx) / abs(dx) if dx else math.inf,
                (rect[3] - cy) / abs(dy) if dy else math.inf)
    return (cx + dx * reach, cy + dy * reach)


MARGIN = 2.0
"""Empty space left round what a picture draws, in figure units: enough for the lines' round
ends, little enough that the figure fills the picture."""


def _view_box(marks: Iterable[Mark], *, with_floor: bool) -> Box:
    xs, ys = [], []
    for mark in marks:
        pad = mark.width / 2 + (LINES["halo"] / 2 if mark.halo else 0)
        for x, y in mark.points:
            xs += [x - pad, x + pad]
            ys += [y - pad, y + pad]
    if with_floor:
        ys.append(0.0)
    left = math.floor((min(xs) - MARGIN) / SVG_UNIT)
    top = math.floor((min(ys) - MARGIN) / SVG_UNIT)
    right = math.ceil((max(xs) + MARGIN) / SVG_UNIT)
    bottom = math.ceil((max(ys) + MARGIN) / SVG_UNIT)
    return (left, top, right - left, bottom - top)
