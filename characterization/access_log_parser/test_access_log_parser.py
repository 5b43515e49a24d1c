"""Approval harness for the access-log-parser kata.

Pins the public boundary of `legacy.access_log_parser`: `parse_line(text)`
on both line formats of the edge fleet (every field just inside and just
outside what the parser accepts), and `analyse(lines)` on whole logs (the
thresholds of the report at, below and above their edges).

Every edged 2 line whose path is followed by a mistake is kept short: the
legacy pattern takes time exponential in the length of such a path. The
long ones live in probe.py, for the time-bound gate.
"""

from approvaltests import verify
from approvaltests.combination_approvals import (
    verify_all_combinations_with_labeled_input,
)

from legacy.access_log_parser import analyse, parse_line


def show(record):
    if record is None:
        return "None"
    return (
        f"{record.timestamp} {record.pop} {record.cache} {record.method} {record.path} "
        f"status={record.status!r} bytes={record.bytes_sent!r} ms={record.duration_ms!r} "
        f"agent={record.user_agent!r}"
    )


def parsed(line):
    return show(parse_line(line))


def edged_1(epoch, cache, status):
    return parsed(f'{epoch} ams1 {cache} GET /nsh/112.mp3 {status} 4182330 38 "AntennaPod/3.2.1"')


def edged_1_tail(sent, millis, agent):
    return parsed(f"1709966062 fra2 MISS GET /feed/nsh.xml 200 {sent} {millis}{agent}")


def edged_2(cache, request, status):
    return parsed(f'v2 2024-03-09T06:14:22Z ams2 {cache} "{request}" {status} 1048576 12ms "Overcast/3.0"')


def edged_2_tail(sent, millis, agent):
    return parsed(f'v2 2024-03-09T06:14:22Z sin1 HIT "GET /owl/9.mp3" 206 {sent} {millis}{agent}')


def test_edged_1_fields():
    verify_all_combinations_with_labeled_input(
        edged_1,
        epoch=["0", "1709966062", "17099660x2"],
        cache=["HIT", "hit", "Stale", "MISS", "PASS", "BYPASS", "HITS"],
        status=["200", "404", "099", "2000", "20x"],
    )


def test_edged_1_sizes_and_agents():
    verify_all_combinations_with_labeled_input(
        edged_1_tail,
        sent=["0", "-", "4182330", "4.1M", "--"],
        millis=["0", "38", "38ms"],
        agent=[
            "",
            ' "AntennaPod/3.2.1"',
            ' "Pocket  Casts/7.58   (Android 14)"',
            " Pocket Casts/7.58",
            ' ""',
            ' "-"',
            ' "Xbox Podcasts/1.0"',
            ' "He said ""hi"""',
        ],
    )


def test_edged_1_shapes():
    verify_all_combinations_with_labeled_input(
        parsed,
        line=[
            "1709966062 ams1 HIT GET /nsh/112.mp3 200 4182330 38",
            "1709966062 ams1 HIT GET /nsh/112.mp3 200 4182330",
            "1709966062 ams1 HIT GET /nsh/112.mp3 200",
            '1709966062\tams1  HIT GET /nsh/112.mp3 200 4182330 38\t"AntennaPod/3.2.1"\n',
            '   1709966062 AMS1 hit head / 304 - 3 "Overcast/3.0"  ',
            '1709966062 ams1 HIT GET nsh/112.mp3 200 4182330 38 "AntennaPod/3.2.1"',
            '1709966062 ams1 HIT GET /search?q=night%20shift 200 512 38 "Overcast/3.0"',
            '1709966062 ams1 HIT GET /nsh/112.mp3 200 4182330 -38 "AntennaPod/3.2.1"',
            '1709966062 ams1 HIT GET /nsh/112.mp3 200 4182330 38 AntennaPod/3.2.1 (Linux; "beta")',
            "",
            "   ",
            "# edgestat collect, ams1",
            "-- edged restarted --",
        ],
    )


