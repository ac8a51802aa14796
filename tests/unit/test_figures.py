"""The exercise pictures: the figure's kinematics keeps a body possible, the drawings are small
well-formed SVG with alt text. (tests/site/test_figures_built.py checks them on the built
pages, tests/browser/test_figures_in_browser.py in Chromium.)"""

from __future__ import annotations

import math
import re
from itertools import pairwise

import pytest
from lxml import etree
from pydantic import ValidationError

from gentle_movements.figure import body as figures
from gentle_movements.figure.scene import (
    CAMERAS,
    MARGIN,
    SVG_UNIT,
    figure_marks,
    has_floor_line,
    project,
    scene,
)
from gentle_movements.figure.svg import illustration_html, motion_svg, still_svg
from gentle_movements.model.figure import JOINT_RANGES, Arm, Illustration, Leg, Pose
from gentle_movements.model.site import SiteContent
from shared import SVG_BUDGET, svg_pictures

STEPS = [i / 10 for i in range(11)]
"""Poses checked between start (0) and end (1): the animation passes through all of them."""


def illustrations(content: SiteContent) -> list[tuple[str, int, Illustration]]:
    """Every picture on the site: each exercise's, then those of getting down to the floor."""
    floor = [item for stage in content.floor.stages for item in stage.illustrations]
    return [(slug, index, illustration) for slug, exercise in content.exercises.items()
            for index, illustration in enumerate(exercise.illustrations)] + [
        ("getting-down-to-the-floor", index, item) for index, item in enumerate(floor)]


def pose(**angles: object) -> Pose:
    return Pose.model_validate({"trunk": 90, **angles})


# Forward kinematics on its own ---------------------------------------------------------------


def test_standing_figure_is_upright_and_its_size() -> None:
    joints = figures.body(figures.angles_of(pose()))
    assert joints["head"][2] > joints["neck"][2] > joints["hips"][2] > joints["right knee"][2]
    height = joints["head"][2] + figures.HEAD_RADIUS - joints["right ankle"][2]
    assert 90 < height < 105  # lengths are hundredths of standing height
    assert joints["right hip"][1] < 0 < joints["left hip"][1]  # its right side is nearer


@pytest.mark.parametrize(("leg", "knee_at"), [
    ({"hip": 90}, (24.5, 0.0)),                 # sitting: the thigh points forward
    ({"hip": 90, "knee": 90}, (24.5, 0.0)),     # the knee bend leaves the thigh alone
])
def test_hip_flexion_moves_the_thigh_forward(leg: dict, knee_at: tuple[float, float]) -> None:
    joints = figures.body(figures.angles_of(pose(right_leg=leg)))
    knee = joints["right knee"]
    assert (round(knee[0], 6), round(knee[2], 6)) == knee_at


def test_knee_flexion_moves_the_shin_back_and_elbow_flexion_the_forearm_forward() -> None:
    joints = figures.body(figures.angles_of(pose(right_leg={"knee": 90},
                                                 right_arm={"elbow": 90})))
    assert joints["right ankle"][0] < joints["right knee"][0] - 20
    assert joints["right wrist"][0] > joints["right elbow"][0] + 10


def test_turning_right_brings_the_left_shoulder_forward() -> None:
    joints = figures.body(figures.angles_of(pose(turn=30)))
    assert joints["left shoulder"][0] > 0 > joints["right shoulder"][0]
    assert joints["nose"][1] < 0  # the face turns to the figure's right


def test_blending_poses_goes_joint_by_joint() -> None:
    start, end = figures.angles_of(pose()), figures.angles_of(pose(right_leg={"knee": 90}))
    assert figures.blend(start, end, 0.5)["right_leg.knee"] == 45
    assert figures.blend(start, end, 0)["right_leg.knee"] == 0


def test_every_range_names_a_joint_of_the_model() -> None:
    joints = {*Pose.model_fields, *Leg.model_fields, *Arm.model_fields}
    for joint, (low, high) in JOINT_RANGES.items():
        assert joint in joints and low < high, joint


