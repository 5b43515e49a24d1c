"""The definitions of one module, read with LibCST, in the shape refactoring detection needs.

For every function and method: its parameters, its local names, the names it
calls, its statements as token sequences (comments, docstrings, annotations
and formatting left out, so only what the code does is compared), and its
*switches*: if/elif chains (or `match` statements) that test one subject
against constants or types, each branch with its tokens. For every class:
its bases, methods, class attributes and fields. For the module: its
constants. Everything here is a plain value; matching happens in `detect`.
"""

from __future__ import annotations

import ast
import io
import keyword
import token as token_types
import tokenize
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import libcst as cst

_CODEGEN = cst.Module([])
_SKIPPED = {
    token_types.NEWLINE,
    token_types.NL,
    token_types.COMMENT,
    token_types.INDENT,
    token_types.DEDENT,
    token_types.ENCODING,
    token_types.ENDMARKER,
}

Tokens = tuple[str, ...]


def tokens_of(code: str) -> Tokens:
    """The tokens of a piece of code, without comments, newlines or indentation.

    An f-string is opened up (before Python 3.12 it is one token): the names it reads are code like any other,
    and a rename or an extraction that reaches into one must be seen.
    """
    try:
        found: list[str] = []
        for t in tokenize.generate_tokens(io.StringIO(code).readline):
            if t.type in _SKIPPED:
                continue
            if t.type == token_types.STRING and "f" in _prefix(t.string).lower():
                found.extend(_fstring_tokens(t.string))
            else:
                found.append(t.string)
        return tuple(found)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return tuple(code.split())


def _prefix(text: str) -> str:
    return text[: len(text) - len(text.lstrip("rRbBuUfF"))]


def _fstring_tokens(text: str) -> list[str]:
    """`f"Hi {name}, {n:>3}"` -> `f"`, `"Hi "`, `{`, `name`, `}`, `", "`, `{`, `n`, `:>3`, `}`, `"`."""
    body = text[len(_prefix(text)) :]
    quote = body[:3] if body[:3] in ('"""', "'''") else body[:1]
    inner = body[len(quote) : len(body) - len(quote)]
    out = ['f"']
    literal: list[str] = []
    index = 0

    def flush() -> None:
        if literal:
            out.append('"' + "".join(literal) + '"')
            literal.clear()

    while index < len(inner):
        char = inner[index]
        if char in "{}" and inner[index : index + 2] in ("{{", "}}"):
            literal.append(char)
            index += 2
            continue
        if char != "{":
            literal.append(char)
            index += 1
            continue
        flush()
        end, expression, spec = _replacement_field(inner, index + 1)
        out.extend(("{", *tokens_of(expression), *((spec,) if spec else ()), "}"))
        index = end + 1
    flush()
    out.append('"')
    return out


def _replacement_field(text: str, start: int) -> tuple[int, str, str]:
    """(index of the closing brace, the expression, `!r`/`:spec` as written) of the field opened before `start`."""
    depth = 0
    quote = ""
    index = start
    split = -1
    while index < len(text):
        char = text[index]
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]" or (char == "}" and depth):
            depth -= 1
        elif char == "}":
            break
        elif char in "!:" and not depth and split < 0 and text[index : index + 2] != "!=":
            split = index
        index += 1
    end = index
    if split < 0:
        return end, text[start:end], ""
    return end, text[start:split], text[split:end]


def code(node: cst.CSTNode) -> str:
    return _CODEGEN.code_for_node(node)


def is_name(text: str) -> bool:
    return text.isidentifier() and not keyword.iskeyword(text)


@dataclass(frozen=True)
class Branch:
    labels: tuple[str, ...]  # the constants or types the branch is taken for ("else" for the rest)
    tokens: Tokens
    constant: str | None  # the value when the branch only returns or assigns a constant


@dataclass(frozen=True)
class Switch:
    subject: str  # the code tested, e.g. `kind` or `item.kind`
    branches: tuple[Branch, ...]

    @property
    def labelled(self) -> int:
        return sum(1 for b in self.branches if b.labels != ("else",))


