"""The arithmetic keys."""

from .errors import DivideByZero
from .keypad import fit


def calculate(key, a, b):
    """Apply an arithmetic key to the display value a and the operand b.

    Raises DivideByZero, or DisplayOverflow when the result does not fit.
    """
    if key == "add":
        result = a + b
    elif key == "sub":
        result = a - b
    elif key == "mul":
        result = a * b
    elif key == "div":
        if b == 0:
            raise DivideByZero()
        result = a / b
    else:  # pct: add b percent, for VAT and the trade mark-up
        result = a + a * b / 100
    return fit(result)
