"""The foundation's metrics and design rules for one version of a kata's package.

The numbers are the gates' numbers (`katabench.metrics.*`, `katabench.rules`),
so a value means the same in `kata check` and in a review. What can be judged
file by file (complexity, MI, LCOM4) is computed once per blob and cached;
what needs the whole package (coupling, duplication, the rules) is computed
per version from the files held in memory.
"""

from __future__ import annotations

import ast
import difflib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from katabench.metrics.complexity import cognitive, cyclomatic_and_maintainability
from katabench.metrics.duplication import FileTokens, clones_in, duplicated_lines, file_tokens
from katabench.metrics.imports import build_graph, coupling, cycles
from katabench.metrics.method_groups import method_groups
from katabench.model import Finding
from katabench.review.model import Metrics, Problem
from katabench.sources import Package, SourceFile, module_name, parse_source, syntax_nodes
from katabench.spec import Kata

DEFAULT_MIN_TOKENS = 40


@dataclass(frozen=True)
class FileMetrics:
    """What one file measures on its own: per function, per class, per module."""

    cyclomatic: tuple[tuple[str, int, float], ...]
    cognitive: tuple[tuple[str, int, float], ...]
    mi: float
    lines: int
    lcom4: tuple[tuple[str, int, int], ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "cyclomatic": [list(x) for x in self.cyclomatic],
            "cognitive": [list(x) for x in self.cognitive],
            "mi": self.mi,
            "lines": self.lines,
            "lcom4": [list(x) for x in self.lcom4],
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> FileMetrics:
        return FileMetrics(
            tuple((str(n), int(line), float(v)) for n, line, v in data["cyclomatic"]),
            tuple((str(n), int(line), float(v)) for n, line, v in data["cognitive"]),
            float(data["mi"]),
            int(data["lines"]),
            tuple((str(n), int(line), int(v)) for n, line, v in data["lcom4"]),
        )


CONSTRUCTORS = frozenset({"__init__", "__post_init__", "__new__"})
Function = ast.FunctionDef | ast.AsyncFunctionDef


def class_lcom4(tree: ast.Module) -> tuple[tuple[str, int, int], ...]:
    """LCOM4 of every class: the numbers of `katabench.metrics.cohesion.lcom4`, read from `ast`.

    The foundation reads LibCST, which parses ten times slower; a review measures
    every version of every file, so it runs the same rules (methods connected by
    shared attributes and calls through the first parameter; constructors,
    stubs, abstract methods and Protocol classes left out) on the tree it
    already has. tests/test_review_metrics.py checks both agree on every file of
    the repository and on generated code.
    """
    results: list[tuple[str, int, int]] = []

    def visit(node: ast.AST, prefix: list[str]) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                value = _class_lcom4(child)
                if value is not None:
                    results.append((".".join([*prefix, child.name]), child.lineno, value))
                visit(child, [*prefix, child.name])
            elif isinstance(child, ast.stmt | ast.excepthandler | ast.match_case):
                visit(child, prefix)

    visit(tree, [])
    return tuple(results)


def _name_of(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _is_stub(function: Function) -> bool:
    """A body of `pass`, `...`, strings and `raise NotImplementedError` only."""
    for statement in function.body:
        if isinstance(statement, ast.Pass):
            continue
        constant = statement.value if isinstance(statement, ast.Expr) else None
        if isinstance(constant, ast.Constant) and (
            constant.value is Ellipsis or isinstance(constant.value, str | bytes)
        ):
            continue
        if isinstance(statement, ast.Raise) and "NotImplementedError" in ast.unparse(statement):
            continue
        return False
    return True


def _receiver(function: Function) -> str | None:
    if any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in function.decorator_list):
        return None
    params = function.args.args or function.args.posonlyargs
    return params[0].arg if params else None


def _used_attributes(method: Function) -> set[str]:
    """Attributes read or written through the method's first parameter."""
    receiver = _receiver(method)
    if not receiver:
        return set()
    return {
        sub.attr
        for inner in method.body
        for sub in ast.walk(inner)
        if isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name) and sub.value.id == receiver
    }