def joint_pose(joint: str, degrees: int) -> dict:
    if joint in Leg.model_fields:
        return {"trunk": 90, "right_leg": {joint: degrees}}
    if joint in Arm.model_fields:
        return {"trunk": 90, "left_arm": {joint: degrees}}
    return {"trunk": 90, joint: degrees}


@pytest.mark.parametrize("joint", sorted(JOINT_RANGES))
def test_the_model_refuses_a_joint_beyond_its_range(joint: str) -> None:
    low, high = JOINT_RANGES[joint]
    for degrees in (low, high):
        Pose.model_validate(joint_pose(joint, degrees))
    for degrees in (low - 1, high + 1):
        with pytest.raises(ValidationError):
            Pose.model_validate(joint_pose(joint, degrees))


@pytest.mark.parametrize("bad", [{"trunk": 300}, {"trunk": 90, "elbow": 10},
                                 {"trunk": 90, "right_arm": {"elbow": "bent"}}])
def test_the_model_refuses_impossible_or_unknown_pose_data(bad: dict) -> None:
    with pytest.raises(ValidationError):
        Pose.model_validate(bad)


# The content's illustrations: invariants of every pose the pictures show --------------------
# (Which version each picture shows is a rule of the model: tests/malformed/ holds its cases.)


def test_limbs_keep_their_length_between_poses(content: SiteContent) -> None:
    for slug, index, illustration in illustrations(content):
        steps = figures.posed(illustration, STEPS)
        lengths = [{pair: math.dist(joints[pair[0]], joints[pair[1]])
                    for pair in figures.BONE_PAIRS} for joints in steps]
        for pair, length in lengths[0].items():
            assert all(math.isclose(step[pair], length, abs_tol=1e-6) for step in lengths), (
                f"{slug} picture {index}: {pair} changes length")
        for joints in steps:  # the curved spine keeps its length too
            spine = figures.spine_points(joints, 41)
            along = sum(math.dist(a, b) for a, b in pairwise(spine))
            assert math.isclose(along, figures.BONES["trunk"], rel_tol=0.02), slug


def test_nothing_goes_below_the_floor(content: SiteContent) -> None:
    for slug, index, illustration in illustrations(content):
        level = figures.support_level(illustration.props)
        for t, joints in zip(STEPS, figures.posed(illustration, STEPS), strict=True):
            lowest = min(p[2] - r for p, r in figures.surface(joints))
            assert lowest >= level - 1e-6 >= -1e-6, f"{slug} picture {index} at {t}"
        drawn = scene(illustration)
        floor = -level  # picture y points down
        for mark in drawn.arrow:  # nor does the arrow, in a side or front view
            if has_floor_line(illustration.view):
                assert all(y <= floor + 1e-6 for _, y in mark.points), f"{slug} {index}"


def test_the_still_point_stays_put(content: SiteContent) -> None:
    for slug, _, illustration in illustrations(content):
        still = [joints[illustration.still] for joints in figures.posed(illustration, STEPS)]
        assert all(math.isclose(p[0], still[0][0], abs_tol=1e-6) for p in still), slug


# The drawings ------------------------------------------------------------------------------


def test_every_drawing_is_well_formed_small_svg(content: SiteContent) -> None:
    for slug, index, illustration in illustrations(content):
        drawn = scene(illustration)
        svgs = {
            "start": still_svg(drawn, drawn.start, "alt", with_arrow=False),
            "end": still_svg(drawn, drawn.end, "alt", with_arrow=True),
            "animation": motion_svg(drawn),
        }
        for name, svg in svgs.items():
            root = etree.fromstring(svg.encode("utf-8"))
            assert root.tag == "{http://www.w3.org/2000/svg}svg"
            size = len(svg.encode("utf-8"))
            assert size <= SVG_BUDGET, f"{slug} picture {index} {name}: {size} bytes"
            assert "style=" not in svg and " on" not in svg.lower().replace(" one", "")


