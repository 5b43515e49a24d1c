"""`kata rules [ID]`: the design rules, their parameters and documentation."""

from __future__ import annotations

import argparse
import inspect

from rich.markdown import Markdown
from rich.table import Table

from katabench import report
from katabench.errors import FatalError
from katabench.params import describe_params
from katabench.rules import ALL_RULES, RULES


def run(args: argparse.Namespace) -> int:
    out = report.console()
    if args.id:
        rule = RULES.get(args.id)
        if rule is None:
            raise FatalError(f"unknown rule {args.id!r}; known rules: {', '.join(sorted(RULES))}")
        out.print(Markdown(f"# {rule.id}\n\n{rule.summary}\n\n{inspect.cleandoc(rule.__doc__ or '')}"))
        params = describe_params(rule.Params)
        if params:
            table = Table(title="parameters (kata.toml [[rules]])", title_justify="left")
            for column in ("name", "type", "default"):
                table.add_column(column)
            for row in params:
                table.add_row(*row)
            out.print(table)
        return 0
    table = Table(title="design rules", title_justify="left")
    table.add_column("id", style="bold", no_wrap=True)
    table.add_column("flags")
    table.add_column("parameters")
    for rule in ALL_RULES:
        table.add_row(rule.id, rule.summary, ", ".join(f"{n}={d}" for n, _t, d in describe_params(rule.Params)))
    out.print(table)
    out.print("Details: kata rules <id>")
    return 0
