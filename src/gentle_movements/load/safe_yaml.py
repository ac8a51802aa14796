"""Reading one YAML file safely, keeping the line of every value for error messages.

PyYAML on its own keeps the last of two duplicate keys, reads `NO` as false and `1:30` as 90,
raises a bare ValueError on `2024-13-45` and expands alias bombs. This reader refuses or
defuses each of those and reports them as `ContentError`s with a line number.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

from gentle_movements.errors import ContentError, ContentErrors

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 12

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml parses ~15x faster

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


class _ContentLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A YAML 1.2-like core schema: dates stay text, only true/false are booleans."""

    yaml_implicit_resolvers: dict = {}  # noqa: RUF012 - replaced, not shared with PyYAML


for _tag, _pattern, _first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    ("tag:yaml.org,2002:float", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$",
     "-+0123456789."),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    _ContentLoader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


@dataclass(frozen=True)
class YamlDocument:
    """A parsed file: its plain data, and its node tree for finding lines."""

    path: str
    data: object
    root: yaml.Node

    def line_of(self, location: tuple[str | int, ...], *, key: bool = False) -> int:
        """The 1-based line of the value at `location`, or of its nearest parent that exists.

        With `key=True`, the line of the last key itself (for an unknown key).
        """
        node = self.root
        for part in location:
            child = _child(node, part, key=key and part == location[-1])
            if child is None:
                break
            node = child
        return node.start_mark.line + 1


def _child(node: yaml.Node, part: str | int, *, key: bool) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == part:
                return key_node if key else value_node
    elif (isinstance(node, yaml.SequenceNode) and isinstance(part, int)
          and 0 <= part < len(node.value)):
        return node.value[part]
    return None


def read_bytes(path: Path, shown_as: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or `ContentErrors` saying why
    it cannot be read. Whatever else the name points at (a folder, a pipe that would wait
    for ever, a device that never ends) is refused before it is opened."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            _fail(shown_as, 1, "is not a plain file (it is a folder, a device or a pipe); "
                  "content files must be text files")
        if status.st_size > limit:
            _fail(shown_as, 1, f"file is {status.st_size} bytes; the limit is {limit}")
        with path.open("rb") as file:
            raw = file.read(limit + 1)
    except FileNotFoundError:
        _fail(shown_as, 1, "file is missing")
    except OSError as error:
        _fail(shown_as, 1, f"cannot be read: {error.strerror or error}")
    if len(raw) > limit:  # it grew while being read
        _fail(shown_as, 1, f"file is over {limit} bytes, the limit")
    return raw


def read_yaml(path: Path, shown_as: str) -> YamlDocument:
    """Parse `path`, or raise `ContentErrors` naming every problem found in it."""
    return parse_yaml(read_bytes(path, shown_as), shown_as)


