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
    r'v2 (\S+) (\S+) (HIT|MISS|STALE|PASS) "([A-Z]+) (/(?:[\w.~%-]+/?)*)(\?[^"]*)?" '
    r'(\d{3}) (\d+|-) (\d+)ms(?: "(.*)")?$'
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
    m = EDGED_2_LINE.match(line)
    if not m:
        return None
    path = m.group(5)
    if m.group(6):
        path = path + m.group(6)
    if m.group(8) == "-":
        bytes_sent = 0
    else:
        bytes_sent = int(m.group(8))
    user_agent = m.group(10)
    if user_agent is None:
        user_agent = "-"
    return LogRecord(
        m.group(1),
        m.group(2),
        m.group(3),
        m.group(4),
        path,
        int(m.group(7)),
        bytes_sent,
        int(m.group(9)),
        user_agent,
    )
