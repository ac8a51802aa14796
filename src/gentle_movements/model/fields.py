"""The content model's building blocks: a strict base model, and text fields checked as the
reader will get them (`markup.py`). The rest of the model, the pictures' poses included,
builds on these.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from gentle_movements import markup

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_MAX_LENGTH = 60

def _checked(allowed: markup.Allowed) -> Callable[[str], str]:
    def check(text: str) -> str:
        problem = markup.text_problem(text, allowed)
        if problem:
            raise ValueError(problem)
        return text
    return check


def _refuse_unsafe_url(url: str) -> str:
    problem = markup.https_address_problem(url)
    if problem:
        raise ValueError(problem)
    return url


def _text(max_length: int, allowed: markup.Allowed) -> object:
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length),
        AfterValidator(_checked(allowed)),
    ]


ShortText = _text(120, markup.NAME)
"""A name or a title: one short line of plain words."""

Text = _text(600, markup.PROSE)
"""A sentence or a short paragraph. Markdown is allowed; raw HTML is not."""

LongText = _text(3000, markup.PROSE)
"""An answer or a tip: a few short paragraphs of Markdown."""

Sentences = _text(600, markup.SENTENCES)
"""One or two sentences on one line, such as a caption under a picture."""

LeadText = _text(600, markup.LEAD)
"""One sentence shown in bold before the text after it: links, but no emphasis."""

PlainText = _text(600, markup.PLAIN)
"""Words read out exactly as written, such as a picture's description: no Markdown."""

Slug = Annotated[
    str, StringConstraints(pattern=SLUG_PATTERN, max_length=SLUG_MAX_LENGTH)
]
"""Lower-case words joined by hyphens: a file name and part of a permanent address."""

HttpsUrl = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_refuse_unsafe_url)]


class StrictModel(BaseModel):
    # strict: YAML's `NO` (a boolean) or `12` (a number) is never silently turned into text.
    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True
    )


def refuse(model: str, problems: list[tuple[tuple[str | int, ...], str]]) -> None:
    """Refuse a model for every problem at once, each at the field it is about (such as
    `("illustrations", 1, "version")`), so the loader can point at its line."""
    if problems:
        raise ValidationError.from_exception_data(model, [
            InitErrorDetails(
                type=PydanticCustomError("content_rule", "{message}", {"message": message}),
                loc=location, input=None)
            for location, message in problems])
