"""Everything the shop sends, in the order it was sent."""


class Outbox:
    def __init__(self) -> None:
        self._lines: list[str] = []

    def post(self, line: str) -> None:
        self._lines.append(line)

    def transcript(self) -> str:
        return "\n".join(self._lines)
