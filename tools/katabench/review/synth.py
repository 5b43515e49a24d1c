"""Labelled histories for measuring the detector: each commit applies one known refactoring.

A random but reproducible package (`random.Random(seed)`) of small modules
with varied names, expressions, switches and call chains is refactored one
step at a time by real transformations of its syntax tree (rename, extract
and inline function, move function, extract class, introduce parameter
object, replace conditional with polymorphism, extract variable). Each step
returns the package before and after, and the refactoring it applied, so
precision and recall can be counted. The same generator makes the 100-commit
history of the benchmark.
"""

from __future__ import annotations

import ast
import copy
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

NOUNS = (
    "invoice",
    "parcel",
    "ticket",
    "order",
    "rental",
    "booking",
    "shipment",
    "voucher",
    "loan",
    "member",
    "account",
    "meter",
    "tariff",
    "claim",
    "policy",
    "journey",
    "basket",
    "subscription",
    "lesson",
    "room",
)
QUALITIES = (
    "weight",
    "price",
    "distance",
    "duration",
    "count",
    "rate",
    "score",
    "level",
    "width",
    "height",
    "volume",
    "margin",
    "discount",
    "fee",
    "bonus",
    "limit",
    "deposit",
    "quota",
    "tax",
    "credit",
)
VERBS = ("compute", "price", "rate", "score", "measure", "assess", "total", "estimate", "charge", "grade")
NEW_WORDS = ("amount", "figure", "sum", "value", "result", "subtotal", "portion", "share", "part", "worth")
KINDS = ("STD", "PRO", "EDU", "GOV", "VIP", "ECO", "BIZ", "KID")

Files = dict[str, str]


@dataclass(frozen=True)
class Step:
    before: Files
    after: Files
    type: str  # one of katabench.review.model.TYPES
    kind: str  # rename: function/method/parameter/variable
    names: tuple[str, ...]


class Package:
    """Modules as syntax trees; `files()` renders them."""

    def __init__(self, modules: dict[str, ast.Module], used: set[str]) -> None:
        self.modules = modules
        self.used = used

    def files(self, folder: str = "pkg") -> Files:
        return {
            f"{folder}/{name}.py": ast.unparse(ast.fix_missing_locations(tree)) + "\n"
            for name, tree in sorted(self.modules.items())
        }

    def copy(self) -> Package:
        return Package(copy.deepcopy(self.modules), set(self.used))

    def fresh(self, rng: random.Random, *parts: tuple[str, ...]) -> str:
        for _ in range(200):
            name = "_".join(rng.choice(p) for p in parts)
            if name not in self.used:
                self.used.add(name)
                return name
        index = len(self.used)
        name = f"{'_'.join(p[0] for p in parts)}_{index}"
        self.used.add(name)
        return name

    def functions(self) -> Iterator[tuple[str, ast.FunctionDef]]:
        for module, tree in sorted(self.modules.items()):
            for node in tree.body:
                if isinstance(node, ast.FunctionDef):
                    yield module, node

    def methods(self) -> Iterator[tuple[str, ast.ClassDef, ast.FunctionDef]]:
        for module, tree in sorted(self.modules.items()):
            for node in tree.body:
                if isinstance(node, ast.ClassDef):
                    for item in node.body:
                        if isinstance(item, ast.FunctionDef) and not item.name.startswith("__"):
                            yield module, node, item


# -- generating code -------------------------------------------------------------------


def _def(name: str, params: list[ast.arg], body: list[ast.stmt]) -> ast.FunctionDef:
    """A function definition, the same on every Python version (3.12 added type parameters)."""
    return ast.FunctionDef(
        name=name,
        args=ast.arguments(
            posonlyargs=[], args=params, vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]
        ),
        body=body,
        decorator_list=[],
        returns=None,
        type_comment=None,
    )


