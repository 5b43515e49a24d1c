"""The Corn Exchange, Wrenfield: weekly pay for the casual crew.

The office's payroll script imports these names, and so does the bar
manager's spreadsheet macro (it only calls `deductions`). Keep them stable.
"""

from .crew import CrewMember, Shift
from .deductions import Deductions, deductions
from .pay import PayLine, WeekPay, calculate_week
from .payslip import render_payslip

__all__ = [
    "CrewMember",
    "Deductions",
    "PayLine",
    "Shift",
    "WeekPay",
    "calculate_week",
    "deductions",
    "render_payslip",
]
