"""Gross pay for one week of calls.

Rules from the crew agreement (copy in the office, blue folder). Money in
cents, time in minutes.
"""

from typing import NamedTuple

from .crew import CALLS, DAYS, RATES, minimum_call
from .timesheet import night_minutes, shift_minutes


class PayLine(NamedTuple):
    day: str
    kind: str
    minutes: int
    rate: int  # cents an hour, before the multiplier
    percent: int  # 100 plain time, 150 time and a half, ...
    amount: int


class WeekPay(NamedTuple):
    lines: list
    night_hours: int
    night_loading: int
    ordinary: int  # plain-time earnings, which the holiday pay is worked out on
    holiday_pay: int
    gross: int


def calculate_week(member, shifts):
    """Pay every call of the week, in the order of the sign-in sheet."""
    lines = []
    week = 0  # minutes paid so far this week
    ordinary = 0
    night = 0
    for s in shifts:
        if s.day not in DAYS:
            raise ValueError(f"unknown day {s.day!r}")
        if s.kind not in CALLS:
            raise ValueError(f"unknown call {s.kind!r}")
        start, end = shift_minutes(s.start, s.end)
        mins = end - start
        if mins < 0:
            raise ValueError("call ends before it starts")
        if mins > 300:
            mins = mins - 30  # unpaid meal break on calls over five hours
        if mins % 15:
            mins = mins + 15 - mins % 15  # round up to the quarter hour
        mins = max(mins, minimum_call(s.kind, member.grade))
        night += night_minutes(start, end)

        rate = RATES[member.grade]
        if s.kind == "STRIKE":
            rate = rate * 125 // 100  # get-out rate

        day_pct = 100
        if s.holiday:
            day_pct = 250
        elif s.day == "SUN":
            day_pct = 150

        # the first 38 hours of the week are plain time, the next 10 time
        # and a half, the rest double time
        plain = min(mins, max(0, 2280 - week))
        half = min(mins - plain, max(0, 2880 - max(week, 2280)))
        double = mins - plain - half
        top = 200
        if member.grade == "CHIEF":
            top = 150  # heads of department: overtime capped at time and a half (2019)
        for part, pct in ((plain, 100), (half, 150), (double, top)):
            if part == 0:
                continue
            # Sunday and holiday rates replace overtime, they do not add to it
            pct = max(pct, day_pct)
            lines.append(PayLine(s.day, s.kind, part, rate, pct, part * rate * pct // 6000))
        ordinary += plain * RATES[member.grade] // 60
        week += mins

    # night loading: $2.50 per complete hour after 23:00, at most eight a week
    night_hours = min(night // 60, 8)
    night_loading = night_hours * 250
    holiday_pay = (ordinary * 8 + 50) // 100
    gross = sum(line.amount for line in lines) + night_loading + holiday_pay
    return WeekPay(lines, night_hours, night_loading, ordinary, holiday_pay, gross)
