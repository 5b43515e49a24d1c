"""Characterization harness for the payroll-pin kata: yours to write.

`legacy/payroll_pin/` works out the weekly pay of the casual crew at The
Corn Exchange, Wrenfield: gross pay from the calls on the sign-in sheet,
deductions, and the printed payslip. It has no tests, and for this kata it
is locked: you may not change it, not even to delete a line. Your job is to
pin what it does today, to the cent and quirks included, so that the next
person can change it safely.

Done means `kata check payroll-pin` is green:

- approvals: every test passes (run a new test once, read its
  `*.received.txt`, and rename it to `*.approved.txt` if it is what the code
  does today, right or wrong);
- coverage: the harness runs at least 95% of the code's statements and
  branches;
- mutation: at least 90% of small changes to the code (mutants) turn the
  harness red.

Use only what `legacy.payroll_pin` exports: `CrewMember`, `Shift`,
`calculate_week`, `deductions`, `render_payslip` and their result types.

The test below is a placeholder. It passes and pins almost nothing: replace it.
"""

from approvaltests import verify

from legacy.payroll_pin import CrewMember, calculate_week


def test_placeholder():
    week = calculate_week(CrewMember("Nobody", "HAND"), [])
    verify(f"gross pay of an empty week: {week.gross}")
