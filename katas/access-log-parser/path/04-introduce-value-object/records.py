"""One request served by an edge node."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Request:
    timestamp: str  # ISO 8601; edged 1 lines are converted, edged 2 lines kept as written
    pop: str  # the edge location, e.g. ams1
    cache: str  # HIT, MISS, STALE or PASS
    method: str
    path: str  # as requested, with its query string
    status: int
    bytes_sent: int
    duration_ms: int
    user_agent: str  # "-" when the line has none

    @property
    def route(self):
        """The path without its query string: what the top paths count."""
        return self.path.partition("?")[0]
