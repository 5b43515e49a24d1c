"""The import graph between the modules of one package, and its coupling numbers.

Built from the syntax tree (no import of student code): efferent coupling Ce
(internal modules a module imports), afferent coupling Ca (internal modules
importing it), instability I = Ce / (Ca + Ce), and import cycles.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class ModuleCoupling:
    module: str
    efferent: int
    afferent: int

    @property
    def instability(self) -> float:
        total = self.efferent + self.afferent
        return self.efferent / total if total else 0.0


def _package_of(module: str, is_init: bool) -> str:
    return module if is_init else module.rpartition(".")[0]


def imported_modules(tree: ast.Module, module: str, is_init: bool, known: set[str]) -> dict[str, int]:
    """Internal modules imported by `module`, each with the line of its first import."""
    found: dict[str, int] = {}

    def add(target: str, line: int) -> None:
        # `import a.b.c` depends on the deepest known module of the chain.
        while target and target not in known:
            target = target.rpartition(".")[0]
        if target and target != module:
            found.setdefault(target, line)

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package_of(module, is_init)
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                prefix = f"{base}.{node.module}" if node.module else base
            else:
                prefix = node.module or ""
            for alias in node.names:
                candidate = f"{prefix}.{alias.name}"
                add(candidate if candidate in known else prefix, node.lineno)
    return found


def build_graph(modules: Iterable[tuple[str, bool, ast.Module]]) -> dict[str, dict[str, int]]:
    """module -> {imported internal module: line} for (name, is_package_init, tree) triples."""
    items = list(modules)
    known = {name for name, _init, _tree in items}
    return {name: imported_modules(tree, name, is_init, known) for name, is_init, tree in items}


def coupling(graph: Mapping[str, Mapping[str, int]]) -> list[ModuleCoupling]:
    afferent = {name: 0 for name in graph}
    for targets in graph.values():
        for target in targets:
            afferent[target] = afferent.get(target, 0) + 1
    return [ModuleCoupling(name, len(graph[name]), afferent[name]) for name in sorted(graph)]


def cycles(graph: Mapping[str, Mapping[str, int]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)
