"""The desk: runs a script typed at the counter and hands back the tape."""

from .arith import calculate
from .errors import CalculatorError, CannotRead, DivideByZero, NoSuchRegister, UnknownKey
from .keypad import parse_number, tape_line, till_amount
from .memory import fresh_registers, recall, store

KEYS = ("load", "add", "sub", "mul", "div", "pct", "sto", "rcl", "m+", "clr", "=")
MAX_ERRORS = 3  # after three mistakes the script was pasted into the wrong window


def run_tape(lines):
    """Run every line of the script; return the tape (one entry per '=')."""
    script = [(n, line.strip()) for n, line in enumerate(lines, start=1) if is_command(line)]
    if not script:
        print("nothing to do")
        return []
    tape = []
    registers = fresh_registers()
    acc = 0.0
    errors = 0
    for n, line in script:
        try:
            acc = run_line(line, acc, registers, tape)
        except CalculatorError as error:
            print(f"line {n}: {error}")
            errors += 1
            if isinstance(error, DivideByZero):
                acc = 0.0  # like the old machines: E clears the display
        if errors == MAX_ERRORS:
            print("too many errors, tape stopped")
            break
    return tape


def is_command(line):
    """Blank lines and # comments are not commands."""
    text = line.strip()
    return text != "" and not text.startswith("#")


def read_command(line):
    """The key and the operand ("" when there is none) of a line."""
    word, *operands = line.split()
    key = word.lower()
    if key not in KEYS:
        raise UnknownKey(word)
    if len(operands) > 1:
        raise CannotRead(line)
    return key, operands[0] if operands else ""


def operand(text, registers):
    """A register or a typed number."""
    if text[0] in "Mm":
        return recall(registers, text)
    return parse_number(text)


def amount(text, registers):
    """A register, or else a till amount (voided till lines count as nothing)."""
    try:
        return recall(registers, text)
    except NoSuchRegister:
        return till_amount(text)


def run_line(line, acc, registers, tape):
    """Run one line and return the new display value."""
    key, text = read_command(line)
    if key == "clr":
        return 0.0
    if key == "=":
        tape.append(tape_line(acc))
        return acc
    if key in ("add", "sub"):
        return calculate(key, acc, amount(text, registers))
    if not text:
        raise CannotRead(line)
    if key == "sto":
        store(registers, text, acc)
        return acc
    if key == "rcl":
        return recall(registers, text)
    if key == "m+":
        store(registers, text, calculate("add", recall(registers, text), acc))
        return acc
    if key == "load":
        return operand(text, registers)
    return calculate(key, acc, operand(text, registers))