def test_the_drawing_follows_the_text_colour() -> None:
    illustration = Illustration.model_validate({
        "caption": "A test.", "moving": ["right leg"], "arrow": "right knee",
        "start": {"label": "Start", "alt": "Standing.", "pose": {"trunk": 90}},
        "end": {"label": "End", "alt": "Knee up.", "pose": {"trunk": 90,
                                                              "right_leg": {"hip": 90}}},
    })
    html = illustration_html(illustration, main=True)
    assert 'stroke="currentColor"' in html
    assert not re.search(r'(fill|stroke)="#(?:fff|ffffff)"', html, re.IGNORECASE)
    assert "<script" not in html


def test_only_parts_that_move_are_animated() -> None:
    illustration = Illustration.model_validate({
        "caption": "A test.", "moving": ["right arm"], "arrow": "right hand",
        "start": {"label": "Start", "alt": "Arms down.", "pose": {"trunk": 90}},
        "end": {"label": "End", "alt": "Arm up.", "pose": {"trunk": 90,
                                                             "right_arm": {"shoulder": 90}}},
    })
    motion = motion_svg(scene(illustration))
    # The right arm and its halo move; nothing else does.
    assert motion.count('attributeName="d"') == 2


@pytest.mark.parametrize("view", list(CAMERAS))
def test_every_view_draws_the_figure_and_its_props(view: str) -> None:
    illustration = Illustration.model_validate({
        "view": view, "caption": "A test.", "props": ["mat", "chair", "cushion under head"],
        "moving": ["shoulders"], "arrow": "nose",
        "start": {"label": "Start", "alt": "Sitting.", "pose": {"trunk": 90}},
        "end": {"label": "End", "alt": "Turned.", "pose": {"trunk": 90, "turn": 40}},
    })
    html = illustration_html(illustration, main=True)
    for svg in svg_pictures(html):
        etree.fromstring(svg.encode("utf-8"))
    assert html.count('class="gm-prop"') == html.count('class="gm-mat"') == 3  # 3 pictures
    assert ('class="gm-floor"' in html) is has_floor_line(view)


def test_captions_take_markdown_and_the_pictures_pass_through_unchanged() -> None:
    import markdown

    illustration = Illustration.model_validate({
        "caption": "Hold **gently**.", "moving": ["right leg"], "arrow": "right knee",
        "start": {"label": "Start", "alt": "Standing.", "pose": {"trunk": 90}},
        "end": {"label": "End", "alt": "Knee up.", "pose": {"trunk": 90,
                                                              "right_leg": {"hip": 90}}},
    })
    html = illustration_html(illustration, main=True)
    page = markdown.markdown(f'<div markdown>\n\n{html}\n\n</div>', extensions=["md_in_html"])
    assert "<figcaption>Hold <strong>gently</strong>.</figcaption>" in page
    svgs = svg_pictures(html)
    assert svgs and all(svg in page for svg in svgs)


# Pictures a reader can follow on a phone -----------------------------------------------------


def drawn_extent(svg: str) -> tuple[float, float, float, float]:
    """The left, top, right and bottom of what an SVG draws, read from its own markup (every
    path's points and every circle, each widened by half its line), leaving out the floor
    line, which runs from edge to edge, and what a close-up draws inside its own frame."""
    root = etree.fromstring(svg.encode("utf-8"))
    xs: list[float] = []
    ys: list[float] = []
    for element in root.iter():
        in_close_up = any(parent.get("class") == "gm-zoom" for parent in element.iterancestors())
        if in_close_up or element.get("class") == "gm-floor":
            continue
        tag = etree.QName(element).localname
        if tag == "path":
            numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", element.get("d"))]
            pad = float(element.get("stroke-width", 0)) / 2
            points = list(zip(numbers[::2], numbers[1::2], strict=True))
        elif tag == "circle":
            pad = float(element.get("r"))
            points = [(float(element.get("cx")), float(element.get("cy")))]
        else:
            continue
        xs += [x + side * pad for x, _ in points for side in (-1, 1)]
        ys += [y + side * pad for _, y in points for side in (-1, 1)]
    return min(xs), min(ys), max(xs), max(ys)