def parse_yaml(raw: bytes, shown_as: str) -> YamlDocument:
    """Parse the bytes of a file shown as `shown_as`, or raise `ContentErrors` naming every
    problem found in them."""
    if raw.startswith(b"\xef\xbb\xbf"):
        _fail(shown_as, 1, "file starts with a byte-order mark; save it as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        _fail(shown_as, line, "file is not UTF-8 text; save it as UTF-8")
    if not text.strip():
        _fail(shown_as, 1, "file is empty")

    loader = _ContentLoader(text)
    try:
        # Events first: they stream without recursion, so a nesting bomb is refused before
        # libyaml builds a node tree deep enough to overflow the C stack.
        problems = _event_problems(text, shown_as)
        if problems:
            raise ContentErrors(problems)
        root = loader.get_single_node()
        if root is None:  # only comments
            _fail(shown_as, 1, "file is empty")
        problems = _structural_problems(root, shown_as, loader)
        if problems:
            raise ContentErrors(problems)
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problem = error.problem or error.context or ""
        # Newer libyaml bounds nesting itself, before our own count gets there: one message
        # whichever of the two finds it.
        if "nesting depth" in problem:
            _fail(shown_as, line, f"nested deeper than {MAX_DEPTH} levels")
        _fail(shown_as, line, f"this is not valid YAML: {problem}")
    except yaml.YAMLError as error:
        _fail(shown_as, 1, f"this is not valid YAML: {error}")
    finally:
        loader.dispose()
    return YamlDocument(shown_as, data, root)


def _event_problems(text: str, shown_as: str) -> list[ContentError]:
    """Anchors, aliases and deep nesting, found in the event stream."""
    problems: list[ContentError] = []
    depth = 0
    for event in yaml.parse(text, Loader=_BaseLoader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            problems.append(ContentError(shown_as, line, "", "anchors and aliases (& and *) "
                                         "are not allowed; write the value out in full"))
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                problems.append(ContentError(shown_as, line, "",
                                             f"nested deeper than {MAX_DEPTH} levels"))
                break
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return problems


def _structural_problems(root: yaml.Node | None, shown_as: str,
                         loader: _ContentLoader) -> list[ContentError]:
    """Duplicate keys, custom tags, tags that do not fit their value, keys that are not plain
    values and deep nesting, in one walk of the alias-free tree."""
    problems: list[ContentError] = []
    to_visit = [(root, 0)] if root is not None else []
    while to_visit:  # a loop, not recursion: the tree may be deeper than Python allows
        node, depth = to_visit.pop()
        line = node.start_mark.line + 1
        if node.tag not in _STANDARD_TAGS:
            problems.append(ContentError(shown_as, line, "", f"the tag {node.tag} is not allowed"))
            continue
        if isinstance(node, yaml.ScalarNode):
            problem = _scalar_problem(node, loader)
            if problem:
                problems.append(ContentError(shown_as, line, "", problem))
            continue
        if isinstance(node, yaml.CollectionNode) and depth + 1 > MAX_DEPTH:
            problems.append(ContentError(shown_as, line, "",
                                         f"nested deeper than {MAX_DEPTH} levels"))
            break
        if isinstance(node, yaml.MappingNode):
            first_line: dict[object, int] = {}
            for key_node, value_node in node.value:
                key_line = key_node.start_mark.line + 1
                if not isinstance(key_node, yaml.ScalarNode):
                    problems.append(ContentError(shown_as, key_line, "", "a key must be a plain "
                                                 "word, not a list or a mapping"))
                    continue
                if key_node.value in first_line:
                    problems.append(ContentError(
                        shown_as, key_line, str(key_node.value),
                        f"duplicate key; it is already set on line {first_line[key_node.value]}",
                    ))
                first_line.setdefault(key_node.value, key_line)
                to_visit += [(key_node, depth + 1), (value_node, depth + 1)]
        elif isinstance(node, yaml.SequenceNode):
            to_visit += [(item, depth + 1) for item in node.value]
    return problems


MAX_DIGITS = 18
"""Digits in a number: no count or angle on the site comes near, and Python refuses to read
numbers of more than 4,300 digits."""


def _scalar_problem(node: yaml.ScalarNode, loader: _ContentLoader) -> str | None:
    """A value that could not be read as its tag says: `!!int abc`, `!!bool maybe`, or a
    number too long to be a number. Plain values resolve to their tag, so only an explicit
    tag can fail here; `!!str` fits anything."""
    if node.tag == "tag:yaml.org,2002:str":
        return None
    kind = node.tag.rsplit(":", 1)[-1]
    if loader.resolve(yaml.ScalarNode, node.value, (True, False)) != node.tag:
        return f"{_short(node.value)!r} cannot be read as {kind}; remove the tag !!{kind}"
    if kind in ("int", "float") and sum(c.isdigit() for c in node.value) > MAX_DIGITS:
        return f"this number is too long; numbers here have at most {MAX_DIGITS} digits"
    return None


def _short(text: str) -> str:
    return text if len(text) <= 30 else text[:27] + "..."


def _fail(shown_as: str, line: int, message: str) -> None:
    raise ContentErrors([ContentError(shown_as, line, "", message)])
