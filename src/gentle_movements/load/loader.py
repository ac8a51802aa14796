"""Loading everything in `content/` into typed models, with every error reported at once."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from gentle_movements import settings
from gentle_movements.errors import ContentError, ContentErrors
from gentle_movements.load import movement_rules
from gentle_movements.load.safe_yaml import YamlDocument, parse_yaml, read_bytes
from gentle_movements.model.exercise import Dose, Exercise, Version
from gentle_movements.model.fields import SLUG_MAX_LENGTH, SLUG_PATTERN, StrictModel
from gentle_movements.model.figure import JOINT_RANGES
from gentle_movements.model.safety import (
    Conditions,
    FloorGuide,
    PregnancyWarningSigns,
    RedFlags,
    SafetyTips,
    StopRules,
)
from gentle_movements.model.site import Faq, Redirects, SiteContent
from gentle_movements.urls import page_name

M = TypeVar("M", bound=BaseModel)

EXERCISES_FOLDER = "exercises"
SINGLE_FILES: dict[str, type[BaseModel]] = {
    "stop-rules.yml": StopRules,
    "safety-tips.yml": SafetyTips,
    "red-flags.yml": RedFlags,
    "faq.yml": Faq,
    "redirects.yml": Redirects,
    "pregnancy-warning-signs.yml": PregnancyWarningSigns,
    "floor.yml": FloorGuide,
    "conditions.yml": Conditions,
}
LEDGER_FILE = "published-addresses.txt"
SCHEMA_FOLDER = "schema"
"""Beside the content: the address ledger (`checks/addresses.py`) and the JSON Schema for
editors."""




def load_content(content_dir: Path, project_root: Path,
                 today: date | None = None) -> SiteContent:
    """Read and check every content file; raise `ContentErrors` listing every problem.

    Review dates are checked against `today`, by default the build's date (GM_TODAY or
    today; a bad GM_TODAY raises `SettingError`)."""
    context = {"today": today or settings.build_date()}
    errors: list[ContentError] = []
    documents: dict[str, YamlDocument] = {}

    def shown(path: Path) -> str:
        return _relative(path, project_root)

    errors += _unpublished_files(content_dir, project_root)
    singles: dict[str, BaseModel] = {}
    for name, model_class in SINGLE_FILES.items():
        path = content_dir / name
        loaded = _load_model(path, shown(path), model_class, errors, documents, context)
        if loaded is not None:
            singles[name] = loaded

    exercises: dict[str, Exercise] = {}
    exercise_sources: dict[str, str] = {}
    exercise_files: set[str] = set()  # every valid file name, loaded or not, for link checks
    exercise_dir = content_dir / EXERCISES_FOLDER
    for path in sorted(exercise_dir.iterdir()) if exercise_dir.is_dir() else []:
        if path.name.startswith(".") or not _inside(path, project_root):
            continue  # reported by _unpublished_files
        if path.suffix != ".yml":
            errors.append(ContentError(shown(path), 1, "", "exercise files must end in .yml"))
            continue
        if not _is_slug(path.stem):
            errors.append(ContentError(
                shown(path), 1, "", f"the file name {path.stem!r} is not a valid address: use "
                f"lower-case letters, digits and single hyphens, at most {SLUG_MAX_LENGTH}"
                " characters",
            ))
            continue
        exercise_files.add(path.stem)
        exercise = _load_model(path, shown(path), Exercise, errors, documents, context)
        if exercise is not None:
            exercises[path.stem] = exercise
            exercise_sources[path.stem] = shown(path)
    if not exercise_files:
        errors.append(ContentError(shown(exercise_dir), 1, "", "there are no exercises"))

    # Links between files are checked for whatever loaded, so one run reports everything.
    errors += _page_name_errors(exercises, exercise_sources, documents, exercise_files)
    errors += _exercise_link_errors(exercises, exercise_sources, documents, exercise_files)
    if "faq.yml" in singles:
        faq_document = documents[shown(content_dir / "faq.yml")]
        errors += _faq_link_errors(singles["faq.yml"], faq_document, exercise_files)
    if "safety-tips.yml" in singles:
        tips_document = documents[shown(content_dir / "safety-tips.yml")]
        tip_ids = [tip.id for tip in singles["safety-tips.yml"].tips]  # type: ignore[attr-defined]
        errors += _duplicate_ids(tips_document, "tips", tip_ids)
    if "redirects.yml" in singles:
        redirects_document = documents[shown(content_dir / "redirects.yml")]
        errors += _redirect_errors(singles["redirects.yml"], redirects_document, exercise_files)
        errors += _version_redirect_errors(singles["redirects.yml"], redirects_document,
                                           exercises, exercise_files)
        anchors = {"questions": ("faq.yml", "questions"), "tips": ("safety-tips.yml", "tips")}
        for key, (name, list_name) in anchors.items():
            if name in singles:
                ids = {item.id for item in getattr(singles[name], list_name)}
                errors += _anchor_redirect_errors(getattr(singles["redirects.yml"], key),
                                                  redirects_document, key, name, ids)
    if "conditions.yml" in singles:
        conditions_document = documents[shown(content_dir / "conditions.yml")]
        conditions: Conditions = singles["conditions.yml"]  # type: ignore[assignment]
        condition_ids = {condition.id for condition in conditions.conditions}
        errors += _condition_errors(conditions, conditions_document, singles)
        for slug, exercise in exercises.items():
            errors += _caution_errors(exercise, documents[exercise_sources[slug]],
                                      condition_ids)
    if errors:
        raise ContentErrors(errors)

    stop_rules: StopRules = singles["stop-rules.yml"]  # type: ignore[assignment]
    exercises = {slug: _following_how_often(exercise, stop_rules.how_often)
                 for slug, exercise in exercises.items()}
    return SiteContent(
        exercises=dict(sorted(exercises.items(), key=lambda item: item[1].title.casefold())),
        exercise_sources=exercise_sources,
        stop_rules=stop_rules,
        safety_tips=singles["safety-tips.yml"],  # type: ignore[arg-type]
        red_flags=singles["red-flags.yml"],  # type: ignore[arg-type]
        faq=singles["faq.yml"],  # type: ignore[arg-type]
        redirects=singles["redirects.yml"],  # type: ignore[arg-type]
        pregnancy_signs=singles["pregnancy-warning-signs.yml"],  # type: ignore[arg-type]
        floor=singles["floor.yml"],  # type: ignore[arg-type]
        conditions=singles["conditions.yml"],  # type: ignore[arg-type]
        review_lines={path: document.line_of(("review", "next_due"))
                      for path, document in documents.items()},
    )


def _following_how_often(exercise: Exercise, how_often: str) -> Exercise:
    """The exercise, and each of its versions, with the site's one rule on how often unless
    it sets its own, so that every page, printout and data file shows the same words."""
    def dose(item: Exercise | Version) -> Dose:
        if item.dose.how_often is not None:
            return item.dose
        return item.dose.model_copy(update={"how_often": how_often})

    versions = [version.model_copy(update={"dose": dose(version)})
                for version in exercise.versions]
    return exercise.model_copy(update={"dose": dose(exercise), "versions": versions})


def _unpublished_files(content_dir: Path, project_root: Path) -> list[ContentError]:
    """Files in content/ that the site would silently leave out: a name starting with a dot,
    a file no part of the site reads, or a link to a file outside the project."""
    expected = {*SINGLE_FILES, EXERCISES_FOLDER, LEDGER_FILE, SCHEMA_FOLDER}
    errors = []
    folders = [content_dir, content_dir / EXERCISES_FOLDER, content_dir / SCHEMA_FOLDER]
    for folder in folders:
        if not folder.is_dir() or folder.is_symlink():
            continue
        for path in sorted(folder.iterdir()):
            shown = _relative(path, project_root)
            if path.name.startswith("."):
                errors.append(ContentError(shown, 1, "", "a file whose name starts with a dot "
                                           "is never published; rename it or remove it"))
            elif not _inside(path, project_root):
                errors.append(ContentError(shown, 1, "", "is a link to a file outside the "
                                           "project, which is not published; copy the file "
                                           "in instead"))
            elif folder == content_dir and path.name not in expected:
                errors.append(ContentError(shown, 1, "", "no part of the site reads this file; "
                                           "exercises go in content/exercises/"))
            elif folder.name == SCHEMA_FOLDER and not path.name.endswith(".schema.json"):
                errors.append(ContentError(shown, 1, "", "content/schema/ holds only the "
                                           "JSON Schema files that `make schema` writes"))
    return errors


def _inside(path: Path, root: Path) -> bool:
    """Whether `path`, followed through any links, stays inside the project."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False


