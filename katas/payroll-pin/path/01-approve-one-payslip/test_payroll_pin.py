"""Characterization harness for The Corn Exchange's crew payroll.

Pins what `legacy.payroll_pin` does today, quirks included, through what it
exports: `calculate_week` for gross pay, `deductions` for the levy and the
pension, `render_payslip` for the printed text. Each test covers one part of
the input space with labelled combinations: every grade, call type, day and
tax code, and the values just below, at and just above every threshold in
the code.
"""

from datetime import date

from approvaltests import verify

from legacy.payroll_pin import (
    CrewMember,
    Shift,
    render_payslip,
)


WEEK_ENDING = date(2024, 3, 17)


# -- 01 a golden master: one real week, printed --------------------------------

TOURING_WEEK = [
    Shift("MON", "GETIN", "08:00", "18:30"),
    Shift("TUE", "REHEARSAL", "13:00", "22:10"),
    Shift("WED", "SHOW", "17:30", "23:40"),
    Shift("THU", "SHOW", "17:30", "23:05"),
    Shift("FRI", "SHOW", "17:30", "23:20"),
    Shift("SAT", "SHOW", "13:00", "23:10"),
    Shift("SUN", "STRIKE", "22:45", "04:20"),
]


def test_a_week_of_a_touring_show():
    verify(render_payslip(CrewMember("Dana Okafor", "HAND"), TOURING_WEEK, WEEK_ENDING))
