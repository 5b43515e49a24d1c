"""Turning one line of an edge log into a LogRecord.

Two formats are in the field. edged 1 (the old nodes) separates the fields
by spaces and puts the user agent last:

    1709966062 ams1 HIT GET /nsh/112.mp3 200 4182330 38 "AntennaPod/3.2.1"

edged 2 (since the autumn upgrade) starts with a "v2" marker, writes an ISO
timestamp and quotes the request as it arrived:

    v2 2024-03-09T06:14:22Z ams2 MISS "GET /nsh/112.mp3?t=30" 206 1048576 12ms "Pocket Casts/7.58"
"""

import re
import time

from .records import LogRecord

CACHE_STATES = ("HIT", "MISS", "STALE", "PASS")

EDGED_2_LINE = re.compile(
    r"""
    v2 [ ]
    (?P<timestamp> \S+ ) [ ]                # as the node wrote it; not checked
    (?P<pop> \S+ ) [ ]                      # edge location, e.g. ams2
    (?P<cache> HIT | MISS | STALE | PASS ) [ ]
    "(?P<method> [A-Z]+ ) [ ]
    (?P<path>
        /                                   # the root, then segments joined by single slashes;
        (?: [\w.~%-]+ (?: / [\w.~%-]+ )* /? )?
                                            # each repetition starts with "/", which no
                                            # segment can hold: one way to match, not 2^n
        (?: \? [^"]* )?                     # the query string, spaces and all
    )" [ ]
    (?P<status> \d{3} ) [ ]
    (?P<bytes> \d+ | - ) [ ]                # "-": nothing sent
    (?P<millis> \d+ ) ms
    (?: [ ]"(?P<agent> .* )" )?             # the user agent, verbatim
    """,
    re.VERBOSE,
)


def parse_line(text):
    """The request on this line, or None for anything else (blank, comment, garbage)."""
    line = text.strip()
    if line.startswith("v2 "):
        return parse_v2(line)
    return parse_v1(line)


def parse_v1(line):
    parts = line.split()
    if len(parts) < 8:
        return None
    if not parts[0].isdigit():
        return None
    timestamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(parts[0])))
    # the old nodes log the cache state in lower case after a restart
    cache = parts[2].upper()
    if cache not in CACHE_STATES:
        return None
    if not parts[4].startswith("/"):
        return None
    if len(parts[5]) != 3 or not parts[5].isdigit():
        return None
    status = int(parts[5])
    if parts[6] == "-":
        bytes_sent = 0
    elif parts[6].isdigit():
        bytes_sent = int(parts[6])
    else:
        return None
    if not parts[7].isdigit():
        return None
    duration_ms = int(parts[7])
    if len(parts) > 8:
        user_agent = " ".join(parts[8:]).strip('"')
    else:
        user_agent = "-"
    return LogRecord(
        timestamp,
        parts[1],
        cache,
        parts[3],
        parts[4],
        status,
        bytes_sent,
        duration_ms,
        user_agent,
    )


def parse_v2(line):
    match = EDGED_2_LINE.fullmatch(line)
    if match is None:
        return None
    fields = match.groupdict(default="-")
    if fields["bytes"] == "-":
        bytes_sent = 0
    else:
        bytes_sent = int(fields["bytes"])
    return LogRecord(
        fields["timestamp"],
        fields["pop"],
        fields["cache"],
        fields["method"],
        fields["path"],
        int(fields["status"]),
        bytes_sent,
        int(fields["millis"]),
        fields["agent"],
    )