def _is_slug(text: str) -> bool:
    return len(text) <= SLUG_MAX_LENGTH and re.fullmatch(SLUG_PATTERN, text) is not None


def check_file(path: Path, shown_as: str, model_class: type[BaseModel]) -> list[ContentError]:
    """The problems in one content file on its own (links to other files are not checked)."""
    errors: list[ContentError] = []
    _load_model(path, shown_as, model_class, errors, {}, {"today": settings.build_date()})
    return errors


def _load_model(path: Path, shown_as: str, model_class: type[M], errors: list[ContentError],
                documents: dict[str, YamlDocument], context: dict[str, object]) -> M | None:
    try:
        raw = read_bytes(path, shown_as)
    except ContentErrors as problems:
        errors.extend(problems.errors)
        return None
    document, model, problems = _checked(model_class, shown_as, raw, context["today"])
    if document is not None:
        documents[shown_as] = document
    errors.extend(problems)
    return model  # type: ignore[return-value]


@functools.lru_cache(maxsize=256)
def _checked(model_class: type[BaseModel], shown_as: str, raw: bytes, today: date
             ) -> tuple[YamlDocument | None, BaseModel | None, tuple[ContentError, ...]]:
    """One file parsed and checked on its own: a function of its bytes and the day alone (the
    models are frozen), so a rebuild after one file changes reads only that file again."""
    try:
        document = parse_yaml(raw, shown_as)
    except ContentErrors as problems:
        return None, None, tuple(problems.errors)
    try:
        return document, model_class.model_validate(document.data, context={"today": today}), ()
    except ValidationError as error:
        return document, None, tuple(_explain(document, error))


