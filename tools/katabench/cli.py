"""The `kata` command: argument parsing, dispatch and exit codes, nothing else.

Exit codes: 0 success (for `check`: every gate passes), 1 a gate or rule
fails, 2 the request cannot be done (unknown kata, bad kata.toml, ...),
3 an internal error of katabench.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from katabench import __version__
from katabench.errors import FatalError

EPILOG = """\
exit codes: 0 ok (check: every gate passes), 1 a gate or rule fails,
            2 the request cannot be done, 3 internal error
start here: kata list, then kata show <name>, then kata check <name>
"""


def _root_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--root",
        type=Path,
        default=None,
        help="the katabench repository (default: found from the current folder upward)",
    )


def _check_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the result as JSON (schema katabench.check/1)")
    parser.add_argument("--only", metavar="NAMES", help="comma-separated gates/rules to run ('rules' = all rules)")
    parser.add_argument("--skip", metavar="NAMES", help="comma-separated gates/rules to leave out")
    parser.add_argument("--no-mutation", action="store_true", help="leave out mutation testing (the fast loop)")
    parser.add_argument(
        "--code", metavar="DIR", help="judge this folder instead of the kata's legacy folder (e.g. a reference step)"
    )
    parser.add_argument("--no-history", action="store_true", help="do not record this run in .katabench/")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kata",
        description="katabench: refactor legacy code in small green steps, with gates that tell you where you stand.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"katabench {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="command")

    p = commands.add_parser("list", help="list the katas")
    _root_option(p)
    p.add_argument("--json", action="store_true", help="print as JSON")

    p = commands.add_parser("show", help="show a kata's brief")
    _root_option(p)
    p.add_argument("name")
    p.add_argument("--raw", action="store_true", help="print the Markdown source")

    p = commands.add_parser(
        "check",
        help="run a kata's gates and rules",
        description="Run the kata's gates and design rules and show where you stand. "
        "Exit 0 only when every gate passes.",
    )
    _root_option(p)
    p.add_argument("name")
    _check_options(p)

    p = commands.add_parser("hint", help="the next milestone and its hint")
    _root_option(p)
    p.add_argument("name")
    p.add_argument("--all", action="store_true", help="show every milestone")

    p = commands.add_parser("progress", help="traffic lights and metric trends of your runs")
    _root_option(p)
    p.add_argument("name")
    p.add_argument("--limit", type=int, default=50, help="how many runs (default 50)")
    p.add_argument("--json", action="store_true", help="print the runs as JSON")

    p = commands.add_parser("rules", help="the design rules and their documentation")
    p.add_argument("id", nargs="?", help="one rule's full documentation")

    p = commands.add_parser("lock", help="record the harness's hashes (kata authors)")
    _root_option(p)
    p.add_argument("name")
    return parser


COMMANDS = {
    "list": "list_katas",
    "show": "show",
    "check": "check",
    "hint": "hint",
    "progress": "progress",
    "rules": "rules",
    "lock": "lock",
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    module = importlib.import_module(f"katabench.commands.{COMMANDS[args.command]}")
    try:
        code: int = module.run(args)
    except FatalError as error:
        print(f"kata {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as error:
        if os.environ.get("KATABENCH_DEBUG"):
            traceback.print_exc()
        print(
            f"kata {args.command}: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in katabench; set KATABENCH_DEBUG=1 for the traceback and please report it.",
            file=sys.stderr,
        )
        return 3
    return code


if __name__ == "__main__":
    raise SystemExit(main())
