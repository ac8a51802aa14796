"""Build cost, growth and page weight: our hook-built site against plain Material.

Usage:  python benchmarks/build_cost.py [--sizes 10 100 1000] [--runs 5] [--out FILE]

For each N it makes N synthetic exercises that the real content model accepts (copies of
the real exercises, renamed), in two spreads: realistic (stretches, mobility and
strengthening in the real site's proportions) and all in one category. It then builds
(a) this site through its hooks and (b) the same pages, written out as plain Markdown,
in a stock Material site with the same theme settings, alternating a and b, and reports
medians: build wall time, peak memory, a/b, time and bytes per exercise page, and how the
per-page figures change from N=100 to N=1000. It also times the rebuild `mkdocs serve`
does after one YAML edit of the real site, and the post-build audit on its own.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

import yaml

from gentle_movements.checks.audit import audit_site
from gentle_movements.figure.svg import pictures
from gentle_movements.load.loader import load_content
from gentle_movements.outputs import csp, open_data, qr
from gentle_movements.pages import registry as pages
from gentle_movements.pages.placeholders import fill_placeholders
from gentle_movements.urls import exercise_address
from site_tools.project_copy import copy_project

ROOT = Path(__file__).resolve().parent.parent

MKDOCS = [sys.executable, "-m", "mkdocs"]  # for `mkdocs serve`
SITE_URL = "https://example.org/"
# Bytecode caching on, as on an editor's machine: otherwise every build compiles every module.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
ENV |= {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
        "SOURCE_DATE_EPOCH": "1764000000", "GM_SITE_URL": SITE_URL}
T = TypeVar("T")
REALISTIC = ["stretch", "stretch", "stretch", "stretch", "mobility", "mobility", "strengthening"]
ONE_CATEGORY = ["stretch"]


# Making the two sites ---------------------------------------------------------------------


def our_site(folder: Path, count: int, kinds: list[str]) -> Path:
    """This project with its exercises replaced by `count` synthetic ones."""
    copy_project(folder)
    exercises = folder / "content" / "exercises"
    templates = [yaml.safe_load(p.read_text(encoding="utf-8"))
                 for p in sorted((ROOT / "content" / "exercises").glob("*.yml"))]
    shutil.rmtree(exercises)
    exercises.mkdir()
    for number in range(count):
        data = dict(templates[number % len(templates)])
        data["title"] = f"Exercise {number:04d}"
        data["kind"] = kinds[number % len(kinds)]
        data["related"] = [f"exercise-{(number + step) % count:04d}" for step in (1, 2)
                           if (number + step) % count != number]
        (exercises / f"exercise-{number:04d}.yml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (folder / "content" / "redirects.yml").write_text("exercises: {}\n", encoding="utf-8")
    # A new site: nothing published yet, so no address of the real one has to be kept.
    (folder / "content" / "published-addresses.txt").write_text("", encoding="utf-8")
    # Pages and answers that name the real exercises point at the exercise index instead.
    faq = yaml.safe_load((folder / "content" / "faq.yml").read_text(encoding="utf-8"))
    for question in faq["questions"]:
        question["related"] = []
    (folder / "content" / "faq.yml").write_text(yaml.safe_dump(faq, sort_keys=False),
                                                encoding="utf-8")
    for page in [*(folder / "docs").glob("*.md"), *(folder / "content").glob("*.yml")]:
        text = re.sub(r"\]\((\.\./)?exercises/[a-z-]+\.md[^)]*\)", r"](\1exercises/index.md)",
                      page.read_text(encoding="utf-8"))
        page.write_text(text, encoding="utf-8")
    return folder


def plain_site(ours: Path, folder: Path) -> Path:
    """The same pages as Markdown files, built by the same mkdocs.yml without our hooks: the
    same theme settings, overrides, plugins and extensions, so the difference is the hooks."""
    site = load_content(ours / "content", ours)
    docs = folder / "docs"
    shutil.copytree(ours / "docs", docs)
    shutil.copytree(ours / "overrides", folder / "overrides")
    for page in pages.generated_pages(site, SITE_URL):
        target = docs / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    for markdown in docs.rglob("*.md"):
        text = markdown.read_text(encoding="utf-8")
        src_uri = markdown.relative_to(docs).as_posix()
        markdown.write_text(fill_placeholders(text, site, src_uri), encoding="utf-8")
    config = (ours / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\n(hooks|watch):\n(  - .*\n)+", "\n", config)
    config = re.sub(r"!ENV \[GM_SITE_URL, [^\]]*\]", SITE_URL, config)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


# Measuring --------------------------------------------------------------------------------


# The build reports its own peak memory (VmHWM) as it exits: a child's ru_maxrss would
# count the pages it shared with this, larger, benchmark process before exec.
BUILD_AND_REPORT_PEAK = (
    "import atexit, sys\n"
    "def peak():\n"
    "    status = open('/proc/self/status').read()\n"
    "    print('PEAK_KB', status.split('VmHWM:')[1].split()[0])\n"
    "atexit.register(peak)\n"
    "from mkdocs.__main__ import cli\n"
    "cli(['build', '-q', '-f', sys.argv[1]])\n"
)


def timed_build(project: Path) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one `mkdocs build` process."""
    shutil.rmtree(project / "site", ignore_errors=True)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", BUILD_AND_REPORT_PEAK,
                             str(project / "mkdocs.yml")],
                            env=ENV, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    peak = re.search(r"PEAK_KB (\d+)", result.stdout)
    if result.returncode != 0 or not peak:
        raise RuntimeError(f"build of {project} failed:\n{result.stdout}{result.stderr}")
    return seconds, int(peak.group(1)) / 1024


