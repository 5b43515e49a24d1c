"""Approval harness for the sensor-stream kata.

Pins the behaviour of the public boundary of `legacy.sensor_stream`:
`summarise(path)` (the morning report) and `alerts(path)` (the phone-tree
list), on small HydroLog exports written for each case — every kind of line
the parser meets, the first lines of an export, warning levels, rises and
hourly windows at and around every threshold, and one whole night.
"""

from approvaltests import verify
from approvaltests.combination_approvals import (
    verify_all_combinations_with_labeled_input,
)

from legacy.sensor_stream import alerts, summarise

HEADER = "station,timestamp,level,battery_v"

# station: (offset_mm, warning_mm, rise_mm), as surveyed; the harness writes
# raw levels so that the corrected level lands just below, at or above each.
GAUGES = {
    "LYN01": (0, 1800, 250),
    "LYN02": (-35, 1250, 200),
    "LYN03": (12, 2100, 300),
    "TAF01": (0, 900, 150),
}


def write_export(folder, lines, name="export.csv"):
    path = folder / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def gauge_lines(path):
    """The counts line and the lines of the gauges that had readings."""
    report = summarise(path).splitlines()
    return " | ".join(line for line in report[1:-1] if not line.endswith("no readings"))


def times(count, start_minute=0):
    """`count` timestamps 15 minutes apart from 06:00 plus `start_minute`."""
    stamps = []
    for step in range(count):
        minute = start_minute + 15 * step
        stamps.append(f"2024-02-11T{6 + minute // 60:02d}:{minute % 60:02d}")
    return stamps


def series(station, raw_levels, battery="3.70"):
    return [f"{station},{when},{level},{battery}" for when, level in zip(times(len(raw_levels)), raw_levels)]


LINES = [
    "LYN01,2024-02-11T06:15,1423,3.71",
    "LYN01,2024-02-11T06:15,1423",
    "LYN01,2024-02-11T06:15,1423,",
    "LYN01,2024-02-11T06:15,1423,3.71,ok",
    "LYN01,2024-02-11T06:15",
    " LYN01 , 2024-02-11T06:15 , 1423 , 3.71 ",
    "LYN01,2024-02-11 06:15,1423,3.71",
    "LYN01,2024-02-11T6:15,1423,3.71",
    "LYN01,2024-02-11T06:155,1423,3.71",
    "LYN01,2024-02-11T06:15:00,1423,3.71",
    "LYN01,2024-02-11T06:15,142.3,3.71",
    "LYN01,2024-02-11T06:15,142.39,3.71",
    "LYN01,2024-02-11T06:15,-0.57,3.71",
    "LYN01,2024-02-11T06:15,,3.71",
    "LYN01,2024-02-11T06:15,high,3.71",
    "LYN01,2024-02-11T06:15,1423,3.7V",
    "LYN01,2024-02-11T06:15,1423,3.29",
    "LYN01,2024-02-11T06:15,1423,3.30",
    "LYN01,2024-02-11T06:15,1423,3.31",
    "LYN01,2024-02-11T06:15,-9999,3.71",
    "LYN01,2024-02-11T06:15,-999.9,3.71",
    "LYN01,2024-02-11T06:15,-9999,3.10",
    "LYN01,2024-02-11T06:15,-9998,3.71",
    "LYN01,2024-02-11T06:15,-10000,3.71",
    "LYN09,2024-02-11T06:15,-9999,3.10",
    "LYN09,2024-02-11T06:15,high,3.71",
    "lyn01,2024-02-11T06:15,1423,3.71",
    "LYN02,2024-02-11T06:15,1423",
    "LYN03,2024-02-11T06:15,1423",
    "station,timestamp,level,battery_v",
    "# LYN01,2024-02-11T06:15,1423,3.71",
    "",
    "   ",
]


def one_line(folder, first_line, line):
    lines = [first_line, HEADER, line]
    return gauge_lines(write_export(folder, [text for text in lines if text is not None]))


def test_every_line_is_read_or_counted(tmp_path):
    verify_all_combinations_with_labeled_input(
        lambda first_line, line: one_line(tmp_path, first_line, line),
        first_line=[None, "# HydroLog export, units=mm", "# HydroLog export, units=cm", "#units=cm"],
        line=LINES,
    )


