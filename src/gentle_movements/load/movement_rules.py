"""Which cautions an exercise must carry, worked out from what its pictures show it doing.

The pictures are poses in numbers (`model/figure.py`), so what a body does in them can be
checked: a hip bent past 90 degrees, a knee on the floor, lying flat on the back. Each rule
below names a movement or a position, the conditions (`content/conditions.yml`) whose
readers must be warned about it, and the source that says so. An exercise whose pictures,
of the exercise or of any version, show a movement without a check-first entry for each of
its conditions does not build.

The rules are deliberately simple and err towards a caution: a pose near a limit counts.
They see only what is pictured: every version has its own pictures, and what a picture
cannot show rests on the written cautions alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from gentle_movements.figure import body as figures
from gentle_movements.model.figure import Illustration, Leg, Pose

Where = tuple[str | int, ...]
"""A place in an illustration's pose, such as ("end", "pose", "right_leg", "hip")."""


@dataclass(frozen=True)
class Seen:
    """What a rule found in one pose: where, and in words with the number."""

    where: Where
    what: str


@dataclass(frozen=True)
class MovementRule:
    id: str
    movement: str
    """What the rule looks for, as the error message and the README say it."""
    conditions: tuple[str, ...]
    """The condition ids whose readers must be told to check first."""
    source: str
    """The title and address of the guidance the rule follows."""
    find: Callable[[Pose], Iterator[Seen]]


HIP_BENT_LIMIT = 85
"""Hip precautions after a hip replacement: no bending past a right angle (a pose near it
counts, as the figure's pelvis tilts less than a body's)."""
HIP_TURNED_OUT = 30
"""No turning the leg far out. (After an operation from the front, teams may allow none:
every picture that turns a leg out does so by 60° or more, far past this.)"""
DEEP_HIP_BEND = 110
"""Past this the pelvis tilts and the lower back rounds, even when the back looks straight."""
BACK_ROUNDED = 30
BACK_ARCHED = -20
TURNED = 30
"""Degrees of rounding, arching and turning treated as the far end of the range: about
half of what `JOINT_RANGES` allows or more."""
ON_THE_FLOOR_WITHIN = 3.0
"""How close to the floor (figure units, about centimetres) a knee counts as resting on it."""
KNEE_BENT = 60
LYING_TRUNK = (165, 195)
ALL_FOURS_TRUNK = (-30, 45)
UPRIGHT_TRUNK = 60
STRAIGHT_KNEE = 30


def _legs(pose: Pose) -> Iterator[tuple[str, Leg]]:
    yield "right_leg", pose.right_leg
    yield "left_leg", pose.left_leg


def _hip_bent(pose: Pose) -> Iterator[Seen]:
    for side, leg in _legs(pose):
        if leg.hip >= HIP_BENT_LIMIT:
            yield Seen(("pose", side, "hip"), f"bends a hip to {leg.hip}°, about 90° or more")


def _thigh_across(pose: Pose) -> Iterator[Seen]:
    for side, leg in _legs(pose):
        if leg.hip_out < 0:
            yield Seen(("pose", side, "hip_out"), "brings a thigh across the body")


def _thigh_turned_in(pose: Pose) -> Iterator[Seen]:
    for side, leg in _legs(pose):
        if leg.hip_turn < 0:
            yield Seen(("pose", side, "hip_turn"), "turns a thigh inwards")


def _thigh_turned_out(pose: Pose) -> Iterator[Seen]:
    for side, leg in _legs(pose):
        if leg.hip_turn > HIP_TURNED_OUT:
            yield Seen(("pose", side, "hip_turn"), f"turns a thigh {leg.hip_turn}° outwards")


def _thigh_back(pose: Pose) -> Iterator[Seen]:
    for side, leg in _legs(pose):
        if leg.hip < 0:
            yield Seen(("pose", side, "hip"), f"stretches a thigh {-leg.hip}° behind the body")


