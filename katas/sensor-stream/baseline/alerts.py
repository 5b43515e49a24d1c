"""Alerts for the volunteers' phone tree."""

from .readings import FAULT, LOW_BATTERY_V, load_readings
from .stations import STATIONS, metres

READINGS_BACK = 4  # one hour at the usual 15-minute interval


def alerts(path):
    """Every alert of the export, station by station."""
    rows, _counts = load_readings(path)
    usable = []
    for row in rows:
        if row["station"] not in STATIONS:
            continue
        if row["level"] == FAULT:
            continue
        if row["battery"] is not None and row["battery"] < LOW_BATTERY_V:
            continue
        usable.append(row)
    messages = []
    for code in sorted(STATIONS):
        station = STATIONS[code]
        levels = [row["level"] + station.offset_mm for row in usable if row["station"] == code]
        times = [row["when"] for row in usable if row["station"] == code]
        rising = False
        for i in range(len(levels)):
            if levels[i] >= station.warning_mm and (i == 0 or levels[i - 1] < station.warning_mm):
                messages.append(f"{times[i]} {code} above warning at {metres(levels[i])}")
            if i >= READINGS_BACK and levels[i] - levels[i - READINGS_BACK] >= station.rise_mm:
                if not rising:
                    rise = levels[i] - levels[i - READINGS_BACK]
                    messages.append(f"{times[i]} {code} rising {rise} mm in {READINGS_BACK} readings")
                rising = True
            else:
                rising = False
    return messages
