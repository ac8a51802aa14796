"""The package's layers, read from its imports: each module imports only from its own layer or
the ones below it, with no cycle, no private name from another module, and MkDocs only in
`mkdocs_hooks`. Nothing in the project edits `sys.path`: `uv sync` installs the package."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from shared import ROOT

PACKAGE = ROOT / "src" / "gentle_movements"
LAYERS = (
    ("errors", "settings", "markup", "blocks", "urls", "templating"),
    ("model",),
    ("figure",),
    ("load",),
    ("outputs",),
    ("pages",),
    ("checks",),
    ("mkdocs_hooks",),
)
"""Bottom first: the text checks and names everything uses, the model, the pictures, loading
content, the files beside the pages, the pages, the checks of the built site, the MkDocs edge."""


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _layer(module: str) -> int:
    top = module.split(".")[1] if "." in module else ""
    for index, layer in enumerate(LAYERS):
        if top in layer:
            return index
    return -1  # the package's own __init__ and the folders' __init__ files


def _imports(module: str) -> list[tuple[str, list[str], int]]:
    """Each import of the package: the module imported, the names taken, the line."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{module}:{node.lineno}: use absolute imports"
            if node.module.startswith("gentle_movements"):
                for alias in node.names:
                    target = f"{node.module}.{alias.name}"
                    if target in MODULES:  # `from package import module`
                        found.append((target, [], node.lineno))
                    else:
                        found.append((node.module, [alias.name], node.lineno))
        elif isinstance(node, ast.Import):
            found += [(alias.name, [], node.lineno) for alias in node.names
                      if alias.name.startswith("gentle_movements")]
    return found


def test_every_module_has_a_layer() -> None:
    loose = [m for m in MODULES if m != "gentle_movements" and _layer(m) < 0]
    assert loose == [], "add these to LAYERS"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_down_the_layers_and_take_no_private_names(module: str) -> None:
    for target, names, line in _imports(module):
        where = f"{MODULES[module].relative_to(ROOT)}:{line}"
        assert _layer(target) <= _layer(module), f"{where}: {module} imports upward, {target}"
        private = [name for name in names if name.startswith("_")]
        assert not private, f"{where}: {private} are private to {target}"


def test_there_are_no_import_cycles() -> None:
    graph = {m: {t for t, _, _ in _imports(m) if t != m} for m in MODULES}
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycle = [*path[path.index(module):], module]
            raise AssertionError(" -> ".join(cycle))
        if module in done:
            return
        for target in graph.get(module, ()):
            visit(target, [*path, module])
        done.add(module)

    for module in graph:
        visit(module, [])


def test_only_the_mkdocs_edge_imports_mkdocs() -> None:
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        names += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                  for alias in node.names]
        if any(name and name.split(".")[0] == "mkdocs" for name in names):
            assert module == "gentle_movements.mkdocs_hooks", f"{module} imports MkDocs"


def test_nothing_edits_the_import_path() -> None:
    code = [p for folder in ("src", "hooks", "tests", "benchmarks") for p in
            (ROOT / folder).rglob("*.py")]
    edits = [p.relative_to(ROOT) for p in code if p != Path(__file__)
             and ("sys.path" in p.read_text(encoding="utf-8"))]
    assert edits == []
    assert "PYTHONPATH" not in (ROOT / "Makefile").read_text(encoding="utf-8")
