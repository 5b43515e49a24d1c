"""The nightly edge report that goes to the on-call channel."""

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


def analyse(lines):
    """Read a whole log and write the report."""
    requests = []
    skipped = 0
    bad = []
    number = 0
    for line in lines:
        number += 1
        stripped = line.strip()
        if stripped == "" or stripped.startswith("#"):
            skipped += 1
            continue
        record = parse_line(line)
        if record is None:
            bad.append(number)
        else:
            requests.append(record)

    out = ["Fernhill edge report"]
    out.append(f"lines: {number} (requests {len(requests)}, skipped {skipped}, bad {len(bad)})")
    if bad:
        shown = ", ".join(str(n) for n in bad[:BAD_LINES_SHOWN])
        if len(bad) > BAD_LINES_SHOWN:
            shown += f" and {len(bad) - BAD_LINES_SHOWN} more"
        out.append("bad lines: " + shown)
    if not requests:
        out.append("no requests")
        return "\n".join(out)

    statuses = [r.status for r in requests]
    out.append("status: " + ", ".join(f"{s} x{statuses.count(s)}" for s in sorted(set(statuses))))
    client_errors = 0
    server_errors = 0
    for r in requests:
        if r.status >= 400 and r.status < 500:
            client_errors += 1
        elif r.status >= 500 and r.status < 600:
            server_errors += 1
    out.append(f"errors: 4xx {client_errors}, 5xx {server_errors}")

    caches = [r.cache for r in requests]
    hits = caches.count("HIT") + caches.count("STALE")
    lookups = hits + caches.count("MISS")
    if lookups:
        ratio = f"{hits * 100 / lookups:.1f}%"
    else:
        ratio = "n/a"
    out.append(
        f"cache: HIT {caches.count('HIT')}, MISS {caches.count('MISS')}, "
        f"STALE {caches.count('STALE')}, PASS {caches.count('PASS')} (hit ratio {ratio})"
    )

    slow = []
    for r in requests:
        if r.cache == "HIT":
            if r.duration_ms > SLOW_HIT_MS:
                slow.append(r)
        elif r.duration_ms > SLOW_MS:
            slow.append(r)
    out.append(f"slow: {len(slow)} (hits over {SLOW_HIT_MS} ms, others over {SLOW_MS} ms)")
    for r in sorted(slow, key=lambda r: r.duration_ms, reverse=True)[:SLOWEST_SHOWN]:
        out.append(f"  {r.duration_ms:>6} ms  {r.cache:<5} {r.method} {r.path} ({r.pop})")

    total_bytes = 0
    for r in requests:
        total_bytes += r.bytes_sent
    out.append(f"served: {format_megabytes(total_bytes)} in {len(requests)} requests")

    paths = []
    bots = 0
    for r in requests:
        if is_bot(r.user_agent):
            bots += 1
        else:
            paths.append(r.path.split("?")[0])
    out.append(f"bots: {bots}")
    if paths:
        out.append("top paths:")
        ranked = sorted(set(paths), key=lambda p: (-paths.count(p), paths.index(p)))
        for p in ranked[:TOP_PATHS]:
            out.append(f"  {paths.count(p):>5}  {p}")
    return "\n".join(out)
