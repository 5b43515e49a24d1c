"""Approval harness for the playlist-dedupe kata.

Pins the behaviour of the public boundary of `legacy.playlist_dedupe`
(merge_playlists, report, and the Play / ShowLog / ChartEntry tuples): which
spellings are one recording, which duplicate is shown, the ranking and its
ties, the refusals and their order, and the printed chart.
"""

from approvaltests import verify
from approvaltests.combination_approvals import (
    verify_all_combinations,
    verify_all_combinations_with_labeled_input,
)

from legacy.playlist_dedupe import ChartEntry, Play, ShowLog, merge_playlists, report

ARTIST_SPELLINGS = [
    "The Pogues & Kirsty MacColl",
    "Pogues and Kirsty MacColl",
    " THE POGUES &KIRSTY MAC-COLL ",
    "The Pogues, Kirsty MacColl",
    "The Pogues feat. Shane",
    "The Pogues feat Shane",
    "Pogues ft. Shane",
    "the pogues ft Shane",
    "The Pogues Featuring Shane",
    "The Pogues (feat. Shane)",
    "The Pogues feat.Shane",
    "The Pogues ft. Shane ft. Kirsty",
    "Pogues",
    "Thepogues",
    "The The",
    "The",
    "Feat. Nobody",
    "&",
]

TITLE_SPELLINGS = [
    "Fairytale of New York",
    "FAIRYTALE OF NEW YORK",
    "Fairytale  of New-York!",
    "Fairytale of New York (Remastered 2005)",
    "(Remastered) Fairytale of New York",
    "Fairytale of New York [2005 Remaster]",
    "Fairytale of New York (Radio Edit)",
    "Fairytale of New York (Single Version) [Mono]",
    "Fairytale of New York (Album Version)",
    "Fairytale of New York [Stereo]",
    "Fairytale of New York (feat. Kirsty MacColl)",
    "Fairytale of New York (ft. Kirsty)",
    "Fairytale of New York - Remastered",
    "Fairytale of New York - 2005 Radio Edit",
    "Fairytale of New York - Live",
    "Fairytale of New York (Live)",
    "Fairytale of New York (Acoustic Version)",
    "Fairytale of New York (Monologue)",
    "Fairytale of New York (Remastered",
    "Fairytale of New York Remastered)",
    "Fairytale of New (York (Remastered))",
    "Fairytale [of] New York",
    "Fairytale of New York-Remastered",
    "Fairytale of New York & Remastered",
    "Fairytale of New York - Live - 2005 Remaster",
    "A - Radio Edit",
    "A",
]


def describe(entry):
    shows = ", ".join(entry.shows)
    return f"{entry.artist!r} - {entry.title!r} {entry.seconds}s, {entry.plays} plays in [{shows}]"


def verify_pairs(function, spellings):
    """Every spelling against every other, quoted so that spaces show."""
    verify_all_combinations(
        function,
        [spellings, spellings],
        formatter=lambda inputs, output: f"{inputs[0]!r} + {inputs[1]!r} => {output}\n",
    )


def same_recording(first, second):
    chart = merge_playlists([ShowLog("Folk Roots", [first, second])])
    if len(chart) == 1:
        return f"one recording, shown as {chart[0].artist!r} - {chart[0].title!r}"
    return "two recordings"


def artists(first, second):
    return same_recording(Play(first, "Dirty Old Town", 220), Play(second, "Dirty Old Town", 221))


def titles(first, second):
    return same_recording(Play("The Pogues", first, 272), Play("The Pogues", second, 273))


def test_artist_spellings():
    verify_pairs(artists, ARTIST_SPELLINGS)


def test_title_spellings():
    verify_pairs(titles, TITLE_SPELLINGS)


def shown_version(first_seconds, second_seconds, third_seconds):
    logs = [
        ShowLog("Morning Tide", [Play("Blondie", "Heart of Glass", first_seconds)]),
        ShowLog(
            "Lunchbox",
            [
                Play("BLONDIE", "Heart Of Glass (Remastered 2001)", second_seconds),
                Play("Blondie", "Heart of Glass - Radio Edit", third_seconds),
            ],
        ),
    ]
    return describe(merge_playlists(logs)[0])


