"""Probe for the memory gate: a long HydroLog export, summarised.

`make_input` writes `size` readings of the four gauges, every 15 minutes from
1 January 2024, with slow swells, a storm surge every ten days, and the usual
trouble sprinkled in (malformed lines, sensor faults, flat batteries, a gauge
that is not ours). `workload` runs the public boundary on it.
"""

from datetime import datetime, timedelta

STATIONS = ("LYN01", "LYN02", "LYN03", "TAF01")
BASE_MM = {"LYN01": 1400, "LYN02": 950, "LYN03": 1700, "TAF01": 600}
START = datetime(2024, 1, 1)


def level_mm(station, slot):
    swell = (slot * 13) % 640  # rises slowly, then falls back
    surge = 90 * (slot % 960) if slot % 960 < 8 else 0  # a storm every ten days
    return BASE_MM[station] + swell + surge + (slot * 7919) % 37


def reading(index):
    slot, station = divmod(index, len(STATIONS))
    code = STATIONS[station]
    when = (START + timedelta(minutes=15 * slot)).strftime("%Y-%m-%dT%H:%M")
    if index % 101 == 0:
        return f"{code},{when},,3.70\n"
    if index % 103 == 0:
        return f"{code},{when},-9999,3.70\n"
    if index % 107 == 0:
        return f"{code},{when},{level_mm(code, slot)},3.10\n"
    if index % 109 == 0:
        return f"LYN04,{when},{level_mm(code, slot)},3.70\n"
    return f"{code},{when},{level_mm(code, slot)},3.{60 + index % 30}\n"


def make_input(size, path):
    with path.open("w", encoding="utf-8") as export:
        export.write("# HydroLog export, units=mm\nstation,timestamp,level,battery_v\n")
        for index in range(size):
            export.write(reading(index))


def workload(package, path):
    return package.summarise(path)
