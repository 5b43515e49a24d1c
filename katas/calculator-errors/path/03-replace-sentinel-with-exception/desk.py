"""The desk: runs a script typed at the counter and hands back the tape."""

from .arith import calculate
from .errors import CalculatorError, NoSuchRegister
from .keypad import parse_number, tape_line, till_amount
from .memory import fresh_registers, recall, store

KEYS = ("load", "add", "sub", "mul", "div", "pct", "sto", "rcl", "m+", "clr", "=")
MAX_ERRORS = 3  # after three mistakes the script was pasted into the wrong window


def run_tape(lines):
    """Run every line of the script; return the tape (one entry per '=')."""
    tape = []
    commands = [line for line in lines if line.strip() and not line.strip().startswith("#")]
    if len(commands) == 0:
        print("nothing to do")
        return tape
    registers = fresh_registers()
    acc = 0.0
    errors = 0
    for n, raw in enumerate(lines, start=1):
        line = raw.strip()
        if line == "" or line[0] == "#":
            continue
        try:
            result = run_line(line, n, acc, registers, tape)
        except CalculatorError as error:
            print(f"line {n}: {error}")
            result = None
        except Exception:
            print(f"line {n}: cannot read {line!r}")
            result = None
        if result is None:
            errors += 1
        elif result == "E":
            acc = 0.0  # like the old machines: E clears the display
            errors += 1
        else:
            acc = result
        if errors >= MAX_ERRORS:
            print("too many errors, tape stopped")
            break
    return tape


def operand(text, registers, n):
    """A register or a typed number; None (already reported) when it is neither."""
    if text[0] in "Mm":
        return recall(registers, text)
    return parse_number(text, n)


def run_line(line, n, acc, registers, tape):
    """Run one line.

    Returns the new display value, None after an error, or "E" when the
    display must be cleared.
    """
    parts = line.split()
    key = parts[0].lower()
    if key not in KEYS:
        print(f"line {n}: unknown key {parts[0]!r}")
        return None
    if len(parts) > 2:
        print(f"line {n}: cannot read {line!r}")
        return None
    if key == "clr":
        return 0.0
    if key == "=":
        tape.append(tape_line(acc))
        return acc
    if key == "sto":
        store(registers, parts[1], acc)
        return acc
    if key == "rcl":
        return recall(registers, parts[1])
    if key == "m+":
        current = recall(registers, parts[1])
        total = calculate("add", current, acc)
        if total == "ERR OVERFLOW":
            print(f"line {n}: overflow")
            return None
        store(registers, parts[1], total)
        return acc
    if key == "load":
        value = operand(parts[1], registers, n)
        if value is None:
            return None
        return value
    if key == "add" or key == "sub":
        text = parts[1] if len(parts) == 2 else ""
        try:
            value = recall(registers, text)
        except NoSuchRegister:
            value = till_amount(text)  # voided till lines count as nothing
    else:
        value = operand(parts[1], registers, n)
        if value is None:
            return None
    result = calculate(key, acc, value)
    if isinstance(result, str) and result.startswith("ERR"):
        if result == "ERR DIV0":
            print(f"line {n}: divide by zero")
            return "E"
        print(f"line {n}: overflow")
        return None
    return result
