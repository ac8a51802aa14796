""""Find where to start" (`start.html`): a few questions, then which exercises and which of
their versions suit the answers, which to leave out and why, and who should check first.

Everything it says comes from the content: the warning signs (`red-flags.yml`, shown and
asked about before anything else), the conditions (`conditions.yml`: what each means), each
exercise's movement directions, its checks first (who and what to do) and its versions
(where each is done, and who it is for). The only rules written here are how the answers
choose among them:

- **Left out:** an exercise whose movement direction the reader says makes their leg pain
  worse (the direction is on every exercise page so that a reader can skip it).
- **Which version:** the exercise itself, or one of its easier versions (never a harder
  one). If the reader cannot get down to the floor, one that is not done on the floor (every
  exercise has one on a chair or a bed). Then the one whose pictures show the fewest of the
  movements that the reader's conditions need care with, as `load/movement_rules.py` reads
  the pictures (lying flat on the back in pregnancy, a hip bent past a right angle after a
  hip replacement, kneeling after a knee replacement); on a tie, the first in the content.
- **Check first:** each check-first entry of a suggested exercise that names one of the
  reader's conditions, with its advice, word for word.

`starter` works this out for one set of answers. The page embeds it for every set of
answers (`finder_data`, 128 of them) as a JSON block that never runs, so the logic is
Python's and tested here; `docs/assets/javascripts/finder.js` only looks the answers up and
shows them. Nothing is sent anywhere and it works from disk. Without JavaScript the page
shows every exercise and its versions as links instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product
from typing import Any

from lxml import etree

from gentle_movements import blocks
from gentle_movements.load.movement_rules import RULES
from gentle_movements.markup import normalise, plain_text
from gentle_movements.markup import render as render_markdown
from gentle_movements.model.exercise import Exercise, place_of
from gentle_movements.model.figure import Illustration
from gentle_movements.model.review import Review
from gentle_movements.model.site import SiteContent
from gentle_movements.pages import floor_link
from gentle_movements.pages import markdown as md
from gentle_movements.pages.boxes import disclaimer, red_flag_box
from gentle_movements.pages.exercise import place_note
from gentle_movements.pages.wording import DIRECTION_LABELS
from gentle_movements.templating import render, script_json
from gentle_movements.urls import ROUTINE_PAGE, built_path, exercise_path, routine_token

PAGE = "start.md"
"""Where the page lives in the docs tree; it builds to `start.html`."""

TITLE = "Find where to start"

ROOT_ID = "gm-finder"
DATA_ID = "gm-finder-data"
FORM = "gm-finder"
"""The questions (shown by the script)."""
RESULTS = "gm-finder-results"
"""Where the script shows what suits the answers: an aria-live region."""
PLAIN_LIST = "gm-finder-list"
"""Every exercise and its versions, for readers without JavaScript."""
DATA = "gm-finder-data"
"""The JSON block the script reads."""
AFTER_THE_WARNING_SIGNS = (FORM, RESULTS, PLAIN_LIST, DATA)
"""What the page may only show after the warning signs (the audit checks the order)."""


# The questions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    name: str
    """Its key in the answers, and its radio buttons' name (`gm-finder-<name>`)."""
    legend: str
    yes: str = "Yes"
    no: str = "No"


WARNING_SIGNS = Question("warning-signs", "Do you have any of the warning signs in the box above?",
                         "Yes, I have one or more of them", "No, I have none of them")
"""Asked first, apart from the rest: a yes shows no exercise at all."""

FLOOR = Question("floor", "Can you get down to the floor, and back up again?",
                 no="No, or I am not sure")

CONDITION_QUESTIONS: dict[str, Question] = {
    "pregnancy": Question("pregnancy", "Are you pregnant?"),
    "hip-replacement": Question("hip-replacement", "Have you had a hip replacement?"),
    "knee-replacement": Question("knee-replacement", "Have you had a knee replacement?"),
}
"""By the id of the condition a yes means, in `content/conditions.yml`."""

DIRECTION_QUESTIONS: dict[str, Question] = {
    "bending-forward": Question("bending-forward",
                                "Does bending forward make your leg pain worse?",
                                no="No, or I do not know"),
    "arching-back": Question("arching-back",
                             "Does arching back (bending backwards) make your leg pain worse?",
                             no="No, or I do not know"),
    "turning": Question("turning", "Does turning (twisting your back) make your leg pain worse?",
                        no="No, or I do not know"),
}
"""By the movement direction (`Exercise.directions`) a yes says makes leg pain worse."""

DIRECTION_CONDITIONS = {"bending-forward": "worse-bending-forward"}
"""Directions that are also a condition in `content/conditions.yml`, with its checks first."""