def test_edged_2_fields():
    verify_all_combinations_with_labeled_input(
        edged_2,
        cache=["HIT", "MISS", "STALE", "PASS", "hit", "BYPASS"],
        request=["GET /nsh/112.mp3"],
        status=["206", "99", "2060", "2O6"],
    )


def test_edged_2_requests():
    verify_all_combinations_with_labeled_input(
        edged_2,
        cache=["MISS"],
        request=[
            "GET /nsh/112.mp3",
            "HEAD /",
            "GET /feed/nsh.xml/",
            "GET /nsh/112.mp3?t=30&ref=rss",
            "GET /search?q=night shift",
            "GET /café/1.mp3",
            "GET /~ops/a%20b",
            "GET /nsh//1.mp3",
            "GET nsh/1.mp3",
            "get /nsh/1.mp3",
            "GET  /nsh/1.mp3",
            "GET /n$h/1.mp3",
            "GET /nsh/1.mp3 HTTP/1.1",
        ],
        status=["206"],
    )


def test_edged_2_sizes_and_agents():
    verify_all_combinations_with_labeled_input(
        edged_2_tail,
        sent=["-", "1048576", "+5"],
        millis=["0ms", "12ms", "12"],
        agent=[
            "",
            ' "Pocket  Casts/7.58 (Android 14)"',
            ' ""',
            ' "He said "hi""',
            " Overcast/3.0",
            ' "Overcast/3.0" extra',
            '  "Overcast/3.0"',
        ],
    )


def test_edged_2_shapes():
    verify_all_combinations_with_labeled_input(
        parsed,
        line=[
            'v2 2024-03-09T06:14:22Z ams2 MISS "GET /nsh/112.mp3?t=30" 206 1048576 12ms "Pocket Casts/7.58"',
            '   v2 2024-03-09T06:14:22Z ams2 MISS "GET /nsh/1.mp3" 200 1048576 12ms\n',
            'v2 yesterday ams2 MISS "GET /nsh/1.mp3" 200 1048576 12ms',
            'v2 2024-03-09T06:14:22Z  ams2 MISS "GET /nsh/1.mp3" 200 1048576 12ms',
            'v2\t2024-03-09T06:14:22Z ams2 MISS "GET /nsh/1.mp3" 200 1048576 12ms',
            'V2 2024-03-09T06:14:22Z ams2 MISS "GET /nsh/1.mp3" 200 1048576 12ms',
            '2024-03-09T06:14:22Z ams2 MISS "GET /nsh/1.mp3" 200 1048576 12ms',
            "v2 2024-03-09T06:14:22Z ams2 MISS GET /nsh/1.mp3 200 1048576 12ms",
            'v2 2024-03-09T06:14:22Z ams2 MISS "GET /nsh/1.mp3',
            "v2",
        ],
    )