FIRST_LINES = [
    ("an empty file", []),
    ("only the header", [HEADER]),
    ("no header", ["LYN01,2024-02-11T06:00,1500,3.70"]),
    ("comment, blank line, then the header", ["# nightly export", "", HEADER, "LYN01,2024-02-11T06:00,1500"]),
    ("data before the header", ["LYN01,2024-02-11T06:00,1500", HEADER, "LYN01,2024-02-11T06:15,1510"]),
    ("two exports pasted together", [HEADER, "LYN01,2024-02-11T06:00,1500", HEADER, "LYN01,2024-02-11T06:15,1510"]),
    ("header in capitals", ["Station,Timestamp,Level,Battery_V", "LYN01,2024-02-11T06:00,1500"]),
    ("units on the second line", ["# HydroLog export", "# units=cm", HEADER, "LYN01,2024-02-11T06:00,150.0"]),
    ("units with spaces around", ["# units= cm  ", HEADER, "LYN01,2024-02-11T06:00,150.4"]),
    ("indented units line", ["  # units=cm", HEADER, "LYN01,2024-02-11T06:00,150.4"]),
    ("units = cm", ["# units = cm", HEADER, "LYN01,2024-02-11T06:00,150.4"]),
    ("units in feet", ["# HydroLog export, units=ft", HEADER, "LYN01,2024-02-11T06:00,5"]),
    ("units in capitals", ["# units=CM", HEADER]),
    ("units left empty", ["# units=", HEADER]),
    ("units without a comment sign", ["units=cm", HEADER, "LYN01,2024-02-11T06:00,150.4"]),
]


def test_the_first_lines_of_an_export(tmp_path):
    transcript = []
    for index, (label, lines) in enumerate(FIRST_LINES):
        path = write_export(tmp_path, lines, f"export{index}.csv")
        try:
            transcript.append(f"{label}: {gauge_lines(path)}")
        except ValueError as error:
            transcript.append(f"{label}: ValueError: {error}")
    transcript.append("")
    endings = tmp_path / "endings.csv"
    endings.write_bytes(b"# units=cm\r\nstation,timestamp,level\r\nLYN01,2024-02-11T06:00,150.4\r\n\r\nLYN01,2024-02-11T06:15,151")
    transcript.append(f"CRLF line endings, no newline at the end: {gauge_lines(endings)}")
    verify("\n".join(transcript))


# corrected level minus the warning level, reading by reading
WARNING_PATTERNS = {
    "just below": [-1],
    "at": [0],
    "just above": [1],
    "rises through": [-60, -1, 0, 1, -1, 0],
    "starts above": [5, 20, -5, -5, 10],
}


def warning_case(folder, station, pattern):
    offset, warning, _rise = GAUGES[station]
    raw = [warning - offset + delta for delta in WARNING_PATTERNS[pattern]]
    path = write_export(folder, [HEADER, *series(station, raw)])
    return f"{gauge_lines(path)} || alerts: {alerts(path)}"


def test_warning_levels(tmp_path):
    verify_all_combinations_with_labeled_input(
        lambda station, pattern: warning_case(tmp_path, station, pattern),
        station=list(GAUGES),
        pattern=list(WARNING_PATTERNS),
    )


FAULT = "-9999"


def rise_levels(pattern, rise):
    base = 300
    return {
        "four readings back": [base, base, base, base, base + rise],
        "three readings back": [base, base, base, base + rise],
        "keeps rising": [base] * 4 + [base + rise, base + 2 * rise, base + 2 * rise, base + 2 * rise, base + 3 * rise],
        "falls back then rises": [base] * 4 + [base + rise, base, base, base, base + rise, base + 2 * rise],
        "a fault in between": [base, FAULT, base, base, base, base + rise],
    }[pattern]


def rise_case(folder, station, pattern, rise_delta):
    offset, _warning, rise = GAUGES[station]
    levels = rise_levels(pattern, rise + rise_delta)
    raw = [level if level == FAULT else level - offset for level in levels]
    lines = [HEADER, *series(station, raw)]
    if pattern == "keeps rising":
        lines.insert(4, f"{station},2024-02-11T06:35,10,3.20")  # a flat battery: not a reading
    path = write_export(folder, lines)
    return f"{gauge_lines(path)} || alerts: {alerts(path)}"


def test_rise_alerts(tmp_path):
    verify_all_combinations_with_labeled_input(
        lambda station, pattern, rise_delta: rise_case(tmp_path, station, pattern, rise_delta),
        station=list(GAUGES),
        pattern=["four readings back", "three readings back", "keeps rising", "falls back then rises", "a fault in between"],
        rise_delta=[-1, 0, 1],
    )


