"""The duty officer's morning report."""

from .alerts import alerts
from .checks import usable_rows
from .readings import load_readings
from .stations import STATIONS, metres

TITLE = "Lyne Valley Flood Watch - gauge summary"


def summarise(path):
    """One line of counts, one line per gauge, and the number of alerts."""
    rows, counts = load_readings(path)
    usable = usable_rows(rows, counts)
    corrected = []
    for row in usable:
        station = STATIONS[row["station"]]
        corrected.append(dict(row, level=row["level"] + station.offset_mm))
    raised = alerts(path)

    ignored = counts["malformed"] + counts["unknown station"] + counts["sensor fault"] + counts["low battery"]
    report = [TITLE]
    report.append(
        f"{counts['lines']} lines, {len(corrected)} readings, {ignored} ignored "
        f"(malformed {counts['malformed']}, unknown station {counts['unknown station']}, "
        f"sensor fault {counts['sensor fault']}, low battery {counts['low battery']})"
    )
    for code in sorted(STATIONS):
        mine = [row for row in corrected if row["station"] == code]
        station_alerts = len([a for a in raised if a.split(" ")[1] == code])
        report.append(station_line(STATIONS[code], mine, station_alerts))
    report.append(f"{len(raised)} alerts")
    return "\n".join(report)


def station_line(station, rows, alert_count):
    """The report's line for one gauge, from its readings in file order."""
    if len(rows) == 0:
        return f"{station.code} {station.name:<16} no readings"
    peak = max(rows, key=lambda row: row["level"])  # the first of equal peaks
    hours = hourly_means(rows)
    wettest_hour, wettest_mean = max(hours, key=lambda hour: hour[1])
    above = len([mean for _hour, mean in hours if mean >= station.warning_mm])
    return (
        f"{station.code} {station.name:<16} {len(rows)} readings, peak {metres(peak['level'])} at {peak['when']}, "
        f"wettest hour {wettest_hour} ({metres(wettest_mean)}), {above} h above warning, {alert_count} alerts"
    )


def hourly_means(rows):
    """(hour, mean level) of each run of readings in the same hour; a window closes when the hour changes."""
    hours = []
    for row in rows:
        hour = row["when"][:13]
        if len(hours) == 0 or hours[-1]["hour"] != hour:
            hours.append({"hour": hour, "total": 0, "count": 0})
        hours[-1]["total"] += row["level"]
        hours[-1]["count"] += 1
    return [(window["hour"], window["total"] // window["count"]) for window in hours]
