"""What the counter staff type in, and what comes out on the tape."""

MAX_DIGITS = 12  # the old desk machines had a twelve-digit display


def looks_like_number(text):
    body = text[1:] if text.startswith("-") else text
    return body.replace(".", "", 1).isdigit()


def parse_number(text, line_no):
    """A number typed on the keypad.

    Returns None when it cannot be used (the user has already been told why).
    """
    if not looks_like_number(text):
        print(f"line {line_no}: bad number {text!r}")
        return None
    digits = 0
    for ch in text:
        if ch.isdigit():
            digits += 1
    if digits > MAX_DIGITS:
        print(f"line {line_no}: number too long {text!r}")
        return None
    return float(text)


def till_amount(text):
    """An amount pasted from the till export.

    Voided till lines come through blank or as 'void', so anything we cannot
    read simply counts as nothing.
    """
    try:
        amount = float(text)
    except:
        amount = 0.0
    return amount


def too_big(value):
    """True when the value does not fit on the display."""
    try:
        return len(str(int(abs(value)))) > MAX_DIGITS
    except Exception:
        return True


def tape_line(value):
    return f"{value:,.2f}"