def test_which_duplicate_is_shown():
    verify_all_combinations_with_labeled_input(
        shown_version,
        first_seconds=[0, 234, 235],
        second_seconds=[0, 234, 235, 236],
        third_seconds=[0, 235, 236],
    )


WEEKS = {
    "one show": [
        ShowLog(
            "Morning Tide",
            [
                Play("Nina Simone", "Feeling Good", 177),
                Play("Bill Withers", "Lovely Day", 254),
                Play("Nina Simone", "Feeling Good (Remastered)", 178),
            ],
        )
    ],
    "ties keep the order of first play": [
        ShowLog("Night Ferry", [Play("Slowdive", "Alison", 230), Play("Ride", "Vapour Trail", 258)]),
        ShowLog("Drivetime", [Play("Lush", "Sweetness and Light", 282), Play("Ride", "Vapour Trail", 0)]),
        ShowLog("Folk Roots", [Play("Slowdive", "Alison - Remastered", 231), Play("Lush", "De-Luxe", 0)]),
    ],
    "ties go by first play, not by who led the week before": [
        ShowLog(
            "Morning Tide",
            [
                Play("Low", "Words", 0),
                Play("Can", "Mother Sky", 0),
                Play("Wire", "Map Ref", 0),
                Play("Wire", "Map Ref", 0),
            ],
        ),
        ShowLog(
            "Lunchbox",
            [Play("Can", "Mother Sky", 0), Play("Can", "Mother Sky", 0), Play("Wire", "Map Ref", 0)],
        ),
    ],
    "the same words as artist and as title": [
        ShowLog(
            "Night Ferry",
            [Play("The The", "The The", 200), Play("The The", "The", 200), Play("The", "The The", 0)],
        ),
    ],
    "shows count before plays": [
        ShowLog(
            "Dub Harbour",
            [
                Play("King Tubby", "Dub Fi Gwan", 190),
                Play("King Tubby", "Dub Fi Gwan", 190),
                Play("King Tubby", "Dub Fi Gwan", 190),
                Play("Augustus Pablo", "King Tubbys Meets Rockers Uptown", 213),
            ],
        ),
        ShowLog("Lunchbox", [Play("Augustus Pablo", "King Tubby's Meets Rockers Uptown", 213)]),
        ShowLog("Saltmarsh Soul", [Play("Lee Perry", "Police and Thieves", 0)]),
    ],
    "more plays, same shows": [
        ShowLog("Lunchbox", [Play("Bjork", "Joga", 305), Play("Beyonce", "Halo", 261)]),
        ShowLog("Drivetime", [Play("Beyoncé", "Halo", 261), Play("Bjork", "Joga", 305), Play("Bjork", "Jóga", 305)]),
        ShowLog("Night Ferry", [Play("Beyonce", "Halo", 262), Play("Beyonce", "Halo", 262)]),
    ],
    "show names are trimmed": [
        ShowLog(" Folk Roots ", [Play("Shirley Collins", "Adieu to Old England", 301)]),
        ShowLog("Morning Tide", [Play("Shirley Collins", "Adieu To Old England", 299)]),
    ],
    "an empty show and an empty week": [ShowLog("Talk at Ten", [])],
    "no logs": [],
}


def test_merged_weeks():
    transcript = []
    for name, logs in WEEKS.items():
        transcript.append(f"{name}:")
        for entry in merge_playlists(logs):
            transcript.append("  " + describe(entry))
    verify("\n".join(transcript))


