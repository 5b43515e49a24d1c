from __future__ import annotations

from dataclasses import dataclass

import libcst as cst
from libcst.metadata import PositionProvider

from katabench.rules.base import Example, Rule


@dataclass(frozen=True)
class LongFunctionParams:
    max_lines: int = 30

    def __post_init__(self) -> None:
        if self.max_lines < 1:
            raise ValueError("max_lines: expected an integer of at least 1")


def _is_docstring(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, cst.SimpleString | cst.ConcatenatedString)
    )


class LongFunction(Rule):
    """
    ## What it does
    Flags functions whose body spans more than `max_lines` lines, from the
    first statement after the docstring to the last line of the function.

    ## Why is this bad?
    A long function does several things at once; to change one of them you
    must read, understand and retest all of them. Its paragraphs are
    functions that have not been given names yet.

    ## Example
    ```python
    def settle(account):
        # 80 lines: load, validate, compute interest, apply fees, format
        ...
    ```

    ## Use instead
    ```python
    def settle(account):
        statement = load_statement(account)
        interest = compute_interest(statement)
        return render(apply_fees(statement, interest))
    ```
    """

    id = "long-function"
    summary = "Functions that are too long"
    hint = "Extract function: give each paragraph of the body a name and move it into its own function."
    Params = LongFunctionParams
    params: LongFunctionParams

    valid = (
        """
def short(x):
    '''A docstring does not count,
    however long it is.
    '''
    return x + 1
""",
    )
    invalid = (
        Example(
            "def long(x):\n" + "".join(f"    x = x + {n}\n" for n in range(31)) + "    return x\n",
            findings=1,
            line=1,
        ),
        Example(
            """
class Report:
    def render(self, rows):
        text = ""
        for row in rows:
            text += str(row)
        return text
""",
            params={"max_lines": 2},
            findings=1,
        ),
    )

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        body = node.body
        if not isinstance(body, cst.IndentedBlock):
            return
        statements = list(body.body)
        if statements and _is_docstring(statements[0]):
            statements = statements[1:]
        if not statements:
            return
        first = self.position(statements[0])
        last = self.get_metadata(PositionProvider, node).end.line
        lines = last - first + 1
        if lines > self.params.max_lines:
            self.report(
                node,
                f"`{node.name.value}` is {lines} lines long; at most {self.params.max_lines} allowed",
            )
