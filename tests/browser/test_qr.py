"""QR codes drawn in the browser (docs/assets/javascripts/qr.js) read back by a real decoder
(zxing-cpp) as the text they were drawn from, from a version 1 code to a long routine's."""

from __future__ import annotations

import pytest
import segno
import zxingcpp
from PIL import Image

from shared import BuiltSite

TEXTS = [
    "a",
    "https://example.org/gentle-movements/exercises/bridge.html",
    "https://example.org/gentle-movements/exercises/pigeon-pose-figure-4-chair.html",
    # A routine of many exercises: a large code (version 10 and over: 16-bit lengths, several
    # blocks, version information).
    "https://example.org/gentle-movements/my-routine.html#r2="
    + ",".join(f"exercise-number-{n}~on-a-chair" for n in range(12)),
    "x" * 1500,
    "Ü ✓ — not only ASCII",
]


def picture(modules: list[list[bool]], scale: int = 4, border: int = 4) -> Image.Image:
    size = (len(modules) + 2 * border) * scale
    image = Image.new("L", (size, size), 255)
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                left, top = (x + border) * scale, (y + border) * scale
                image.paste(0, (left, top, left + scale, top + scale))
    return image


def decoded(image: Image.Image) -> list[str]:
    return [found.text for found in zxingcpp.read_barcodes(image)
            if found.format == zxingcpp.BarcodeFormat.QRCode]


@pytest.fixture(scope="module")
def qr_page(browser, built_site: BuiltSite):
    page = browser.new_page()
    page.goto((built_site.folder / "my-routine.html").as_uri())
    page.wait_for_function("() => window.GentleMovementsQr")
    yield page
    page.close()


@pytest.mark.parametrize("text", TEXTS, ids=lambda text: f"{len(text.encode())} bytes")
def test_a_decoder_reads_back_what_was_drawn(qr_page, text: str) -> None:
    modules = qr_page.evaluate("text => window.GentleMovementsQr.modules(text)", text)
    expected = segno.make(text.encode("utf-8"), error="m", mode="byte", micro=False,
                          boost_error=False)
    assert len(modules) == expected.symbol_size(border=0)[0]  # the smallest version that fits
    assert decoded(picture(modules)) == [text]


def test_the_drawing_names_what_it_opens(qr_page) -> None:
    svg = qr_page.evaluate("""() => {
        const svg = window.GentleMovementsQr.svg('https://example.org/', 'QR code that opens x');
        return {role: svg.getAttribute('role'), title: svg.querySelector('title').textContent,
                view: svg.getAttribute('viewBox'), cls: svg.getAttribute('class')};
    }""")
    size = segno.make(b"https://example.org/", error="m", mode="byte", boost_error=False,
                      micro=False).symbol_size(border=2)[0]
    assert svg == {"role": "img", "title": "QR code that opens x",
                   "view": f"0 0 {size} {size}", "cls": "gm-qr"}