def _expr(rng: random.Random, names: list[str], depth: int = 0) -> ast.expr:
    if depth >= 2 or rng.random() < 0.3:
        if rng.random() < 0.65 and names:
            return ast.Name(rng.choice(names), ast.Load())
        return ast.Constant(rng.randint(2, 97))
    op = rng.choice([ast.Add(), ast.Sub(), ast.Mult(), ast.FloorDiv(), ast.Mod()])
    left, right = _expr(rng, names, depth + 1), _expr(rng, names, depth + 1)
    if isinstance(op, ast.FloorDiv | ast.Mod):
        right = ast.Constant(rng.randint(2, 9))
    if rng.random() < 0.15:
        return ast.Call(ast.Name(rng.choice(["max", "min"]), ast.Load()), [left, right], [])
    return ast.BinOp(left, op, right)


def _compound(rng: random.Random, names: list[str]) -> ast.expr:
    """An expression with at least one operator inside another: room for extract variable."""
    inner = ast.BinOp(
        ast.Name(rng.choice(names), ast.Load()), rng.choice([ast.Mult(), ast.Add()]), ast.Constant(rng.randint(3, 40))
    )
    return ast.BinOp(inner, rng.choice([ast.Add(), ast.Sub()]), _expr(rng, names, 1))


def _function(rng: random.Random, package: Package, first: str | None = None) -> ast.FunctionDef:
    noun, quality = rng.choice(NOUNS), rng.choice(QUALITIES)
    name = package.fresh(rng, VERBS, (noun,), (quality,))
    args = ([first] if first else []) + [package.fresh(rng, QUALITIES) for _ in range(rng.randint(2, 4) - bool(first))]
    names = list(args)
    body: list[ast.stmt] = []
    for _ in range(rng.randint(3, 6)):
        target = package.fresh(rng, (noun,), NEW_WORDS)
        value = _compound(rng, names) if rng.random() < 0.5 else _expr(rng, names)
        body.append(ast.Assign([ast.Name(target, ast.Store())], value))
        names.append(target)
        if rng.random() < 0.25:
            limit = rng.randint(50, 900)
            body.append(
                ast.If(
                    ast.Compare(ast.Name(target, ast.Load()), [ast.Gt()], [ast.Constant(limit)]),
                    [ast.Assign([ast.Name(target, ast.Store())], ast.Constant(limit))],
                    [],
                )
            )
    body.append(ast.Return(_expr(rng, names[-3:], 1)))
    return _def(name, [ast.arg(a) for a in args], body)


def _switch_function(rng: random.Random, package: Package) -> ast.FunctionDef:
    noun = rng.choice(NOUNS)
    name = package.fresh(rng, VERBS, (noun,), ("fee", "charge", "cost", "price"))
    kind = package.fresh(rng, ("kind", "category", "tier", "plan", "grade"))
    args = [kind] + [package.fresh(rng, QUALITIES) for _ in range(rng.randint(1, 3))]
    kinds = rng.sample(KINDS, rng.randint(3, 5))
    chain: ast.stmt = ast.Raise(
        ast.Call(ast.Name("ValueError", ast.Load()), [ast.Constant(f"unknown {kind}")], []), None
    )
    for code in reversed(kinds):
        branch: list[ast.stmt] = [ast.Return(_expr(rng, args[1:], 0))]
        if rng.random() < 0.4:
            local = package.fresh(rng, (noun,), NEW_WORDS)
            branch = [
                ast.Assign([ast.Name(local, ast.Store())], _compound(rng, args[1:])),
                ast.Return(ast.BinOp(ast.Name(local, ast.Load()), ast.Add(), ast.Constant(rng.randint(1, 50)))),
            ]
        chain = ast.If(ast.Compare(ast.Name(kind, ast.Load()), [ast.Eq()], [ast.Constant(code)]), branch, [chain])
    return _def(name, [ast.arg(a) for a in args], [chain])


def _caller(rng: random.Random, package: Package, callees: list[ast.FunctionDef]) -> ast.FunctionDef:
    noun = rng.choice(NOUNS)
    name = package.fresh(rng, ("report", "summary", "quote", "plan", "check"), (noun,))
    args = sorted({a.arg for c in callees for a in c.args.args})
    body: list[ast.stmt] = []
    results = []
    for callee in callees:
        target = package.fresh(rng, (noun,), NEW_WORDS)
        call = ast.Call(ast.Name(callee.name, ast.Load()), [ast.Name(a.arg, ast.Load()) for a in callee.args.args], [])
        body.append(ast.Assign([ast.Name(target, ast.Store())], call))
        results.append(target)
    total: ast.expr = ast.Name(results[0], ast.Load())
    for other in results[1:]:
        total = ast.BinOp(total, ast.Add(), ast.Name(other, ast.Load()))
    body.append(ast.Return(total))
    return _def(name, [ast.arg(a) for a in args], body)


def generate(rng: random.Random, modules: int = 3) -> Package:
    """A package of `modules` modules: plain functions, switches, and callers that tie them together."""
    package = Package({}, set(dir(__builtins__)) | {"self", "cls", "dataclass", "dataclasses"})
    for index in range(modules):
        name = f"{rng.choice(NOUNS)}s_{index}"
        shared = package.fresh(rng, ("the",), QUALITIES)  # two functions about the same thing: a class waiting
        functions = [_function(rng, package, shared if i < 2 else None) for i in range(rng.randint(2, 4))]
        functions.append(_switch_function(rng, package))
        callers = [_caller(rng, package, rng.sample(functions, min(2, len(functions))))]
        package.modules[name] = ast.Module([*functions, *callers], [])
    return package


# -- refactorings ------------------------------------------------------------------------


class _Rename(ast.NodeTransformer):
    def __init__(self, old: str, new: str, attributes: bool = False) -> None:
        self.old, self.new, self.attributes = old, new, attributes

    def visit_Name(self, node: ast.Name) -> ast.Name:
        if node.id == self.old:
            node.id = self.new
        return node

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.FunctionDef:
        if node.name == self.old:
            node.name = self.new
        self.generic_visit(node)
        return node

    def visit_arg(self, node: ast.arg) -> ast.arg:
        if node.arg == self.old:
            node.arg = self.new
        return node

    def visit_Attribute(self, node: ast.Attribute) -> ast.Attribute:
        self.generic_visit(node)
        if self.attributes and node.attr == self.old:
            node.attr = self.new
        return node

    def visit_alias(self, node: ast.alias) -> ast.alias:
        if node.name == self.old:
            node.name = self.new
        return node


def _called(package: Package) -> set[str]:
    """Every name called bare anywhere in the package."""
    return {
        node.func.id
        for tree in package.modules.values()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }


class _ToAttribute(ast.NodeTransformer):
    """`name` becomes `holder.name` for the given names (parameters gathered into one object)."""

    def __init__(self, holder: str, names: set[str]) -> None:
        self.holder, self.names = holder, names

    def visit_Name(self, node: ast.Name) -> ast.expr:
        if node.id in self.names:
            return ast.copy_location(ast.Attribute(ast.Name(self.holder, ast.Load()), node.id, node.ctx), node)
        return node


def _callers(package: Package, name: str) -> list[tuple[str, ast.FunctionDef]]:
    found = []
    for module, function in package.functions():
        if any(
            isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == name for n in ast.walk(function)
        ):
            found.append((module, function))
    return found


def _locals(function: ast.FunctionDef) -> list[str]:
    params = {a.arg for a in function.args.args}
    assigned = []
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id not in params:
            assigned.append(node.id)
    return list(dict.fromkeys(assigned))


Refactor = Callable[[random.Random, Package], tuple[str, tuple[str, ...]] | None]


def rename_function(rng: random.Random, package: Package) -> tuple[str, tuple[str, ...]] | None:
    called = _called(package)
    candidates = [f for _m, f in package.functions() if f.name in called]
    if not candidates:
        return None
    target = rng.choice(candidates)
    new = package.fresh(rng, VERBS, NOUNS, NEW_WORDS)
    old = target.name
    for tree in package.modules.values():
        _Rename(old, new).visit(tree)
    return "function", (old, new)


def rename_method(rng: random.Random, package: Package) -> tuple[str, tuple[str, ...]] | None:
    candidates = list(package.methods())
    if not candidates:
        return None
    _module, _cls, method = rng.choice(candidates)
    old = method.name
    if sum(1 for _m, _c, f in package.methods() if f.name == old) > 1:
        return None
    new = package.fresh(rng, VERBS, NEW_WORDS)
    for tree in package.modules.values():
        _Rename(old, new, attributes=True).visit(tree)
    return "method", (old, new)


def rename_parameter(rng: random.Random, package: Package) -> tuple[str, tuple[str, ...]] | None:
    candidates = [f for _m, f in package.functions() if len(f.args.args) >= 2]
    if not candidates:
        return None
    function = rng.choice(candidates)
    old = rng.choice([a.arg for a in function.args.args])
    new = package.fresh(rng, ("the", "given", "raw", "base"), QUALITIES)
    _Rename(old, new).visit(function)
    return "parameter", (old, new)


def rename_variable(rng: random.Random, package: Package) -> tuple[str, tuple[str, ...]] | None:
    candidates = [(f, v) for _m, f in package.functions() for v in _locals(f)]
    if not candidates:
        return None
    function, old = rng.choice(candidates)
    new = package.fresh(rng, ("new", "final", "running", "partial"), NEW_WORDS)
    _Rename(old, new).visit(function)
    return "variable", (old, new)


def _reads(nodes: list[ast.stmt]) -> list[str]:
    found = []
    for statement in nodes:
        for node in ast.walk(statement):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                found.append(node.id)
    return list(dict.fromkeys(found))


def _writes(nodes: list[ast.stmt]) -> list[str]:
    found = []
    for statement in nodes:
        for node in ast.walk(statement):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                found.append(node.id)
    return list(dict.fromkeys(found))


def extract_function(rng: random.Random, package: Package) -> tuple[str, tuple[str, ...]] | None:
    options = []
    for module, function in package.functions():
        body = function.body
        for start in range(len(body) - 1):
            for size in (2, 3):
                run = body[start : start + size]
                if len(run) < 2 or start + size >= len(body):
                    continue
                if not all(isinstance(s, ast.Assign | ast.If) for s in run):
                    continue
                outputs = [n for n in _writes(run) if n in _reads(body[start + size :])]
                if len(outputs) == 1:
                    options.append((module, function, start, size, outputs[0]))
    if not options:
        return None
    module, function, start, size, output = rng.choice(options)
    run = function.body[start : start + size]
    defined_inside = set(_writes(run))
    params = [n for n in _reads(run) if n not in defined_inside or n in _reads(run[:1])]
    params = [n for n in params if n not in dir(__builtins__)]
    name = package.fresh(rng, VERBS, NEW_WORDS)
    new = _def(name, [ast.arg(p) for p in params], [*copy.deepcopy(run), ast.Return(ast.Name(output, ast.Load()))])
    call = ast.Assign(
        [ast.Name(output, ast.Store())],
        ast.Call(ast.Name(name, ast.Load()), [ast.Name(p, ast.Load()) for p in params], []),
    )
    function.body[start : start + size] = [call]
    tree = package.modules[module]
    tree.body.insert(tree.body.index(function) + 1, new)
    return "function", (function.name, name)


def inline_function(rng: random.Random, package: Package) -> tuple[str, tuple[str, ...]] | None:
    options = []
    called = _called(package)
    for module, function in package.functions():
        if function.name not in called:
            continue
        callers = _callers(package, function.name)
        simple = all(isinstance(s, ast.Assign) for s in function.body[:-1]) and isinstance(
            function.body[-1], ast.Return
        )
        if len(callers) == 1 and simple and callers[0][1] is not function and callers[0][0] == module:
            caller = callers[0][1]
            sites = [
                s
                for s in caller.body
                if isinstance(s, ast.Assign)
                and isinstance(s.value, ast.Call)
                and isinstance(s.value.func, ast.Name)
                and s.value.func.id == function.name
            ]
            if len(sites) == 1 and all(isinstance(a, ast.Name) for a in sites[0].value.args):  # type: ignore[attr-defined]
                options.append((module, function, caller, sites[0]))
    if not options:
        return None
    module, function, caller, site = rng.choice(options)
    call = site.value
    assert isinstance(call, ast.Call)
    mapping = {p.arg: a.id for p, a in zip(function.args.args, call.args, strict=True) if isinstance(a, ast.Name)}
    body = copy.deepcopy(function.body)
    taken = set(_locals(caller)) | {a.arg for a in caller.args.args}
    for local in _locals(function):
        if local in taken:
            mapping[local] = package.fresh(rng, (local,), ("inner", "step"))
    for statement in body:
        for old, new in mapping.items():
            _Rename(old, f"\0{new}").visit(statement)
        for node in ast.walk(statement):
            if isinstance(node, ast.Name) and node.id.startswith("\0"):
                node.id = node.id[1:]
    returned = body[-1]
    assert isinstance(returned, ast.Return) and returned.value is not None
    replacement = [*body[:-1], ast.Assign(site.targets, returned.value)]
    index = caller.body.index(site)
    caller.body[index : index + 1] = replacement
    package.modules[module].body.remove(function)
    return "function", (function.name, caller.name)


def _free_names(function: ast.FunctionDef) -> set[str]:
    own = {a.arg for a in function.args.args} | set(_locals(function))
    return {n.id for n in ast.walk(function) if isinstance(n, ast.Name) and n.id not in own} - set(dir(__builtins__))


def move_function(rng: random.Random, package: Package) -> tuple[str, tuple[str, ...]] | None:
    options = [(m, f) for m, f in package.functions() if not _free_names(f) and len(package.modules) > 1]
    if not options:
        return None
    module, function = rng.choice(options)
    target = rng.choice([m for m in package.modules if m != module])
    package.modules[module].body.remove(function)
    package.modules[target].body.append(function)
    for name, tree in package.modules.items():
        uses = any(isinstance(n, ast.Name) and n.id == function.name for n in ast.walk(tree))
        if name != target and uses:
            tree.body.insert(0, ast.ImportFrom(target, [ast.alias(function.name)], 1))
    return "function", (function.name, module, target)


def _camel(*words: str) -> str:
    return "".join(w.capitalize() for word in words for w in word.split("_"))


def introduce_parameter_object(rng: random.Random, package: Package) -> tuple[str, tuple[str, ...]] | None:
    options = [(m, f) for m, f in package.functions() if len(f.args.args) >= 3 and not f.name.startswith("_")]
    if not options:
        return None
    module, function = rng.choice(options)
    group = (
        [a.arg for a in function.args.args][-3:]
        if len(function.args.args) > 3
        else [a.arg for a in function.args.args][-2:]
    )
    noun = rng.choice(NOUNS)
    cls_name = _camel(noun, package.fresh(rng, ("terms", "inputs", "figures", "details", "facts")))
    holder = package.fresh(rng, (noun,), ("terms", "inputs", "figures", "details"))
    cls = ast.ClassDef(
        cls_name,
        [],
        [],
        [ast.AnnAssign(ast.Name(field, ast.Store()), ast.Name("int", ast.Load()), None, 1) for field in group],
        [ast.Call(ast.Name("dataclass", ast.Load()), [], [ast.keyword("frozen", ast.Constant(True))])],
    )
    _ToAttribute(holder, set(group)).visit(function)
    function.args.args = [a for a in function.args.args if a.arg not in group] + [ast.arg(holder)]
    for _m, caller in _callers(package, function.name):
        for node in ast.walk(caller):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == function.name:
                keep, moved = node.args[: -len(group)], node.args[-len(group) :]
                node.args = [*keep, ast.Call(ast.Name(cls_name, ast.Load()), moved, [])]
    tree = package.modules[module]
    if not any(isinstance(s, ast.ImportFrom) and s.module == "dataclasses" for s in tree.body):
        tree.body.insert(0, ast.ImportFrom("dataclasses", [ast.alias("dataclass")], 0))
    first_def = next(i for i, s in enumerate(tree.body) if not isinstance(s, ast.ImportFrom | ast.Import))
    tree.body.insert(first_def, cls)
    for name, other in package.modules.items():
        if name != module and _callers(Package({name: other}, set()), function.name):
            other.body.insert(0, ast.ImportFrom(module, [ast.alias(cls_name)], 1))
    return "", (cls_name, function.name)


def _switch(function: ast.FunctionDef) -> tuple[str, list[tuple[str, list[ast.stmt]]]] | None:
    if len(function.body) != 1 or not isinstance(function.body[0], ast.If):
        return None
    branches = []
    node: ast.stmt = function.body[0]
    subject = None
    while isinstance(node, ast.If):
        test = node.test
        if not (
            isinstance(test, ast.Compare)
            and isinstance(test.left, ast.Name)
            and isinstance(test.comparators[0], ast.Constant)
        ):
            return None
        subject = test.left.id
        branches.append((str(test.comparators[0].value), node.body))
        node = node.orelse[0] if node.orelse else ast.Pass()
    return (subject, branches) if subject and len(branches) >= 2 else None


def replace_conditional_with_polymorphism(rng: random.Random, package: Package) -> tuple[str, tuple[str, ...]] | None:
    options = [(m, f, s) for m, f in package.functions() if (s := _switch(f)) is not None]
    if not options:
        return None
    module, function, (subject, branches) = rng.choice(options)
    noun = rng.choice(NOUNS)
    base = _camel(noun, package.fresh(rng, ("policy", "rules", "pricing", "scheme")))
    rest = [a for a in function.args.args if a.arg != subject]
    method = function.name
    classes: list[ast.stmt] = [
        ast.ClassDef(
            base,
            [],
            [],
            [
                _def(
                    method,
                    [ast.arg("self"), *copy.deepcopy(rest)],
                    [ast.Raise(ast.Name("NotImplementedError", ast.Load()), None)],
                )
            ],
            [],
        )
    ]
    registry = []
    for code, body in branches:
        name = _camel(code.lower(), base)
        classes.append(
            ast.ClassDef(
                name,
                [ast.Name(base, ast.Load())],
                [],
                [_def(method, [ast.arg("self"), *copy.deepcopy(rest)], copy.deepcopy(body))],
                [],
            )
        )
        registry.append((code, name))
    table = package.fresh(rng, (noun,), ("policies", "schemes", "rules"))
    classes.append(
        ast.Assign(
            [ast.Name(table.upper(), ast.Store())],
            ast.Dict(
                [ast.Constant(c) for c, _n in registry],
                [ast.Call(ast.Name(n, ast.Load()), [], []) for _c, n in registry],
            ),
        )
    )
    function.body = [
        ast.Return(
            ast.Call(
                ast.Attribute(
                    ast.Subscript(ast.Name(table.upper(), ast.Load()), ast.Name(subject, ast.Load()), ast.Load()),
                    method,
                    ast.Load(),
                ),
                [ast.Name(a.arg, ast.Load()) for a in rest],
                [],
            )
        )
    ]
    tree = package.modules[module]
    index = tree.body.index(function)
    tree.body[index:index] = classes
    return "", (function.name, base)


def extract_class(rng: random.Random, package: Package) -> tuple[str, tuple[str, ...]] | None:
    """Combine two functions that share their first parameter into a class holding it."""
    groups: dict[tuple[str, str], list[ast.FunctionDef]] = {}
    for module, function in package.functions():
        if function.args.args and not _free_names(function):
            groups.setdefault((module, function.args.args[0].arg), []).append(function)
    options = [(k, v) for k, v in groups.items() if len(v) >= 2]
    if not options:
        return None
    (module, shared), functions = rng.choice(options)
    functions = functions[:2]
    cls_name = _camel(package.fresh(rng, NOUNS, ("calculator", "book", "ledger", "desk")))
    methods = []
    for function in functions:
        method = copy.deepcopy(function)
        _ToAttribute("self", {shared}).visit(method)
        method.args.args = [ast.arg("self"), *[a for a in method.args.args if a.arg != shared]]
        methods.append(method)
    init = _def(
        "__init__",
        [ast.arg("self"), ast.arg(shared)],
        [ast.Assign([ast.Attribute(ast.Name("self", ast.Load()), shared, ast.Store())], ast.Name(shared, ast.Load()))],
    )
    cls = ast.ClassDef(cls_name, [], [], [init, *methods], [])
    names = {f.name for f in functions}
    for _name, tree in package.modules.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names:
                first, *rest = node.args
                node.func = ast.Attribute(
                    ast.Call(ast.Name(cls_name, ast.Load()), [first], []), node.func.id, ast.Load()
                )
                node.args = rest
    tree = package.modules[module]
    index = tree.body.index(functions[0])
    for function in functions:
        tree.body.remove(function)
    tree.body.insert(index, cls)
    for name, other in package.modules.items():
        if name != module and any(isinstance(n, ast.Name) and n.id == cls_name for n in ast.walk(other)):
            other.body.insert(0, ast.ImportFrom(module, [ast.alias(cls_name)], 1))
        other.body = [
            s
            for s in other.body
            if not (isinstance(s, ast.ImportFrom) and s.names and all(a.name in names for a in s.names))
        ]
    return "", (cls_name, *sorted(names))