BAD_WEEKS = {
    "no show name": [ShowLog("  ", [Play("Blur", "Tender", 0)])],
    "same show twice": [ShowLog("Lunchbox", []), ShowLog(" Lunchbox", [])],
    "same show twice, bad track first": [
        ShowLog("Lunchbox", [Play("Blur", "Tender", -1)]),
        ShowLog("Lunchbox", []),
    ],
    "no artist": [ShowLog("Drivetime", [Play("Blur", "Tender", 0), Play(" ", "Tender", 0)])],
    "no title": [ShowLog("Drivetime", [Play("Blur", "\t", 0)])],
    "no artist and no title": [ShowLog("Drivetime", [Play("", "", -5)])],
    "negative length": [ShowLog("Drivetime", [Play("Blur", "Tender", -1)])],
    "an hour long": [ShowLog("Drivetime", [Play("Orbital", "Belfast", 3600)])],
    "over an hour": [ShowLog("Drivetime", [Play("Orbital", "Belfast", 3601)])],
    "bad track in the second show": [
        ShowLog("Lunchbox", [Play("Blur", "Tender", 0)]),
        ShowLog("Drivetime", [Play("Blur", "Tender", 0), Play("Blur", "Tender", 0), Play("Blur", "", 0)]),
    ],
    "bad track before a nameless show": [
        ShowLog("Lunchbox", [Play("", "Tender", 0)]),
        ShowLog("", []),
    ],
}


def test_bad_logs_are_refused_in_order():
    transcript = []
    for name, logs in BAD_WEEKS.items():
        try:
            chart = merge_playlists(logs)
            transcript.append(f"{name}: {len(chart)} recordings")
        except ValueError as error:
            transcript.append(f"{name}: ValueError: {error}")
    verify("\n".join(transcript))


def a_week():
    plays = [
        Play("The Pogues & Kirsty MacColl", "Fairytale of New York", 272),
        Play("Kate Bush", "Running Up That Hill (A Deal with God) (2018 Remaster)", 298),
        Play("Talking Heads", "Once in a Lifetime", 259),
        Play("Kate Bush", "Running Up That Hill (A Deal With God)", 300),
        Play("Sister Rosetta Tharpe", "Didn't It Rain", 0),
        Play("Talking Heads", "Once In A Lifetime - 2005 Remaster", 260),
        Play("Pogues and Kirsty MacColl", "Fairytale Of New York", 272),
        Play("Grace Jones", "Pull Up to the Bumper", 281),
        Play("Kraftwerk", "Computer Love", 0),
        Play("The Undisputed Truth feat. The Temptations", "Smiling Faces Sometimes", 3599),
        Play("Grace Jones", "Pull Up To The Bumper", 281),
    ]
    shows = ["Morning Tide", "Lunchbox", "Drivetime", "Night Ferry"]
    return merge_playlists([ShowLog(show, plays[i::3]) for i, show in enumerate(shows)])


def test_reports():
    chart = a_week()
    transcript = []
    for top in [-1, 0, 1, 2, 3, 4, 6, 7, 8, 20]:
        try:
            transcript.append(f"top {top}:\n{report(chart, top)}")
        except ValueError as error:
            transcript.append(f"top {top}: ValueError: {error}")
    transcript.append(f"empty chart, top 5:\n{report([], 5)}")
    try:
        transcript.append(f"empty chart, top 0:\n{report([], 0)}")
    except ValueError as error:
        transcript.append(f"empty chart, top 0: ValueError: {error}")
    verify("\n".join(transcript))


def test_report_layout():
    names = [
        ("Can", "Vitamin C"),
        ("  Can ", " Vitamin C "),
        ("A" * 20, "B" * 21),
        ("A" * 20, "B" * 22),
        ("A" * 20, "B" * 23),
        ("The Cinematic Orchestra", "To Build a Home (feat. Patrick Watson)"),
    ]
    lengths = [0, 1, 59, 60, 61, 599, 600, 3599, 3600]
    transcript = []
    for n, seconds in enumerate(lengths):
        artist, title = names[n % len(names)]
        entry = ChartEntry(artist, title, seconds, 1, ("Lunchbox",))
        transcript.append(report([entry], 1))
    long_week = [ChartEntry("Orbital", f"Part {n}", 3600 - n, 3, ("Drivetime", "Night Ferry")) for n in range(3)]
    transcript.append(report(long_week, 3))
    verify("\n".join(transcript))
