"""The arithmetic keys."""

from .keypad import too_big


def calculate(key, a, b):
    """Apply an arithmetic key to the display value a and the operand b.

    Returns the new value, or an error code for the desk to report:
    "ERR DIV0" or "ERR OVERFLOW".
    """
    if key == "add":
        result = a + b
    elif key == "sub":
        result = a - b
    elif key == "mul":
        result = a * b
    elif key == "div":
        if b == 0:
            return "ERR DIV0"
        result = a / b
    else:  # pct: add b percent, for VAT and the trade mark-up
        result = a + a * b / 100
    if too_big(result):
        return "ERR OVERFLOW"
    return result
