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
    deductions,
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


def clock(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


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


def show_deductions(result):
    return f"tax {result.tax}, pension {result.pension}, theatre adds {result.employer_pension}"


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


# -- 04 payslip variants: every line a payslip can print -------------------------

PAYSLIPS = [
    ("an empty week, no tax code yet", CrewMember("Ola Brandt", "USHER", ""), []),
    (
        "Easter Sunday and a long week, second job, not in the pension",
        CrewMember("Priya Castellanos-Whitmore", "CHIEF", "SEC", False),
        [
            Shift("SUN", "GETIN", "07:00", "22:30", True),
            Shift("MON", "REHEARSAL", "09:00", "19:30"),
            Shift("TUE", "REHEARSAL", "09:00", "19:30"),
            Shift("WED", "REHEARSAL", "09:00", "19:30"),
            Shift("SAT", "STRIKE", "23:00", "07:00"),
        ],
    ),
    (
        "a student, exempt, two late shows",
        CrewMember("Tom Reyes", "TECH", "EXEMPT"),
        [Shift("FRI", "SHOW", "18:30", "00:15"), Shift("SAT", "SHOW", "18:30", "00:45")],
    ),
    (
        "one show that ends at midnight",
        CrewMember("Mo Adeyemi", "USHER"),
        [Shift("SAT", "SHOW", "19:00", "00:00")],
    ),
    ("an unknown grade, no calls", CrewMember("Visitor", "ROADIE"), []),
]


def test_payslips():
    transcript = []
    for label, member, shifts in PAYSLIPS:
        transcript.append(f"== {label}\n{or_error(render_payslip)(member, shifts, WEEK_ENDING)}")
    verify("\n\n".join(transcript))


# -- 05 boundaries of one call: minimum call, meal break, quarter hours, clock ----

# 18:00 plus just below, at and just above 2:30, 3:00 and 4:00 (the minimum
# calls), 5:00 (the meal break), the quarter hours around it, and 16:00
ENDS = [
    "20:29", "20:30", "20:31", "20:59", "21:00", "21:01", "21:59", "22:00", "22:01",
    "22:14", "22:15", "22:16", "23:00", "23:01", "23:15", "23:16", "23:30", "23:31",
    "23:45", "23:46", "10:00", "10:01",
]  # fmt: skip


def paid_for(kind, grade, end):
    week = calculate_week(CrewMember("Crew", grade), [Shift("TUE", kind, "18:00", end)])
    return f"paid {hours(sum(line.minutes for line in week.lines))}"


def test_paid_length_of_a_call():
    verify_all_combinations_with_labeled_input(or_error(paid_for), kind=CALLS, grade=["HAND", "USHER"], end=ENDS)


# around midnight, 06:00 and 23:00 (the night loading), and what the sign-in
# sheet may say instead of a time
STARTS = [
    "00:00", "05:00", "05:01", "06:00", "9:5", "10:00", "22:00", "23:01", "23:59",
    "24:00", "12:60", "7", "7:00:00", "ab:00",
]  # fmt: skip
CLOCK_ENDS = [
    "00:00", "05:59", "06:00", "07:00", "12:00", "23:59", "24:00", "24:59", "25:00",
    "12:60", "noon", "7:5",
]  # fmt: skip


def clock_times(start, end):
    week = calculate_week(CrewMember("Crew", "TECH"), [Shift("TUE", "REHEARSAL", start, end)])
    return f"paid {hours(sum(line.minutes for line in week.lines))}, night {week.night_hours} h"


def test_clock_times_and_night_hours():
    verify_all_combinations_with_labeled_input(or_error(clock_times), start=STARTS, end=CLOCK_ENDS)


# -- 06 boundaries of the week: overtime tiers, in sign-in order -----------------


def rehearsals(paid):
    """Weekday rehearsals paid `paid` minutes in all: five-hour calls, the last one longer."""
    calls = []
    while paid >= 600:
        calls.append(Shift("MON", "REHEARSAL", "09:00", "14:00"))
        paid -= 300
    worked = paid + 30 if paid > 300 else paid  # the meal break comes off calls over five hours
    calls.append(Shift("MON", "REHEARSAL", "09:00", clock(540 + worked)))
    return calls


LAST_CALLS = {
    "THU 3h": Shift("THU", "SHOW", "18:00", "21:00"),
    "SUN 3h": Shift("SUN", "SHOW", "18:00", "21:00"),
    "THU holiday 3h": Shift("THU", "SHOW", "18:00", "21:00", True),
    "THU 12h": Shift("THU", "GETIN", "06:00", "18:30"),
}


def overtime(grade, before, last):
    h, m = before.split(":")
    week = calculate_week(CrewMember("Crew", grade), [*rehearsals(int(h) * 60 + int(m)), LAST_CALLS[last]])
    last_lines = [line for line in week.lines if line.day != "MON"]
    return f"{show_lines(week._replace(lines=last_lines))} | {show_totals(week)}"


def test_overtime_tiers():
    verify_all_combinations_with_labeled_input(
        overtime,
        grade=["HAND", "CHIEF"],
        before=["35:00", "37:45", "38:00", "44:00", "47:45", "48:00", "52:00"],
        last=list(LAST_CALLS),
    )


def test_the_sign_in_sheet_order_decides_what_is_overtime():
    calls = [*rehearsals(36 * 60), Shift("SUN", "SHOW", "14:00", "18:00")]
    transcript = []
    for order, week in [("Sunday last", calls), ("Sunday first", calls[-1:] + calls[:-1])]:
        result = calculate_week(CrewMember("Crew", "TECH"), week)
        transcript.append(f"{order}: {show_lines(result)}\n  {show_totals(result)}")
    verify("\n".join(transcript))


def night_week(call, calls):
    start, end = call.split("-")
    week = calculate_week(CrewMember("Crew", "HAND"), [Shift("FRI", "SHOW", start, end)] * calls)
    return show_totals(week)


def test_night_loading_adds_up_over_the_week():
    verify_all_combinations_with_labeled_input(
        night_week, call=["22:00-01:30", "23:00-02:00", "23:00-03:00"], calls=[1, 2, 3, 4]
    )


# -- 07 deduction bands: the levy table, the pension scheme ----------------------

# taxable pay just below, at and just above each band edge (200, 500 and 1,000
# whole dollars: the cents are dropped before the table is read)
GROSS_FOR_LEVY = [0, 20099, 20100, 20199, 20200, 50099, 50100, 50199, 100099, 100100, 100199, 123456]


def levy(tax_code, gross):
    return show_deductions(deductions(gross, 0, tax_code, False))


def test_levy_table():
    verify_all_combinations_with_labeled_input(levy, tax_code=["STD", "SEC", "EXEMPT", "", "std"], gross=GROSS_FOR_LEVY)


def pension(gross, holiday_pay, in_scheme):
    return show_deductions(deductions(gross, holiday_pay, "STD", in_scheme))


def test_pension_scheme():
    verify_all_combinations_with_labeled_input(
        pension,
        gross=[11999, 12000, 12001, 12500, 89999, 90000, 90001, 150000],
        holiday_pay=[0, 1, 1000],
        in_scheme=[True, False],
    )