def _explain(document: YamlDocument, error: ValidationError) -> Iterable[ContentError]:
    """Turn pydantic's errors into editor-facing ones, each with its YAML line."""
    for detail in error.errors(include_url=False):
        location = tuple(detail["loc"])
        kind = detail["type"]
        line = document.line_of(location, key=kind == "extra_forbidden")
        yield ContentError(document.path, line, _field_name(location), _message(detail, location))


def _field_name(location: tuple[str | int, ...]) -> str:
    name = ""
    for part in location:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _models(base: type[BaseModel]) -> Iterable[type[BaseModel]]:
    for subclass in base.__subclasses__():
        yield subclass
        yield from _models(subclass)


_ALL_FIELD_NAMES = sorted({name for model_class in _models(StrictModel)
                           for name in model_class.model_fields})


def _message(detail: dict, location: tuple[str | int, ...]) -> str:
    kind, value = detail["type"], detail.get("input")
    if kind == "extra_forbidden" and location:
        guess = difflib.get_close_matches(str(location[-1]), _ALL_FIELD_NAMES, n=1)
        hint = f"; did you mean {guess[0]!r}?" if guess else "; check the spelling"
        return f"unknown field{hint}"
    if kind == "missing":
        return "this field is required"
    if kind == "model_type" and location and location[-1] in ("stop_if", "always"):
        return ("group the rules by what the reader does: under stop_now:, make_it_smaller: "
                "or next_day:, each a list")
    if kind == "string_type" and isinstance(value, bool):
        return "YAML read this as true/false; put the text in quotes"
    if kind == "string_type" and isinstance(value, int | float):
        return "YAML read this as a number; put the text in quotes"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        limit = detail["ctx"]["max_length"]
        return f"is {len(str(value).strip())} characters long; at most {limit} are allowed here"
    if kind == "too_short":
        count = detail["ctx"]["min_length"]
        return f"needs at least {count} {'entry' if count == 1 else 'entries'}"
    if kind.startswith("date_"):
        return f"{value!r} is not a real date; write it as YYYY-MM-DD"
    if kind == "literal_error":
        return f"must be one of: {detail['ctx']['expected']}"
    if kind == "string_pattern_mismatch":
        return "use lower-case letters, digits and single hyphens (like knee-to-chest)"
    joint = location[-1] if location else None
    if kind in ("greater_than_equal", "less_than_equal") and "pose" in location \
            and joint in JOINT_RANGES:
        low, high = JOINT_RANGES[str(joint)]
        return (f"{value} degrees is outside what a body can do here ({low} to {high}); "
                "the picture would show an impossible pose")
    if kind == "greater_than_equal":
        return f"{value} is below the smallest allowed, {detail['ctx']['ge']}"
    if kind == "less_than_equal":
        return f"{value} is above the largest allowed, {detail['ctx']['le']}"
    message = str(detail["msg"])
    return message.removeprefix("Value error, ")


