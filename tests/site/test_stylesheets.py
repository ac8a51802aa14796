"""The site's own stylesheets are served minified, and say the same as their sources."""

from __future__ import annotations

import re

from gentle_movements.outputs.stylesheets import minified
from shared import ROOT, BuiltSite


def test_comments_and_white_space_go_and_strings_stay() -> None:
    css = ('/* a note */\n.a  >  .b ,\n.c {\n  color : red ;  /* why */\n'
           '  content: "Start: /* kept */  " ;\n}\n.d::after { content: \'x  y\' }\n')
    assert minified(css) == ('.a > .b , .c{color : red;content: "Start: /* kept */  ";}'
                             ".d::after{content: 'x  y'}\n")


def _declarations(css: str) -> list[str]:
    """Selectors and declarations, white space folded: what a browser reads."""
    css = re.sub(r"/\*.*?\*/", " ", css, flags=re.S)
    return [" ".join(part.split()) for part in re.split(r"[{};]", css) if part.strip()]


def test_the_served_stylesheets_are_their_sources_minified(built_site: BuiltSite) -> None:
    sources = sorted((ROOT / "docs" / "assets").glob("*.css"))
    assert sources
    for source in sources:
        served = (built_site.folder / "assets" / source.name).read_text(encoding="utf-8")
        assert "/*" not in served.replace('"/*', ""), source.name
        assert _declarations(served) == _declarations(source.read_text(encoding="utf-8"))
        assert len(served) < len(source.read_text(encoding="utf-8"))
