"""The quarterly bill, as the billing run sends it."""

from .charges import concession, sewerage, standing_charge
from .money import to_cents
from .records import Account, Bill, Reading


def bill(account: Account, reading: Reading) -> Bill:
    """Each charge rounded for show; the total is rounded once, from the exact sum."""
    water = account.tariff.water_price(reading.used)
    standing = standing_charge(account, reading.days)
    sewer = sewerage(account, reading.used)
    discount = concession(account, standing)
    total = water + standing + sewer - discount
    return Bill(
        account.number,
        to_cents(water),
        to_cents(standing),
        to_cents(sewer),
        to_cents(discount),
        to_cents(total),
    )
