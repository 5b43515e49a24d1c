"""Reading HydroLog CSV exports.

    # HydroLog export, units=mm
    station,timestamp,level,battery_v
    LYN01,2024-02-11T06:15,1423,3.71

Gauges from before the 2022 upgrade send no battery column. The two oldest
loggers export centimetres with one decimal (units=cm on the first line).
A sensor that cannot see the water writes -9999 mm (-999.9 cm).
"""

from dataclasses import dataclass
from pathlib import Path

FAULT = -9999
LOW_BATTERY_V = 3.3


@dataclass(frozen=True)
class Reading:
    """One line of the export: a gauge's level at a quarter hour."""

    station: str
    when: str  # 2024-02-11T06:15
    level: int  # millimetres above gauge zero
    battery: float | None  # volts; None when the logger does not say

    @property
    def hour(self):
        return self.when[:13]


def export_units(path):
    """The units named on the export's first line; millimetres if it names none."""
    first_line = Path(path).read_text(encoding="utf-8").split("\n")[0]
    if not first_line.startswith("#") or "units=" not in first_line:
        return "mm"
    units = first_line.split("units=")[1].strip()
    if units not in ("mm", "cm"):
        raise ValueError(f"unsupported units {units!r}")
    return units


class MalformedLine(ValueError):
    """A line of the export that is not a reading."""


def load_readings(path):
    """Every well-formed reading of the export, and what was counted on the way."""
    units = export_units(path)
    with open(path, encoding="utf-8") as export:
        lines = export.readlines()
    counts = {"lines": len(lines), "malformed": 0}
    readings = []
    for text in data_lines(lines):
        try:
            readings.append(parse_line(text, units))
        except ValueError:
            counts["malformed"] += 1
    return readings, counts


def data_lines(lines):
    """The stripped lines that should hold readings: no blanks, no comments, no header.

    Only the first of them may be the header; a header further down (two
    exports pasted together) is a malformed line.
    """
    texts = []
    header_allowed = True
    for line in lines:
        text = line.strip()
        if text == "" or text.startswith("#"):
            continue
        if not (header_allowed and text.startswith("station,")):
            texts.append(text)
        header_allowed = False
    return texts


def parse_line(text, units):
    """One reading from one data line; a ValueError if the line is not a reading."""
    fields = [field.strip() for field in text.split(",")]
    if len(fields) not in (3, 4):
        raise MalformedLine()
    station, when, level_text = fields[:3]
    if len(when) != 16 or when[10] != "T":
        raise MalformedLine()
    level = parse_level(level_text, units)
    battery_text = fields[3] if len(fields) == 4 else ""
    battery = float(battery_text) if battery_text else None
    return Reading(station, when, level, battery)


def parse_level(text, units):
    """Millimetres; centimetres are truncated toward zero, as the old loggers' firmware does."""
    if units == "cm":
        return int(float(text) * 10)
    return int(text)