@dataclass(frozen=True)
class Function:
    path: str
    qualname: str  # `assess_return`, `BookPolicy.overdue_fine`
    name: str
    owner: str | None  # the class of a method
    params: tuple[str, ...]
    line: int
    statements: tuple[Tokens, ...]
    locals: frozenset[str]  # parameters and assigned names
    calls: frozenset[str]  # names called bare: `f(...)`
    method_calls: frozenset[str]  # names called on something: `x.f(...)`, `self.f(...)`
    switches: tuple[Switch, ...]
    assignments: tuple[tuple[str, Tokens], ...]  # `name = value` statements, in order
    is_stub: bool  # `...`, `pass` or raise NotImplementedError: a protocol's or abstract method

    @property
    def key(self) -> tuple[str, str]:
        return (self.path, self.qualname)

    @property
    def tokens(self) -> Tokens:
        return tuple(t for statement in self.statements for t in statement)

    @property
    def label(self) -> str:
        return self.qualname


@dataclass(frozen=True)
class ClassInfo:
    path: str
    name: str
    bases: tuple[str, ...]
    line: int
    methods: tuple[str, ...]
    attributes: tuple[tuple[str, str], ...]  # class-level `name = value` (value as code)
    fields: tuple[str, ...]  # annotated class attributes and `self.x = ...` in __init__
    decorators: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str]:
        return (self.path, self.name)

    @property
    def is_data(self) -> bool:
        """A record: a dataclass, NamedTuple or TypedDict, or fields, with one method at most (a derived value)."""
        behaviour = [m for m in self.methods if not (m.startswith("__") and m.endswith("__"))]
        if len(behaviour) > 1:
            return False
        if "dataclass" in self.decorators or {"NamedTuple", "TypedDict"} & set(self.bases):
            return True
        return not behaviour and len(self.fields) >= 2

    @property
    def is_protocol(self) -> bool:
        return bool({"Protocol", "ABC"} & set(self.bases))


@dataclass(frozen=True)
class ModuleDefs:
    path: str
    functions: tuple[Function, ...]
    classes: tuple[ClassInfo, ...]
    constants: tuple[tuple[str, Tokens], ...]
    names: frozenset[str] = field(default=frozenset())  # every name the module binds at top level


# -- reading statements ------------------------------------------------------------


def _is_docstring(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, cst.SimpleString | cst.ConcatenatedString)
    )


def _small_code(small: cst.BaseSmallStatement) -> str | None:
    if isinstance(small, cst.AnnAssign):
        # Annotations are types, not behaviour: `x: int = 1` does what `x = 1` does.
        return None if small.value is None else f"{code(small.target)} = {code(small.value)}"
    return code(small)


def _body_statements(body: cst.BaseSuite) -> Sequence[cst.BaseStatement | cst.BaseSmallStatement]:
    if isinstance(body, cst.IndentedBlock):
        return body.body
    return body.body  # SimpleStatementSuite


def statement_units(statements: Sequence[cst.CSTNode], skip_docstring: bool = True) -> Iterator[Tokens]:
    """Each leaf statement, and each compound statement's header, as tokens."""
    for index, statement in enumerate(statements):
        if skip_docstring and index == 0 and isinstance(statement, cst.BaseStatement) and _is_docstring(statement):
            continue
        yield from _units(statement)


Part = tuple[Tokens, Sequence[cst.CSTNode]]  # a compound statement's header, and the body under it


def _body(suite: cst.BaseSuite) -> list[cst.CSTNode]:
    return list(_body_statements(suite))


def _if_parts(node: cst.If) -> list[Part]:
    parts: list[Part] = [(("if", *tokens_of(code(node.test))), _body(node.body))]
    if isinstance(node.orelse, cst.If):
        nested = _if_parts(node.orelse)
        parts += [(("el", *nested[0][0]), nested[0][1]), *nested[1:]]
    elif isinstance(node.orelse, cst.Else):
        parts.append((("else",), _body(node.orelse.body)))
    return parts