ASKED_CONDITIONS = (*CONDITION_QUESTIONS, *DIRECTION_CONDITIONS.values())
"""Every condition a yes can mean."""

QUESTIONS: tuple[Question, ...] = (FLOOR, *CONDITION_QUESTIONS.values(),
                                   *DIRECTION_QUESTIONS.values())
"""After the warning signs, in the order asked; also the order of the bits of an answer's
number in the embedded table (the first is the highest)."""


@dataclass(frozen=True)
class Answers:
    floor: bool = True
    """Whether the reader can get down to the floor and back up."""
    conditions: frozenset[str] = frozenset()
    """Ids of the asked conditions they have."""
    worse: frozenset[str] = frozenset()
    """Movement directions they say make their leg pain worse."""

    @property
    def all_conditions(self) -> tuple[str, ...]:
        """Their conditions and the directions that are conditions, in the order asked."""
        return (*(c for c in CONDITION_QUESTIONS if c in self.conditions),
                *(DIRECTION_CONDITIONS[d] for d in DIRECTION_QUESTIONS
                  if d in self.worse and d in DIRECTION_CONDITIONS))

    def yes(self) -> dict[str, bool]:
        """Each question's name, and whether its answer is yes."""
        return {FLOOR.name: self.floor,
                **{q.name: c in self.conditions for c, q in CONDITION_QUESTIONS.items()},
                **{q.name: d in self.worse for d, q in DIRECTION_QUESTIONS.items()}}

    @property
    def number(self) -> int:
        """Its place in the embedded table: each yes a bit, in the order of `QUESTIONS`."""
        yes = self.yes()
        return sum(1 << (len(QUESTIONS) - 1 - i) for i, q in enumerate(QUESTIONS) if yes[q.name])


def every_answer() -> list[Answers]:
    """Every set of answers, in the order of their numbers."""
    found = []
    for bits in product((False, True), repeat=len(QUESTIONS)):
        yes = dict(zip((q.name for q in QUESTIONS), bits, strict=True))
        found.append(Answers(
            floor=yes[FLOOR.name],
            conditions=frozenset(c for c, q in CONDITION_QUESTIONS.items() if yes[q.name]),
            worse=frozenset(d for d, q in DIRECTION_QUESTIONS.items() if yes[q.name])))
    return found


# What suits the answers ---------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    slug: str
    version: str | None
    """The id of the version to start with, or None for the exercise itself."""
    checks: tuple[int, ...]
    """Its check-first entries (their places in `check_first`) that name a reader's condition."""


@dataclass(frozen=True)
class LeftOut:
    slug: str
    directions: tuple[str, ...]
    """Its movement directions that the reader says make their leg pain worse."""


@dataclass(frozen=True)
class Starter:
    suggested: tuple[Suggestion, ...]
    left_out: tuple[LeftOut, ...]
    conditions: tuple[str, ...]
    """The reader's conditions, whose meaning (`conditions.yml`) is shown with the results."""


Counts = dict[tuple[str, str | None, str], int]
"""For each exercise, version (None: the exercise itself) and asked condition, how many of
the movements that need care with it the version's picture shows (`movements_shown`)."""


def starter(site: SiteContent, answers: Answers, counts: Counts | None = None) -> Starter:
    """Which exercises and versions suit `answers`, and which are left out (module
    docstring). `counts` are `movement_counts(site)`, when they are already worked out."""
    counts = movement_counts(site) if counts is None else counts
    conditions = answers.all_conditions
    suggested, left_out = [], []
    for slug, exercise in site.exercises.items():
        worse = tuple(d for d in exercise.directions if d in answers.worse)
        if worse:
            left_out.append(LeftOut(slug, worse))
            continue
        checks = tuple(i for i, item in enumerate(exercise.check_first)
                       if set(item.conditions) & set(conditions))
        candidates = [None, *(v.id for v in exercise.versions if v.kind == "easier")]
        if not answers.floor:
            # The model makes sure one is left: an easier version on a chair or a bed.
            candidates = [c for c in candidates if place(exercise, c) != "floor"]
        # The fewest movements to take care with; on a tie, the first (min keeps it).
        version = min(candidates, key=lambda c, slug=slug: sum(
            counts[slug, c, condition] for condition in conditions))
        suggested.append(Suggestion(slug, version, checks))
    return Starter(tuple(suggested), tuple(left_out), conditions)


def movement_counts(site: SiteContent) -> Counts:
    """`movements_shown` for each exercise and version and each condition a yes can mean,
    worked out once for all the answers."""
    return {(slug, version, condition): movements_shown(exercise.picture_of(version), condition)
            for slug, exercise in site.exercises.items()
            for version in [None, *(v.id for v in exercise.versions)]
            for condition in ASKED_CONDITIONS}


