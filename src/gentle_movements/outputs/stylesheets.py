"""The site's own stylesheets as served: comments and runs of white space removed, so that
every page loads less. The files in docs/assets/ keep their comments for whoever edits them.
"""

from __future__ import annotations

import re

_TOKENS = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(/\*.*?\*/)|(\s+)""", re.S)
_AROUND = re.compile(r" ?([{};]) ?")


def minified(css: str) -> str:
    """`css` without comments, each run of white space one space, none beside `{`, `}` or
    `;`. Quoted strings (such as `content: "Start: "`) are kept exactly as written."""
    out: list[str] = []
    for part in _split(css):
        if part[0] in "\"'":
            out.append(part)
        else:
            out.append(_AROUND.sub(r"\1", part))
    return "".join(out).strip() + "\n"


def _split(css: str) -> list[str]:
    """The text between strings with comments dropped and white space folded, and the
    strings themselves, in order."""
    parts: list[str] = []
    plain: list[str] = []
    at = 0
    for found in _TOKENS.finditer(css):
        plain.append(css[at:found.start()])
        string, comment, space = found.groups()
        if string:
            parts += ["".join(plain), string]
            plain = []
        elif comment or space:
            plain.append(" ")
        at = found.end()
    plain.append(css[at:])
    parts.append("".join(plain))
    return [re.sub(r" +", " ", part) if part[:1] not in "\"'" else part
            for part in parts if part]
