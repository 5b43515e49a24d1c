"""The design-rule framework: one small class per rule, in the spirit of Fixit.

A rule is a LibCST visitor. It has a stable kebab-case `id`, a one-line
`summary`, a docstring with the sections *What it does*, *Why is this bad?*,
*Example* and *Use instead*, typed parameters (`Params`, a frozen dataclass
filled from kata.toml), and `valid` / `invalid` examples that one generic test
runs, so a rule without examples cannot exist silently.

Per-file rules report while they visit. Package-level rules gather facts into
plain attributes while visiting every file and judge in `end_package`, the way
LibCST's gathering visitors do.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import libcst as cst
from libcst.metadata import PositionProvider, ProviderT, QualifiedNameProvider

from katabench.model import Finding
from katabench.params import NoParams
from katabench.sources import Package, SourceFile


@dataclass(frozen=True)
class Example:
    """Code a rule must accept (valid) or flag (invalid).

    `code` is one module (`example.py`) or a package as {relative path: text}.
    `params` overrides the rule's defaults; `findings` is the exact number of
    findings expected for an invalid example (None: at least one); `line` the
    line of the first finding.
    """

    code: str | Mapping[str, str]
    params: Mapping[str, Any] = field(default_factory=dict)
    findings: int | None = None
    line: int | None = None

    def files(self) -> dict[str, str]:
        return {"example.py": self.code} if isinstance(self.code, str) else dict(self.code)


class Rule(cst.CSTVisitor):
    id: ClassVar[str]
    summary: ClassVar[str]
    hint: ClassVar[str]
    Params: ClassVar[type] = NoParams
    valid: ClassVar[Sequence[Example | str]] = ()
    invalid: ClassVar[Sequence[Example | str]] = ()
    # Resolved once per file and shared by every rule (see SourceFile.cst_wrapper).
    METADATA_DEPENDENCIES: ClassVar[tuple[ProviderT, ...]] = (PositionProvider, QualifiedNameProvider)

    def __init__(self, params: Any = None) -> None:
        super().__init__()
        self.params = params if params is not None else self.Params()
        self.findings: list[Finding] = []
        self.package: Package | None = None
        self.source: SourceFile | None = None

    # -- hooks for subclasses -------------------------------------------------

    def begin_package(self, package: Package) -> None:
        """Called once before the first file."""

    def begin_file(self, source: SourceFile) -> None:
        """Called before each file is visited."""

    def end_package(self) -> None:
        """Called once after the last file: package-level rules judge here."""

    # -- helpers --------------------------------------------------------------

    @property
    def module_path(self) -> str:
        """The current file's path inside the package, e.g. `fines.py`."""
        assert self.package is not None and self.source is not None
        return self.package.relative(self.source)

    def in_modules(self, patterns: Sequence[str]) -> bool:
        """Whether the current file matches one of the module globs."""
        path = self.module_path
        return any(fnmatch.fnmatch(path, p) or fnmatch.fnmatch(path.rsplit("/", 1)[-1], p) for p in patterns)

    def qualified_names(self, node: cst.CSTNode) -> set[str]:
        return {q.name for q in self.get_metadata(QualifiedNameProvider, node, set())}

    def report(self, node: cst.CSTNode, message: str, hint: str | None = None) -> None:
        assert self.source is not None
        position = self.get_metadata(PositionProvider, node).start
        self.findings.append(
            Finding(self.source.path, position.line, position.column + 1, self.id, message, hint or self.hint)
        )

    def report_at(self, path: str, line: int, message: str, hint: str | None = None) -> None:
        self.findings.append(Finding(path, line, 0, self.id, message, hint or self.hint))

    def position(self, node: cst.CSTNode) -> int:
        return int(self.get_metadata(PositionProvider, node).start.line)

    @staticmethod
    def code(node: cst.CSTNode) -> str:
        return cst.Module([]).code_for_node(node)

    # -- running --------------------------------------------------------------

    def run(self, package: Package) -> list[Finding]:
        """Visit every parsed file of the package and return the findings."""
        self.findings = []
        self.package = package
        self.begin_package(package)
        for source in package.files:
            self.source = source
            self.begin_file(source)
            try:
                wrapper = source.cst_wrapper
            except cst.ParserSyntaxError as error:
                self.findings.append(
                    Finding(
                        source.path,
                        error.raw_line,
                        error.raw_column + 1,
                        self.id,
                        f"LibCST cannot parse this file: {error.message}",
                    )
                )
                continue
            wrapper.visit(self)
        self.source = None
        self.end_package()
        return sorted(self.findings, key=lambda f: (f.path, f.line, f.column))
