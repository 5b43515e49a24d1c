"""The desk: runs a script typed at the counter and hands back the tape."""

from .arith import calculate
from .errors import CalculatorError, CannotRead, DivideByZero, NoSuchRegister, UnknownKey
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
            acc = run_line(line, acc, registers, tape)
        except CalculatorError as error:
            print(f"line {n}: {error}")
            errors += 1
            if isinstance(error, DivideByZero):
                acc = 0.0  # like the old machines: E clears the display
        except Exception:
            print(f"line {n}: cannot read {line!r}")
            errors += 1
        if errors >= MAX_ERRORS:
            print("too many errors, tape stopped")
            break
    return tape


def operand(text, registers):
    """A register or a typed number."""
    if text[0] in "Mm":
        return recall(registers, text)
    return parse_number(text)


def run_line(line, acc, registers, tape):
    """Run one line and return the new display value."""
    parts = line.split()
    key = parts[0].lower()
    if key not in KEYS:
        raise UnknownKey(parts[0])
    if len(parts) > 2:
        raise CannotRead(line)
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
        store(registers, parts[1], calculate("add", recall(registers, parts[1]), acc))
        return acc
    if key == "load":
        return operand(parts[1], registers)
    if key == "add" or key == "sub":
        text = parts[1] if len(parts) == 2 else ""
        try:
            value = recall(registers, text)
        except NoSuchRegister:
            value = till_amount(text)  # voided till lines count as nothing
    else:
        value = operand(parts[1], registers)
    return calculate(key, acc, value)
