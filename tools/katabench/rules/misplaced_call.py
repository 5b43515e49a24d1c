from __future__ import annotations

import fnmatch
from dataclasses import dataclass

import libcst as cst

from katabench.rules.base import Example, Rule


@dataclass(frozen=True)
class MisplacedCallParams:
    calls: tuple[str, ...]  # qualified names, globs allowed: "builtins.open", "csv.*"
    allowed_in: tuple[str, ...] = ()  # module globs inside the package: "records.py", "adapters/*"

    def __post_init__(self) -> None:
        if not self.calls:
            raise ValueError("calls: expected at least one qualified name, e.g. 'builtins.open'")


class MisplacedCall(Rule):
    """
    ## What it does
    Flags calls to the functions named in `calls` (qualified names such as
    `builtins.open`, `csv.reader` or `json.*`, however they are imported)
    outside the modules listed in `allowed_in`.

    ## Why is this bad?
    When file access, a third-party library or the environment is used from
    everywhere, every module depends on it: nothing can be tested without
    files on disk, and replacing the library means editing the whole package.
    A concern confined to one module has one place to change and one seam to
    test through.

    ## Example
    ```python
    # grading.py
    def average(path):
        with open(path) as f:
            marks = [float(row[1]) for row in csv.reader(f)]
        return sum(marks) / len(marks)
    ```

    ## Use instead
    ```python
    # records.py reads; grading.py computes
    def average(marks: list[float]) -> float:
        return sum(marks) / len(marks)
    ```
    """

    id = "misplaced-call"
    summary = "Calls to a confined function outside the modules allowed to make them"
    hint = "Move the call behind the module that owns this concern (move function / extract module)."
    Params = MisplacedCallParams
    params: MisplacedCallParams

    valid = (
        Example(
            {
                "records.py": "import csv\n\ndef rows(path):\n    with open(path) as f:\n"
                "        return list(csv.reader(f))\n",
                "grading.py": "def mean(values):\n    return sum(values) / len(values)\n",
            },
            params={"calls": ["builtins.open", "csv.*"], "allowed_in": ["records.py"]},
        ),
        Example(
            "def open_ticket(open):\n    return open('x')\n",
            params={"calls": ["builtins.open"]},
        ),
    )
    invalid = (
        Example(
            {
                "records.py": "import csv\n\ndef rows(path):\n    with open(path) as f:\n"
                "        return list(csv.reader(f))\n",
                "grading.py": "from csv import reader\n\ndef mean(path):\n    with open(path) as f:\n"
                "        return [r for r in reader(f)]\n",
            },
            params={"calls": ["builtins.open", "csv.*"], "allowed_in": ["records.py"]},
            findings=2,
        ),
        Example(
            "import json\n\ndef save(data):\n    return json.dumps(data)\n",
            params={"calls": ["json.dumps"]},
            findings=1,
            line=4,
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        if self.in_modules(self.params.allowed_in):
            return
        for name in sorted(self.qualified_names(node.func)):
            if any(fnmatch.fnmatchcase(name, pattern) for pattern in self.params.calls):
                allowed = ", ".join(self.params.allowed_in) or "no module of this kata"
                self.report(node, f"`{name}` called in {self.module_path}; allowed only in {allowed}")
                return
