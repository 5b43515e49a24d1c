"""The gauges of the Lyne Valley network, as surveyed in March 2021."""

from typing import NamedTuple


class Station(NamedTuple):
    code: str
    name: str
    offset_mm: int  # survey correction, added to every raw level
    warning_mm: int  # flood warning level, above gauge zero
    rise_mm: int  # a rise this large over four readings raises an alert


STATIONS = {
    "LYN01": Station("LYN01", "Aberlyne Bridge", 0, 1800, 250),
    "LYN02": Station("LYN02", "Cwm Mill Weir", -35, 1250, 200),
    "LYN03": Station("LYN03", "Pont Lyne", 12, 2100, 300),
    "TAF01": Station("TAF01", "Tafarn Ford", 0, 900, 150),
}


def metres(mm):
    """Levels are reported in metres, to the millimetre, as on the gauge boards."""
    return f"{mm / 1000:.3f} m"