def _exercise_link_errors(exercises: dict[str, Exercise], sources: dict[str, str],
                          documents: dict[str, YamlDocument],
                          known: set[str]) -> list[ContentError]:
    errors = []
    for slug, exercise in exercises.items():
        document = documents[sources[slug]]
        for index, related in enumerate(exercise.related):
            if related == slug:
                errors.append(_at(document, ("related", index),
                                  "an exercise cannot be related to itself"))
            elif related not in known:
                errors.append(_at(document, ("related", index), _unknown_exercise(related, known)))
    return errors


def _faq_link_errors(faq: Faq, document: YamlDocument,
                     known: set[str]) -> list[ContentError]:
    errors = []
    for index, question in enumerate(faq.questions):
        for r_index, related in enumerate(question.related):
            if related not in known:
                errors.append(_at(document, ("questions", index, "related", r_index),
                                  _unknown_exercise(related, known)))
    return errors + _duplicate_ids(document, "questions", [q.id for q in faq.questions])


def _redirect_errors(redirects: Redirects, document: YamlDocument,
                     known: set[str]) -> list[ContentError]:
    errors = []
    for old, new in redirects.exercises.items():
        if old in known:
            errors.append(_at(document, ("exercises", old), f"content/exercises/{old}.yml still "
                              "exists; an address can be a page or a redirect, not both"))
        if new not in known:
            errors.append(_at(document, ("exercises", old), _unknown_exercise(new, known)))
    return errors


def _version_redirect_errors(redirects: Redirects, document: YamlDocument,
                             exercises: dict[str, Exercise], known: set[str]
                             ) -> list[ContentError]:
    errors = []
    for slug, numbers in redirects.versions.items():
        if slug not in known:
            errors.append(_at(document, ("versions", slug), _unknown_exercise(slug, known)))
        if slug not in exercises:  # its own errors are reported already
            continue
        ids = {version.id for version in exercises[slug].versions}
        errors += [_at(document, ("versions", slug, number),
                       f"content/exercises/{slug}.yml has no version with the id {new!r}")
                   for number, new in numbers.items() if new not in ids]
    return errors


def _page_name_errors(exercises: dict[str, Exercise], sources: dict[str, str],
                      documents: dict[str, YamlDocument], files: set[str]) -> list[ContentError]:
    """A version's page, `<exercise>-<id>`, must not have the name of another exercise's."""
    errors = []
    for slug, exercise in exercises.items():
        for index, version in enumerate(exercise.versions):
            if page_name(slug, version.id) in files:
                errors.append(_at(documents[sources[slug]], ("versions", index, "id"),
                                  f"this version's page, {page_name(slug, version.id)}, has the "
                                  "name of another exercise's page; choose another id"))
    return errors


