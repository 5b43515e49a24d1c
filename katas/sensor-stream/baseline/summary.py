"""The duty officer's morning report."""

from .alerts import alerts
from .readings import FAULT, LOW_BATTERY_V, load_readings
from .stations import STATIONS, metres

TITLE = "Lyne Valley Flood Watch - gauge summary"


def summarise(path):
    """One line of counts, one line per gauge, and the number of alerts."""
    rows, counts = load_readings(path)
    known = []
    unknown = 0
    for row in rows:
        if row["station"] in STATIONS:
            known.append(row)
        else:
            unknown += 1
    working = [row for row in known if row["level"] != FAULT]
    faults = len(known) - len(working)
    powered = []
    for row in working:
        if row["battery"] is None or row["battery"] >= LOW_BATTERY_V:
            powered.append(row)
    low_battery = len(working) - len(powered)
    corrected = []
    for row in powered:
        station = STATIONS[row["station"]]
        corrected.append(dict(row, level=row["level"] + station.offset_mm))
    raised = alerts(path)

    ignored = counts["malformed"] + unknown + faults + low_battery
    report = [TITLE]
    report.append(
        f"{counts['lines']} lines, {len(corrected)} readings, {ignored} ignored "
        f"(malformed {counts['malformed']}, unknown station {unknown}, "
        f"sensor fault {faults}, low battery {low_battery})"
    )
    for code in sorted(STATIONS):
        station = STATIONS[code]
        mine = [row for row in corrected if row["station"] == code]
        if len(mine) == 0:
            report.append(f"{code} {station.name:<16} no readings")
            continue
        peak = mine[0]
        for row in mine:
            if row["level"] > peak["level"]:
                peak = row
        # hourly means; a window closes when the hour of the timestamp changes
        hours = []
        for row in mine:
            hour = row["when"][:13]
            if len(hours) == 0 or hours[-1]["hour"] != hour:
                hours.append({"hour": hour, "total": 0, "count": 0})
            hours[-1]["total"] += row["level"]
            hours[-1]["count"] += 1
        wettest = None
        above = 0
        for window in hours:
            mean = window["total"] // window["count"]
            if wettest is None or mean > wettest[1]:
                wettest = (window["hour"], mean)
            if mean >= station.warning_mm:
                above += 1
        station_alerts = len([a for a in raised if a.split(" ")[1] == code])
        report.append(
            f"{code} {station.name:<16} {len(mine)} readings, peak {metres(peak['level'])} at {peak['when']}, "
            f"wettest hour {wettest[0]} ({metres(wettest[1])}), {above} h above warning, {station_alerts} alerts"
        )
    report.append(f"{len(raised)} alerts")
    return "\n".join(report)