def _counted_methods(node: ast.ClassDef) -> dict[str, set[str]]:
    methods: dict[str, set[str]] = {}
    for statement in node.body:
        if not isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        abstract = any(_name_of(d) == "abstractmethod" for d in statement.decorator_list)
        if statement.name in CONSTRUCTORS or abstract or _is_stub(statement):
            continue
        methods[statement.name] = _used_attributes(statement)
    return methods


def _class_lcom4(node: ast.ClassDef) -> int | None:
    if any(_name_of(base) == "Protocol" for base in node.bases):
        return None
    methods = _counted_methods(node)
    if len(methods) < 2:
        return None
    return len(method_groups(methods))


def file_metrics(source: SourceFile) -> FileMetrics:
    scores, index = cyclomatic_and_maintainability(source.text, source.tree)
    return FileMetrics(
        tuple((s.name, s.line, float(s.value)) for s in scores),
        tuple((s.name, s.line, float(s.value)) for s in cognitive(source.text)),
        index,
        len(source.text.splitlines()),
        class_lcom4(source.tree),
    )


def measure_file(path: str, data: bytes) -> dict[str, Any]:
    """For worker processes: one blob's metrics (as JSON), tokens and imports, or why it cannot be measured."""
    source = source_of(path, data)
    if isinstance(source, Problem):
        return {"problem": {"path": source.path, "line": source.line, "message": source.message}}
    return measure_source(source)


def measure_files(batch: Sequence[tuple[str, bytes]]) -> list[dict[str, Any]]:
    """For worker processes: `measure_file` of each (path, blob) in turn."""
    return [measure_file(path, data) for path, data in batch]


def measure_source(source: SourceFile) -> dict[str, Any]:
    """One parsed file's metrics (as JSON), its tokens for duplication and its imports for coupling.

    `tokens` ([texts, lines]) and `imports` (an `ast.Module`) are not JSON: the caller keeps them in memory.
    """
    try:
        nodes = syntax_nodes(source.tree)  # listed once, read by the tokens and the imports
        tokens = file_tokens(source.path, source.text, source.tree, nodes)
        return {
            "metrics": file_metrics(source).to_json(),
            "tokens": [tokens.texts, tokens.lines],
            "imports": import_tree(source.tree, nodes),
        }
    except Exception as error:  # radon or complexipy choking on a file: a problem, not a crash
        return {"problem": {"path": source.path, "line": 0, "message": f"cannot be measured: {error}"}}


def source_of(path: str, data: bytes) -> SourceFile | Problem:
    found = parse_source(path, data, module_name(PurePosixPath(path)))
    if isinstance(found, Finding):
        return Problem(found.path, found.line, found.message)
    return found


def _short(path: str, package: PurePosixPath) -> str:
    try:
        return str(PurePosixPath(path).relative_to(package))
    except ValueError:
        return path


def import_tree(tree: ast.Module, nodes: Sequence[ast.AST] | None = None) -> ast.Module:
    """Only the imports of a module (wherever they are): all the import graph reads, walked in no time.

    `nodes`: the tree's nodes, if already listed (`syntax_nodes`); the imports keep `ast.walk`'s order.
    """
    listed = syntax_nodes(tree) if nodes is None else nodes
    imports: list[ast.stmt] = [n for n in listed if isinstance(n, ast.Import | ast.ImportFrom)]
    return ast.Module(body=imports, type_ignores=[])


@dataclass(frozen=True)
class FileVersion:
    """One parsed version of a file, as the package metrics read it (prepared once per blob)."""

    path: str
    tokens: FileTokens
    imports: ast.Module  # `import_tree` of the file
    module: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "module", module_name(PurePosixPath(self.path)))

    @property
    def is_package_init(self) -> bool:
        return self.path.endswith("/__init__.py")


