"""A strict Content-Security-Policy for every built page, with the hash of each inline script.

The policy is a <meta> tag (static hosts such as GitHub Pages cannot send headers, and the
offline copy has none). Scripts may come only from the site itself or be one of the page's
own inline scripts, by hash: content can never add script that runs.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attributes>[^>]*)>(?P<body>.*?)</script>",
                            re.DOTALL | re.IGNORECASE)
_HEAD = re.compile(r"<head[^>]*>(\s*<meta charset=[^>]*>)?", re.IGNORECASE)

DIRECTIVES = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],  # Material sets style attributes at run time
    "img-src": ["'self'", "data:"],  # the theme's icons are data: SVGs in its CSS
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "frame-src": ["'self'"],  # the offline search frame (worker-frame.html)
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
}


def policy_for(html: str) -> str:
    """The policy for one page: the fixed directives plus its inline scripts' hashes."""
    # JSON data blocks (application/json, application/ld+json) are never run: no hash needed.
    hashes = sorted({_hash(m.group("body")) for m in _INLINE_SCRIPT.finditer(html)
                     if "json" not in m.group("attributes")})
    directives = {**DIRECTIVES, "script-src": [*DIRECTIVES["script-src"], *hashes]}
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def with_policy(html: str) -> str:
    """The page with its policy as the first thing in <head>, before any script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    return _HEAD.sub(lambda m: f"{m.group(0)}\n    {meta}", html, count=1)


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
