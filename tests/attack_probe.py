"""A probe of the build's trust gates: hostile or careless changes to a copy of the project,
each built (or published) for real, and the outcome classified.

    uv run python tests/attack_probe.py [--jobs 2] [--only WORD] [--json results.json]

Each case changes a fresh copy of the project, runs `mkdocs build` (or `site_tools.publish`)
in its own process with a time limit, and is classified:

- refused: the build stopped with a `file:line:` message (or one naming a GM_ variable);
- refused otherwise: it stopped, but with a message that names no file and line;
- harmless: it built, and the built site shows nothing this probe counts as harm;
- harmful: it built, and the site holds script, a file from another site, a redirect, a
  hidden or reordered caution, a description or title that broke out of its attribute, or a
  published address that no longer resolves;
- traceback: a Python traceback reached the output;
- hang: it ran past the time limit.

The harm checks here are written apart from the build's own audit, so that the audit is
tested too. Not a test module: it runs for several minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from lxml import etree

from site_tools.project_copy import copy_project

ROOT = Path(__file__).resolve().parent.parent

HANG_SECONDS = 90
"""The real site builds in about 3 seconds here; a case that takes 30 times that hangs."""
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
       "GM_SITE_URL": "https://example.org/gentle-movements/"}
EVIL = "evil.example"
FILE_LINE = re.compile(r"^(?:ERROR +- +)?(?:(?:content|docs)/[^\s:]+:\d+|GM_[A-Z_]+): ",
                       re.MULTILINE)
OUTSIDE = "/etc/hostname"


@dataclass
class Case:
    name: str
    group: int
    change: Callable[[Path], None] = lambda project: None
    env: dict[str, str] = field(default_factory=dict)
    run: str = "build"
    """build, publish (one publish), or overlap (three publishes, one killed)."""
    harm: Callable[[Path, Path], str | None] | None = None
    """A check of its own on the built site (and the project), beyond the general ones."""
    ulimit_kb: int | None = None


# Changing the copy -----------------------------------------------------------------------


def _yaml_path(project: Path, file: str) -> Path:
    return project / "content" / file


def set_field(file: str, where: tuple, value: object) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        path = _yaml_path(project, file)
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        node = data
        for key in where[:-1]:
            node = node[key]
        node[where[-1]] = value
        path.write_text(yaml.safe_dump(data, allow_unicode=False, sort_keys=False, width=4096),
                        encoding="utf-8")
    return change


def edit(file: str, old: str, new: str, *, regex: bool = False) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        path = project / file
        text = path.read_text(encoding="utf-8")
        changed = re.sub(old, lambda _: new, text, count=1, flags=re.MULTILINE) if regex else \
            text.replace(old, new, 1)
        assert changed != text, (file, old)
        path.write_text(changed, encoding="utf-8")
    return change


def write(file: str, data: str | bytes) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        path = project / file
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return change


def both(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        for one in changes:
            one(project)
    return change


def rename_everywhere(old: str, new: str) -> Callable[[Path], None]:
    """Rename an exercise file and every mention of its slug, as an editor would."""
    def change(project: Path) -> None:
        exercises = project / "content" / "exercises"
        (exercises / f"{old}.yml").rename(exercises / f"{new}.yml")
        for path in [*exercises.glob("*.yml"), project / "content" / "faq.yml",
                     *project.glob("docs/*.md")]:
            path.write_text(path.read_text(encoding="utf-8").replace(old, new), "utf-8")
    return change


# The cases -------------------------------------------------------------------------------

STOP = ("exercises/bridge.yml", ("stop_if", "make_it_smaller", 0))
SUMMARY = ("exercises/bridge.yml", ("summary",))
TITLE = ("exercises/bridge.yml", ("title",))
WHO = ("exercises/bridge.yml", ("check_first", 0, "who"))
CAPTION = ("exercises/bridge.yml", ("illustrations", 0, "caption"))
ALT = ("exercises/bridge.yml", ("illustrations", 0, "start", "alt"))
HOW_OFTEN = ("exercises/bridge.yml", ("dose", "how_often"))
ANSWER = ("faq.yml", ("questions", 0, "answer"))
EXPLANATION = ("red-flags.yml", ("emergency", "explanation"))
STOP_RULE = ("stop-rules.yml", ("always", "stop_now", 0))
QUESTION = ("faq.yml", ("questions", 0, "question"))
TIP_TITLE = ("safety-tips.yml", ("tips", 0, "title"))
SOURCE_URL = ("exercises/bridge.yml", ("sources", 0, "url"))
SOURCE_TITLE = ("exercises/bridge.yml", ("sources", 0, "title"))
TIP_TEXT = ("safety-tips.yml", ("tips", 0, "text"))

REFRESH = '0; url=https://evil.example/" http-equiv="refresh'


def text_cases(group: int, payloads: list[str], fields: list[tuple]) -> list[Case]:
    return [Case(f"{'.'.join(map(str, where))} = {payload!r}"[:110], group,
                 set_field(file, where, payload))
            for payload in payloads for file, where in fields]


def head_cases() -> list[Case]:
    cases = text_cases(1, [REFRESH, 'A "quoted" summary & more', "Bridge' onmouseover='x",
                           'x"><script>alert(1)</script>', "</title><script>alert(1)</script>",
                           "Stretch & hold > 5 < 10"], [SUMMARY, TITLE])
    cases += text_cases(1, ['Why "this"? & <that>', 'Q" onfocus="alert(1)'],
                        [QUESTION, TIP_TITLE])
    cases += text_cases(1, ['A person" onmouseover="alert(1)', "Lying <down>"], [ALT])
    cases += [
        Case("docs/about.md description with a refresh", 1,
             edit("docs/about.md", r"^description: .*$", f"description: '{REFRESH}'",
                  regex=True)),
        Case("docs/about.md title in front matter breaking out", 1,
             edit("docs/about.md", "---\n", '---\ntitle: \'About" onmouseover="alert(1)\'\n')),
        Case("GM_SITE_URL with a quote", 1,
             env={"GM_SITE_URL": 'https://example.org/"onmouseover="alert(1)/'}),
        Case("GM_REPO_URL with a quote", 1,
             env={"GM_REPO_URL": 'https://example.org/"><script>alert(1)</script>'}),
        Case("GM_EDIT_URI with a quote", 1,
             env={"GM_REPO_URL": "https://example.org/repo",
                  "GM_EDIT_URI": 'edit/main/"onmouseover="alert(1)/'}),
        Case("GM_SITE_URL javascript:", 1, env={"GM_SITE_URL": "javascript:alert(1)//x/"}),
    ]
    return cases


ATTRIBUTE_LISTS = [
    "Stop now.\n{hidden}", "Stop now. {hidden}", "Stop now.{hidden}", "Stop now.\n{: hidden}",
    "Stop now.\n{x .cls #id}", "Stop now.\n{: .md-typeset__scrollwrap}",
    "*Stop* now.{hidden}", "*Stop*{hidden} now.", 'Stop now.\n{: style="display:none"}',
    "Stop now.\n{: popover}", "Stop now.\n{: inert}", "Stop now.\n{: dir=rtl}",
    "Stop now.\n{: aria-hidden=true}", "Stop now.\n{: onclick=alert(1)}",
    "[Stop](#stop-if){hidden} now.", "Stop now.\n\n{hidden}",
]
SCHEMES = [
    "[x](java\rscript:alert(1))", "[x](java\tscript:alert(1))", "[x](java%0Ascript:alert(1))",
    "[x](%6Aavascript:alert(1))", "[x]( javascript:alert(1))", "[x](JaVaScRiPt:alert(1))",
    "[x](<javascript:alert(1)>)", "[x](data:text/html,<b>hi</b>)", "[x](vbscript:msgbox(1))",
    "[x](ms-msdt:/id PCWDiagnostic)", "[x](intent://evil.example#Intent;end)",
    "[x](file:///etc/passwd)", "[x][1]\n\n[1]: javascript:alert(1)", "<javascript:alert(1)>",
    "![](https:\\evil.example/p.gif)", "![](//evil.example/p.gif)", "![x](https://evil.example/p.gif)",
    "[x](/\\evil.example/)", "[x](//evil.example/)", "<foo@evil.example>",
    "[![x](https://evil.example/p.gif)](safety.md)", "Smile :smile:",
]
RAW = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
    "<iframe src='https://evil.example'></iframe>", "<style>.gm-stop-if{display:none}</style>",
    "<details><summary>x</summary>hidden</details>", "x <!-- hidden -->", "&#106;avascript",
    "<div hidden markdown>Stop</div>", "Stop &lt;b&gt;", "< script >alert(1)</ script >",
]
CHARACTERS = ["\u061c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202d", "\u202e", "\u2066",
              "\u2067", "\u2069", "\u200b", "\u200d", "\ufeff", "\u00ad", "\u180e", "\u2028",
              "\u3164", "\u034f", "\u05d0", "\u0665", "\u0007", "\ue000"]


def scheme_cases() -> list[Case]:
    cases = text_cases(3, SCHEMES, [STOP, ANSWER])
    cases += text_cases(3, RAW, [STOP])
    urls = ["https://www.nhs.uk/a)![](https://evil.example/p.gif", "javascript:alert(1)",
            "https://www.nhs.uk/\"onmouseover=\"x", "https://nhs.uk@evil.example/",
            "http://www.nhs.uk/", "https://www.nhs.uk/a\\b", "HTTPS://www.nhs.uk/ x"]
    cases += [Case(f"sources[0].url = {url!r}", 3, set_field(*SOURCE_URL, url)) for url in urls]
    cases += [Case(f"sources[0].title = {title!r}", 3, set_field(*SOURCE_TITLE, title))
              for title in ["NHS](https://evil.example/", "![x](https://evil.example/p.gif"]]
    return cases


def reorder_cases() -> list[Case]:
    return [Case(f"{where[-1]} holds U+{ord(c):04X}", 9, set_field(file, where,
                                                                  f"Rest 5{c}0 minutes."))
            for c in CHARACTERS for file, where in (HOW_OFTEN, STOP_RULE)]


def address_cases() -> list[Case]:
    exercises = "content/exercises"
    return [
        Case("delete an exercise file", 4, lambda p: (p / exercises / "pigeon-pose.yml").unlink()),
        Case("rename an exercise without a redirect", 4,
             rename_everywhere("pigeon-pose", "pigeon")),
        Case("rename an exercise with a redirect", 4, both(
            rename_everywhere("pigeon-pose", "pigeon"),
            write("content/redirects.yml", "exercises:\n  pigeon-pose: pigeon\n"))),
        Case("rename an exercise file to start with a dot", 4,
             lambda p: (p / exercises / "bridge.yml").rename(p / exercises / ".bridge.yml")),
        Case("rename an exercise file to .yaml", 4,
             lambda p: (p / exercises / "bridge.yml").rename(p / exercises / "bridge.yaml")),
        Case("rename a question id", 4, edit("content/faq.yml", "id: can-i-keep-working",
                                             "id: can-i-keep-going-to-work")),
        Case("rename a question id with a redirect", 4, both(
            edit("content/faq.yml", "id: can-i-keep-working", "id: can-i-keep-going-to-work"),
            write("content/redirects.yml", "exercises: {}\nquestions:\n"
                  "  can-i-keep-working: can-i-keep-going-to-work\n"))),
        Case("rename a safety tip id", 4, edit("content/safety-tips.yml", "id: heat-and-cold",
                                               "id: heat-or-cold")),
        Case("remove a version of an exercise", 4, edit(
            f"{exercises}/pigeon-pose.yml", r"^  - id: folded-forward\n(?:    .*\n)*", "",
            regex=True)),
        Case("delete a hand-written page", 4, lambda p: (p / "docs" / "about.md").unlink()),
        Case("delete the address ledger", 4,
             lambda p: (p / "content" / "published-addresses.txt").unlink()),
        Case("redirect to an exercise that does not exist", 4, both(
            rename_everywhere("pigeon-pose", "pigeon"),
            write("content/redirects.yml", "exercises:\n  pigeon-pose: pidgeon\n"))),
        Case("a redirect that is also a page", 4,
             write("content/redirects.yml", "exercises:\n  bridge: cat-cow\n")),
    ]


def publish_cases() -> list[Case]:
    return [
        Case("one publish", 5, run="publish"),
        Case("three overlapping publishes, one killed mid-build", 5, run="overlap"),
        Case("three overlapping publishes", 5, run="overlap-all"),
        Case("publish after switching public back to an older release", 5, run="switch-back"),
        Case("publish on a disk that refuses to write (file size limit)", 5, run="publish",
             ulimit_kb=200),
        Case("publish with a content error", 5, set_field(*STOP, ""), run="publish"),
    ]


def crash_cases() -> list[Case]:
    bridge = "content/exercises/bridge.yml"
    equipment, repetitions, sides = r"^equipment: .*$", r"^  repetitions: .*$", r"^  sides: .*$"
    yaml_edits = {
        "a key that is a list": (equipment, "[equipment, mat]: yes"),
        "a key that is a mapping": (equipment, "{equipment: 1}: yes"),
        "a complex key": (equipment, "? [a, b]\n: c"),
        "!!int abc": (repetitions, "  repetitions: !!int abc"),
        "!!bool maybe": (sides, "  sides: !!bool maybe"),
        "!!float x": (repetitions, "  repetitions: !!float x"),
        "!!null x": (sides, "  sides: !!null x"),
        "!!binary": (sides, "  sides: !!binary aGk="),
        "!!timestamp": (r"^  last: .*$", "  last: !!timestamp 2026-11-24"),
        "!!python/object": (sides, "  sides: !!python/object/apply:os.system [id]"),
        "!!set": (equipment, "equipment: !!set {mat: null}"),
        "!!seq on a mapping": (equipment, "equipment: !!seq {a: 1}"),
        "an integer of 5000 digits": (repetitions, "  repetitions: " + "9" * 5000),
        "a float of 400 digits": (repetitions, "  repetitions: 1." + "9" * 400),
        "1e999": (repetitions, "  repetitions: 1.0e999"),
        "a lone surrogate": (sides, '  sides: "\\ud800"'),
        "a NUL escape": (sides, '  sides: "none\\0"'),
        "an alias bomb": (equipment, "a: &a [x, x]\nb: &b [*a, *a]\nequipment: *b"),
        "a merge key": (equipment, "<<: {equipment: [mat]}"),
        "a date that is not one": (r"^  last: .*$", "  last: 2026-02-30"),
        "a date with a time": (r"^  last: .*$", "  last: 2026-11-24T10:00:00"),
    }
    cases = [Case(name, 6, edit(bridge, old, new, regex=True))
             for name, (old, new) in yaml_edits.items()]
    cases += [
        Case("a binary file", 6, write(bridge, bytes(range(256)) * 4)),
        Case("not UTF-8", 6, write(bridge, b"title: caf\xe9\n")),
        Case("a byte-order mark", 6, write(bridge, b"\xef\xbb\xbftitle: x\n")),
        Case("an empty file", 6, write(bridge, "")),
        Case("a file of 300 KB", 6, write(bridge, "# " + "x" * 300_000 + "\n")),
        Case("100,000 nested brackets", 6, write(bridge, "a: " + "[" * 100_000)),
        Case("a folder named like an exercise", 6,
             lambda p: (p / "content" / "exercises" / "folder.yml").mkdir()),
        Case("a pipe named like an exercise", 6,
             lambda p: os.mkfifo(p / "content" / "exercises" / "pipe.yml")),
        Case("a link to /dev/zero", 6,
             lambda p: (p / "content" / "exercises" / "zero.yml").symlink_to("/dev/zero")),
        Case("a broken link", 6,
             lambda p: (p / "content" / "exercises" / "gone.yml").symlink_to("/nonexistent")),
        Case("a link loop", 6, lambda p: (p / "content" / "exercises" / "loop.yml").symlink_to(
            p / "content" / "exercises" / "loop.yml")),
        Case("faq.yml is a folder", 6, lambda p: ((p / "content" / "faq.yml").unlink(),
                                                 (p / "content" / "faq.yml").mkdir())),
        Case("an unreadable file", 6, lambda p: (p / bridge).chmod(0)),
        Case("the ledger is a folder", 6, lambda p: (
            (p / "content" / "published-addresses.txt").unlink(),
            (p / "content" / "published-addresses.txt").mkdir())),
        Case("the ledger is not UTF-8", 6, write("content/published-addresses.txt", b"\xff\xfe")),
    ]
    cases += [Case(f"GM_TODAY={value}", 6, env={"GM_TODAY": value})
              for value in ["2026-13-01", "tomorrow", "20261201", "2026-02-30", "0000-01-01",
                            "2026-1-1"]]
    cases += [Case(f"GM_SITE_URL={value}", 6, env={"GM_SITE_URL": value})
              for value in ["not a url", "ftp://example.org/", "https://"]]
    return cases


def hang_cases() -> list[Case]:
    answers = "".join(f"  - id: q{n}\n    question: Q{n}?\n    answer: \"{'{=' * 1500}\"\n"
                      "    sources:\n      - {title: NHS, url: 'https://www.nhs.uk/'}\n"
                      for n in range(40))
    cases = text_cases(7, ["{=" * 1500, "[" * 3000, "![" * 1500, "[a](" * 750, "<a " * 1000,
                           "- " * 1500 + "x", "> " * 1500 + "x", "1. " * 1000 + "x",
                           "*a" * 1500, ":a" * 1500, "a\n=\n" * 700],
                      [TIP_TEXT])
    cases.append(Case("40 answers of {= repeated 1,500 times", 7, edit(
        "content/faq.yml", r"^questions:\n", "questions:\n" + answers, regex=True)))
    return cases


def picture_and_date_cases() -> list[Case]:
    bridge = "exercises/bridge.yml"
    pose = ("illustrations", 0, "end", "pose")
    cases = [
        Case("review.next_due 9999-12-31", 8, set_field(bridge, ("review", "next_due"),
                                                        "9999-12-31")),
        Case("review.last in the future", 8, set_field(bridge, ("review", "last"), "2099-01-01")),
        Case("a future clinical review", 8, set_field(bridge, ("review", "clinical"), {
            "reviewer": "A Reviewer", "role": "Physiotherapist", "registration": "PH000000",
            "on": "2099-01-01"})),
        Case("stop-rules next_due 9999-12-31", 8,
             set_field("stop-rules.yml", ("review", "next_due"), "9999-12-31")),
        Case("a hand-written page reviewed in the future", 8,
             edit("docs/about.md", r"^last_reviewed: .*$", "last_reviewed: 2099-01-01",
                  regex=True)),
        Case("a hand-written page due in 2099", 8,
             edit("docs/about.md", r"^next_review_due: .*$", "next_review_due: 2099-01-01",
                  regex=True)),
        Case("GM_TODAY after a review is due", 8, env={"GM_TODAY": "2030-01-01"}),
        Case("an exercise linked from outside the project", 8,
             lambda p: (p / "content" / "exercises" / "outside.yml").symlink_to(OUTSIDE)),
        Case("the exercises folder linked from outside", 8, lambda p: (
            (p / "content" / "exercises" / "elsewhere.yml").symlink_to(
                ROOT / "tests" / "malformed" / "base.yml"))),
    ]
    for joint, value in [("knee", 170), ("knee", -10), ("hip", 200), ("hip_out", 90),
                         ("ankle", -90), ("elbow", 180)]:
        part = "right_arm" if joint == "elbow" else "right_leg"
        cases.append(Case(f"pose {part}.{joint} = {value}", 8,
                          set_field(bridge, (*pose, part), {joint: value})))
    cases += [Case(f"pose {name} = {value}", 8, set_field(bridge, (*pose, name), value))
              for name, value in [("back", 120), ("neck", -120), ("turn", 180), ("trunk", 400)]]
    return cases


def harmless_cases() -> list[Case]:
    return text_cases(0, ["Go to the emergency department (A&E) now.",
                          "See [the stop rules](../safety.md#stop-rules).",
                          "Pain 3 < 5 and 7 > 5 is fine.", "**Stop** if it *hurts*."],
                      [STOP])


def all_cases() -> list[Case]:
    return [*head_cases(), *text_cases(2, ATTRIBUTE_LISTS, [STOP, ANSWER, EXPLANATION, CAPTION]),
            *scheme_cases(), *address_cases(), *publish_cases(), *crash_cases(),
            *hang_cases(), *picture_and_date_cases(), *reorder_cases(), *harmless_cases(),
            *text_cases(2, ["You are pregnant.\n{hidden}", "You *are*{hidden} pregnant."],
                        [WHO])]


# Running one case ------------------------------------------------------------------------


@dataclass
class Outcome:
    case: Case
    verdict: str
    seconds: float
    detail: str


def run_case(case: Case) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="probe-") as temp:
        project = copy_project(Path(temp) / "project")
        started = time.monotonic()
        try:
            case.change(project)
        except Exception as error:  # a mistake in the case itself, not in the build
            return Outcome(case, "probe error", 0.0, repr(error))
        try:
            code, output = _run(case, project)
        except subprocess.TimeoutExpired:
            return Outcome(case, "hang", time.monotonic() - started, "")
        finally:
            for path in project.rglob("*"):  # so the copy can be removed (case "unreadable")
                if not path.is_symlink():
                    path.chmod(0o755)
        seconds = time.monotonic() - started
        verdict, detail = _judge(case, project, code, output)
        return Outcome(case, verdict, seconds, detail)


def _run(case: Case, project: Path) -> tuple[int, str]:
    env = {**ENV, **case.env}
    site = project / "site"
    build = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
             "-d", str(site)]
    publish = [sys.executable, "-m", "site_tools.publish", str(project / "public"),
               "--project", str(project)]
    if case.run == "build":
        return _process(build, env, project, case.ulimit_kb)
    if case.run == "publish":
        return _process(publish, env, project, case.ulimit_kb)
    if case.run == "switch-back":
        for _ in range(2):
            _process(publish, env, project, None)
        releases = sorted((project / ".public-releases").glob("release-*"))
        (project / "public").unlink()
        (project / "public").symlink_to(releases[0])
        return _process(publish, env, project, None)
    runs = [subprocess.Popen(publish, cwd=project, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True) for _ in range(3)]
    if case.run == "overlap":
        deadline = time.monotonic() + HANG_SECONDS
        while not list((project / ".public-releases").glob("build-*")):
            if time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(publish, HANG_SECONDS)
            time.sleep(0.05)
        building = next((project / ".public-releases").glob("build-*"))
        os.kill(int(building.name.rsplit("-", 1)[1]), signal.SIGKILL)
    outputs, codes = [], []
    for run in runs:
        outputs.append(run.communicate(timeout=HANG_SECONDS * 3)[0])
        codes.append(run.returncode)
    survivors = [code for code in codes if code != -signal.SIGKILL]
    return (max(survivors, default=1), "\n".join(outputs))


def _process(command: list[str], env: dict[str, str], project: Path,
             ulimit_kb: int | None) -> tuple[int, str]:
    limit = None
    if ulimit_kb:
        import resource

        def limit() -> None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (ulimit_kb * 1024, ulimit_kb * 1024))
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True,
                          timeout=HANG_SECONDS, preexec_fn=limit, check=False)
    return done.returncode, done.stdout + done.stderr


# Judging ---------------------------------------------------------------------------------


def _judge(case: Case, project: Path, code: int, output: str) -> tuple[str, str]:
    if "Traceback (most recent call last)" in output:
        return "traceback", _last_lines(output)
    if code != 0:
        found = FILE_LINE.search(output)
        if found:
            line = output[found.start():].splitlines()[0]
            return "refused", line
        return "refused otherwise", _last_lines(output)
    site = project / ("public" if case.run != "build" else "site")
    if not site.resolve().is_dir() or not (site / "index.html").is_file():
        return "harmful", "no complete site was published"
    harm = harm_in_site(site.resolve(), project) or (case.harm(site, project) if case.harm
                                                    else None)
    return ("harmful", harm) if harm else ("harmless", "")


SAFETY = ("gm-summary", "gm-dose", "gm-start", "gm-steps", "gm-feel", "gm-stop-if",
          "gm-check-first", "gm-easier", "gm-mistakes", "gm-red-flags", "gm-review",
          "gm-disclaimer", "gm-tip", "gm-question", "gm-intro")
HIDING = ("hidden", "style", "dir", "popover", "inert")


def harm_in_site(site: Path, project: Path) -> str | None:
    parser = etree.HTMLParser()
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        if page.startswith("assets/"):
            continue
        tree = etree.fromstring(path.read_bytes(), parser)
        harm = _harm_in_page(tree, page)
        if harm:
            return f"{page}: {harm}"
    return _lost_address(site)


def _harm_in_page(tree: etree._Element, page: str) -> str | None:
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag
        for name, value in element.items():
            if name.startswith("on"):
                return f"<{tag} {name}>"
            seen = _as_browser_reads(value)
            loads = name in ("src", "srcset", "poster", "data") or (
                tag == "link" and name == "href" and "canonical" not in element.get("rel", ""))
            if loads and (seen.startswith("//") or re.match(r"[a-z][a-z0-9+.-]*:", seen)):
                return f"<{tag} {name}={value[:60]!r}> loads a file from another site"
            # Only the theme's do-nothing link, and the warning signs' call links (digits).
            if name == "href" and re.match(r"(?!https?:)[a-z][a-z0-9+.-]*:", seen) \
                    and seen != "javascript:void(0)" and not re.fullmatch(r"tel:[0-9]{3,6}", seen):
                return f"<{tag} href={value[:60]!r}>"
        inline = tag == "script" and not element.get("src") and "json" not in element.get(
            "type", "")
        if inline and ("alert" in (element.text or "") or any(
                a.tag == "article" for a in element.iterancestors())):
            return "an inline script that is not the theme's"
        if tag in ("iframe", "object", "embed", "base", "style"):
            return f"<{tag}>"
        http_equiv = element.get("http-equiv", "").lower() if tag == "meta" else ""
        forwarding = (http_equiv == "refresh" and page.startswith("exercises/")
                      and EVIL not in element.get("content", ""))
        if http_equiv not in ("", "content-security-policy") and not forwarding:
            return f"<meta http-equiv={element.get('http-equiv')!r}>"
        if tag == "meta" and set(element.keys()) - {"name", "content", "property", "charset",
                                                    "http-equiv"}:
            return f"<meta> with {sorted(element.keys())}: text broke out of an attribute"
        classes = (element.get("class") or "").split()
        # The routine page's print sheets are hidden on screen by design: its script copies
        # the chosen ones into the printout.
        printed_only = any(a.get("data-gm-routine-sheets") is not None
                           for a in element.iterancestors())
        if any(c in SAFETY for c in classes) and not printed_only:
            for inner in [element, *element.iterdescendants(), *element.iterancestors()]:
                if isinstance(inner.tag, str) and any(
                        inner.get(a) is not None for a in HIDING if a != "dir"
                        or inner.tag not in ("body", "html")):
                    return f"a {classes} block is hidden or reordered"
                if isinstance(inner.tag, str) and inner.get("aria-hidden") == "true":
                    return f"a {classes} block is hidden from screen readers"
            shown = "".join(element.itertext())
            if any(unicodedata.category(c) == "Cf" or unicodedata.bidirectional(c) in (
                    "R", "AL", "AN") for c in shown):
                return f"a {classes} block holds characters that reorder or hide text"
    return None


def _as_browser_reads(url: str) -> str:
    from urllib.parse import unquote

    seen = url.strip("".join(chr(c) for c in range(33)))
    seen = "".join(c for c in seen if c not in "\t\n\r").replace("\\", "/")
    return "".join(c for c in unquote(seen) if c not in "\t\n\r").lower()


def _lost_address(site: Path) -> str | None:
    """Every address the real project has published must still resolve here."""
    ledger = (ROOT / "content" / "published-addresses.txt").read_text(encoding="utf-8")
    refresh = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')
    for address in ledger.splitlines():
        if not address or address.startswith("#"):
            continue
        page, _, anchor = address.partition("#")
        path = site / page
        if not path.is_file():
            return f"{address} no longer resolves"
        html = path.read_text(encoding="utf-8", errors="replace")
        forward = refresh.search(html)
        if forward:
            path = path.parent / forward.group(1)
            if not path.is_file():
                return f"{address} forwards to a missing page"
            html = path.read_text(encoding="utf-8", errors="replace")
        if anchor and f'id="{anchor}"' not in html:
            return f"{address}: no #{anchor}"
    return None


def _last_lines(output: str, count: int = 2) -> str:
    lines = [line for line in output.strip().splitlines() if line.strip()]
    return " | ".join(lines[-count:])[:300]


# Main ------------------------------------------------------------------------------------

VERDICTS = ["refused", "refused otherwise", "harmless", "harmful", "traceback", "hang",
            "probe error"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--only", help="run only cases whose name holds this")
    parser.add_argument("--json", type=Path, help="write every outcome here")
    options = parser.parse_args()
    cases = [case for case in all_cases() if not options.only or options.only in case.name]
    baseline = run_case(Case("the unchanged project", 0))
    print(f"baseline: {baseline.verdict} in {baseline.seconds:.1f} s {baseline.detail}")
    if baseline.verdict != "harmless":
        return 2
    with ThreadPoolExecutor(options.jobs) as pool:
        outcomes = []
        for outcome in pool.map(run_case, cases):
            outcomes.append(outcome)
            print(f"[{outcome.case.group}] {outcome.verdict:17} {outcome.seconds:5.1f}s "
                  f"{outcome.case.name[:80]!s}  {outcome.detail[:160]}", flush=True)
    counts = Counter(outcome.verdict for outcome in outcomes)
    print(f"\n{len(outcomes)} cases: " + ", ".join(f"{counts[v]} {v}" for v in VERDICTS))
    by_group = Counter((o.case.group, o.verdict) for o in outcomes)
    for group in sorted({o.case.group for o in outcomes}):
        row = ", ".join(f"{by_group[group, v]} {v}" for v in VERDICTS if by_group[group, v])
        print(f"  class {group}: {row}")
    slowest = max(outcomes, key=lambda o: o.seconds)
    print(f"slowest: {slowest.seconds:.1f} s, {slowest.case.name[:80]}")
    if options.json:
        options.json.write_text(json.dumps([
            {"class": o.case.group, "case": o.case.name, "verdict": o.verdict,
             "seconds": round(o.seconds, 2), "detail": o.detail} for o in outcomes], indent=1))
    failed = counts["harmful"] + counts["traceback"] + counts["hang"] + counts["probe error"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
