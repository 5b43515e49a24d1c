"""Alerts for the volunteers' phone tree."""

from .checks import usable_readings
from .readings import load_readings
from .stations import STATIONS, metres

READINGS_BACK = 4  # one hour at the usual 15-minute interval


def alerts(path):
    """Every alert of the export, station by station."""
    readings, counts = load_readings(path)
    usable = usable_readings(readings, counts)
    messages = []
    for code in sorted(STATIONS):
        mine = [reading for reading in usable if reading.station == code]
        messages.extend(station_alerts(STATIONS[code], mine))
    return messages


def station_alerts(station, readings):
    """The alerts of one gauge, from its readings in file order."""
    levels = [reading.level + station.offset_mm for reading in readings]
    messages = []
    rising = False
    for i in range(len(levels)):
        if crosses_warning(station, levels, i):
            messages.append(f"{readings[i].when} {station.code} above warning at {metres(levels[i])}")
        rise = rise_at(levels, i)
        if rise >= station.rise_mm and not rising:
            messages.append(f"{readings[i].when} {station.code} rising {rise} mm in {READINGS_BACK} readings")
        rising = rise >= station.rise_mm
    return messages


def crosses_warning(station, levels, i):
    """At or above the warning level, and the gauge's first reading or the one before was below it."""
    return levels[i] >= station.warning_mm and (i == 0 or levels[i - 1] < station.warning_mm)


def rise_at(levels, i):
    """How much the level rose over the last four readings; 0 until there are four before it."""
    if i < READINGS_BACK:
        return 0
    return levels[i] - levels[i - READINGS_BACK]
