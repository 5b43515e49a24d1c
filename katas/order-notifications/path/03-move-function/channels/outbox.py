"""Everything the shop sends, in the order it was sent."""


class Outbox:
    def __init__(self):
        self.lines = []

    def post(self, line):
        self.lines.append(line)

    def transcript(self):
        return "\n".join(self.lines)
