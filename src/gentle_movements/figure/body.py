"""The figure in the exercise pictures: a simple jointed body, posed by joint angles.

Forward kinematics places each joint in 3D from a pose (`body`); `posed` then sets the figure
down on the floor or its prop, keeping one point still between the start and end positions.
`scene.py` and `svg.py` draw the result. Pure functions throughout; the body's proportions
are data at the top, and the ranges its joints may take are part of the content model
(`model/figure.py`).

World axes: x points the way the figure faces in the side view, y away from the viewer of the
side view (so the figure's right side is nearer), z up. Lengths are in hundredths of the
figure's standing height.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from gentle_movements.model.figure import Illustration, Pose

Vec = tuple[float, float, float]

# Body ------------------------------------------------------------------------------------

BONES = {
    "trunk": 29.0, "neck": 10.5, "thigh": 24.5, "shin": 24.5, "foot": 9.0,
    "upper arm": 18.5, "forearm": 15.0, "hand": 6.5,
}
"""Segment lengths, rounded from average adult proportions: the same figure in every picture.
The trunk runs from between the hip joints to between the shoulders, along the spine."""
HALF_HIPS = 5.0
HALF_SHOULDERS = 9.0
HEAD_RADIUS = 6.5

WIDTHS = {"back": 11.0, "shoulders": 9.0, "leg": 8.5, "arm": 5.5}
"""The figure is drawn as thick rounded strokes: a joint's radius is half its line's width."""

LIMBS = {
    "right leg": ("right hip", "right knee", "right ankle", "right foot"),
    "left leg": ("left hip", "left knee", "left ankle", "left foot"),
    "right arm": ("right shoulder", "right elbow", "right wrist", "right hand"),
    "left arm": ("left shoulder", "left elbow", "left wrist", "left hand"),
}
BONE_PAIRS = (
    *((chain[i], chain[i + 1]) for chain in LIMBS.values() for i in range(3)),
    ("left hip", "right hip"), ("left shoulder", "right shoulder"), ("neck", "head"),
)
"""Joints joined by a rigid bone: their distance never changes between poses."""

MAT_TOP = 1.5
BED_TOP = 24.0
"""How high the figure lies on a mat or a bed, in the same units."""


def _add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _scale(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


@dataclass(frozen=True)
class Axes:
    """A body part's own directions: front, left and up (front x left = up)."""

    front: Vec
    left: Vec
    up: Vec

    def turned(self, about: str, degrees: float) -> Axes:
        """Rotated about one of its own axes: 'front', 'left' or 'up'."""
        axis = getattr(self, about)
        return Axes(*(_rotate(v, axis, degrees) for v in (self.front, self.left, self.up)))


def _rotate(v: Vec, axis: Vec, degrees: float) -> Vec:
    """Rodrigues' rotation of `v` about the unit vector `axis` (right-hand rule)."""
    angle = math.radians(degrees)
    cos, sin = math.cos(angle), math.sin(angle)
    return _add(_add(_scale(v, cos), _scale(cross(axis, v), sin)),
                _scale(axis, dot(axis, v) * (1 - cos)))


def _sagittal(degrees: float) -> Axes:
    """Axes whose up points `degrees` round from forward, in the plane of the side view."""
    a = math.radians(degrees)
    return Axes((math.sin(a), 0.0, -math.cos(a)), (0.0, 1.0, 0.0), (math.cos(a), 0.0, math.sin(a)))


def angles_of(pose: Pose) -> dict[str, float]:
    """The pose as flat numbers ('right_leg.knee': 90.0), which can be blended."""
    angles: dict[str, float] = {}
    for name, value in pose.model_dump().items():
        if isinstance(value, dict):
            angles.update({f"{name}.{joint}": float(v) for joint, v in value.items()})
        else:
            angles[name] = float(value)
    return angles


def blend(start: Mapping[str, float], end: Mapping[str, float], t: float) -> dict[str, float]:
    """Part way between two poses, joint by joint, so that limbs keep their length."""
    return {key: start[key] + (end[key] - start[key]) * t for key in start}


def spine_chord(bend: float) -> float:
    """The straight distance hips to shoulders when the trunk bends by `bend` degrees."""
    half = math.radians(abs(bend)) / 2
    return BONES["trunk"] if half < 1e-6 else BONES["trunk"] * math.sin(half) / half