def exercise_page_bytes(project: Path) -> float:
    pages = list((project / "site" / "exercises").glob("exercise-*.html"))
    return statistics.mean(page.stat().st_size for page in pages)


def compare(count: int, kinds: list[str], runs: int) -> dict:
    with tempfile.TemporaryDirectory() as temp:
        ours = our_site(Path(temp) / "ours", count, kinds)
        plain = plain_site(ours, Path(temp) / "plain")
        results: dict[str, list[tuple[float, float]]] = {"ours": [], "plain": []}
        for _ in range(runs):  # alternate, so drift on a noisy machine hits both alike
            results["ours"].append(timed_build(ours))
            results["plain"].append(timed_build(plain))
        stages = hook_stages(ours)
        audit_seconds = stages.pop("audit")
        row = {"n": count, "spread": "realistic" if kinds == REALISTIC else "one category"}
        for name, project in (("ours", ours), ("plain", plain)):
            seconds = statistics.median(t for t, _ in results[name])
            row[name] = {
                "build_s": round(seconds, 3),
                "peak_mb": round(statistics.median(m for _, m in results[name]), 1),
                "ms_per_exercise": round(1000 * seconds / count, 2),
                "bytes_per_exercise_page": round(exercise_page_bytes(project)),
            }
        row["ratio"] = round(row["ours"]["build_s"] / row["plain"]["build_s"], 3)
        row["audit_s"] = round(audit_seconds, 3)
        row["audit_share"] = round(audit_seconds / row["ours"]["build_s"], 3)
        row["hook_ms_per_exercise"] = {stage: round(1000 * seconds / count, 2)
                                       for stage, seconds in stages.items()}
        return row


def _timed(work: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def hook_stages(project: Path) -> dict[str, float]:
    """Seconds for each part of the hooks' work on a built project, run here one by one: where
    the difference between (a) and (b) goes. Pictures and QR codes are part of the pages."""
    site, seconds = _timed(lambda: load_content(project / "content", project))
    stages = {"load and check content": seconds}
    stages["all generated pages"] = _timed(lambda: pages.generated_pages(site, SITE_URL))[1]
    stages["of which pictures"] = _timed(lambda: [
        pictures(exercise.illustrations, {v.name: v.where for v in exercise.easier})
        for exercise in site.exercises.values()])[1]
    addresses = [exercise_address(SITE_URL, slug) for slug in site.exercises]
    stages["of which QR codes"] = _timed(lambda: [qr.qr_svg(address, title=address)
                                                  for address in addresses])[1]
    stages["exercises.json"] = _timed(lambda: open_data.exercise_data(site, SITE_URL))[1]
    built = [page.read_text(encoding="utf-8")
             for page in (project / "site" / "exercises").glob("exercise-*.html")]
    stages["security policy of each page"] = _timed(lambda: [csp.with_policy(html)
                                                            for html in built])[1]
    findings, stages["audit"] = _timed(lambda: audit_site(project / "site", site))
    assert findings == [], findings[:3]
    return stages


def serve_rebuild_seconds(runs: int) -> float:
    """The rebuild `mkdocs serve` does after one YAML edit, as it reports it, median."""
    with tempfile.TemporaryDirectory() as temp:
        project = copy_project(Path(temp) / "site")
        target = project / "content" / "exercises" / "bridge.yml"
        server = subprocess.Popen(
            [*MKDOCS, "serve", "--livereload", "-a", "127.0.0.1:8765", "-f",
             str(project / "mkdocs.yml")],
            env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        built = re.compile(r"Documentation built in ([\d.]+) seconds")
        times: list[float] = []  # the first is the initial build, not a rebuild
        try:
            assert server.stdout is not None
            for line in server.stdout:
                found = built.search(line)
                if not found:
                    continue
                times.append(float(found.group(1)))
                if len(times) > runs:
                    break
                time.sleep(0.5)
                target.write_text(target.read_text() + f"# edit {len(times)}\n")
        finally:
            server.terminate()
            server.wait(10)
        return statistics.median(times[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json")
    args = parser.parse_args()
    rows = []
    for kinds in (REALISTIC, ONE_CATEGORY):
        for count in args.sizes:
            runs = args.runs if count < 1000 else max(3, args.runs // 2)
            row = compare(count, kinds, runs)
            rows.append(row)
            print(json.dumps(row), flush=True)
    growth = {}
    for spread in ("realistic", "one category"):
        by_n = {row["n"]: row for row in rows if row["spread"] == spread}
        if 100 in by_n and 1000 in by_n:
            growth[spread] = {
                name: {
                    "time_per_page": round(by_n[1000][name]["ms_per_exercise"]
                                           / by_n[100][name]["ms_per_exercise"], 2),
                    "bytes_per_page": round(by_n[1000][name]["bytes_per_exercise_page"]
                                            / by_n[100][name]["bytes_per_exercise_page"], 2),
                }
                for name in ("ours", "plain")
            }
    rebuild = serve_rebuild_seconds(5)
    report = {
        "date": date.today().isoformat(),
        "machine": (f"{platform.machine()}, {os.cpu_count()} cores, "
                    f"Python {platform.python_version()}"),
        "rows": rows, "growth_100_to_1000": growth, "serve_rebuild_s": rebuild,
    }
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"growth_100_to_1000": growth, "serve_rebuild_s": rebuild}, indent=2))


if __name__ == "__main__":
    main()
