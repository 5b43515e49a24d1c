from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from katabench.rules.base import Example, Rule


@dataclass(frozen=True)
class PrintCallParams:
    allowed_in: tuple[str, ...] = ()  # module globs inside the package, e.g. "cli.py"


class PrintCall(Rule):
    """
    ## What it does
    Flags calls to the built-in `print` (however it is imported or renamed)
    outside the modules listed in `allowed_in`.

    ## Why is this bad?
    Output written from deep inside the code cannot be tested without
    capturing stdout, cannot be redirected, formatted or suppressed by the
    caller, and mixes what the code computes with how it is shown.

    ## Example
    ```python
    def withdraw(account, amount):
        if amount > account.balance:
            print("Insufficient funds")
            return account
    ```

    ## Use instead
    ```python
    def withdraw(account, amount):
        if amount > account.balance:
            raise InsufficientFunds(amount)
    ```
    Return values or raise; print in one boundary module (the CLI).
    """

    id = "print-call"
    summary = "print() outside the modules allowed to write output"
    hint = "Return the text or raise an exception; let one boundary module do the printing."
    Params = PrintCallParams
    params: PrintCallParams

    valid = (
        """
def render(total):
    return f"Total: {total}"
""",
        """
def show(print):
    print("a parameter that shadows print is not the built-in")
""",
        Example({"cli.py": "def main():\n    print('hello')\n"}, params={"allowed_in": ["cli.py"]}),
    )
    invalid = (
        Example(
            """
def settle(balance):
    if balance < 0:
        print("overdrawn")
    return balance
""",
            findings=1,
            line=4,
        ),
        Example(
            """
from builtins import print as say

def greet():
    say("hi")
""",
            findings=1,
        ),
        Example(
            {"cli.py": "print('ok')\n", "core.py": "def f():\n    print('deep')\n"},
            params={"allowed_in": ["cli.py"]},
            findings=1,
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        if "builtins.print" in self.qualified_names(node.func) and not self.in_modules(self.params.allowed_in):
            where = ", ".join(self.params.allowed_in)
            self.report(
                node,
                f"print() in {self.module_path}" + (f"; output belongs in {where}" if where else ""),
            )