def body(angles: Mapping[str, float]) -> dict[str, Vec]:
    """Forward kinematics: every joint of the figure, with its hips at the origin."""
    trunk, bend = angles["trunk"], angles["back"]
    # The spine is an arc: the pelvis tips back by half the bend and the chest forward by half.
    pelvis = _sagittal(trunk + bend / 2)
    chest = _sagittal(trunk - bend / 2).turned("up", -angles["turn"])
    direction = _sagittal(trunk).up
    hips: Vec = (0.0, 0.0, 0.0)
    neck = _scale(direction, spine_chord(bend))
    # The curve's control point: where the spine's directions at the pelvis and chest meet.
    reach = spine_chord(bend) / 2 / max(math.cos(math.radians(bend) / 2), 0.2)
    joints = {"hips": hips, "neck": neck, "back control": _scale(pelvis.up, reach)}
    joints["back"] = _bezier(hips, joints["back control"], neck, 0.5)
    head = chest.turned("left", angles["neck"]).turned("up", -angles["head_turn"])
    joints["head"] = _add(neck, _scale(head.up, BONES["neck"]))
    joints["nose"] = _add(joints["head"], _scale(head.front, HEAD_RADIUS))
    # The right side is towards -y; its sign mirrors "out" and "turn out" between the sides.
    for side, sign in (("right", -1.0), ("left", 1.0)):
        joints.update(_leg(side, sign, pelvis, angles))
        joints.update(_arm(side, sign, chest, neck, angles))
    return joints


def _leg(side: str, sign: float, pelvis: Axes, angles: Mapping[str, float]) -> dict[str, Vec]:
    a = {joint: angles[f"{side}_leg.{joint}"] for joint in ("hip", "hip_out", "hip_turn",
                                                            "knee", "ankle")}
    hip = _scale(pelvis.left, sign * HALF_HIPS)
    thigh = pelvis.turned("left", -a["hip"]).turned("front", sign * a["hip_out"])
    thigh = thigh.turned("up", sign * a["hip_turn"])
    knee = _add(hip, _scale(thigh.up, -BONES["thigh"]))
    shin = thigh.turned("left", a["knee"])
    ankle = _add(knee, _scale(shin.up, -BONES["shin"]))
    foot = shin.turned("left", a["ankle"])
    return {f"{side} hip": hip, f"{side} knee": knee, f"{side} ankle": ankle,
            f"{side} foot": _add(ankle, _scale(foot.front, BONES["foot"]))}


def _arm(side: str, sign: float, chest: Axes, neck: Vec,
         angles: Mapping[str, float]) -> dict[str, Vec]:
    a = {joint: angles[f"{side}_arm.{joint}"] for joint in ("shoulder", "shoulder_out",
                                                            "elbow", "wrist")}
    shoulder = _add(neck, _scale(chest.left, sign * HALF_SHOULDERS))
    upper = chest.turned("left", -a["shoulder"]).turned("front", sign * a["shoulder_out"])
    elbow = _add(shoulder, _scale(upper.up, -BONES["upper arm"]))
    fore = upper.turned("left", -a["elbow"])
    wrist = _add(elbow, _scale(fore.up, -BONES["forearm"]))
    hand = fore.turned("left", -a["wrist"])
    return {f"{side} shoulder": shoulder, f"{side} elbow": elbow, f"{side} wrist": wrist,
            f"{side} hand": _add(wrist, _scale(hand.up, -BONES["hand"]))}


def _bezier(p0: Vec, p1: Vec, p2: Vec, t: float) -> Vec:
    return _add(_add(_scale(p0, (1 - t) ** 2), _scale(p1, 2 * t * (1 - t))),
                _scale(p2, t * t))


def spine_points(joints: Mapping[str, Vec], count: int = 9) -> list[Vec]:
    """Points along the curved spine, hips to neck."""
    return [_bezier(joints["hips"], joints["back control"], joints["neck"], i / (count - 1))
            for i in range(count)]


def surface(joints: Mapping[str, Vec]) -> list[tuple[Vec, float]]:
    """Points of the figure's outline with their radius: what can touch the floor."""
    points = [(p, WIDTHS["back"] / 2) for p in spine_points(joints)]
    points.append((joints["head"], HEAD_RADIUS))
    for name, chain in LIMBS.items():
        radius = WIDTHS["leg" if "leg" in name else "arm"] / 2
        points += [(joints[joint], radius) for joint in chain]
    return points


def lowest(joints: Mapping[str, Vec]) -> float:
    return min(p[2] - r for p, r in surface(joints))


def support_level(props: Iterable[str]) -> float:
    """How high the figure lies or kneels: on the floor, a mat or a bed."""
    props = set(props)
    return BED_TOP if "bed" in props else MAT_TOP if "mat" in props else 0.0


def posed(illustration: Illustration, steps: Sequence[float]) -> list[dict[str, Vec]]:
    """The figure at each step from start (0) to end (1), set down on its support, with the
    illustration's still point at the same place throughout."""
    start, end = angles_of(illustration.start.pose), angles_of(illustration.end.pose)
    level = support_level(illustration.props)
    figures = []
    for t in steps:
        joints = body(blend(start, end, t))
        still = joints[illustration.still]
        shift = (-still[0], -still[1], level - lowest(joints))
        figures.append({name: _add(p, shift) for name, p in joints.items()})
    return figures