def _for_parts(node: cst.For) -> list[Part]:
    header = ("for", *tokens_of(code(node.target)), "in", *tokens_of(code(node.iter)))
    parts: list[Part] = [(header, _body(node.body))]
    if node.orelse:
        parts.append((("else",), _body(node.orelse.body)))
    return parts


def _try_parts(node: cst.Try | cst.TryStar) -> list[Part]:
    parts: list[Part] = [(("try",), _body(node.body))]
    for handler in node.handlers:
        header = code(handler.type) if handler.type is not None else ""
        parts.append((("except", *tokens_of(header)), _body(handler.body)))
    if node.orelse:
        parts.append((("else",), _body(node.orelse.body)))
    if node.finalbody:
        parts.append((("finally",), _body(node.finalbody.body)))
    return parts


def _while_parts(node: cst.While) -> list[Part]:
    return [(("while", *tokens_of(code(node.test))), _body(node.body))]


def _with_parts(node: cst.With) -> list[Part]:
    return [(("with", *tokens_of(", ".join(code(item) for item in node.items))), _body(node.body))]


def _match_parts(node: cst.Match) -> list[Part]:
    cases: list[Part] = [(("case", *tokens_of(code(c.pattern))), _body(c.body)) for c in node.cases]
    return [(("match", *tokens_of(code(node.subject))), []), *cases]


def _definition_parts(node: cst.FunctionDef | cst.ClassDef) -> list[Part]:
    return [(("def" if isinstance(node, cst.FunctionDef) else "class", node.name.value), [])]


_PARTS: dict[type[cst.CSTNode], Callable[[Any], list[Part]]] = {
    cst.If: _if_parts,
    cst.For: _for_parts,
    cst.Try: _try_parts,
    cst.TryStar: _try_parts,
    cst.While: _while_parts,
    cst.With: _with_parts,
    cst.Match: _match_parts,
    cst.FunctionDef: _definition_parts,
    cst.ClassDef: _definition_parts,
}


def _parts(node: cst.CSTNode) -> list[Part]:
    """A compound statement as headers and bodies; a definition as its header alone."""
    handler = _PARTS.get(type(node))
    return handler(node) if handler else []


def _units(node: cst.CSTNode) -> Iterator[Tokens]:
    smalls = node.body if isinstance(node, cst.SimpleStatementLine) else [node]
    if isinstance(node, cst.SimpleStatementLine | cst.BaseSmallStatement):
        for small in smalls:
            text = _small_code(small) if isinstance(small, cst.BaseSmallStatement) else None
            if text is not None:
                yield tokens_of(text)
        return
    for header, body in _parts(node):
        yield header
        yield from statement_units(body, False)


# -- switches ---------------------------------------------------------------------


def _constant(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.SimpleString | cst.Integer | cst.Float | cst.ConcatenatedString):
        return code(node)
    if isinstance(node, cst.Name) and node.value in ("True", "False", "None"):
        return node.value
    if isinstance(node, cst.UnaryOperation) and isinstance(node.expression, cst.Integer | cst.Float):
        return code(node)
    if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value[:1].isupper():
        return code(node)  # an enum member, `Kind.BOOK`
    return None


def _type_name(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.Name | cst.Attribute):
        return code(node)
    return None


def _test_labels(test: cst.BaseExpression) -> tuple[str, tuple[str, ...]] | None:
    """(subject, labels) when the test compares one subject with constants or types."""
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.Or):
        left, right = _test_labels(test.left), _test_labels(test.right)
        if left and right and left[0] == right[0]:
            return left[0], left[1] + right[1]
        return None
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1:
        target = test.comparisons[0]
        operator = target.operator
        if isinstance(operator, cst.Equal | cst.Is):
            for subject, other in ((test.left, target.comparator), (target.comparator, test.left)):
                value = _constant(other)
                if value is not None and _constant(subject) is None:
                    return code(subject), (value,)
        if isinstance(operator, cst.In) and isinstance(target.comparator, cst.Tuple | cst.List | cst.Set):
            values = [_constant(e.value) for e in target.comparator.elements]
            if values and all(v is not None for v in values):
                return code(test.left), tuple(v for v in values if v is not None)
    if (
        isinstance(test, cst.Call)
        and isinstance(test.func, cst.Name)
        and test.func.value == "isinstance"
        and len(test.args) == 2
    ):
        kinds = test.args[1].value
        names = [_type_name(e.value) for e in kinds.elements] if isinstance(kinds, cst.Tuple) else [_type_name(kinds)]
        if names and all(n is not None for n in names):
            return code(test.args[0].value), tuple(n for n in names if n is not None)
    return None