WINDOWS = {
    "one hour": [("06:00", 1000), ("06:15", 1001), ("06:30", 1003), ("06:45", 1004)],
    "06:59 and 07:00": [("06:45", 1000), ("06:59", 1002), ("07:00", 1100), ("07:15", 1101)],
    "a late reading": [("06:45", 1900), ("07:00", 1000), ("06:50", 1900), ("07:05", 1002)],
    "a gap of two hours": [("06:45", 1000), ("09:00", 1000), ("09:15", 1003)],
    "tied hours": [("06:00", 1200), ("06:15", 1201), ("07:00", 1202), ("07:15", 1199), ("08:00", 1200)],
    "tied peaks": [("06:00", 1300), ("06:15", 1250), ("06:30", 1300), ("07:00", 1300)],
    "below gauge zero": [("06:00", -3), ("06:15", -4), ("07:00", -5), ("07:15", 2)],
    "mean at warning": [("06:00", 1799), ("06:15", 1801), ("07:00", 1799), ("07:15", 1800), ("08:00", 1850)],
    "across midnight": [("23:45", 1000), ("00:00", 1010)],
}


def window_case(folder, pattern):
    day = "2024-02-11"
    lines = [HEADER]
    for clock, level in WINDOWS[pattern]:
        if clock == "00:00":
            day = "2024-02-12"
        lines.append(f"LYN01,{day}T{clock},{level},3.70")
    return gauge_lines(write_export(folder, lines))


def test_hourly_windows(tmp_path):
    verify_all_combinations_with_labeled_input(
        lambda pattern: window_case(tmp_path, pattern),
        pattern=list(WINDOWS),
    )


NIGHT = """\
# HydroLog export, units=mm
station,timestamp,level,battery_v
LYN01,2024-02-11T01:00,1410,3.72
LYN02,2024-02-11T01:00,1020,3.64
LYN03,2024-02-11T01:00,1655
TAF01,2024-02-11T01:00,610,3.81
LYN04,2024-02-11T01:00,880,3.70
LYN01,2024-02-11T01:15,1480,3.72V
LYN02,2024-02-11T01:15,1090,3.64
LYN03,2024-02-11T01:15,1702
TAF01,2024-02-11T01:15,655,3.80,ok
LYN01,2024-02-11T01:30,1555,3.71
LYN02,2024-02-11T01:30,1160,3.63
LYN03,2024-02-11T01:30,-9999
TAF01,2024-02-11T01:30,702,3.80
LYN01,2024-02-11T01:45,1630,3.71
LYN02,2024-02-11T01:45,1241,3.62
LYN03,2024-02-11T01:45,1790
TAF01,2024-02-11T01:45,760,3.29
LYN01,2024-02-11T02:00,1702,3.71
LYN02,2024-02-11T02:00,1300,3.62
LYN03,2024-02-11T02:00;1868
TAF01,2024-02-11T02:00,815,3.79
LYN04,2024-02-11T02:00,905,3.70
LYN01,2024-02-11T02:15,1790,3.70
LYN02,2024-02-11T02:15,1350,3.61
LYN03,2024-02-11T02:15,1951
TAF01,2024-02-11T02:15,905,3.79

LYN01,2024-02-11T02:30,1844,3.70
LYN02,2024-02-11T02:30,1322,3.61
LYN03,2024-02-11T02:30,2040
TAF01,2024-02-11T02:30,960,3.78
LYN01,2024-02-11T02:45,1820,3.69
LYN02,2024-02-11T02:45,1290,
LYN03,2024-02-11T02:45,2122
TAF01,2024-02-11T02:45,941,3.78
LYN01,2024-02-11T03:00,1771,3.69
LYN02,2024-02-11T03:00,1251,n/a
LYN03,2024-02-11T03:00,2101
TAF01,2024-02-11T03:00,nan,3.77
# gateway restarted 03:07
LYN01,2024-02-11T03:15,1702,3.68
LYN02,2024-02-11T03:15,1200,3.60
LYN03,2024-02-11T03:15,2088
TAF01,2024-02-11T03:15,870,3.77
LYN01,2024-02-11T03:30,1650,3.68
LYN02,2024-02-11T03:30 1161,3.59
LYN03,2024-02-11T03:30,2050
TAF01,2024-02-11T03:30,820,3.76
"""


def test_a_night_on_the_lyne(tmp_path):
    path = tmp_path / "night.csv"
    path.write_text(NIGHT, encoding="utf-8")
    verify(summarise(path) + "\n\nalerts:\n" + "\n".join(alerts(path)))
