"""Probe for the time-bound gate of the access-log-parser kata.

make_input writes `size` lines of a generated night on the edge fleet: both
formats, a comment, one bad line in a hundred, and the lines of syd1, which
still runs edged 2.0.3 and leaves the user agent unquoted (bad lines too,
and near misses that cost a backtracking pattern dearly). workload runs the
public `analyse` on it. pathological_inputs are malformed lines like the
one that hung the nightly job; probe_one parses one with `parse_line`.
"""

import random
from pathlib import Path
from types import ModuleType

SHOWS = ["nsh", "bkc", "tdl", "mrg", "owl", "fen", "hwk", "lch", "qry", "sbt", "vyg", "zph"]
POPS = ["ams1", "ams2", "fra1", "fra2", "iad1", "sin1", "syd1"]
CACHE = ["HIT"] * 14 + ["MISS"] * 4 + ["STALE", "PASS"]
STATUSES = [200] * 12 + [206] * 6 + [304, 304, 404, 416, 500, 503]
AGENTS = [
    "AntennaPod/3.2.1",
    "Pocket Casts/7.58 (Android 14)",
    "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)",
    "AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4 like Mac OS X; en_gb)",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/122.0",
    "Spotify/8.9.24 Android/34 (SM-S918B)",
    "Googlebot/2.1 (+http://www.google.com/bot.html)",
    "curl/8.4.0",
]
BAD = [
    "1709966062 ams1 HIT GET /nsh/1.mp3 200",
    'v2 2024-03-09T06:14:22Z ams2 MISS "GET /nsh/1.mp3" 200 512 9ms Overcast/3.0',
    "-- edged restarted --",
]


def make_input(size: int, path: Path) -> None:
    rng = random.Random(2024)
    lines = ["# edgestat collect, all pops"]
    for n in range(size - 1):
        if n % 97 == 0:
            lines.append(BAD[n % len(BAD)])
            continue
        show = rng.choice(SHOWS[: rng.randint(1, len(SHOWS))])
        kind = rng.random()
        if kind < 0.8:
            target = f"/{show}/{rng.randint(1, 60)}.mp3"
        elif kind < 0.95:
            target = f"/feed/{show}.xml"
        else:
            target = f"/art/{show}.jpg"
        if rng.random() < 0.3:
            target += f"?t={rng.randint(0, 3600)}"
        pop, cache, status = rng.choice(POPS), rng.choice(CACHE), rng.choice(STATUSES)
        size_sent = {200: rng.randint(40_000, 60_000_000), 206: 1_048_576}.get(status, 0)
        millis = 1 + int(rng.expovariate(1 / 40 if cache == "HIT" else 1 / 400))
        agent = rng.choice(AGENTS)
        epoch = 1709942400 + n * 3
        if n % 5 < 3:
            sent = "-" if size_sent == 0 else str(size_sent)
            lines.append(f'{epoch} {pop} {cache} GET {target} {status} {sent} {millis} "{agent}"')
        else:
            stamp = f"2024-03-09T{n * 3 // 3600 % 24:02d}:{n * 3 // 60 % 60:02d}:{n * 3 % 60:02d}Z"
            # syd1 still runs edged 2.0.3, which forgets the quotes around the agent: bad lines
            agent = agent if pop == "syd1" else f'"{agent}"'
            lines.append(f'v2 {stamp} {pop} {cache} "GET {target}" {status} {size_sent} {millis}ms {agent}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def workload(package: ModuleType, path: Path) -> object:
    with path.open(encoding="utf-8") as log:
        return package.analyse(log)


def pathological_inputs() -> list[str]:
    return [
        # the line that hung the job on 2 March: ams2's disk filled up mid-write
        'v2 2024-03-02T03:41:07Z ams2 MISS "GET /promo/spring-sale-sponsor-read-from-the-north-sea-ferry-company',
        # a client that sent its protocol version along with the path
        'v2 2024-03-02T03:41:09Z fra1 HIT "GET /nsh/112-the-long-and-winding-interview.mp3 HTTP/1.1" 200 0 3ms',
    ]


def probe_one(package: ModuleType, text: str) -> object:
    record = package.parse_line(text)
    return None if record is None else record.path
