"""Every built page is valid HTML, by the W3C's Nu HTML Checker (npm `vnu-jar`, run with Java).

The checker runs once, over the whole built site, the site built with a renamed exercise
(which is where redirect pages exist), and a page with known errors, which it must find. An
error is allowed only if ALLOWED lists it with the reason it cannot be fixed here; an entry
that no longer matches anything fails too, so the list never outlives its reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from shared import ROOT, BuiltSite

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class Allowed:
    message: str
    """The start of the checker's message."""
    extract: str
    """Words that the markup the checker quotes must contain."""
    reason: str


ALLOWED = [
    Allowed(
        message="Attribute “autocomplete” is only allowed when the input type is",
        extract='data-md-toggle="drawer"',
        reason="Material's base.html puts autocomplete=off on its hidden menu toggle so that "
        "Firefox does not reopen the menu on Back. The input sits outside any template block, "
        "and overriding all of base.html would freeze Material's hashed asset names in it.",
    ),
    Allowed(
        message="Attribute “autocomplete” is only allowed when the input type is",
        extract='data-md-toggle="search"',
        reason="The same, for the hidden search toggle beside it in base.html.",
    ),
]


def java() -> str:
    found = shutil.which("java")
    if found is None:
        message = "no `java` to run the Nu HTML Checker: run scripts/ensure-test-tools (as root)"
        if os.environ.get("GM_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def check(*folders: Path) -> list[dict]:
    """The checker's errors for every HTML file in the folders."""
    assert VNU.is_file(), f"{VNU} is missing: run `npm ci`"
    result = subprocess.run(
        [java(), "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
         *map(str, folders)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    # The checker writes its report to stderr, and exits 1 when it found errors.
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stderr)["messages"]


def where(message: dict, folders: tuple[Path, ...]) -> str:
    path = Path(unquote(urlparse(message["url"]).path))
    for folder in folders:
        if path.is_relative_to(folder):
            return f"{folder.name}/{path.relative_to(folder).as_posix()}"
    return str(path)


def allowance(message: dict) -> Allowed | None:
    for allowed in ALLOWED:
        if message["message"].startswith(allowed.message) and allowed.extract in message.get(
            "extract", ""
        ):
            return allowed
    return None


BROKEN_PAGE = "<!doctype html><html lang=en><title>x</title><p><div>block in p</span></p>"
"""A page with known errors, checked in the same run as the sites (one Java start, not two)."""


@pytest.fixture(scope="module")
def checked(built_site: BuiltSite, renamed_site_dir: Path,
            tmp_path_factory: pytest.TempPathFactory,
            ) -> tuple[list[dict], tuple[Path, ...], list[dict]]:
    """The checker's errors on both sites and the folders they are in, and apart from them its
    errors on the broken page."""
    broken = tmp_path_factory.mktemp("broken")
    (broken / "bad.html").write_text(BROKEN_PAGE, encoding="utf-8")
    folders = (built_site.folder, renamed_site_dir)
    messages = check(*folders, broken)

    def on_broken_page(message: dict) -> bool:
        return Path(unquote(urlparse(message["url"]).path)).is_relative_to(broken)

    return ([m for m in messages if not on_broken_page(m)], folders,
            [m for m in messages if on_broken_page(m)])


def test_every_page_is_valid_html(checked) -> None:
    messages, folders, _ = checked
    errors = [
        f"{where(m, folders)}:{m.get('lastLine', '?')}: {m['message']}\n    "
        + " ".join(m.get("extract", "").split())
        for m in messages
        if allowance(m) is None
    ]
    assert errors == [], f"{len(errors)} HTML errors:\n" + "\n".join(errors)


def test_every_allowed_error_still_happens(checked) -> None:
    messages, _, _ = checked
    used = {allowance(m) for m in messages} - {None}
    stale = [allowed for allowed in ALLOWED if allowed not in used]
    assert stale == [], "remove these from ALLOWED, they no longer happen: " + ", ".join(
        a.extract for a in stale
    )


def test_the_checker_finds_errors(checked) -> None:
    """A page with a known error fails, so a checker that silently checks nothing cannot pass."""
    _, _, broken = checked
    assert broken, "the checker found nothing in a broken page"
