"""Approval harness for Tillroll, the counter desk calculator (kata calculator-errors).

Drives only the public boundary `run_tape(lines) -> list[str]` and records, for
every script, both what goes to the console (stdout) and the tape it returns.
Messages printed deep inside helpers and messages rendered at one error
boundary therefore produce the same transcript.
"""

import contextlib
import io

from approvaltests import verify

from legacy.calculator_errors import run_tape

# Scripts that put the desk into a known state: display value and register M3.
BEFORE = [
    "",
    "load 40; sto M3; load 12.5",
    "load -8; sto m3; load 0.125",
    "load 999999999999; sto M3",
    "load -999999999999; sto M3; load 0.5",
]

# One line typed after the set-up; every key, every way of getting it wrong.
LINES = [
    # reading the line
    "",
    "# a comment",
    "   load 3   ",
    "pow 2",
    "POW",
    "pow 1 2",
    "load 5 6",
    "clr",
    "clr 5",
    "=",
    "= 1",
    # load: typed numbers and registers
    "load 5",
    "LOAD -2.5",
    "load 2.675",
    "load -0.001",
    "load -0",
    "load .5",
    "load 5.",
    "load 999999999999",
    "load 1000000000000",
    "load 99999999999.9",
    "load 0.00000000001",
    "load 0.000000000001",
    "load 12.5.1",
    "load --5",
    "load -",
    "load 1e3",
    "load +5",
    "load abc",
    "load",
    "load M3",
    "load m3",
    "load M01",
    "load M0",
    "load M9",
    "load M10",
    "load Mx",
    "load M",
    "load X3",
    # add and sub: till amounts
    "add 2.5",
    "add -0.5",
    "ADD 1",
    "add 0.5",
    "add",
    "add void",
    "add 1e3",
    "add 1000000000000",
    "add inf",
    "add nan",
    "add M3",
    "add m3",
    "add M0",
    "add M10",
    "sub 2.5",
    "sub",
    "sub x",
    "sub M3",
    "sub 1",
    # mul, div, pct: typed numbers and registers
    "mul 3",
    "mul 0",
    "mul -1",
    "mul 2",
    "mul 100000000000",
    "mul x",
    "mul",
    "mul M3",
    "mul M0",
    "div 4",
    "div 0",
    "div -0",
    "div 0.0",
    "div 0.00000000001",
    "div M3",
    "div M9",
    "div x",
    "div",
    "pct 20",
    "pct -100",
    "pct 1e2",
    "pct x",
    "pct",
    "pct M3",
    # the memory keys
    "sto M3",
    "sto m3",
    "sto M9",
    "sto M0",
    "sto M10",
    "sto X",
    "sto",
    "sto M3 M4",
    "rcl M3",
    "RCL m3",
    "rcl M9",
    "rcl M0",
    "rcl Q",
    "rcl 3",
    "rcl",
    "m+ M3",
    "M+ m3",
    "m+ M9",
    "m+ M0",
    "m+ 3",
    "m+",
]

# After the line: show the display, then what M3 holds.
SHOW = ["=", "rcl M3", "="]


def transcript(lines):
    console = io.StringIO()
    with contextlib.redirect_stdout(console):
        try:
            tape = run_tape(list(lines))
        except Exception as error:  # recorded, so a crash is visible in the diff
            tape = f"raised {type(error).__name__}: {error}"
    printed = console.getvalue().splitlines()
    return f"tape {tape}  console {printed}"


def test_one_line_after_each_setup():
    cases = []
    for before in BEFORE:
        setup = [part.strip() for part in before.split(";") if part.strip()]
        for line in LINES:
            result = transcript([*setup, line, *SHOW])
            cases.append(f"{before!r:40} | {line!r:24} => {result}")
    verify("\n".join(cases) + "\n")


SCENARIOS = {
    "no lines at all": [],
    "only a blank line": [""],
    "blanks and comments only": ["   ", "# totals for the Hendry order", "\t"],
    "one comment then a total": ["# nothing loaded yet", "="],
    "line numbers count blanks and comments": [
        "# Hendry order",
        "",
        "load 12",
        "div 0",
        "",
        "mul x",
        "=",
    ],
    "two errors, the script goes on": ["load 10", "div 0", "add 4", "mul x", "add 1", "="],
    "three errors stop the tape": ["load 10", "=", "pow", "sto M0", "div 0", "add 5", "="],
    "the third error ends the tape even when it is the last line": ["pow", "pow", "pow"],
    "three errors with good lines between": [
        "load 2",
        "mul y",
        "=",
        "rcl M12",
        "add 3",
        "=",
        "load",
        "=",
    ],
    "stores and recalls are not errors": [
        "load 1",
        "sto M1",
        "sto M2",
        "rcl M1",
        "m+ M2",
        "pow",
        "pow",
        "rcl M2",
        "=",
    ],
    "divide by zero clears the display": ["load 75", "sto M1", "div M2", "=", "add M1", "="],
    "overflow keeps the display": ["load 600000000000", "add 600000000000", "=", "mul 2", "="],
    "running total across registers": [
        "load 12.40",
        "m+ M1",
        "load 7.15",
        "m+ M1",
        "m+ M2",
        "rcl M1",
        "=",
        "rcl M2",
        "=",
        "pct 20",
        "=",
    ],
    "memory plus overflow leaves the register alone": [
        "load 999999999999",
        "sto M4",
        "load 1",
        "m+ M4",
        "rcl M4",
        "=",
    ],
    "tape rounding and signs": [
        "load 0.125",
        "=",
        "load 0.375",
        "=",
        "load 2.675",
        "=",
        "load -0.004",
        "=",
        "load 1234567.891",
        "=",
        "sub 1234567.9",
        "=",
    ],
    "a whole quote": [
        "# Hendry & Sons, quote 4471",
        "load 2.4",
        "mul 38",
        "sto M1",
        "load 14.95",
        "mul 12",
        "add M1",
        "add void",
        "pct 20",
        "=",
        "pct -10",
        "=",
    ],
}


def test_scenarios():
    text = ""
    for name, lines in SCENARIOS.items():
        text += f"{name}\n  script  {lines}\n  {transcript(lines)}\n"
    verify(text)
