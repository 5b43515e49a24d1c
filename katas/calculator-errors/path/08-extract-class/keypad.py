"""What the counter staff type in, and what comes out on the tape."""

from .errors import BadNumber, DisplayOverflow, NumberTooLong

MAX_DIGITS = 12  # the old desk machines had a twelve-digit display
DISPLAY_LIMIT = 10.0**MAX_DIGITS


def looks_like_number(text):
    body = text[1:] if text.startswith("-") else text
    return body.replace(".", "", 1).isdigit()


def parse_number(text):
    """A number typed on the keypad: BadNumber or NumberTooLong when it cannot be used."""
    if not looks_like_number(text):
        raise BadNumber(text)
    if sum(ch.isdigit() for ch in text) > MAX_DIGITS:
        raise NumberTooLong(text)
    return float(text)


def till_amount(text):
    """An amount pasted from the till export.

    Voided till lines come through blank or as 'void', so anything we cannot
    read simply counts as nothing.
    """
    try:
        return float(text)
    except ValueError:
        return 0.0


def fit(value):
    """The value, when it fits on the display; NaN and infinities never do."""
    if not abs(value) < DISPLAY_LIMIT:
        raise DisplayOverflow()
    return value


def tape_line(value):
    return f"{value:,.2f}"
