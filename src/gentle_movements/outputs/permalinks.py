"""The link beside each heading, for copying a section's address: kept for the mouse, out of
the keyboard's way and unheard, since every section is also in the page's contents.

Without this, a keyboard user tabs through a "¶" after every heading before reaching the
timer, and a screen reader reads each one out as "pilcrow" or "paragraph".
"""

from __future__ import annotations

import re

HEADING_LINK = re.compile(r'<a class="headerlink" href="(#[^"]*)"')


def quiet_permalinks(html: str) -> str:
    return HEADING_LINK.sub(r'<a class="headerlink" href="\1" tabindex="-1" aria-hidden="true"',
                            html)