def _branch_constant(statements: Sequence[cst.BaseStatement]) -> str | None:
    if len(statements) != 1 or not isinstance(statements[0], cst.SimpleStatementLine):
        return None
    small = statements[0].body
    if len(small) != 1:
        return None
    only = small[0]
    if isinstance(only, cst.Return) and only.value is not None:
        return _constant(only.value)
    if isinstance(only, cst.Assign) and len(only.targets) == 1:
        return _constant(only.value)
    return None


def _branch(labels: tuple[str, ...], body: cst.BaseSuite) -> Branch:
    statements = list(_body_statements(body))
    units = tuple(statement_units(statements, False))
    compound = [s for s in statements if isinstance(s, cst.BaseStatement)]
    return Branch(labels, tuple(t for u in units for t in u), _branch_constant(compound))


def if_switch(node: cst.If) -> Switch | None:
    """The if/elif chain starting at `node`, when every test compares the same subject."""
    branches: list[Branch] = []
    subject: str | None = None
    current: cst.If | None = node
    while current is not None:
        found = _test_labels(current.test)
        if found is None or (subject is not None and found[0] != subject):
            if subject is None:
                return None
            # The chain goes on with another kind of test: treat the rest as the else branch.
            branches.append(_branch(("else",), cst.IndentedBlock([current])))
            break
        subject = found[0]
        branches.append(_branch(found[1], current.body))
        orelse = current.orelse
        if isinstance(orelse, cst.If):
            current = orelse
        else:
            if isinstance(orelse, cst.Else):
                branches.append(_branch(("else",), orelse.body))
            current = None
    if subject is None:
        return None
    switch = Switch(subject, tuple(branches))
    return switch if switch.labelled >= 2 else None


def _flat_if_run(statements: Sequence[cst.BaseStatement]) -> Iterator[Switch]:
    """Consecutive `if x == A: return ...` statements (guard style) also make a switch."""
    run: list[tuple[str, tuple[str, ...], cst.If]] = []

    def flush() -> Iterator[Switch]:
        if len(run) >= 2:
            yield Switch(run[0][0], tuple(_branch(labels, node.body) for _s, labels, node in run))
        run.clear()

    for statement in statements:
        if isinstance(statement, cst.If) and statement.orelse is None:
            found = _test_labels(statement.test)
            if found and (not run or run[0][0] == found[0]):
                run.append((found[0], found[1], statement))
                continue
            yield from flush()
            if found:
                run.append((found[0], found[1], statement))
                continue
        else:
            yield from flush()
    yield from flush()


def _match_switch(node: cst.Match) -> Switch | None:
    branches = []
    for case in node.cases:
        pattern = case.pattern
        if isinstance(pattern, cst.MatchValue):
            labels: tuple[str, ...] = (code(pattern.value),)
        elif isinstance(pattern, cst.MatchAs) and pattern.pattern is None:
            labels = ("else",)
        else:
            labels = (code(pattern),)
        branches.append(_branch(labels, case.body))
    switch = Switch(code(node.subject), tuple(branches))
    return switch if switch.labelled >= 2 else None


