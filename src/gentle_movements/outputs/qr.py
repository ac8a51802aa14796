"""QR codes of page addresses, as small inline SVG, for printed exercise sheets."""

from __future__ import annotations

import io

import segno


def qr_svg(address: str, *, title: str) -> str:
    """An accessible inline SVG QR code (about 2 KB) that scales with its box."""
    # A fixed mask: scanners read any of the eight, and trying them all costs 5x the time.
    code = segno.make(address, error="m", micro=False, mask=0)
    out = io.BytesIO()
    code.save(
        out, kind="svg", xmldecl=False, svgns=True, nl=False, omitsize=True, border=2,
        svgclass="gm-qr", lineclass=None, title=title, dark="#000", light="#fff",
    )
    # role="img" so screen readers announce the title instead of the drawing.
    return out.getvalue().decode("utf-8").replace("<svg ", '<svg role="img" ', 1)
