"""Printouts a patient can read: each exercise on one sheet of paper (two pages at most) in
large print, and a routine a patient can follow alone, each exercise whole on a page.

Printed in Chromium on A4 and US Letter, with the fonts the print styles are designed for
(Liberation Sans, Arial's metrics) and with the much wider DejaVu Sans, as a reader's printer
with other fonts would. Type sizes are read from the PDF itself.
"""

from __future__ import annotations

import io
import math
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from gentle_movements.markup import plain_text
from gentle_movements.pages.exercise import place_note
from shared import TEST_SITE_URL, BuiltSite
from site_tools.printouts import force_font

PAPERS = {"A4": (210, 297), "Letter": (215.9, 279.4)}
PAGE_MARGIN_MM = 7
"""The @page margin of docs/assets/print.css."""
FONTS = {"designed": None, "dejavu": "DejaVu Sans"}
PX_PER_MM = 96 / 25.4
SMALLEST_PT = 12
"""Clear-print guidance for the public: body text 12pt at least."""


@dataclass
class Printout:
    pages: list[str]
    """Each page's text, white space folded."""
    sizes: list[tuple[float, str]]
    """The type size in points of every run of text, with the text."""
    pdf: bytes

    def page_of(self, text: str) -> int:
        """The number (from 1) of the page that shows `text`; 0 if none does."""
        wanted = fold(text)
        return next((n for n, page in enumerate(self.pages, 1) if wanted in page), 0)


def fold(text: str) -> str:
    return " ".join(text.split())


def read_pdf(pdf: bytes) -> Printout:
    reader = PdfReader(io.BytesIO(pdf))
    sizes: list[tuple[float, str]] = []

    def visit(text, cm, tm, _font, font_size) -> None:
        if text.strip():
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            sizes.append((round(font_size * scale, 2), text.strip()))

    pages = []
    for page in reader.pages:
        pages.append(fold(page.extract_text(visitor_text=visit)))
    return Printout(pages, sizes, pdf)


def qr_codes_on(printout: Printout, *, pages: int | None = None) -> list[list[str]]:
    """What a phone reads from each page's QR codes (or the first `pages` pages'): the page
    rendered at 150 dpi by poppler, then decoded by zxing-cpp."""
    last = ["-l", str(pages)] if pages else []  # rendering is most of the cost
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "printout.pdf"
        source.write_bytes(printout.pdf)
        # The same pixels as a PNG, uncompressed (PPM): compressing them took most of the time.
        subprocess.run(["pdftoppm", "-r", "150", *last, str(source), f"{folder}/page"],
                       check=True)
        return [[found.text for found in zxingcpp.read_barcodes(Image.open(image))]
                for image in sorted(Path(folder).glob("page-*.ppm"))]


def print_page(browser, url: str, paper: str, font: str | None, scheme: str = "light"):
    """The page as printed: its Playwright page (laid out as on the paper's width) and PDF."""
    width_mm = PAPERS[paper][0] - 2 * PAGE_MARGIN_MM
    context = browser.new_context(color_scheme=scheme, viewport={
        "width": round(width_mm * PX_PER_MM), "height": 1000})
    page = context.new_page()
    page.goto(url)
    page.emulate_media(media="print")
    if font:
        force_font(page, font)
    return page, read_pdf(page.pdf(format=paper, print_background=True))


def assert_large_print(page, printout: Printout) -> None:
    small = sorted({(size, text) for size, text in printout.sizes if size < SMALLEST_PT})
    assert not small, f"text under {SMALLEST_PT}pt: {small[:5]}"
    # Body text: paragraphs and list items in the body size (titles set larger are tighter).
    ratios = page.evaluate("""() => [...document.querySelectorAll('article p, article li')]
        .filter(e => e.getClientRects().length)
        .map(e => getComputedStyle(e))
        .filter(s => parseFloat(s.fontSize) < 14 / 0.75)
        .map(s => parseFloat(s.lineHeight) / parseFloat(s.fontSize))""")
    assert ratios and min(ratios) >= 1.3, f"line height {min(ratios):.2f} times the type"


def texts(page, selector: str) -> list[str]:
    return page.locator(selector).evaluate_all(
        "items => items.filter(e => e.getClientRects().length).map(e => e.innerText)")


def assert_whole(printout: Printout, items: list[str], what: str) -> int:
    """Every item on one page, the same for all; returns that page's number."""
    assert items, f"{what}: nothing printed"
    found = {printout.page_of(item[:40]) for item in items}
    assert 0 not in found, f"{what}: not printed: {items}"
    assert len(found) == 1, f"{what}: split across pages {sorted(found)}"
    return found.pop()