def test_each_picture_is_cropped_to_what_it_draws(content: SiteContent) -> None:
    """Every still's view box holds all it draws with little empty margin, so that at the
    page's width the figure fills the picture (the floor line is allowed to reach the edges)."""
    most = MARGIN / SVG_UNIT + 2  # the margin, plus rounding to whole units either side
    for slug, index, illustration in illustrations(content):
        drawn = scene(illustration)
        for name, svg in (("start", still_svg(drawn, drawn.start, "alt", with_arrow=False)),
                          ("end", still_svg(drawn, drawn.end, "alt", with_arrow=True))):
            box = [float(n) for n in etree.fromstring(svg.encode()).get("viewBox").split()]
            left, top, right, bottom = box[0], box[1], box[0] + box[2], box[1] + box[3]
            x0, y0, x1, y1 = drawn_extent(svg)
            where = f"{slug} picture {index} {name}: view box {box}, drawn {x0, y0, x1, y1}"
            assert left <= x0 + 0.5 and top <= y0 + 0.5, where
            assert right >= x1 - 0.5 and bottom >= y1 - 0.5, where
            assert max(x0 - left, y0 - top, right - x1, bottom - y1) <= most, where


def test_the_start_and_end_pictures_each_have_their_own_crop() -> None:
    """A pose that reaches higher in one picture does not leave the other picture empty
    above the figure: each still is cropped on its own; the animation holds both."""
    illustration = Illustration.model_validate({
        "caption": "A test.", "moving": ["right arm"], "arrow": "right hand",
        "start": {"label": "Start", "alt": "Arms down.", "pose": {"trunk": 90}},
        "end": {"label": "End", "alt": "Arm up.", "pose": {"trunk": 90,
                                                             "right_arm": {"shoulder": 180}}},
    })
    drawn = scene(illustration)
    start_top, end_top, motion_top = drawn.start_box[1], drawn.end_box[1], drawn.view_box[1]
    assert end_top == motion_top < start_top - 20 / SVG_UNIT  # the raised arm is 20 higher


def close_up_of(drawn, *, end: bool) -> str:
    svg = still_svg(drawn, drawn.end if end else drawn.start, "alt", with_arrow=end)
    root = etree.fromstring(svg.encode("utf-8"))
    inner = root.findall(".//{http://www.w3.org/2000/svg}svg")
    assert len(inner) == 1, "one close-up picture inside the picture"
    return etree.tostring(inner[0], encoding="unicode")


def lower_back_gap(joints, level: float) -> float:
    """How far the surface of the lower back is above what the figure lies on."""
    spine = figures.spine_points(joints, 11)
    return spine[3][2] - figures.WIDTHS["back"] / 2 - level


def test_the_pelvic_tilt_close_up_shows_the_back_flat_then_arched(content: SiteContent) -> None:
    """Flatten and arch are almost the same at the figure's size: the close-up draws the lower
    back larger, on the mat in the first picture and with a gap under it in the second."""
    shown = [item for item in content.exercises["pelvic-tilts"].illustrations if item.close_up]
    assert shown and shown[0].version is None  # the exercise's own picture has one
    for illustration in shown:
        level = figures.support_level(illustration.props)
        flat, arched = figures.posed(illustration, [0, 1])
        assert abs(lower_back_gap(flat, level)) < 0.2
        assert lower_back_gap(arched, level) > 1.0
        drawn = scene(illustration)
        start, end = close_up_of(drawn, end=False), close_up_of(drawn, end=True)
        assert start != end
        for close_up in (start, end):  # the back, and the mat or bed it lies on
            assert 'class="gm-m"' in close_up
            assert 'class="gm-mat"' in close_up or 'class="gm-prop"' in close_up
        # The close-up is larger than life and sits in the picture, above the floor.
        assert drawn.close_up is not None
        left, top, zoom = drawn.close_up.inset
        _, _, width, height = drawn.close_up.region
        assert zoom >= 3
        for box in (drawn.start_box, drawn.end_box):
            assert box[0] <= left and left + width * zoom <= box[0] + box[2]
            assert box[1] <= top and top + height * zoom <= -level / SVG_UNIT
    assert "gm-zoom" not in motion_svg(scene(shown[0]))  # the animation stays as it was


