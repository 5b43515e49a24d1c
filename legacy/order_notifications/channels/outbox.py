"""Everything the shop sends, in the order it was sent."""

SENT = []


def post(line):
    SENT.append(line)


def take_all():
    lines = list(SENT)
    SENT.clear()
    return lines