def block_heights(page) -> dict[str, int]:
    """How tall each printed part of an exercise sheet is, in mm: what to shorten first."""
    return page.evaluate("""() => Object.fromEntries([
        ['steps', '.gm-how-to-do-it'], ['stop rules', '.gm-stop-if'],
        ['warning signs', 'section:has(> .gm-red-flags)'], ['cautions', '.gm-check-first'],
        ['easier version', '.gm-easier'], ['pictures', '.gm-figure--main']]
        .map(([name, selector]) => [name, Math.round(
            document.querySelector(selector).getBoundingClientRect().height / (96 / 25.4))]))""")


def drawn_sizes_mm(page, selector: str) -> list[float]:
    """How large each drawing is on paper: its width, or its height if it stands taller than
    it is wide (a standing figure), within its box less the room its aspect ratio leaves."""
    return page.locator(selector).evaluate_all("""svgs => svgs.map(svg => {
        const box = svg.getBoundingClientRect();
        const view = svg.viewBox.baseVal;
        const width = Math.min(box.width, box.height * view.width / view.height);
        return Math.max(width, width * view.height / view.width) / (96 / 25.4);
    })""")


# Exercise sheets -------------------------------------------------------------------------------


@dataclass
class ExerciseSheet:
    """One exercise page as printed, with what the tests read of its layout."""

    printout: Printout
    front: list[str]
    """What the front must hold: title, dose, steps, stop rules and address."""
    boxes: dict[str, list[str]]
    """Each box's items: the stop rules, the cautions, the warning signs."""
    heights: dict[str, int]
    picture_sizes: list[float]
    """Each start and end picture's width (its height if it stands), in mm."""
    easier: list[str]
    large_print_problem: str | None


_SHEETS: dict[tuple[str, str, str], ExerciseSheet] = {}


def exercise_sheet(browser, built_site: BuiltSite, slug: str, paper: str,
                   font: str) -> ExerciseSheet:
    """Each exercise printed once per paper and font, for all the tests that read it."""
    key = (slug, paper, font)
    if key not in _SHEETS:
        url = (built_site.folder / "exercises" / f"{slug}.html").as_uri()
        page, printout = print_page(browser, url, paper, FONTS[font])
        try:
            assert_large_print(page, printout)
            problem = None
        except AssertionError as error:
            problem = str(error)
        _SHEETS[key] = ExerciseSheet(
            printout=printout,
            front=[built_site.content.exercises[slug].title, *texts(page, ".gm-dose li"),
                   *texts(page, ".gm-steps li"), *texts(page, ".gm-stop-if li"),
                   f"{TEST_SITE_URL}exercises/{slug}.html"],
            boxes={"stop rules": texts(page, ".gm-stop-if li"),
                   "check first": texts(page, ".gm-check-first li"),
                   "the warning signs": texts(page, ".gm-red-flags li")},
            heights=block_heights(page),
            picture_sizes=drawn_sizes_mm(page, ".gm-figure--main .gm-frame svg.gm-fig"),
            easier=[fold(text).split(":")[0] for text in texts(page, ".gm-easier li")],
            large_print_problem=problem,
        )
        page.context.close()
    return _SHEETS[key]


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("paper", PAPERS)
def test_an_exercise_prints_in_large_print_with_its_pictures_and_code(
        browser, built_site: BuiltSite, slug: str, paper: str, font: str) -> None:
    exercise = built_site.content.exercises[slug]
    sheet = exercise_sheet(browser, built_site, slug, paper, font)
    assert sheet.large_print_problem is None, sheet.large_print_problem
    assert len(sheet.picture_sizes) == 2 and min(sheet.picture_sizes) >= 59.5, sheet.picture_sizes
    # Page 1 carries the QR code, and a phone reads the exercise's address from it.
    assert qr_codes_on(sheet.printout, pages=1) == [[f"{TEST_SITE_URL}exercises/{slug}.html"]]
    assert sheet.printout.page_of(exercise.title) == 1
    # Every warning sign prints; of the easier versions, the chair or bed ones, each with the
    # address of its own page.
    assert len(sheet.boxes["the warning signs"]) == (
        len(built_site.content.red_flags.emergency.signs)
        + len(built_site.content.red_flags.urgent.signs))
    versions = [v for v in exercise.versions
                if v.kind == "easier" and v.place in ("chair", "bed")]
    assert sheet.easier == [v.name + place_note(v.name, v.place) for v in versions]
    for version in versions:  # with the address of its own page, to type in (it may wrap)
        address = f"{TEST_SITE_URL}exercises/{slug}-{version.id}.html"
        assert any(address in "".join(page.split()) for page in sheet.printout.pages), address
    assert sheet.printout.page_of("Last reviewed") > 0
    # The numbers to call print in full, action first; why the signs matter stays on screen.
    red_flags = built_site.content.red_flags
    for group in (red_flags.emergency, red_flags.urgent):
        assert sheet.printout.page_of(group.action) > 0
        for phone in group.call:
            assert sheet.printout.page_of(f"Call {phone.number} ({phone.where})") > 0
        if group.how:
            assert sheet.printout.page_of(group.how) > 0
    assert sheet.printout.page_of("Why these signs matter") == 0