def test_a_close_up_covers_nothing_else_in_the_picture(content: SiteContent) -> None:
    for slug, index, illustration in illustrations(content):
        drawn = scene(illustration)
        if drawn.close_up is None:
            continue
        left, top, zoom = drawn.close_up.inset
        right = left + drawn.close_up.region[2] * zoom
        bottom = top + drawn.close_up.region[3] * zoom
        for mark in [*drawn.start, *drawn.end, *drawn.arrow]:
            for x, y in mark.points:
                x, y = x / SVG_UNIT, y / SVG_UNIT
                assert not (left < x < right and top < y < bottom), f"{slug} {index} {mark}"


def test_an_arm_resting_along_a_lying_body_is_drawn_as_a_limb(content: SiteContent) -> None:
    """Lying on the back, an arm along the body drawn dark, thick and ringed read as a second
    person: it is drawn thin and pale, like the far arm. Standing, the arm is as it was."""
    lying = content.exercises["knee-to-chest"].illustrations[0]
    near = figure_marks(figures.posed(lying, [0])[0], lying)["right arm"][1]
    assert "gm-far" in near.classes and not near.halo
    assert near.width < figures.WIDTHS["arm"] * 0.75
    standing = Illustration.model_validate({
        "caption": "A test.", "moving": ["back"], "arrow": "neck",
        "start": {"label": "Start", "alt": "Standing.", "pose": {"trunk": 90}},
        "end": {"label": "End", "alt": "Leaning.", "pose": {"trunk": 80}},
    })
    arm = figure_marks(figures.posed(standing, [0])[0], standing)["right arm"][1]
    assert "gm-far" not in arm.classes and arm.halo and arm.width == figures.WIDTHS["arm"]


def test_the_head_is_ringed_so_that_arms_beside_it_stay_apart(content: SiteContent) -> None:
    illustration = content.exercises["childs-pose"].illustrations[0]
    drawn = scene(illustration)
    svg = still_svg(drawn, drawn.end, "alt", with_arrow=True)
    rim, head = re.findall(r'<circle class="([^"]+)" cx="(-?\d+)" cy="(-?\d+)" r="(\d+)"', svg)
    assert rim[0] == "gm-h" and head[0] != "gm-h" and rim[1:3] == head[1:3]
    assert int(rim[3]) > int(head[3])
    # The head is drawn over the arms that reach past it.
    assert svg.index("<circle") > svg.rindex('stroke-width="11"')


@pytest.mark.parametrize("version", ["full-pose", "folded-forward"])
def test_the_pigeon_pictures_show_the_front_shins_angle(content: SiteContent,
                                                        version: str) -> None:
    """The front shin lies across the body, which a side view cannot show: the ankle would
    be drawn in the same place if the shin pointed straight ahead. The view chosen shows it."""
    illustration = content.exercises["pigeon-pose"].picture_of(version)
    end = figures.posed(illustration, [1])[0]
    knee, ankle = end["right knee"], end["right ankle"]
    assert abs(ankle[1] - knee[1]) > 0.5 * figures.BONES["shin"]  # it does lie across
    ahead = (ankle[0], knee[1], ankle[2])  # the same shin, not across the body

    def shown(view: str) -> float:
        return math.dist(project(ankle, view), project(ahead, view))

    assert shown("side") < 1e-6
    assert shown(illustration.view) > 0.4 * figures.BONES["shin"]