LOGS = {
    "an empty log": [],
    "nothing but comments and garbage": [
        "# edgestat collect, ams1, 2024-03-09",
        "",
        "-- edged restarted --",
        "   ",
        "1709966062 ams1",
        "# end",
    ],
    "a quiet hour on ams1 and ams2": [
        "# edgestat collect, ams1 + ams2",
        '1709966062 ams1 HIT GET /nsh/112.mp3 200 4182330 38 "AntennaPod/3.2.1"',
        '1709966065 ams1 hit GET /nsh/112.mp3?t=30 206 1048576 12 "Pocket Casts/7.58 (Android 14)"',
        '1709966070 ams1 MISS GET /feed/nsh.xml 200 88211 412 "Overcast/3.0"',
        'v2 2024-03-09T06:14:35Z ams2 HIT "GET /nsh/112.mp3" 206 1048576 9ms "Overcast/3.0"',
        'v2 2024-03-09T06:14:41Z ams2 STALE "GET /feed/bkc.xml" 200 40960 31ms "AntennaPod/3.2.1"',
        'v2 2024-03-09T06:14:52Z ams2 MISS "GET /bkc/7.mp3" 404 - 188ms "Overcast/3.0"',
        "1709966099 ams1 PASS POST /stats 204 - 96",
        'v2 2024-03-09T06:15:03Z ams2 MISS "GET /bkc/7.mp3" 503 0 2410ms "Overcast/3.0"',
        'v2 2024-03-09T06:15:04Z ams2 MISS "GET /bkc/7.mp3 HTTP/1.1" 200 0 3ms',
        '1709966110 ams1 HIT GET /art/nsh.jpg 304 - 2 "Mozilla/5.0 (X11; Linux x86_64)"',
        '1709966112 ams1 HIT GET /nsh/112.mp3 416 - 4 "AntennaPod/3.2.1"',
    ],
    "slow requests at the edges of the thresholds": [
        '1709966000 ams1 HIT GET /nsh/1.mp3 200 1000 250 "Overcast/3.0"',
        '1709966001 ams1 HIT GET /nsh/2.mp3 200 1000 251 "Overcast/3.0"',
        '1709966002 ams1 MISS GET /nsh/3.mp3 200 1000 1500 "Overcast/3.0"',
        '1709966003 ams1 MISS GET /nsh/4.mp3 200 1000 1501 "Overcast/3.0"',
        '1709966004 ams1 STALE GET /nsh/5.mp3 200 1000 900 "Overcast/3.0"',
        '1709966005 fra1 STALE GET /nsh/6.mp3 200 1000 2200 "Overcast/3.0"',
        '1709966006 fra1 PASS GET /nsh/7.mp3 200 1000 1501 "Overcast/3.0"',
        '1709966007 fra1 HIT GET /nsh/8.mp3 200 1000 2200 "Overcast/3.0"',
        '1709966008 fra1 MISS GET /nsh/9.mp3 200 1000 1499 "Overcast/3.0"',
    ],
    "top paths, with bots and query strings": [
        '1709966000 ams1 HIT GET /owl/1.mp3 200 500000 20 "Overcast/3.0"',
        '1709966001 ams1 HIT GET /feed/owl.xml 200 40000 20 "Googlebot/2.1 (+http://www.google.com/bot.html)"',
        '1709966002 ams1 HIT GET /owl/2.mp3 200 500000 20 "Overcast/3.0"',
        '1709966003 ams1 HIT GET /owl/2.mp3?t=60 206 100000 20 "Overcast/3.0"',
        'v2 2024-03-09T06:00:04Z ams2 HIT "GET /owl/1.mp3?t=5" 206 100000 20ms "AntennaPod/3.2.1"',
        'v2 2024-03-09T06:00:05Z ams2 HIT "GET /owl/3.mp3" 200 500000 20ms "curl/8.4.0"',
        'v2 2024-03-09T06:00:06Z ams2 HIT "GET /owl/3.mp3" 200 500000 20ms "Abbott Player/2.0"',
        'v2 2024-03-09T06:00:07Z ams2 HIT "GET /owl/3.mp3" 200 500000 20ms "FeedCrawler/1.1"',
        'v2 2024-03-09T06:00:08Z ams2 HIT "GET /owl/4.mp3" 200 500000 20ms "Baiduspider"',
        '1709966009 ams1 HIT GET /owl/4.mp3 200 500000 20 "Overcast/3.0"',
        '1709966010 ams1 HIT GET /owl/5.mp3 200 500000 20 "Overcast/3.0"',
        '1709966011 ams1 HIT GET /feed/owl.xml 200 40000 20 "Overcast/3.0"',
        '1709966012 ams1 HIT GET /owl/6.mp3 200 500000 20 "Overcast/3.0"',
        '1709966013 ams1 HIT GET /owl/6.mp3 200 500000 20 "Overcast/3.0"',
        '1709966014 ams1 HIT GET /art/owl.jpg 200 90000 20 "Overcast/3.0"',
        '1709966015 ams1 HIT GET /owl/2.mp3 200 500000 20 "Overcast/3.0"',
        '1709966016 ams1 HIT GET /art/owl.jpg 200 90000 20 "ROBOT TESTER"',
    ],
    "five bad lines": [
        "1709966000 ams1 HIT GET /nsh/1.mp3 200 1000",
        '1709966001 ams1 HIT GET /nsh/1.mp3 200 1000 20 "Overcast/3.0"',
        "1709966002 ams1 HIT GET /nsh/1.mp3 2OO 1000 20",
        "",
        'v2 2024-03-09T06:00:04Z ams2 HIT "GET /nsh/1.mp3" 200 1000 20',
        'v2 2024-03-09T06:00:05Z ams2 BYPASS "GET /nsh/1.mp3" 200 1000 20ms',
        "1709966006 ams1 HIT GET /nsh/1.mp3 200 1000 20ms",
        "1709966007 ams1 MISS GET /nsh/1.mp3 200 1000 20",
    ],
    "six bad lines": [
        "garbage 1",
        "garbage 2",
        "# a comment is not bad",
        "garbage 4",
        "garbage 5",
        "garbage 6",
        '1709966006 ams1 HIT GET /nsh/1.mp3 200 1000 20 "Overcast/3.0"',
        "garbage 8",
    ],
    "a bad night on fra1": [f"garbage {n}" for n in range(1, 10)]
    + [
        '1709966010 fra1 MISS GET /nsh/1.mp3 500 - 3100 "Overcast/3.0"',
        'v2 2024-03-09T06:00:11Z fra1 MISS "GET /nsh/1.mp3" 502 - 30ms "Overcast/3.0"',
    ],
    "statuses at the edges of the error classes": [
        '1709966000 iad1 MISS GET /nsh/1.mp3 099 - 40 "Overcast/3.0"',
        '1709966001 iad1 MISS GET /nsh/1.mp3 399 - 40 "Overcast/3.0"',
        '1709966002 iad1 MISS GET /nsh/1.mp3 400 - 40 "Overcast/3.0"',
        '1709966003 iad1 MISS GET /nsh/1.mp3 499 - 40 "Overcast/3.0"',
        '1709966004 iad1 MISS GET /nsh/1.mp3 500 - 40 "Overcast/3.0"',
        '1709966005 iad1 MISS GET /nsh/1.mp3 599 - 40 "Overcast/3.0"',
        '1709966006 iad1 MISS GET /nsh/1.mp3 600 - 40 "Overcast/3.0"',
    ],
    "only requests that bypass the cache": [
        "1709966000 fra1 PASS POST /stats 204 - 40",
        "1709966001 fra1 PASS POST /stats 204 4199999 40",
        "1709966002 fra1 PASS GET /health 200 0 1",
    ],
    "just over four megabytes, all from the cache": [
        '1709966000 syd1 HIT GET /nsh/1.mp3 200 4200000 40 "Overcast/3.0"',
        'v2 2024-03-09T06:00:01Z syd1 STALE "GET /nsh/1.mp3" 200 1 40ms "Overcast/3.0"',
    ],
    "only bots": [
        '1709966000 iad1 MISS GET /feed/nsh.xml 200 40000 310 "Googlebot/2.1"',
        '1709966001 iad1 HIT GET /feed/nsh.xml 200 40000 12 "curl/8.4.0"',
    ],
    "a slowest list with ties": [
        '1709966000 sin1 MISS GET /a/1.mp3 200 1 1600 "Overcast/3.0"',
        '1709966001 sin1 MISS GET /a/2.mp3 200 1 1700 "Overcast/3.0"',
        '1709966002 sin1 MISS GET /a/3.mp3 200 1 1600 "Overcast/3.0"',
        '1709966003 sin1 HIT GET /a/4.mp3 200 1 1700 "Overcast/3.0"',
        '1709966004 sin1 MISS GET /a/5.mp3 200 1 1600 "Overcast/3.0"',
        '1709966005 sin1 HIT GET /a/6.mp3 200 1 300 "Overcast/3.0"',
    ],
}


def test_reports():
    verify("\n\n".join(f"=== {name} ===\n{analyse(lines)}" for name, lines in LOGS.items()))