@pytest.mark.xfail(reason="The corrected content is too long for one sheet at 12pt: the "
                          "warning signs and the cautions need about a third fewer words on "
                          "paper. The failure says how tall each part is.", strict=False)
@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("paper", PAPERS)
def test_an_exercise_fits_one_sheet_with_each_box_whole(
        browser, built_site: BuiltSite, slug: str, paper: str, font: str) -> None:
    sheet = exercise_sheet(browser, built_site, slug, paper, font)
    printout = sheet.printout
    assert len(printout.pages) <= 2, (
        f"{len(printout.pages)} pages; the content is too long for one sheet. Heights in mm, "
        f"on a page {PAPERS[paper][1] - 2 * PAGE_MARGIN_MM}mm tall: {sheet.heights}")
    # The front: all it takes to do the exercise safely, and the way back to the page.
    assert assert_whole(printout, sheet.front, "the front") == 1
    for name, items in sheet.boxes.items():
        assert_whole(printout, items, name)


def test_a_version_prints_its_own_steps_and_cautions(browser, built_site: BuiltSite) -> None:
    """A physiotherapist hands over the chair version's page: its steps, and what it needs
    before it starts, are on the paper."""
    pigeon = built_site.content.exercises["pigeon-pose"]
    chair = pigeon.version("figure-4-chair")
    url = (built_site.folder / "exercises" / "pigeon-pose-figure-4-chair.html").as_uri()
    page, printout = print_page(browser, url, "A4", None)
    assert printout.page_of(f"{pigeon.title}: {chair.name}") == 1
    for text in [*chair.cautions, *chair.steps]:
        assert printout.page_of(plain_text(text)) > 0, text
    assert qr_codes_on(printout, pages=1) == [
        [f"{TEST_SITE_URL}exercises/pigeon-pose-figure-4-chair.html"]]
    page.context.close()


def test_paper_is_black_on_white_in_the_dark_scheme(browser, built_site: BuiltSite) -> None:
    url = (built_site.folder / "exercises" / "knee-to-chest.html").as_uri()
    page, _ = print_page(browser, url, "A4", None, scheme="dark")
    colours = page.evaluate("""() => [...document.querySelectorAll('article p, article li')]
        .filter(e => e.getClientRects().length).map(e => getComputedStyle(e).color)""")
    assert set(colours) == {"rgb(0, 0, 0)"}, set(colours)


# The routine -----------------------------------------------------------------------------------


ROUTINE = "#r2=knee-to-chest,pigeon-pose~figure-4-chair,cat-cow"


def every_exercise_longest_version(built_site: BuiltSite) -> str:
    items = []
    for slug, exercise in built_site.content.exercises.items():
        versions = [(sum(len(step) for step in v.steps) + sum(len(c) for c in v.cautions),
                     v.id) for v in exercise.versions]
        items.append(f"{slug}~{max(versions)[1]}")
    return "#r2=" + ",".join(items)


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("paper", PAPERS)
def test_a_routine_prints_in_large_print_with_its_codes(browser, built_site: BuiltSite,
                                                       paper: str, font: str) -> None:
    url = (built_site.folder / "my-routine.html").as_uri() + ROUTINE
    page, printout = print_page(browser, url, paper, FONTS[font])
    assert_large_print(page, printout)
    address = f"{TEST_SITE_URL}my-routine.html{ROUTINE}"
    header = page.locator(".gm-routine-print-header")
    assert re.fullmatch(r"Printed on \d{1,2} [A-Z][a-z]+ \d{4}\.",
                        header.locator("[data-gm-routine-printed]").inner_text())
    assert printout.page_of("Printed on") == 1
    assert address in fold(header.inner_text())
    assert page.locator(".gm-routine-printed-exercises .gm-sheet").count() == 3
    assert page.locator(".gm-red-flags:visible").count() == 1
    assert page.locator(".gm-routine-notes").is_visible()
    # A phone reads the routine's address from page 1, and each chosen version's from its sheet.
    codes = qr_codes_on(printout)
    assert codes[0][:1] == [address]
    assert sorted(code for page_codes in codes for code in page_codes) == sorted([
        address, f"{TEST_SITE_URL}exercises/knee-to-chest.html",
        f"{TEST_SITE_URL}exercises/pigeon-pose-figure-4-chair.html",
        f"{TEST_SITE_URL}exercises/cat-cow.html"])


