"""The invoice preview the member portal shows before the billing run.

Every row is rounded to cents on its own and the estimated total adds up the
rows, so it can differ by a cent or two from the bill (which rounds once).
Members are told the preview is an estimate.
"""

from .charges import concession, standing_charge
from .money import format_cents, format_rate, to_cents
from .records import Account, Reading
from .tariffs import SEWER_RATE

Row = tuple[str, int]  # label, cents (negative for a deduction)


def preview(account: Account, reading: Reading) -> str:
    rows = charge_rows(account, reading)
    lines = [
        f"Brackenfell Water Co-operative - account {account.number}",
        f"Meter {reading.previous:05d} -> {reading.current:05d}: {reading.used} m3 in {reading.days} days",
        *(format_row(label, cents) for label, cents in rows),
        format_row("Estimated total", sum(cents for _, cents in rows)),
    ]
    return "\n".join(lines)


def charge_rows(account: Account, reading: Reading) -> list[Row]:
    rows = [
        (f"{block.label} {block.m3} m3 at {format_rate(block.rate)}", to_cents(block.price))
        for block in account.tariff.blocks(reading.used)
    ]
    standing = standing_charge(account, reading.days)
    rows.append((f"Standing charge {account.meter}mm, {reading.days} days", to_cents(standing)))
    if account.pays_sewerage:
        discharged = account.tariff.discharged(reading.used)
        rows.append((f"Sewerage {discharged} m3 at {format_rate(SEWER_RATE)}", to_cents(discharged * SEWER_RATE)))
    if account.gets_concession:
        rows.append(("Pensioner concession", -to_cents(concession(account, standing))))
    return rows


def format_row(label: str, cents: int) -> str:
    amount = format_cents(cents) if cents >= 0 else "-" + format_cents(-cents)
    return f"  {label:<36}{amount:>11}"
