"""The payslip that goes in the crew member's pigeonhole on Friday."""

from .crew import GRADE_NAMES
from .deductions import TAX_CODES, deductions
from .pay import calculate_week

WIDTH = 56


def money(cents):
    return f"{cents // 100:,}.{cents % 100:02d}"


def render_payslip(member, shifts, week_ending):
    """The payslip text; week_ending is the Sunday the pay week ends on (a date)."""
    week = calculate_week(member, shifts)
    d = deductions(week.gross, week.holiday_pay, member.tax_code, member.pension)
    out = []
    out.append("THE CORN EXCHANGE, WRENFIELD - casual crew payslip")
    out.append(f"{member.name}, {GRADE_NAMES[member.grade]}")
    out.append(f"week ending {week_ending.isoformat()}")
    out.append("-" * WIDTH)
    if len(week.lines) == 0:
        out.append("  no calls this week")
    for line in week.lines:
        what = f"{line.day} {line.kind.lower()}"
        hours = f"{line.minutes // 60}:{line.minutes % 60:02d}"
        if line.percent != 100:
            times = f" x{line.percent / 100:g}"
        else:
            times = ""
        rate = f"@ {money(line.rate)}{times}"
        out.append(f"  {what:<16}{hours:>6} {rate:<15}{money(line.amount):>15}")
    if week.night_hours > 0:
        what = f"{week.night_hours} h @ 2.50"
        out.append(f"  {'night loading':<16}{what:<22}{money(week.night_loading):>15}")
    what = f"8% of {money(week.ordinary)}"
    out.append(f"  {'holiday pay':<16}{what:<22}{money(week.holiday_pay):>15}")
    out.append(f"  {'GROSS':<38}{money(week.gross):>15}")
    code = member.tax_code
    if code not in TAX_CODES:
        code = "EMERGENCY"
    out.append(f"  {'tax (' + code + ')':<38}{'-' + money(d.tax):>15}")
    if member.pension:
        out.append(f"  {'pension 5%':<38}{'-' + money(d.pension):>15}")
    else:
        out.append("  pension: not in the scheme")
    net = week.gross - d.tax - d.pension
    out.append("-" * WIDTH)
    out.append(f"  {'NET PAY':<38}{money(net):>15}")
    if member.pension:
        out.append(f"  (the theatre adds {money(d.employer_pension)} to your pension)")
    return "\n".join(out)
