"""Reading HydroLog CSV exports.

    # HydroLog export, units=mm
    station,timestamp,level,battery_v
    LYN01,2024-02-11T06:15,1423,3.71

Gauges from before the 2022 upgrade send no battery column. The two oldest
loggers export centimetres with one decimal (units=cm on the first line).
A sensor that cannot see the water writes -9999 mm (-999.9 cm).
"""

from pathlib import Path

FAULT = -9999
LOW_BATTERY_V = 3.3


def export_units(path):
    """The units named on the export's first line; millimetres if it names none."""
    first_line = Path(path).read_text(encoding="utf-8").split("\n")[0]
    if not first_line.startswith("#") or "units=" not in first_line:
        return "mm"
    units = first_line.split("units=")[1].strip()
    if units not in ("mm", "cm"):
        raise ValueError(f"unsupported units {units!r}")
    return units


def load_readings(path):
    """Every well-formed reading of the export, and what was counted on the way."""
    units = export_units(path)
    with open(path, encoding="utf-8") as export:
        lines = export.readlines()
    counts = {"lines": len(lines), "malformed": 0}
    rows = []
    seen_data = False
    for line in lines:
        line = line.strip()
        if line == "" or line.startswith("#"):
            continue
        if not seen_data and line.startswith("station,"):
            seen_data = True
            continue
        seen_data = True
        fields = [field.strip() for field in line.split(",")]
        if len(fields) != 3 and len(fields) != 4:
            counts["malformed"] += 1
            continue
        station, when, level_text = fields[0], fields[1], fields[2]
        if len(when) != 16 or when[10] != "T":
            counts["malformed"] += 1
            continue
        try:
            if units == "cm":
                level = int(float(level_text) * 10)
            else:
                level = int(level_text)
        except ValueError:
            counts["malformed"] += 1
            continue
        battery = None
        if len(fields) == 4 and fields[3] != "":
            try:
                battery = float(fields[3])
            except ValueError:
                counts["malformed"] += 1
                continue
        rows.append({"station": station, "when": when, "level": level, "battery": battery})
    return rows, counts