@pytest.mark.xfail(reason="The corrected content is too long to keep every exercise whole on "
                          "a page at 12pt: its cautions need fewer words on paper.",
                   strict=False)
@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("paper", PAPERS)
def test_a_routine_keeps_each_exercise_whole_on_a_page(browser, built_site: BuiltSite,
                                                      paper: str, font: str) -> None:
    url = (built_site.folder / "my-routine.html").as_uri() + ROUTINE
    page, printout = print_page(browser, url, paper, FONTS[font])
    sheets = page.locator(".gm-routine-printed-exercises .gm-sheet")
    for n in range(sheets.count()):
        sheet = sheets.nth(n)
        parts = [*texts(sheet, ".gm-sheet-dose li"),
                 *texts(sheet, ":is(.gm-start, .gm-steps li, .gm-sheet-cautions li)"),
                 *texts(sheet, ".gm-sheet-stop-if li"), *texts(sheet, ".gm-sheet-check-first li")]
        assert_whole(printout, parts, sheet.get_attribute("data-gm-sheet"))
    assert_whole(printout, texts(page, ".gm-red-flags li"), "the warning signs")


def test_a_routine_prints_each_chosen_version(browser, built_site: BuiltSite) -> None:
    url = (built_site.folder / "my-routine.html").as_uri() + ROUTINE
    page, _ = print_page(browser, url, "A4", None)
    sheets = page.locator(".gm-routine-printed-exercises .gm-sheet")
    pigeon = built_site.content.exercises["pigeon-pose"]
    chair = pigeon.version("figure-4-chair")
    usual, chosen, plain = sheets.nth(0), sheets.nth(1), sheets.nth(2)
    # The chair version's own sheet: its picture, dose, cautions and steps, not the floor's.
    assert chosen.get_attribute("data-gm-sheet") == "pigeon-pose~figure-4-chair"
    assert fold(chosen.locator(".gm-sheet-title").inner_text()).endswith(
        f"{pigeon.title}: {chair.name}")
    assert [fold(step) for step in texts(chosen, ".gm-steps li")] == [
        fold(plain_text(step)) for step in chair.steps]
    assert [fold(c) for c in texts(chosen, ".gm-sheet-cautions li")] == [
        fold(plain_text(c)) for c in chair.cautions]
    assert chosen.locator(".gm-sheet-picture svg[role='img']").first.get_attribute(
        "aria-label") == pigeon.picture_of("figure-4-chair").start.alt
    assert chosen.locator("svg.gm-qr title").text_content() == (
        f"QR code that opens {TEST_SITE_URL}exercises/pigeon-pose-figure-4-chair.html")
    for sheet, slug in ((usual, "knee-to-chest"), (plain, "cat-cow")):
        assert sheet.get_attribute("data-gm-sheet") == slug
        assert [fold(step) for step in texts(sheet, ".gm-steps li")] == [
            fold(plain_text(step)) for step in built_site.content.exercises[slug].steps]
        assert sheet.locator("svg.gm-qr title").text_content() == (
            f"QR code that opens {TEST_SITE_URL}exercises/{slug}.html")


@pytest.mark.xfail(reason="As above: the cautions need fewer words on paper.", strict=False)
def test_every_exercise_in_its_longest_version_prints_whole(browser,
                                                            built_site: BuiltSite) -> None:
    url = (built_site.folder / "my-routine.html").as_uri() + every_exercise_longest_version(
        built_site)
    page, printout = print_page(browser, url, "Letter", FONTS["dejavu"])
    sheets = page.locator(".gm-routine-printed-exercises .gm-sheet")
    assert sheets.count() == len(built_site.content.exercises)
    for n in range(sheets.count()):
        sheet = sheets.nth(n)
        parts = [*texts(sheet, ".gm-sheet-stop-if li"),
                 *texts(sheet, ".gm-sheet-check-first li")]
        assert_whole(printout, parts, sheet.get_attribute("data-gm-sheet"))
