from __future__ import annotations

from dataclasses import dataclass

import libcst as cst
from libcst.helpers import get_full_name_for_node

from katabench.rules.base import Example, Rule

# Modules whose import is itself a leftover: debuggers and remote-debugging servers.
DEBUGGER_MODULES = frozenset(
    {"pdb", "ipdb", "pudb", "pdbpp", "bdb", "wdb", "web_pdb", "remote_pdb", "rpdb"}
    | {"debugpy", "pydevd", "pydevd_pycharm"}
)
# Calls that stop the program or open a prompt, outside those modules.
TRACE_CALLS = frozenset({"builtins.breakpoint", "code.interact", "IPython.embed", "IPython.start_ipython"})
PRINT_CALLS = frozenset({"builtins.print", "pprint.pprint", "pprint.pp"})

PRINT_HINT = (
    "Remove the print before committing; while debugging, a logpoint shows the same value without editing the code."
)


def _top_module(name: str) -> str:
    return name.split(".", 1)[0]


@dataclass(frozen=True)
class DebuggingLeftoverParams:
    allowed_print_in: tuple[str, ...] = ()  # module globs whose job is printing, e.g. "cli.py"


class DebuggingLeftover(Rule):
    """
    ## What it does
    Flags what a debugging session leaves behind: `breakpoint()`, imports of
    a debugger (`pdb`, `ipdb`, `pudb`, `debugpy`, ...) and calls into it such
    as `pdb.set_trace()`, interactive prompts (`code.interact`,
    `IPython.embed`), and `print` or `pprint` calls outside the modules
    listed in `allowed_print_in`.

    ## Why is this bad?
    A forgotten `breakpoint()` stops the program in production, or hangs a
    test run waiting for a prompt nobody sees. A stray `print` writes to
    the output of whoever calls the code, and the next reader cannot tell a
    debug trace from a feature. A debugger import costs a module load and
    hints that a session was never finished. A diff that fixes a bug should
    contain the fix, not the search for it.

    ## Example
    ```python
    import pdb

    def fare(route, card):
        table = discounted(route.fares, card)
        print("table", table)
        pdb.set_trace()
        return table["CAR"]
    ```

    ## Use instead
    ```python
    def fare(route, card):
        table = discounted(route.fares, card)
        return table["CAR"]
    ```
    Set a breakpoint or a logpoint in the editor (its debugger stops or logs
    there without changing the file), and remove what you added before
    committing.
    """

    id = "debugging-leftover"
    summary = "breakpoint(), debugger imports and calls, or stray print() left after debugging"
    hint = "Remove it before committing; use the editor's breakpoints and logpoints instead of editing the code."
    Params = DebuggingLeftoverParams
    params: DebuggingLeftoverParams

    valid = (
        """
import logging

log = logging.getLogger(__name__)

def fare(table, kind):
    log.debug("fare %s from %s", kind, table)
    return table[kind]
""",
        """
def show(print):
    print("a parameter that shadows print is not the built-in")

def trace(tracer):
    tracer.set_trace()
""",
        """
import code

def complete(source):
    return code.compile_command(source)
""",
        "from . import pdb_helpers\nfrom .debug import report\n",
        Example({"cli.py": "def main(total):\n    print(total)\n"}, params={"allowed_print_in": ["cli.py"]}),
    )
    invalid = (
        Example(
            """
def fare(table, kind):
    breakpoint()
    return table[kind]
""",
            findings=1,
            line=3,
        ),
        Example(
            """
import pdb

def fare(table, kind):
    pdb.set_trace()
    return table[kind]
""",
            findings=2,
            line=2,
        ),
        Example(
            "from ipdb import set_trace as stop\n\ndef f():\n    stop()\n",
            findings=2,
        ),
        Example(
            "import debugpy\n\ndebugpy.listen(5678)\ndebugpy.wait_for_client()\n",
            findings=3,
        ),
        Example(
            "import pdb\n\ndef f():\n    pdb.Pdb().set_trace()\n",
            findings=2,
        ),
        Example(
            "import code\n\ndef f(table):\n    code.interact(local=locals())\n",
            findings=1,
            line=4,
        ),
        Example(
            "from pprint import pprint\n\ndef f(table):\n    pprint(table)\n    return table\n",
            findings=1,
            line=4,
        ),
        Example(
            {"cli.py": "print('ok')\n", "core.py": "def f(x):\n    print('x is', x)\n    return x\n"},
            params={"allowed_print_in": ["cli.py"]},
            findings=1,
            line=2,
        ),
    )

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            name = get_full_name_for_node(alias.name) or ""
            if _top_module(name) in DEBUGGER_MODULES:
                self.report(node, f"import {name} in {self.module_path}: a debugger import left behind")

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.relative or node.module is None:
            return
        module = get_full_name_for_node(node.module) or ""
        names = [] if isinstance(node.names, cst.ImportStar) else [get_full_name_for_node(a.name) for a in node.names]
        if _top_module(module) in DEBUGGER_MODULES or any(f"{module}.{n}" in TRACE_CALLS for n in names):
            self.report(node, f"from {module} import ... in {self.module_path}: a debugger import left behind")

    def visit_Call(self, node: cst.Call) -> None:
        names = self.qualified_names(node.func)
        traced = sorted(n for n in names if n in TRACE_CALLS or _top_module(n) in DEBUGGER_MODULES)
        if traced:
            if isinstance(node.func, cst.Attribute) and isinstance(node.func.value, cst.Call):
                return  # pdb.Pdb().set_trace(): reported once, at the inner call
            shown = traced[0].removeprefix("builtins.")
            self.report(node, f"{shown}() in {self.module_path}: a debugger call left behind")
        elif names & PRINT_CALLS and not self.in_modules(self.params.allowed_print_in):
            shown = self.code(node.func)
            self.report(node, f"{shown}() in {self.module_path}: a trace printed from the code", PRINT_HINT)