def package_metrics(
    legacy: str,
    files: Sequence[FileVersion],
    problems: Sequence[Problem],
    per_file: dict[str, FileMetrics],
    *,
    min_tokens: int,
    rules: tuple[Kata, Sequence[SourceFile]] | None = None,
) -> Metrics:
    """The metrics of one version of the package, from its files and their per-file metrics.

    `files`: the versions that parse (their tokens and imports prepared once per blob); `rules`: the kata
    and the parsed sources its design rules read, or None when the rules are not run.
    """
    package_dir = PurePosixPath(legacy)
    values: dict[str, float | None] = {}
    worst: dict[str, str] = {}

    def take(metric: str, entries: Iterable[tuple[str, str, float]], highest: bool) -> None:
        items = list(entries)
        if not items:
            values[metric] = None
            return
        chosen = max(items, key=lambda e: e[2]) if highest else min(items, key=lambda e: e[2])
        values[metric] = chosen[2]
        worst[metric] = (
            f"{_short(chosen[0], package_dir)}: {chosen[1]}" if chosen[1] else _short(chosen[0], package_dir)
        )

    take("max_cyclomatic", ((p, n, v) for p, m in per_file.items() for n, _l, v in m.cyclomatic), True)
    take("max_cognitive", ((p, n, v) for p, m in per_file.items() for n, _l, v in m.cognitive), True)
    take("min_mi", ((p, "", round(m.mi, 1)) for p, m in per_file.items()), False)
    take("max_lcom4", ((p, n, float(v)) for p, m in per_file.items() for n, _l, v in m.lcom4), True)
    if values["max_cyclomatic"] is None and per_file:
        values["max_cyclomatic"] = values["max_cognitive"] = 0.0
    graph = build_graph((f.module, f.is_package_init, f.imports) for f in files)
    numbers = coupling(graph)
    if numbers:
        top = max(numbers, key=lambda m: m.efferent)
        values["max_efferent"] = float(top.efferent)
        worst["max_efferent"] = top.module.rsplit(".", 1)[-1]
    else:
        values["max_efferent"] = None
    loops = cycles(graph)
    values["cycles"] = float(len(loops))
    if loops:
        worst["cycles"] = " -> ".join(m.rsplit(".", 1)[-1] for m in loops[0])
    clones = clones_in([f.tokens for f in files], min_tokens)
    values["duplicated_lines"] = float(duplicated_lines(clones))
    if clones:
        worst["duplicated_lines"] = f"{_short(clones[0].copy_path, package_dir)}:{clones[0].copy_start}"
    values["lines"] = float(sum(m.lines for m in per_file.values()))
    found: dict[str, int] = {}
    if rules is not None:
        from katabench.rules import RULES

        kata, sources = rules
        package = Package(Path("."), package_dir, tuple(sources), ())
        for spec in kata.rules:
            findings = RULES[spec.id](spec.params).run(package)
            found[spec.id] = len(findings)
            if findings:
                worst[f"rule:{spec.id}"] = f"{_short(findings[0].path, package_dir)}:{findings[0].line}"
        values["rule_findings"] = float(sum(found.values()))
    else:
        values["rule_findings"] = None
    return Metrics(values, worst, found, tuple(problems))


def min_tokens_of(kata: Kata) -> int:
    """The duplication gate's clone size for the kata (its default when the kata has no such gate)."""
    duplication = kata.gate("duplication")
    return int(duplication.params.min_tokens) if duplication else DEFAULT_MIN_TOKENS


def moved_lines(before: dict[str, str], after: dict[str, str]) -> int:
    """Lines a step removed in one place and added in another, unchanged: moved, not rewritten.

    A move function or split module carries whole functions to another file;
    counting them as written anew would call the smallest step a big bang.
    """
    removed: Counter[str] = Counter()
    added: Counter[str] = Counter()
    for path in set(before) | set(after):
        old, new = before.get(path, "").splitlines(), after.get(path, "").splitlines()
        if old == new:
            continue
        for line in difflib.unified_diff(old, new, n=0, lineterm=""):
            if line.startswith(("+++", "---")):
                continue
            text = line[1:].strip()
            if not text:
                continue
            if line.startswith("-"):
                removed[text] += 1
            elif line.startswith("+"):
                added[text] += 1
    return sum((removed & added).values())
