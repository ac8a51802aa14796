"""The content model of an exercise's pictures: a simple figure's poses, as joint angles.

Editors describe each position in numbers (degrees) instead of drawing it, so every picture
on the site has one style, can be checked (limbs keep their length, nothing goes through the
floor, joints stay within what a body can do) and can be animated between its poses.
`figure/` poses and draws them.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from gentle_movements.model.fields import PlainText, Sentences, ShortText, Slug, StrictModel

JOINT_RANGES = {
    "back": (-35, 70),       # arching back to rounding forward, the spine as a whole
    "turn": (-50, 50),       # turning the shoulders while the hips stay still
    "neck": (-60, 50),
    "head_turn": (-70, 70),
    "hip": (-30, 135),       # back (extension) to knee-to-chest; passive range, knee bent
    "hip_out": (-30, 45),
    "hip_turn": (-40, 70),   # inwards to outwards; the pigeon's front hip nears 70
    "knee": (0, 160),        # 160 is sitting back on the heels
    "ankle": (-20, 50),      # toes pulled up to pointed (the top of the foot flat on a mat)
    "shoulder": (-60, 180),
    "shoulder_out": (-50, 170),
    "elbow": (0, 150),
    "wrist": (-80, 90),      # 90: palm flat on the floor under a straight arm
}
"""Degrees each joint may bend, from average adult ranges of movement (generous, as people
differ): a pose outside them is a drawing mistake or a movement nobody should be shown, so
the model refuses it. Every pose between two allowed ones is allowed too, so the animation
stays within them."""


def _joint(name: str) -> object:
    low, high = JOINT_RANGES[name]
    return Annotated[int, Field(ge=low, le=high)]

View = Literal["side", "front", "three-quarter", "three-quarter behind", "above"]
"""side: the figure faces right, its right side towards you. front: it faces you.
three-quarter: between the two. three-quarter behind: from behind its right shoulder and
above, which shows a shin lying across in front of the body (the pigeon's front leg). above:
seen from over its head, facing up the picture. Use front or above for a turn that a side
view cannot show."""

Prop = Literal[
    "mat", "bed", "chair", "chair in front", "wall", "cushion under head", "cushion under hips",
]
"""chair: the figure sits on it. chair in front: the figure faces it and leans on its seat,
which is drawn under the hands where they are highest."""

CloseUp = Literal["lower back"]
"""A part of the figure that a picture can also show larger, in a box beside the figure.
lower back: its curve against the floor, bed, chair or wall it rests on."""

Part = Literal[
    "head", "back", "shoulders", "right arm", "left arm", "right leg", "left leg",
]
"""A part of the figure that can be picked out in the highlight colour."""

Joint = Literal[
    "head", "nose", "neck", "back", "hips",
    "right hand", "left hand", "right elbow", "left elbow",
    "right knee", "left knee", "right foot", "left foot",
    "right shoulder", "left shoulder",
]
"""A point of the figure: the arrow follows one, and one stays put between poses."""


class Leg(StrictModel):
    """One leg's joint angles; 0 everywhere is standing straight."""

    hip: _joint("hip") = 0
    """Bending at the hip: + brings the thigh forward and up (90 is sitting), - takes it back."""
    hip_out: _joint("hip_out") = 0
    """Moving the thigh out to the side (+) or across the other leg (-)."""
    hip_turn: _joint("hip_turn") = 0
    """Turning the thigh outwards (+): with the knee bent, the foot moves across the body."""
    knee: _joint("knee") = 0
    """Bending the knee: 0 is straight, 90 is a right angle."""
    ankle: _joint("ankle") = 0
    """Pointing the toes (+) or pulling them up towards the shin (-)."""


class Arm(StrictModel):
    """One arm's joint angles; 0 everywhere is hanging by your side."""

    shoulder: _joint("shoulder") = 0
    """Raising the arm forward (+; 90 is straight out in front, 180 overhead) or back (-)."""
    shoulder_out: _joint("shoulder_out") = 0
    """Raising the arm out to the side (+) or across the body (-)."""
    elbow: _joint("elbow") = 0
    """Bending the elbow: 0 is straight."""
    wrist: _joint("wrist") = 0
    """Bending the hand back (+, as when your palm is flat on the floor) or forward (-)."""


class Pose(StrictModel):
    """One position of the figure."""

    trunk: Annotated[int, Field(ge=-90, le=270)]
    """Which way the trunk points, from the hips to the shoulders, in degrees round from
    facing forward: 90 is upright, 0 is level with the head forward (on hands and knees), 180
    is lying on the back with the head behind, 200 has the hips lifted (a bridge). 0 with the
    legs straight back is lying on the front."""
    back: _joint("back") = 0
    """Rounding the back (+, bending forward, as in the cat) or arching it (-)."""
    turn: _joint("turn") = 0
    """Turning the shoulders to the right (+) or left (-) while the hips stay still."""
    neck: _joint("neck") = 0
    """Bending the head forward (+, chin to chest) or tipping it back (-)."""
    head_turn: _joint("head_turn") = 0
    """Turning the head to the right (+) or left (-)."""
    right_arm: Arm = Arm()
    left_arm: Arm = Arm()
    right_leg: Leg = Leg()
    left_leg: Leg = Leg()


class Frame(StrictModel):
    """One still picture: a position, its label and its text for people who cannot see it."""

    label: ShortText
    """Shown under the picture, for example 'Start' or 'Hold'."""
    alt: PlainText
    """What the picture shows, in words, for screen readers: plain text, no Markdown."""
    pose: Pose


class Illustration(StrictModel):
    """A picture of a movement: the start and end positions, each drawn on its own."""

    version: Slug | None = None
    """The id of the version it shows, as written under `versions`; leave it out for
    the exercise itself. The first illustration is the exercise itself: it is animated and
    printed."""
    view: View = "side"
    props: list[Prop] = Field(default_factory=list)
    """What the figure lies, sits or leans on; a floor line is always drawn in a side view."""
    moving: list[Part] = Field(min_length=1)
    """The parts that move, drawn in the highlight colour."""
    arrow: Joint
    """The point whose path the arrow follows, from the start to the end position."""
    still: Joint = "hips"
    """The point that stays in the same place in both positions."""
    close_up: CloseUp | None = None
    """Show this part again, larger, in both pictures, for a change too small to see at the
    figure's size (the lower back flattening or arching a little)."""
    start: Frame
    end: Frame
    caption: Sentences
    """One or two sentences under the picture, on one line."""
