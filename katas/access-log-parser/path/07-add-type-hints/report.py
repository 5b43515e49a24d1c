"""The nightly edge report that goes to the on-call channel."""

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter

from .agents import is_bot
from .parsing import parse_line
from .records import Request

SLOW_HIT_MS = 250  # a cache hit should never take this long
SLOW_MS = 1500  # misses go to the origin in Frankfurt; allow for it
TOP_PATHS = 5
BAD_LINES_SHOWN = 5
SLOWEST_SHOWN = 3


def format_megabytes(n: int) -> str:
    """Bytes as megabytes with one decimal, cut rather than rounded (as on the invoice)."""
    return f"{n // 100000 / 10:.1f} MB"


def is_slow(request: Request) -> bool:
    limit = SLOW_HIT_MS if request.cache == "HIT" else SLOW_MS
    return request.duration_ms > limit


@dataclass(eq=False)
class LogTally:
    """Everything the report counts, gathered in one pass over the log."""

    lines: int = 0
    skipped: int = 0
    bad: list[int] = field(default_factory=list)  # line numbers, from 1
    statuses: Counter[int] = field(default_factory=Counter)
    caches: Counter[str] = field(default_factory=Counter)
    slow: list[Request] = field(default_factory=list)
    bytes_sent: int = 0
    bots: int = 0
    routes: Counter[str] = field(default_factory=Counter)  # requests by route, bots left out

    @property
    def requests(self) -> int:
        return self.statuses.total()

    def add_line(self, line: str) -> None:
        self.lines += 1
        stripped = line.strip()
        if stripped == "" or stripped.startswith("#"):
            self.skipped += 1
            return
        request = parse_line(line)
        if request is None:
            self.bad.append(self.lines)
        else:
            self.add_request(request)

    def add_request(self, request: Request) -> None:
        self.statuses[request.status] += 1
        self.caches[request.cache] += 1
        self.bytes_sent += request.bytes_sent
        if is_slow(request):
            self.slow.append(request)
        if is_bot(request.user_agent):
            self.bots += 1
        else:
            self.routes[request.route] += 1


def analyse(lines: Iterable[str]) -> str:
    """Read a whole log and write the report."""
    tally = LogTally()
    for line in lines:
        tally.add_line(line)
    return "\n".join(report_lines(tally))


def report_lines(tally: LogTally) -> Iterator[str]:
    yield "Fernhill edge report"
    yield f"lines: {tally.lines} (requests {tally.requests}, skipped {tally.skipped}, bad {len(tally.bad)})"
    if tally.bad:
        yield bad_lines(tally.bad)
    if not tally.requests:
        yield "no requests"
        return
    yield "status: " + ", ".join(f"{status} x{n}" for status, n in sorted(tally.statuses.items()))
    yield error_counts(tally.statuses)
    yield cache_counts(tally.caches)
    yield from slow_requests(tally.slow)
    yield f"served: {format_megabytes(tally.bytes_sent)} in {tally.requests} requests"
    yield f"bots: {tally.bots}"
    yield from top_paths(tally.routes)


def bad_lines(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:BAD_LINES_SHOWN])
    hidden = len(numbers) - BAD_LINES_SHOWN
    if hidden > 0:
        shown += f" and {hidden} more"
    return "bad lines: " + shown


def error_counts(statuses: Counter[int]) -> str:
    classes: Counter[int] = Counter()
    for status, n in statuses.items():
        classes[status // 100] += n
    return f"errors: 4xx {classes[4]}, 5xx {classes[5]}"


def cache_counts(caches: Counter[str]) -> str:
    hits = caches["HIT"] + caches["STALE"]
    lookups = hits + caches["MISS"]  # PASS never asks the cache
    ratio = f"{hits * 100 / lookups:.1f}%" if lookups else "n/a"
    return (
        f"cache: HIT {caches['HIT']}, MISS {caches['MISS']}, "
        f"STALE {caches['STALE']}, PASS {caches['PASS']} (hit ratio {ratio})"
    )


def slow_requests(slow: list[Request]) -> Iterator[str]:
    yield f"slow: {len(slow)} (hits over {SLOW_HIT_MS} ms, others over {SLOW_MS} ms)"
    slowest = sorted(slow, key=attrgetter("duration_ms"), reverse=True)  # ties keep log order
    for r in slowest[:SLOWEST_SHOWN]:
        yield f"  {r.duration_ms:>6} ms  {r.cache:<5} {r.method} {r.path} ({r.pop})"


def top_paths(routes: Counter[str]) -> Iterator[str]:
    if routes:
        yield "top paths:"
    for route, n in routes.most_common(TOP_PATHS):  # ties keep the order first seen
        yield f"  {n:>5}  {route}"