def _knees_on_floor(pose: Pose) -> list[str]:
    """The legs whose bent knee rests on the floor, whatever the figure lies on."""
    joints = figures.body(figures.angles_of(pose))
    floor = figures.lowest(joints)
    radius = figures.WIDTHS["leg"] / 2
    return [side for side, leg in _legs(pose)
            if leg.knee >= KNEE_BENT
            and joints[f"{side.split('_')[0]} knee"][2] - radius - floor <= ON_THE_FLOOR_WITHIN]


def _kneeling(pose: Pose) -> Iterator[Seen]:
    for side in _knees_on_floor(pose):
        yield Seen(("pose", side, "knee"), "puts the weight on a bent knee on the floor")


def _lying_on_back(pose: Pose) -> Iterator[Seen]:
    low, high = LYING_TRUNK
    if low <= pose.trunk <= high:
        yield Seen(("pose", "trunk"), "lies flat on the back")


def _all_fours(pose: Pose) -> Iterator[Seen]:
    low, high = ALL_FOURS_TRUNK
    if low <= pose.trunk <= high and len(_knees_on_floor(pose)) == 2:
        yield Seen(("pose", "trunk"), "is on hands and knees, where the back can sag")


def _bent_forward(pose: Pose) -> Iterator[Seen]:
    if pose.back >= BACK_ROUNDED:
        yield Seen(("pose", "back"), f"rounds the back {pose.back}° forward")
    for side, leg in _legs(pose):
        if leg.hip >= DEEP_HIP_BEND:
            yield Seen(("pose", side, "hip"),
                       f"bends a hip to {leg.hip}°, which rounds the lower back")


def _twisted(pose: Pose) -> Iterator[Seen]:
    if abs(pose.turn) >= TURNED:
        yield Seen(("pose", "turn"), f"turns the spine {abs(pose.turn)}°")


def _arched(pose: Pose) -> Iterator[Seen]:
    if pose.back <= BACK_ARCHED:
        yield Seen(("pose", "back"), f"arches the back {-pose.back}°")


def _standing_leaning_back(pose: Pose) -> Iterator[Seen]:
    standing = pose.trunk >= UPRIGHT_TRUNK and all(
        abs(leg.hip) <= STRAIGHT_KNEE and leg.knee <= STRAIGHT_KNEE for _, leg in _legs(pose))
    if standing and (pose.back < 0 or pose.trunk > 90):
        yield Seen(("pose", "back" if pose.back < 0 else "trunk"),
                   "leans back while standing")


HIP_PRECAUTIONS = ("London Health Sciences Centre: Hip precautions after joint replacement, "
                   "https://www.lhsc.on.ca/joint-replacement-surgery/hip-precautions")
FRONT_HIP = ("Hendersonville Orthopedics: What are hip precautions?, "
             "https://www.hendersonvilleorthopedics.com/faq/what-are-hip-precautions/")
PREGNANCY = "NHS: Exercise in pregnancy, https://www.nhs.uk/pregnancy/keeping-well/exercise/"
BENDING_FORWARD = ("Royal Osteoporosis Society: Bending forward with osteoporosis, "
                   "https://theros.org.uk/information-and-support/osteoporosis/"
                   "living-with-osteoporosis/exercise-and-physical-activity-for-osteoporosis/"
                   "caring-for-your-back/bending-forward-with-osteoporosis/")
TWISTING = ("Bone Health and Osteoporosis Foundation: Protecting your spine, "
            "https://www.bonehealthandosteoporosis.org/patients/treatment/"
            "exercisesafe-movement/protecting-your-spine/")