class _FunctionFacts(cst.CSTVisitor):
    """Locals, calls, assignments and switches of one function body (nested defs left out)."""

    def __init__(self) -> None:
        self.locals: set[str] = set()
        self.calls: set[str] = set()
        self.method_calls: set[str] = set()
        self.switches: list[Switch] = []
        self.assignments: list[tuple[str, Tokens]] = []
        self._elifs: set[int] = set()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self.locals.add(node.name.value)
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.locals.add(node.name.value)
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return True

    def _targets(self, node: cst.BaseExpression | cst.BaseAssignTargetExpression) -> None:
        if isinstance(node, cst.Name):
            self.locals.add(node.value)
        elif isinstance(node, cst.Tuple | cst.List):
            for element in node.elements:
                self._targets(element.value)
        elif isinstance(node, cst.StarredElement):
            self._targets(node.value)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._targets(target.target)
        if len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name):
            self.assignments.append((node.targets[0].target.value, tokens_of(code(node.value))))

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._targets(node.target)
        if node.value is not None and isinstance(node.target, cst.Name):
            self.assignments.append((node.target.value, tokens_of(code(node.value))))

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._targets(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._targets(node.target)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._targets(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:
        if isinstance(node.name, cst.Name):
            self.locals.add(node.name.value)
        else:
            self._targets(node.name)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._targets(node.target)

    def visit_Call(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Name):
            self.calls.add(node.func.value)
        elif isinstance(node.func, cst.Attribute):
            self.method_calls.add(node.func.attr.value)

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        statements = [s for s in node.body]
        self.switches.extend(_flat_if_run(statements))

    def visit_If(self, node: cst.If) -> None:
        if id(node) in self._elifs:
            if isinstance(node.orelse, cst.If):
                self._elifs.add(id(node.orelse))
            return
        if isinstance(node.orelse, cst.If):
            self._elifs.add(id(node.orelse))
        if node.orelse is None:
            return  # single ifs are gathered as guard runs by visit_IndentedBlock
        switch = if_switch(node)
        if switch is not None:
            self.switches.append(switch)

    def visit_Match(self, node: cst.Match) -> None:
        switch = _match_switch(node)
        if switch is not None:
            self.switches.append(switch)


def _params(node: cst.FunctionDef) -> tuple[str, ...]:
    p = node.params
    names = [x.name.value for x in (*p.posonly_params, *p.params)]
    if isinstance(p.star_arg, cst.Param):
        names.append(p.star_arg.name.value)
    names += [x.name.value for x in p.kwonly_params]
    if p.star_kwarg is not None:
        names.append(p.star_kwarg.name.value)
    return tuple(names)


def _is_stub(statements: Sequence[cst.BaseStatement | cst.BaseSmallStatement]) -> bool:
    for index, statement in enumerate(statements):
        if index == 0 and isinstance(statement, cst.BaseStatement) and _is_docstring(statement):
            continue
        smalls = statement.body if isinstance(statement, cst.SimpleStatementLine) else [statement]
        for small in smalls:
            if isinstance(small, cst.Pass) or (isinstance(small, cst.Expr) and isinstance(small.value, cst.Ellipsis)):
                continue
            if isinstance(small, cst.Raise) and "NotImplementedError" in code(small):
                continue
            return False
    return True


def _decorator_names(node: cst.FunctionDef | cst.ClassDef) -> tuple[str, ...]:
    names = []
    for decorator in node.decorators:
        target = decorator.decorator
        if isinstance(target, cst.Call):
            target = target.func
        if isinstance(target, cst.Attribute):
            names.append(target.attr.value)
        elif isinstance(target, cst.Name):
            names.append(target.value)
    return tuple(names)


def _function(path: str, node: cst.FunctionDef, owner: str | None, line: int) -> Function:
    statements = list(_body_statements(node.body))
    facts = _FunctionFacts()
    node.body.visit(facts)
    params = _params(node)
    qualname = f"{owner}.{node.name.value}" if owner else node.name.value
    return Function(
        path=path,
        qualname=qualname,
        name=node.name.value,
        owner=owner,
        params=params,
        line=line,
        statements=tuple(statement_units(statements)),
        locals=frozenset(facts.locals | set(params)),
        calls=frozenset(facts.calls),
        method_calls=frozenset(facts.method_calls),
        switches=tuple(_dedupe(facts.switches)),
        assignments=tuple(facts.assignments),
        is_stub=_is_stub(statements),
    )


def _dedupe(switches: list[Switch]) -> list[Switch]:
    seen: set[Switch] = set()
    unique = []
    for switch in switches:
        if switch not in seen:
            seen.add(switch)
            unique.append(switch)
    return unique


def _lines(text: str) -> dict[str, int]:
    """Line of every function and class by qualified name (ast is cheap; LibCST positions are not)."""
    lines: dict[str, int] = {}
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return lines

    def walk(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = f"{prefix}{node.name}"
                lines.setdefault(name, node.lineno)
                if isinstance(node, ast.ClassDef):
                    walk(node.body, f"{name}.")

    walk(tree.body, "")
    return lines


def _base_names(node: cst.ClassDef) -> tuple[str, ...]:
    bases = []
    for arg in node.bases:
        value = arg.value.value if isinstance(arg.value, cst.Subscript) else arg.value
        if isinstance(value, cst.Attribute):
            bases.append(value.attr.value)
        elif isinstance(value, cst.Name):
            bases.append(value.value)
    return tuple(bases)


def _class_data(statement: cst.SimpleStatementLine, attributes: list[tuple[str, str]], fields: list[str]) -> None:
    """Class attributes (`name = value`) and fields (`name: type`) of one line of a class body."""
    for small in statement.body:
        if isinstance(small, cst.Assign):
            for target in small.targets:
                if isinstance(target.target, cst.Name):
                    attributes.append((target.target.value, code(small.value)))
        elif isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
            fields.append(small.target.value)
            if small.value is not None:
                attributes.append((small.target.value, code(small.value)))


def _class(path: str, node: cst.ClassDef, lines: dict[str, int], functions: list[Function]) -> ClassInfo:
    methods: list[str] = []
    attributes: list[tuple[str, str]] = []
    fields: list[str] = []
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
    for statement in body:
        if isinstance(statement, cst.FunctionDef):
            methods.append(statement.name.value)
            qual = f"{node.name.value}.{statement.name.value}"
            functions.append(_function(path, statement, node.name.value, lines.get(qual, 0)))
            if statement.name.value == "__init__":
                fields.extend(_self_fields(statement))
        elif isinstance(statement, cst.SimpleStatementLine):
            _class_data(statement, attributes, fields)
    return ClassInfo(
        path=path,
        name=node.name.value,
        bases=_base_names(node),
        line=lines.get(node.name.value, 0),
        methods=tuple(methods),
        attributes=tuple(attributes),
        fields=tuple(dict.fromkeys(fields)),
        decorators=_decorator_names(node),
    )


def _self_fields(init: cst.FunctionDef) -> list[str]:
    params = _params(init)
    if not params:
        return []
    receiver = params[0]
    found: list[str] = []

    class Collector(cst.CSTVisitor):
        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            target = node.target
            if (
                isinstance(target, cst.Attribute)
                and isinstance(target.value, cst.Name)
                and target.value.value == receiver
            ):
                found.append(target.attr.value)

    init.body.visit(Collector())
    return found


def read_module(path: str, text: str) -> ModuleDefs | None:
    """The definitions of a module, or None when LibCST cannot parse it."""
    try:
        module = cst.parse_module(text)
    except (cst.ParserSyntaxError, RecursionError, MemoryError, ValueError):
        return None
    lines = _lines(text)
    functions: list[Function] = []
    classes: list[ClassInfo] = []
    constants: list[tuple[str, Tokens]] = []
    names: set[str] = set()
    for statement in module.body:
        if isinstance(statement, cst.FunctionDef):
            functions.append(_function(path, statement, None, lines.get(statement.name.value, 0)))
            names.add(statement.name.value)
        elif isinstance(statement, cst.ClassDef):
            classes.append(_class(path, statement, lines, functions))
            names.add(statement.name.value)
        elif isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                value: cst.BaseExpression | None = None
                targets: list[str] = []
                if isinstance(small, cst.Assign):
                    targets = [t.target.value for t in small.targets if isinstance(t.target, cst.Name)]
                    value = small.value
                elif isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                    targets = [small.target.value]
                    value = small.value
                for target in targets:
                    names.add(target)
                    if value is not None:
                        constants.append((target, tokens_of(code(value))))
    return ModuleDefs(path, tuple(functions), tuple(classes), tuple(constants), frozenset(names))