def place(exercise: Exercise, version_id: str | None) -> str:
    """Where the exercise itself, or one of its versions, is done."""
    return exercise.version(version_id).place if version_id else place_of(exercise.position)


def movements_shown(picture: Illustration, condition: str) -> int:
    """How many of the movements that readers with `condition` must take care with a
    picture shows, at its start or its end (`movement_rules.RULES`)."""
    return sum(1 for rule in RULES if condition in rule.conditions
               and any(True for frame in (picture.start, picture.end)
                       for _ in rule.find(frame.pose)))


# The page -----------------------------------------------------------------------------------


WORDS = {
    "intro": "Answer a few questions. This page then shows which exercises to start with, "
             "and which version of each. It also shows which to leave out, and why. Your "
             "answers stay in this browser. They are not sent anywhere.",
    "get_help": "Get help first. Do what the box above says.",
    "not_yet": "Do not start these exercises until a health professional has checked you.",
    "answer_all": "Please answer this question:",
    "heading": "Where to start",
    "to_start": ["1 exercise to start with.", "{n} exercises to start with."],
    "to_check": ["1 of them says to check first.", "{n} of them say to check first."],
    "leave_out": ["1 exercise left out for now.", "{n} exercises left out for now."],
    "meaning": "What your answers mean",
    "more": "More about this on the safety page",
    "suggested": "Exercises to start with",
    "check_first": "Check first",
    "routine": "Open these as my routine",
    "left_out": "Left out for now",
    "left_out_because": "It involves {direction}, which you said makes your leg pain worse.",
    "floor_help": "See {link}.",
    "stop": "Each exercise page says when to stop.",
    "stop_link": "When to stop",
}
"""What the script writes around the content's own words, written once here."""


def finder_page(site: SiteContent) -> str:
    """The page's Markdown: the warning signs first, then the questions (shown by the
    script), the data they are answered from, and every exercise as a link."""
    return md.join([
        md.front_matter("Answer a few questions to find which gentle exercises for sciatica "
                        "to start with, and which version of each.", _newest_review(site),
                        parts=("finder",)),
        f"# {TITLE}",
        WORDS["intro"],
        md.heading("First, check the warning signs", blocks.RED_FLAGS),
        red_flag_box(site.red_flags),
        _questions(),
        f'<script type="application/json" id="{DATA_ID}" class="{DATA}">'
        f"{script_json(finder_data(site))}</script>",
        _plain_list(site),
        disclaimer(),
    ])


def _newest_review(site: SiteContent) -> Review:
    reviews = [e.review for e in site.exercises.values()]
    return max([*reviews, site.conditions.review, site.red_flags.review], key=lambda r: r.last)


def _questions() -> str:
    return render("finder_form.html", root_id=ROOT_ID, form=FORM, results=RESULTS,
                  first=WARNING_SIGNS, questions=QUESTIONS, floor=FLOOR.name,
                  floor_page=built_path(floor_link.PAGE),
                  floor_link=floor_link.LINK_TEXT[:1].upper() + floor_link.LINK_TEXT[1:])


def _plain_list(site: SiteContent) -> str:
    """Every exercise and its versions, as links: what the page shows without JavaScript."""
    items = []
    for slug, exercise in site.exercises.items():
        versions = md.bullets(
            f"[{version.name}]({exercise_path(slug, version.id)})"
            f"{place_note(version.name, version.place)}: {version.kind}"
            for version in exercise.versions)
        own = place_note(exercise.version_name, place(exercise, None))
        items.append(f"[{exercise.title}]({exercise_path(slug)}): {exercise.version_name}{own}"
                     f"\n\n{versions}")
    body = ("Finding where to start needs JavaScript, which is turned off or not working in "
            "this browser. Here is every exercise, with its versions. Each exercise page says "
            "who should check first, and when to stop.\n\n" + md.bullets(items))
    return (f'<section class="{PLAIN_LIST}" data-gm-finder-nojs data-search-exclude markdown>'
            f"\n\n{body}\n\n</section>")


