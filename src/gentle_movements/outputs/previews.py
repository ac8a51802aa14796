"""The link-preview image messengers show for a shared address, drawn offline at build time.

Pillow draws it with the font it ships, so the build needs no network and no system fonts.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)
BACKGROUND = (0, 105, 92)  # Material's teal 800: white text on it passes WCAG AA
TEXT = (255, 255, 255)


def preview_png(title: str, tagline: str) -> bytes:
    """A 1200x630 PNG with the title and a tagline, the same bytes every time."""
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.text((80, 200), title, font=ImageFont.load_default(96), fill=TEXT)
    for line_number, line in enumerate(_wrap(tagline, 40)):
        draw.text((80, 340 + 60 * line_number), line, font=ImageFont.load_default(46), fill=TEXT)
    draw.rectangle((80, 160, 240, 170), fill=TEXT)
    out = io.BytesIO()
    # Without `optimize`: it saved 4% of the bytes and took twice as long as the drawing.
    image.save(out, format="PNG")
    return out.getvalue()


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines
