from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from katabench.params import NoParams
from katabench.rules.base import Example, Rule
from katabench.sources import SourceFile

MUTABLE_FACTORIES = frozenset({"list", "dict", "set", "defaultdict", "OrderedDict", "Counter", "deque", "bytearray"})
MUTATING_METHODS = frozenset(
    {
        "append",
        "extend",
        "insert",
        "pop",
        "popitem",
        "remove",
        "clear",
        "update",
        "setdefault",
        "add",
        "discard",
        "appendleft",
        "popleft",
        "sort",
        "reverse",
    }
)


@dataclass(frozen=True)
class _Mutation:
    node: cst.CSTNode
    name: str
    function: str


def _is_mutable(value: cst.BaseExpression) -> bool:
    if isinstance(value, cst.List | cst.Dict | cst.Set | cst.ListComp | cst.DictComp | cst.SetComp):
        return True
    if isinstance(value, cst.Call):
        func = value.func
        name = func.attr.value if isinstance(func, cst.Attribute) else getattr(func, "value", "")
        return name in MUTABLE_FACTORIES
    return False


def _root_name(node: cst.BaseExpression) -> str | None:
    """`CACHE` for `CACHE[key]` and `CACHE.items`: the module-level name being touched."""
    while isinstance(node, cst.Subscript | cst.Attribute):
        node = node.value
    return node.value if isinstance(node, cst.Name) else None


class GlobalMutableState(Rule):
    """
    ## What it does
    Flags `global` statements, and module-level lists, dicts and sets that
    functions change (by `append`, `update`, item assignment, `del` and the
    like). Module-level tables that are only read are fine.

    ## Why is this bad?
    State shared through a module outlives every call: results depend on what
    ran before, tests leak into each other, and two callers (or threads)
    trample each other's data. Nothing in a function's signature says it
    reads or changes it.

    ## Example
    ```python
    _seen = []

    def register(name):
        _seen.append(name)
        return len(_seen)
    ```

    ## Use instead
    ```python
    class Registry:
        def __init__(self) -> None:
            self._seen: list[str] = []

        def register(self, name: str) -> int:
            self._seen.append(name)
            return len(self._seen)
    ```
    """

    id = "global-mutable-state"
    summary = "Module-level state changed by functions"
    hint = "Move the state into an object that callers create and pass around (or return new values instead)."
    Params = NoParams

    valid = (
        """
RATES = {"book": 10, "film": 50}

def rate(kind):
    return RATES[kind]
""",
        """
def collect(items):
    seen = []
    for item in items:
        seen.append(item)
    return seen
""",
    )
    invalid = (
        Example(
            """
_seen = []

def register(name):
    _seen.append(name)
    return len(_seen)
""",
            findings=1,
            line=5,
        ),
        Example(
            """
counter = 0

def bump():
    global counter
    counter += 1
""",
            findings=1,
        ),
        Example(
            """
from collections import defaultdict
TOTALS = defaultdict(int)

def add(key, amount):
    TOTALS[key] += amount

def forget(key):
    del TOTALS[key]
""",
            findings=2,
        ),
    )

    def begin_file(self, source: SourceFile) -> None:
        self.mutable_names: set[str] = set()
        self.function_depth = 0
        self.functions: list[str] = []
        self.mutations: list[_Mutation] = []

    def visit_Assign(self, node: cst.Assign) -> None:
        if self.function_depth == 0 and _is_mutable(node.value):
            for target in node.targets:
                if isinstance(target.target, cst.Name):
                    self.mutable_names.add(target.target.value)
        else:
            for target in node.targets:
                self._touch(target.target, node)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if self.function_depth == 0 and node.value is not None and _is_mutable(node.value):
            if isinstance(node.target, cst.Name):
                self.mutable_names.add(node.target.value)
        else:
            self._touch(node.target, node)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._touch(node.target, node)

    def visit_Del(self, node: cst.Del) -> None:
        self._touch(node.target, node)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in MUTATING_METHODS:
            self._touch(func.value, node, method=True)

    def _touch(self, target: cst.BaseExpression, node: cst.CSTNode, method: bool = False) -> None:
        if not self.functions:
            return
        if not method and not isinstance(target, cst.Subscript | cst.Attribute):
            return  # rebinding a name inside a function makes a local, unless declared global
        name = _root_name(target)
        if name is not None:
            self.mutations.append(_Mutation(node, name, self.functions[-1]))

    def visit_Global(self, node: cst.Global) -> None:
        names = ", ".join(n.name.value for n in node.names)
        where = f"`{self.functions[-1]}`" if self.functions else "module level"
        self.report(node, f"{where} declares `global {names}`: state shared through the module")

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.function_depth += 1
        self.functions.append(node.name.value)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.function_depth -= 1
        self.functions.pop()

    def leave_Module(self, original_node: cst.Module) -> None:
        for mutation in self.mutations:
            if mutation.name in self.mutable_names:
                self.report(
                    mutation.node,
                    f"`{mutation.function}` changes the module-level `{mutation.name}`",
                )
