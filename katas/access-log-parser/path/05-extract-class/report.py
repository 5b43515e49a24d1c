"""The nightly edge report that goes to the on-call channel."""

from collections import Counter
from dataclasses import dataclass, field

from .agents import is_bot
from .parsing import parse_line

SLOW_HIT_MS = 250  # a cache hit should never take this long
SLOW_MS = 1500  # misses go to the origin in Frankfurt; allow for it
TOP_PATHS = 5
BAD_LINES_SHOWN = 5
SLOWEST_SHOWN = 3


def format_megabytes(n):
    """Bytes as megabytes with one decimal, cut rather than rounded (as on the invoice)."""
    return f"{n // 100000 / 10:.1f} MB"


def is_slow(request):
    limit = SLOW_HIT_MS if request.cache == "HIT" else SLOW_MS
    return request.duration_ms > limit


@dataclass(eq=False)
class LogTally:
    """Everything the report counts, gathered in one pass over the log."""

    lines: int = 0
    skipped: int = 0
    bad: list = field(default_factory=list)  # line numbers, from 1
    statuses: Counter = field(default_factory=Counter)
    caches: Counter = field(default_factory=Counter)
    slow: list = field(default_factory=list)
    bytes_sent: int = 0
    bots: int = 0
    routes: Counter = field(default_factory=Counter)  # requests by route, bots left out

    def add_line(self, line):
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

    def add_request(self, request):
        self.statuses[request.status] += 1
        self.caches[request.cache] += 1
        self.bytes_sent += request.bytes_sent
        if is_slow(request):
            self.slow.append(request)
        if is_bot(request.user_agent):
            self.bots += 1
        else:
            self.routes[request.route] += 1


def analyse(lines):
    """Read a whole log and write the report."""
    tally = LogTally()
    for line in lines:
        tally.add_line(line)

    requests = tally.statuses.total()
    out = ["Fernhill edge report"]
    out.append(f"lines: {tally.lines} (requests {requests}, skipped {tally.skipped}, bad {len(tally.bad)})")
    if tally.bad:
        shown = ", ".join(str(n) for n in tally.bad[:BAD_LINES_SHOWN])
        if len(tally.bad) > BAD_LINES_SHOWN:
            shown += f" and {len(tally.bad) - BAD_LINES_SHOWN} more"
        out.append("bad lines: " + shown)
    if not requests:
        out.append("no requests")
        return "\n".join(out)

    out.append("status: " + ", ".join(f"{s} x{n}" for s, n in sorted(tally.statuses.items())))
    classes = Counter()
    for status, n in tally.statuses.items():
        classes[status // 100] += n
    out.append(f"errors: 4xx {classes[4]}, 5xx {classes[5]}")

    caches = tally.caches
    hits = caches["HIT"] + caches["STALE"]
    lookups = hits + caches["MISS"]
    ratio = f"{hits * 100 / lookups:.1f}%" if lookups else "n/a"
    out.append(
        f"cache: HIT {caches['HIT']}, MISS {caches['MISS']}, "
        f"STALE {caches['STALE']}, PASS {caches['PASS']} (hit ratio {ratio})"
    )

    out.append(f"slow: {len(tally.slow)} (hits over {SLOW_HIT_MS} ms, others over {SLOW_MS} ms)")
    for r in sorted(tally.slow, key=lambda r: r.duration_ms, reverse=True)[:SLOWEST_SHOWN]:
        out.append(f"  {r.duration_ms:>6} ms  {r.cache:<5} {r.method} {r.path} ({r.pop})")

    out.append(f"served: {format_megabytes(tally.bytes_sent)} in {requests} requests")
    out.append(f"bots: {tally.bots}")
    if tally.routes:
        out.append("top paths:")
        for route, n in tally.routes.most_common(TOP_PATHS):
            out.append(f"  {n:>5}  {route}")
    return "\n".join(out)
