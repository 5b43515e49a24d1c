"""The stages of the pipeline, put together."""

from .checks import corrected, usable_readings
from .readings import export_lines, parse_readings


def gauge_readings(path, tally):
    """The corrected, trusted readings of an export, lazily, in file order.

    What is read and what is dropped is counted in `tally` as the readings
    are consumed: the counts are complete once the readings have run out.
    """
    lines = export_lines(path, tally)
    return corrected(usable_readings(parse_readings(lines, tally), tally))