def finder_data(site: SiteContent) -> dict[str, Any]:
    """What the script needs: the words, the questions, each exercise as the results show
    it, and `starter` for every set of answers, by its number (`Answers.number`).

    A row of the table holds, for each exercise in the content's order, which of its
    `outcomes` the answers give: `{"version": id or None, "checks": [...]}` (start with that
    version; these check-first entries apply) or `{"out": [directions]}` (left out)."""
    slugs = list(site.exercises)
    conditions = {c.id: c for c in site.conditions.conditions}
    missing = [c for c in ASKED_CONDITIONS if c not in conditions]
    if missing:  # a content error the loader cannot see: the page would fall silent
        raise ValueError(f"the starter finder asks about {missing}, which are not in "
                         "content/conditions.yml")
    outcomes: list[list[dict[str, Any]]] = [[] for _ in slugs]
    table = []
    counts = movement_counts(site)
    for answers in every_answer():
        found = starter(site, answers, counts)
        row = [0] * len(slugs)
        for outcome in [*found.suggested, *found.left_out]:
            shown = ({"out": list(outcome.directions)} if isinstance(outcome, LeftOut)
                     else {"version": outcome.version, "checks": list(outcome.checks)})
            index = slugs.index(outcome.slug)
            if shown not in outcomes[index]:
                outcomes[index].append(shown)
            row[index] = outcomes[index].index(shown)
        table.append({"outcomes": row, "conditions": list(found.conditions)})
    return {
        "words": WORDS,
        "questions": [q.name for q in QUESTIONS],
        "legends": {q.name: q.legend for q in (WARNING_SIGNS, *QUESTIONS)},
        "routine": built_path(ROUTINE_PAGE),
        "safety": SAFETY,
        "floorPage": built_path(floor_link.PAGE),
        "floorLink": floor_link.LINK_TEXT,
        "directions": {d: DIRECTION_LABELS[d] for d in DIRECTION_QUESTIONS},
        "conditions": {c: {"name": plain_text(conditions[c].name),
                           "means": linked_text(conditions[c].means, SAFETY),
                           "more": [*CONDITION_LINKS.get(c, ()),
                                    [WORDS["more"], f"{SAFETY}#{c}"]]}
                       for c in ASKED_CONDITIONS},
        "exercises": [{**_exercise_data(slug, site.exercises[slug]), "outcomes": outcomes[i]}
                      for i, slug in enumerate(slugs)],
        "table": table,
    }


SAFETY = "safety.html"
"""The safety page, where each condition's words are shown first: their links start there."""

CONDITION_LINKS = {"pregnancy": [["Warning signs in pregnancy", "pregnancy.html#warning-signs"]]}
"""Where the page that a condition's words name is ("Pregnancy has its own warning signs,
on the pregnancy page"), as a link after them."""


def linked_text(markdown: str, page: str) -> list[str | list[str]]:
    """A text field's words as the script shows them: runs of plain text, and each link as
    [its words, its address]. `page` is the built page the field was written for: its own
    anchors (`#stop-rules`) and pages (`faq.md`) are addresses from there."""
    body = etree.fromstring(f"<div>{render_markdown(markdown).html}</div>",
                            etree.HTMLParser()).find(".//div")
    found: list[str | list[str]] = []

    def text(words: str | None) -> None:
        if not words:
            return
        if found and isinstance(found[-1], str):
            found[-1] += words
        else:
            found.append(words)

    def walk(element: etree._Element) -> None:
        text(element.text)
        for child in element:
            if child.tag == "a":
                href = child.get("href") or ""
                if href.startswith("#"):
                    href = page + href
                elif not href.startswith(("http:", "https:")):
                    href = href.replace(".md", ".html", 1)
                found.append([normalise("".join(child.itertext())), href])
            else:
                walk(child)
                text(" ")  # between paragraphs and list items
            text(child.tail)

    walk(body)
    runs = [re.sub(r"\s+", " ", part) if isinstance(part, str) else part for part in found]
    if runs and isinstance(runs[0], str):
        runs[0] = runs[0].lstrip()
    if runs and isinstance(runs[-1], str):
        runs[-1] = runs[-1].rstrip()
    return [run for run in runs if run]


def _exercise_data(slug: str, exercise: Exercise) -> dict[str, Any]:
    def version(version_id: str | None) -> dict[str, Any]:
        shown = exercise.version(version_id) if version_id else None
        name = shown.name if shown else exercise.version_name
        return {
            "name": plain_text(name + place_note(name, place(exercise, version_id))),
            "summary": plain_text(shown.summary) if shown else "",
            "address": built_path(exercise_path(slug, version_id)),
            "token": routine_token(slug, version_id),
            "floor": place(exercise, version_id) == "floor",
        }

    return {
        "title": plain_text(exercise.title),
        "address": built_path(exercise_path(slug)),
        "own": version(None),
        "versions": {v.id: version(v.id) for v in exercise.versions if v.kind == "easier"},
        # By their place in check_first: only those about a condition the finder asks about.
        "checks": {str(i): {"who": plain_text(item.who), "advice": plain_text(item.advice)}
                   for i, item in enumerate(exercise.check_first)
                   if set(item.conditions) & set(ASKED_CONDITIONS)},
    }
