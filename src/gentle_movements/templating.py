"""Markup blocks from the Jinja templates in `templates/`, and JSON for a `<script>` block.

Every template is autoescaped: a value is escaped unless it is already markup (an SVG the
build drew, Markdown that a page renders later), which the caller marks with `Markup`. An
undefined name fails at once, so a misspelt value cannot leave a gap on a page.
"""

from __future__ import annotations

from typing import Any

from jinja2 import BytecodeCache, Environment, PackageLoader, StrictUndefined
from jinja2.bccache import Bucket
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

ENVIRONMENT = Environment(
    loader=PackageLoader("gentle_movements", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    # A block's last line break is the caller's to add: Markdown reads blank lines.
    keep_trailing_newline=False,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(template: str, **values: Any) -> str:
    """The template's markup with `values` filled in and escaped."""
    return ENVIRONMENT.get_template(template).render(**values)


def script_json(data: Any, *, sort_keys: bool = False) -> Markup:
    """JSON that is safe inside `<script>`: `<`, `>`, `&` and `'` written as Unicode escapes,
    so no string can close the block or open a comment, whatever the content holds."""
    return htmlsafe_json_dumps(data, ensure_ascii=False, sort_keys=sort_keys,
                               separators=(",", ":"))


def markup(text: str) -> Markup:
    """Text that is already HTML or Markdown, to go into a template as it is."""
    return Markup(text)


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept for the life of the process. MkDocs makes a new Jinja
    environment for every build, which would compile all of the theme's templates again on
    each rebuild; Jinja compares each template's checksum, so an edited one is compiled anew."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


THEME_TEMPLATES = CompiledTemplates()