def _anchor_redirect_errors(redirects: dict[str, str], document: YamlDocument, key: str,
                            file_name: str, ids: set[str]) -> list[ContentError]:
    errors = []
    for old, new in redirects.items():
        if old in ids:
            errors.append(_at(document, (key, old), f"content/{file_name} still has the id "
                              f"{old!r}; an anchor can be kept or forwarded, not both"))
        if new not in ids:
            guess = difflib.get_close_matches(new, sorted(ids), n=1)
            hint = f"; did you mean {guess[0]!r}?" if guess else ""
            errors.append(_at(document, (key, old), f"content/{file_name} has no id "
                              f"{new!r}{hint}"))
    return errors


def _condition_errors(conditions: Conditions, document: YamlDocument,
                      singles: dict[str, BaseModel]) -> list[ContentError]:
    ids = [condition.id for condition in conditions.conditions]
    errors = _duplicate_ids(document, "conditions", ids)
    errors += [ContentError(document.path, 1, "conditions", f"the movement checks name "
                            f"{needed!r} (movement_rules.py); add it to this list")
               for needed in sorted(movement_rules.CONDITION_IDS - set(ids))]
    if "safety-tips.yml" in singles:  # both are sections of the safety page
        tip_ids = {tip.id for tip in singles["safety-tips.yml"].tips}  # type: ignore[attr-defined]
        errors += [_at(document, ("conditions", index, "id"), f"the safety tips use the id "
                       f"{condition_id!r} too; each anchor on the safety page must be unique")
                   for index, condition_id in enumerate(ids) if condition_id in tip_ids]
    return errors


def _caution_errors(exercise: Exercise, document: YamlDocument,
                    known: set[str]) -> list[ContentError]:
    """Each check_first condition is in the list, and the pictures need no caution that is
    missing (`movement_rules.py`)."""
    errors = []
    for index, item in enumerate(exercise.check_first):
        for c_index, condition in enumerate(item.conditions):
            if condition not in known:
                guess = difflib.get_close_matches(condition, sorted(known), n=1)
                hint = f"; did you mean {guess[0]!r}?" if guess else ""
                errors.append(_at(document, ("check_first", index, "conditions", c_index),
                                  f"there is no condition {condition!r} in "
                                  f"content/conditions.yml{hint}"))
    covered = {condition for item in exercise.check_first for condition in item.conditions}
    for missing in movement_rules.missing_cautions(exercise.illustrations, covered):
        location = ("illustrations", missing.illustration, *missing.seen.where)
        errors.append(_at(document, location, (
            f"this picture {missing.seen.what}: {missing.rule.movement} needs a caution for "
            f"{missing.condition!r} (source: {missing.rule.source}). Add a check_first entry "
            f"with conditions: [{missing.condition}], who it is for and what to do")))
    return errors


def _duplicate_ids(document: YamlDocument, list_name: str, ids: list[str]) -> list[ContentError]:
    errors, seen = [], set()
    for index, item_id in enumerate(ids):
        if item_id in seen:
            errors.append(_at(document, (list_name, index, "id"),
                              f"the id {item_id!r} is used twice; each anchor must be unique"))
        seen.add(item_id)
    return errors


def _unknown_exercise(slug: str, known: set[str]) -> str:
    guess = difflib.get_close_matches(slug, sorted(known), n=1)
    hint = f"; did you mean {guess[0]!r}?" if guess else ""
    return f"there is no exercise {slug!r} (content/exercises/{slug}.yml){hint}"


def _at(document: YamlDocument, location: tuple[str | int, ...], message: str) -> ContentError:
    return ContentError(document.path, document.line_of(location), _field_name(location), message)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
