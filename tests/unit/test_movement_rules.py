"""The cautions an exercise needs follow from what its pictures show: each rule fires on a
pose that does what it names and not on one that does not, and an exercise without the
caution its pictures need does not build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gentle_movements.errors import ContentErrors
from gentle_movements.load import movement_rules
from gentle_movements.load.loader import load_content
from gentle_movements.model.figure import Pose
from shared import ROOT

LYING = {"trunk": 180, "right_leg": {"hip": 45, "knee": 95}, "left_leg": {"hip": 45, "knee": 95}}
SITTING = {"trunk": 90, "right_leg": {"hip": 90, "knee": 90}, "left_leg": {"hip": 90, "knee": 90}}
STANDING = {"trunk": 90}
ALL_FOURS = {"trunk": 16, "right_leg": {"hip": 74, "knee": 100, "ankle": 50},
             "left_leg": {"hip": 74, "knee": 100, "ankle": 50},
             "right_arm": {"shoulder": 72, "elbow": 5, "wrist": 87},
             "left_arm": {"shoulder": 72, "elbow": 5, "wrist": 87}}
LYING_ON_FRONT = {"trunk": 0, "right_leg": {"knee": 10}, "left_leg": {"knee": 10}}


def _with(pose: dict, **changes: object) -> dict:
    changed = {**pose}
    for key, value in changes.items():
        if "__" in key:
            limb, joint = key.split("__")
            changed[limb] = {**changed.get(limb, {}), joint: value}
        else:
            changed[key] = value
    return changed


CASES = {
    # rule: (a pose that does it, a pose close to it that does not)
    "hip-bent-to-90": (_with(SITTING, right_leg__hip=100),
                       _with(SITTING, right_leg__hip=80, left_leg__hip=80)),
    "thigh-across-the-body": (_with(SITTING, left_leg__hip_out=-10), SITTING),
    "thigh-turned-in": (_with(LYING, right_leg__hip_turn=-15),
                        _with(LYING, right_leg__hip_turn=30)),
    "thigh-turned-out": (_with(LYING, right_leg__hip_turn=45),
                         _with(LYING, right_leg__hip_turn=20)),
    "thigh-behind-the-body": (_with(LYING_ON_FRONT, right_leg__hip=-10), LYING_ON_FRONT),
    "lying-on-the-back": (LYING, SITTING),
    "all-fours": (ALL_FOURS, LYING_ON_FRONT),
    "all-fours-new-hip": (ALL_FOURS, _with(LYING, right_leg__hip=60, left_leg__hip=60)),
    "kneeling-new-knee": (ALL_FOURS, SITTING),
    "kneeling-knee-problems": (ALL_FOURS, LYING_ON_FRONT),
    "forward-bending-far": (_with(SITTING, back=35), _with(SITTING, back=20)),
    "forward-bending-leg-pain": (_with(LYING, right_leg__hip=120), _with(LYING, back=25)),
    "twisting-far": (_with(SITTING, turn=-35), _with(SITTING, turn=20)),
    "arching-far": (_with(LYING_ON_FRONT, back=-25, trunk=30), _with(LYING, back=-15)),
    "leaning-back-standing": (_with(STANDING, back=-20, trunk=105), _with(SITTING, back=-10)),
}


def test_every_rule_has_a_case_and_a_source() -> None:
    assert sorted(CASES) == sorted(rule.id for rule in movement_rules.RULES)
    for rule in movement_rules.RULES:
        assert ", https://" in rule.source, rule.id


@pytest.mark.parametrize("rule", movement_rules.RULES, ids=lambda rule: rule.id)
def test_a_rule_fires_on_its_movement_and_not_on_a_near_miss(rule) -> None:
    does, does_not = CASES[rule.id]
    assert list(rule.find(Pose.model_validate(does))), f"{rule.id} missed {does}"
    assert not list(rule.find(Pose.model_validate(does_not))), f"{rule.id} fired on {does_not}"


def test_the_rules_name_only_listed_conditions(content) -> None:
    listed = {condition.id for condition in content.conditions.conditions}
    assert listed >= movement_rules.CONDITION_IDS


def _content_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    return folder


def _errors(folder: Path) -> list[str]:
    with pytest.raises(ContentErrors) as raised:
        load_content(folder, folder.parent)
    return [str(error) for error in raised.value.errors]


def _drop_caution(path: Path, condition: str) -> None:
    """Remove the check_first entry that names only `condition`: its three lines."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"  - conditions: [{condition}]\n")
    del lines[start:start + 3]
    path.write_text("".join(lines), encoding="utf-8")


def test_a_missing_hip_caution_is_refused_at_the_pose_that_needs_it(tmp_path: Path) -> None:
    folder = _content_copy(tmp_path)
    exercise = folder / "exercises" / "seated-spinal-twist.yml"
    _drop_caution(exercise, "hip-replacement")
    errors = _errors(folder)
    lines = exercise.read_text(encoding="utf-8").splitlines()
    # The first picture's start pose bends both hips to 115 degrees, past 90.
    line = next(number for number, text in enumerate(lines, 1) if "right_leg: {hip: 115" in text)
    assert errors[0] == (
        f"content/exercises/seated-spinal-twist.yml:{line}: "
        "illustrations[0].start.pose.right_leg.hip: this picture bends a hip to 115°, about 90° "
        "or more: a hip bent to about 90° or more needs a caution for 'hip-replacement' "
        "(source: London Health "
        "Sciences Centre: Hip precautions after joint replacement, "
        "https://www.lhsc.on.ca/joint-replacement-surgery/hip-precautions). Add a check_first "
        "entry with conditions: [hip-replacement], who it is for and what to do")
    # Its versions' pictures that turn or bend a hip that far are each named too.
    assert all(error.startswith("content/exercises/seated-spinal-twist.yml:")
               and "illustrations[" in error and "'hip-replacement'" in error
               for error in errors)


def test_a_version_s_pictures_need_their_cautions_too(tmp_path: Path) -> None:
    """Pelvic tilts lie on the back; only its sitting version bends the hips past 90°."""
    folder = _content_copy(tmp_path)
    exercise = folder / "exercises" / "pelvic-tilts.yml"
    _drop_caution(exercise, "hip-replacement")
    errors = _errors(folder)
    assert len(errors) == 1
    assert "pelvic-tilts.yml:" in errors[0]
    assert "illustrations[2].end.pose.right_leg.hip: this picture bends a hip to 97°" in errors[0]


def test_an_unknown_condition_is_refused_with_a_suggestion(tmp_path: Path) -> None:
    folder = _content_copy(tmp_path)
    exercise = folder / "exercises" / "bridge.yml"
    text = exercise.read_text(encoding="utf-8")
    exercise.write_text(text.replace("[spinal-stenosis]", "[spinal-stenosys]", 1),
                        encoding="utf-8")
    line = text.splitlines().index("  - conditions: [spinal-stenosis]") + 1
    assert _errors(folder) == [
        f"content/exercises/bridge.yml:{line}: check_first[1].conditions[0]: there is no "
        "condition 'spinal-stenosys' in content/conditions.yml; did you mean 'spinal-stenosis'?"]


def test_every_exercise_covers_what_its_pictures_do(content) -> None:
    """The real content, through the same check the build makes."""
    for slug, exercise in content.exercises.items():
        covered = {c for item in exercise.check_first for c in item.conditions}
        assert movement_rules.missing_cautions(exercise.illustrations, covered) == [], slug
