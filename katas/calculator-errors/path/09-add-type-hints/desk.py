"""The desk: runs a script typed at the counter and hands back the tape.

It is the error boundary: every CalculatorError raised below is caught here,
and only here, and printed as "line N: <message>".
"""

from .calculator import Calculator
from .errors import CalculatorError

MAX_ERRORS = 3  # after three mistakes the script was pasted into the wrong window


def run_tape(lines: list[str]) -> list[str]:
    """Run every line of the script; return the tape (one entry per '=')."""
    script = numbered_commands(lines)
    if not script:
        print("nothing to do")
        return []
    calculator = Calculator()
    errors = 0
    for n, line in script:
        try:
            calculator.press(line)
        except CalculatorError as error:
            print(f"line {n}: {error}")
            errors += 1
        if errors == MAX_ERRORS:
            print("too many errors, tape stopped")
            break
    return calculator.tape


def numbered_commands(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, command) for every line but blanks and # comments; numbers count all lines."""
    numbered = ((n, line.strip()) for n, line in enumerate(lines, start=1))
    return [(n, text) for n, text in numbered if text and not text.startswith("#")]
