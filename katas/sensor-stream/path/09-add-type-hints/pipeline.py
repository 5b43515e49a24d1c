"""The stages of the pipeline, put together."""

from collections import Counter
from collections.abc import Iterator

from .checks import corrected, usable_readings
from .readings import ExportPath, Reading, export_lines, parse_readings
from .watch import with_alerts


def gauge_readings(path: ExportPath, tally: Counter[str]) -> Iterator[Reading]:
    """The corrected, trusted readings of an export with their alerts, lazily, in file order.

    What is read and what is dropped is counted in `tally` as the readings
    are consumed: the counts are complete once the readings have run out.
    """
    lines = export_lines(path, tally)
    return with_alerts(corrected(usable_readings(parse_readings(lines, tally), tally)))