RULES: tuple[MovementRule, ...] = (
    MovementRule("hip-bent-to-90", "a hip bent to about 90° or more", ("hip-replacement",),
                 HIP_PRECAUTIONS, _hip_bent),
    MovementRule("thigh-across-the-body", "a thigh brought across the body",
                 ("hip-replacement",), HIP_PRECAUTIONS, _thigh_across),
    MovementRule("thigh-turned-in", "a thigh turned inwards", ("hip-replacement",),
                 HIP_PRECAUTIONS, _thigh_turned_in),
    MovementRule("thigh-turned-out", "a thigh turned far outwards", ("hip-replacement",),
                 HIP_PRECAUTIONS, _thigh_turned_out),
    MovementRule("thigh-behind-the-body", "a thigh stretched behind the body (after an "
                 "operation from the front)", ("hip-replacement",), FRONT_HIP, _thigh_back),
    MovementRule("lying-on-the-back", "lying flat on the back (after about 16 weeks of "
                 "pregnancy)", ("pregnancy",), PREGNANCY, _lying_on_back),
    MovementRule("all-fours", "hands and knees (in pregnancy, do not let the back sag)",
                 ("pregnancy",), PREGNANCY, _all_fours),
    MovementRule("all-fours-new-hip", "hands and knees (the hips bent to about 90°, and more "
                 "getting down to the floor)", ("hip-replacement",), HIP_PRECAUTIONS, _all_fours),
    MovementRule("kneeling-new-knee", "kneeling, or the weight on a bent knee",
                 ("knee-replacement",),
                 "Bradford Teaching Hospitals NHS Foundation Trust: Knee replacement pathway, "
                 "https://virtualclinics.bradfordhospitals.nhs.uk/joint-school/knee-pathway",
                 _kneeling),
    MovementRule("kneeling-knee-problems", "kneeling, or the weight on a bent knee",
                 ("knee-problems",), "NHS: Lower back pain exercises, "
                 "https://www.nhs.uk/live-well/exercise/lower-back-pain-exercises/", _kneeling),
    MovementRule("forward-bending-far", "the spine bent far forward", ("osteoporosis",),
                 BENDING_FORWARD, _bent_forward),
    MovementRule("forward-bending-leg-pain", "the spine bent far forward (it can make leg "
                 "pain from a disc worse)", ("worse-bending-forward",),
                 "Musculoskeletal Science and Practice (2018): Centralization and directional "
                 "preference, an updated systematic review, "
                 "https://doi.org/10.1016/j.msksp.2018.09.006", _bent_forward),
    MovementRule("twisting-far", "the spine turned far", ("osteoporosis",), TWISTING,
                 _twisted),
    MovementRule("arching-far", "the back arched far", ("spinal-stenosis",),
                 "Dorset MSK Partnership (NHS): Leg pain, lumbar spinal stenosis, "
                 "https://www.mskdorset.nhs.uk/back-pain/back-pain-leg-pain-spinal-stenosis/",
                 _arched),
    MovementRule("leaning-back-standing", "leaning back while standing",
                 ("balance-problems",), "NHS inform: Strength and balance exercises, "
                 "https://www.nhsinform.scot/healthy-living/preventing-falls/keeping-well/"
                 "strength-and-balance-exercises", _standing_leaning_back),
)
"""Each rule, in the order its messages are given."""

CONDITION_IDS = frozenset(c for rule in RULES for c in rule.conditions)
"""Conditions the rules name: each must be in `content/conditions.yml`."""


@dataclass(frozen=True)
class MissingCaution:
    """A movement a picture shows, and a condition its exercise does not warn about."""

    rule: MovementRule
    condition: str
    illustration: int
    seen: Seen


def missing_cautions(illustrations: list[Illustration],
                     covered: set[str]) -> list[MissingCaution]:
    """Per rule and condition, the first picture (start or end) that needs a caution the
    exercise's check_first entries do not cover."""
    missing = []
    for rule in RULES:
        needed = [c for c in rule.conditions if c not in covered]
        first = next(_first_seen(rule, illustrations), None)
        if needed and first is not None:
            index, seen = first
            missing += [MissingCaution(rule, condition, index, seen) for condition in needed]
    return missing


def _first_seen(rule: MovementRule,
                illustrations: list[Illustration]) -> Iterator[tuple[int, Seen]]:
    for index, illustration in enumerate(illustrations):
        for frame_name in ("start", "end"):
            for seen in rule.find(getattr(illustration, frame_name).pose):
                yield index, Seen((frame_name, *seen.where), seen.what)
