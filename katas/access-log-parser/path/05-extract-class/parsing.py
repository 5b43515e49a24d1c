"""Turning one line of an edge log into a Request.

Two formats are in the field. edged 1 (the old nodes) separates the fields
by spaces and puts the user agent last:

    1709966062 ams1 HIT GET /nsh/112.mp3 200 4182330 38 "AntennaPod/3.2.1"

edged 2 (since the autumn upgrade) starts with a "v2" marker, writes an ISO
timestamp and quotes the request as it arrived:

    v2 2024-03-09T06:14:22Z ams2 MISS "GET /nsh/112.mp3?t=30" 206 1048576 12ms "Pocket Casts/7.58"
"""

import re
import time

from .records import Request

ISO_UTC = "%Y-%m-%dT%H:%M:%SZ"

EDGED_1_LINE = re.compile(
    r"""
    (?P<epoch> \d+ ) \s+                    # seconds since 1970, UTC
    (?P<pop> \S+ ) \s+                      # edge location, e.g. ams1
    (?P<cache> (?i: HIT | MISS | STALE | PASS ) ) \s+
                                            # (lower case after a restart)
    (?P<method> \S+ ) \s+
    (?P<path> / \S* ) \s+
    (?P<status> \d{3} ) \s+
    (?P<bytes> \d+ | - ) \s+                # "-": nothing sent
    (?P<millis> \d+ )
    (?: \s+ (?P<agent> .+ ) )?              # the user agent: the rest of the line
    """,
    re.VERBOSE,
)

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
    for pattern, build in FORMATS:
        match = pattern.fullmatch(line)
        if match is not None:
            return build(match.groupdict(default="-"))
    return None


def from_edged_1(fields):
    return Request(
        timestamp=time.strftime(ISO_UTC, time.gmtime(int(fields["epoch"]))),
        pop=fields["pop"],
        cache=fields["cache"].upper(),
        method=fields["method"],
        path=fields["path"],
        status=int(fields["status"]),
        bytes_sent=byte_count(fields["bytes"]),
        duration_ms=int(fields["millis"]),
        # the agent's spaces were never kept: the old parser split the line on them
        user_agent=" ".join(fields["agent"].split()).strip('"'),
    )


def from_edged_2(fields):
    return Request(
        timestamp=fields["timestamp"],
        pop=fields["pop"],
        cache=fields["cache"],
        method=fields["method"],
        path=fields["path"],
        status=int(fields["status"]),
        bytes_sent=byte_count(fields["bytes"]),
        duration_ms=int(fields["millis"]),
        user_agent=fields["agent"],
    )


def byte_count(field):
    """The bytes sent; "-" when the edge sent no body."""
    if field == "-":
        return 0
    return int(field)


# one pattern per format; a line is tried against each in turn
FORMATS = ((EDGED_2_LINE, from_edged_2), (EDGED_1_LINE, from_edged_1))
