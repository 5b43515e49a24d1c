"""Tax and pension, weekly.

The Wrenfield wage levy table (whole dollars a week) and the Guild of Stage
Workers pension scheme. Also used by the bar manager's spreadsheet macro.
"""

from typing import NamedTuple

TAX_CODES = ("STD", "SEC", "EXEMPT")


class Deductions(NamedTuple):
    tax: int
    pension: int
    employer_pension: int


def income_tax(taxable, code):
    """The levy on one week's taxable pay, in cents."""
    if code == "EXEMPT":
        return 0
    if code == "SEC":
        # a second job: flat 20%, no tax-free band
        return taxable * 20 // 100
    if code not in TAX_CODES:
        # no code from the crew member yet: emergency rate until the office hears
        return taxable * 45 // 100
    dollars = taxable // 100  # the table works in whole dollars
    if dollars <= 200:
        return 0
    if dollars <= 500:
        return (dollars - 200) * 12
    if dollars <= 1000:
        return 3600 + (dollars - 500) * 22
    return 14650 + (dollars - 1000) * 34


def pension_contribution(pensionable):
    """(member, theatre) contributions in cents.

    Nothing below the scheme's threshold; above it, 5% of everything earned
    (and 3% from the theatre), up to the scheme's weekly maximum.
    """
    if pensionable <= 12000:
        return 0, 0
    member = min(pensionable * 5 // 100, 4500)
    theatre = min(pensionable * 3 // 100, 2700)
    return member, theatre


def deductions(gross, holiday_pay, tax_code, pension):
    member = theatre = 0
    if pension:
        # holiday pay is not pensionable (scheme rules, 2019)
        member, theatre = pension_contribution(gross - holiday_pay)
    # the contribution comes off before the levy is worked out
    tax = income_tax(gross - member, tax_code)
    return Deductions(tax, member, theatre)
