"""No import cycle among soptui's modules, and none hidden in a function (issue 14).

A function-local import is allowed as a lazy load (start-up: reportlab,
pikepdf, a plugin's drawing code are imported when first used), never to
break a cycle: moving every local import of a soptui module to the top of
its module must leave the graph without cycles. Edges are the imports as
written (``from soptui.layout.types import Page`` is an edge to
``soptui.layout.types``), not the parent packages Python runs on the way.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = [ROOT / "soptui", *sorted((ROOT / "plugins").glob("_soptui_*"))]


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in package.rglob("*.py"):
            parts = list(path.relative_to(package.parent).with_suffix("").parts)
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = _modules()


def _known(name: str) -> str | None:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _targets(node: ast.Import | ast.ImportFrom, module: str) -> list[str]:
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = module.split(".") if MODULES[module].name == "__init__.py" else module.split(".")[:-1]
            base = ".".join(package[:len(package) - node.level + 1] + ([base] if base else []))
        names = [f"{base}.{alias.name}" if _known(f"{base}.{alias.name}") == f"{base}.{alias.name}" else base
                 for alias in node.names]
    return [known for known in map(_known, names) if known and known != module]


def _imports(module: str) -> tuple[set[str], set[str]]:
    """What ``module`` imports at its top (outside ``if TYPE_CHECKING``) and inside functions."""
    top: set[str] = set()
    local: set[str] = set()

    def walk(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                (local if inside else top).update(_targets(child, module))
            walk(child, inside)

    walk(ast.parse(MODULES[module].read_text(encoding="utf-8")), False)
    return top, local


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of ``graph`` as the modules on it, or ``[]``."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for after in sorted(graph.get(node, ())):
            if state.get(after) == 1:
                return path[path.index(after):] + [after]
            if after not in state and (found := visit(after)):
                return found
        state[node] = 2
        path.pop()
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


IMPORTS = {module: _imports(module) for module in MODULES}


def test_the_modules_import_each_other_without_a_cycle():
    assert _cycle({module: top for module, (top, _) in IMPORTS.items()}) == []


def test_no_function_local_import_hides_a_cycle():
    assert _cycle({module: top | local for module, (top, local) in IMPORTS.items()}) == []


def test_the_graph_is_read_from_the_sources():
    """The check sees real edges: the loader's import of the model, a lazy import of reportlab's user."""
    top, _ = IMPORTS["soptui.loader"]
    assert "soptui.model" in top
    assert any(local for _, local in IMPORTS.values())
