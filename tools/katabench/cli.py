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
        "--harness",
        metavar="DIR",
        help="run this folder as the harness instead of the kata's (e.g. a pin kata's reference step)",
    )
    parser.add_argument(
        "--code", metavar="DIR", help="judge this folder instead of the kata's legacy folder (e.g. a reference step)"
    )
    parser.add_argument("--no-history", action="store_true", help="do not record this run in .katabench/")


# -- the practice loop (docs/practice.md) ---------------------------------------------

LIGHTS = ("green", "red", "amber")


def _runs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a number of runs from 1 up, got {text!r}")
    return int(text)


def _practice_check_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--watch", action="store_true", help="re-run the fast gates (no mutation) on every save; Ctrl-C stops"
    )
    parser.add_argument("--runs", type=_runs, metavar="N", help="with --watch: stop after N runs (scripts, tests)")
    parser.add_argument(
        "--predict", choices=LIGHTS, help="predict the harness light first; the history records if you were right"
    )


def _repo_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--repo", type=Path, default=None, help="the git work tree (default: the current folder)")


def _practice_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser(
        "tcr",
        help="test && commit || revert: commit green steps, save and revert red ones",
        description="Run the kata's harness (with the cheap gates and rules). Green: commit the kata's code. "
        "Red: save the attempt under refs/katabench/tcr/ and revert only the kata's code.",
    )
    _root_option(p)
    p.add_argument("name")
    p.add_argument("-m", "--message", help="the commit message's subject on green (default: generated)")
    p.add_argument("--driver", help="who is at the keyboard (default: the mob's driver, else git's user.name)")
    p.add_argument("--predict", choices=LIGHTS, help="predict the harness light first")
    p.add_argument("--watch", action="store_true", help="run TCR on every save of the kata's code")
    p.add_argument("--runs", type=_runs, metavar="N", help="with --watch: stop after N runs (scripts, tests)")
    p.add_argument(
        "--restore",
        nargs="?",
        const="",
        metavar="WHICH",
        help="without WHICH: list saved attempts; WHICH = latest, a number from the list, or a ref",
    )
    p.add_argument("--stats", action="store_true", help="green/red counts, time in red, average step size")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")

    p = commands.add_parser(
        "mob",
        help="mob/pair rotation: a WIP branch, a timer, co-author trailers",
        description="Driver rotation on a timer; work travels on the WIP branch mob/<branch>.",
        epilog="a session: kata mob start --team alice,bob,carol  ->  (type)  ->  kata mob next  ->  "
        "the next driver: kata mob start  ->  ...  ->  kata mob done\nsettings and safety: docs/practice.md",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = p.add_subparsers(dest="mob_action", metavar="action", required=True)
    q = actions.add_parser("start", help="create or join the WIP branch and start a turn")
    _repo_option(q)
    q.add_argument("--minutes", help="length of a turn (default 10, or your configuration)")
    q.add_argument("--team", help="the roster in rotation order, comma-separated: alice,bob,carol")
    q.add_argument("--driver", help="who drives now (default: whom the last handover announced)")
    q.add_argument("--include-uncommitted", action="store_true", help="carry your uncommitted changes into the session")
    q = actions.add_parser("next", help="commit and push your turn's work; announce the next driver")
    _repo_option(q)
    q = actions.add_parser("done", help="merge the WIP branch with Co-authored-by trailers; end the session")
    _repo_option(q)
    q.add_argument(
        "--squash",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="squash the WIP commits into one (the WIP history is archived under refs/katabench/)",
    )
    q.add_argument(
        "--push",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="push the base branch when a remote exists (default: yes)",
    )
    q = actions.add_parser("status", help="the session: driver, time left, WIP commits")
    _repo_option(q)
    q.add_argument("--json", action="store_true", help="print as JSON")
    q = actions.add_parser("timer", help="count down the current turn here and announce the next driver")
    _repo_option(q)
    q = actions.add_parser("config", help="the settings in force and where each comes from")
    _repo_option(q)

    p = commands.add_parser(
        "submit",
        help="pack your work for the instructor: <kata>-<date>.kata.zip",
        description="Write <kata>-<YYYY-MM-DD>.kata.zip: a git bundle of the branch, the check of its head "
        "and a manifest (docs/submission-format.md). `kata review` reads it.",
    )
    _root_option(p)
    p.add_argument("name")
    p.add_argument("--output", type=Path, default=Path("."), metavar="DIR", help="where to write it (default: here)")
    p.add_argument("--branch", help="the branch to submit (default: the current one)")
    p.add_argument("--no-mutation", action="store_true", help="leave mutation testing out of check.json")
    p.add_argument("--json", action="store_true", help="print the manifest and the file name as JSON")

    p = commands.add_parser(
        "pre-commit",
        help="the pre-commit hook: block a commit that turns a kata's harness red",
        description="Run the harness of every kata the given files belong to; exit 1 if one is not green.",
    )
    _root_option(p)
    p.add_argument("files", nargs="*", help="the files being committed (pre-commit passes them)")


def _review_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", help="a git repository, or a submission file (*.kata.zip)")
    parser.add_argument(
        "--class",
        dest="class_dir",
        metavar="DIR",
        help="review every repository, submission and JSON result in DIR: one row per student",
    )
    parser.add_argument("--kata", metavar="NAME", help="the kata (default: the one the history is about)")
    parser.add_argument(
        "--base",
        metavar="REF",
        help="review after this commit (default: where the kata's code "
        "was introduced, or the merge-base with the upstream branch)",
    )
    parser.add_argument("--head", metavar="REF", help="review up to this commit (default: HEAD)")
    parser.add_argument(
        "--format",
        choices=("table", "markdown", "json", "html"),
        default="table",
        help="table (default), markdown, json (schema katabench.review/1) or html (one file)",
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    parser.add_argument(
        "--run-tests",
        action="store_true",
        help="run the harness on every commit (in a temporary copy, with the kata's timeout)",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=2,
        metavar="N",
        help="commits to test (and files to measure) in parallel (default 2)",
    )
    parser.add_argument("--timeout", type=float, metavar="S", help="harness timeout per commit (default: the kata's)")
    parser.add_argument(
        "--metrics-only", action="store_true", help="metrics only: no design rules, no refactoring detection (fastest)"
    )
    parser.add_argument(
        "--max-lines",
        type=int,
        default=250,
        metavar="N",
        help="a step changing more lines (moved lines left out) is a big-bang (default 250)",
    )
    parser.add_argument(
        "--max-kinds",
        type=int,
        default=3,
        metavar="N",
        help="a step with more kinds of refactoring is a big-bang (default 3)",
    )
    parser.add_argument(
        "--cache",
        metavar="DIR",
        help="where the review cache lives (default: $KATABENCH_CACHE_DIR, else ~/.cache/katabench)",
    )
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the cache")


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
    _practice_check_options(p)

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

    p = commands.add_parser(
        "review",
        help="review a student's commits: green steps, refactorings, metrics, golf",
        description="Review the commits between a base and a head of a student's repository (or a submission "
        "file): harness green/red per commit (--run-tests), lines changed, metrics and design rules, the "
        "refactorings detected, verdicts, and a golf score against the kata's reference path. Never changes "
        "the repository. See docs/review.md.",
    )
    _root_option(p)
    _review_options(p)

    p = commands.add_parser(
        "demo-history",
        help="a git repository whose commits replay a kata's reference path",
        description="Create DIR as a git repository: the first commit is the kata as a student gets it, each next "
        "commit one step of the reference path (its subject names the refactoring). Then: kata review DIR.",
    )
    _root_option(p)
    p.add_argument("name", help="the kata")
    p.add_argument("dir", help="the folder to create (must not exist, or be empty)")

    p = commands.add_parser("lock", help="record the harness's hashes (kata authors)")
    _root_option(p)
    p.add_argument("name")
    _practice_commands(commands)
    return parser


COMMANDS = {
    "list": "list_katas",
    "show": "show",
    "check": "check",
    "hint": "hint",
    "progress": "progress",
    "rules": "rules",
    "lock": "lock",
    "review": "review",
    "demo-history": "demo_history",
    "tcr": "tcr",
    "mob": "mob",
    "submit": "submit",
    "pre-commit": "pre_commit",
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