def extract_variable(rng: random.Random, package: Package) -> tuple[str, tuple[str, ...]] | None:
    options = []
    for _module, function in package.functions():
        for index, statement in enumerate(function.body):
            if isinstance(statement, ast.Assign | ast.Return) and isinstance(statement.value, ast.BinOp):
                for side in ("left", "right"):
                    inner = getattr(statement.value, side)
                    if isinstance(inner, ast.BinOp | ast.Call):
                        options.append((function, index, statement, side))
    if not options:
        return None
    function, index, statement, side = rng.choice(options)
    assert statement.value is not None
    inner = getattr(statement.value, side)
    name = package.fresh(rng, ("base", "scaled", "partial", "adjusted"), NEW_WORDS)
    setattr(statement.value, side, ast.Name(name, ast.Load()))
    function.body.insert(index, ast.Assign([ast.Name(name, ast.Store())], inner))
    return "", (name, function.name)


REFACTORINGS: dict[str, tuple[str, Refactor]] = {
    "rename-function": ("rename", rename_function),
    "rename-method": ("rename", rename_method),
    "rename-parameter": ("rename", rename_parameter),
    "rename-variable": ("rename", rename_variable),
    "extract-function": ("extract-function", extract_function),
    "inline-function": ("inline-function", inline_function),
    "move-function": ("move-function", move_function),
    "extract-class": ("extract-class", extract_class),
    "introduce-parameter-object": ("introduce-parameter-object", introduce_parameter_object),
    "replace-conditional-with-polymorphism": (
        "replace-conditional-with-polymorphism",
        replace_conditional_with_polymorphism,
    ),
    "extract-variable": ("extract-variable", extract_variable),
}


def history(seed: int, steps: int, modules: int = 3, only: tuple[str, ...] = ()) -> list[Step]:
    """`steps` labelled refactoring steps on a package generated from `seed`."""
    rng = random.Random(seed)
    package = generate(rng, modules)
    found: list[Step] = []
    names = list(only or REFACTORINGS)
    attempts = 0
    while len(found) < steps and attempts < steps * 20:
        attempts += 1
        label = rng.choice(names)
        kind, apply = REFACTORINGS[label]
        candidate = package.copy()
        done = apply(rng, candidate)
        if done is None:
            if rng.random() < 0.3:
                package = _grow(rng, package)
            continue
        sub, details = done
        before = package.files()
        after = candidate.files()
        if after == before:
            continue
        found.append(Step(before, after, kind, sub, details))
        package = candidate
    return found


def _grow(rng: random.Random, package: Package) -> Package:
    """Add a module when the package has run out of candidates for a refactoring."""
    grown = package.copy()
    name = f"{rng.choice(NOUNS)}s_{len(grown.modules)}"
    shared = grown.fresh(rng, ("the",), QUALITIES)
    functions = [_function(rng, grown, shared if i < 2 else None) for i in range(3)]
    switch, caller = _switch_function(rng, grown), _caller(rng, grown, functions[:2])
    grown.modules[name] = ast.Module([*functions, switch, caller], [])
    return grown
