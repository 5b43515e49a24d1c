"""v1: quarterly water bills, invoice previews and leak credits.

The billing engine as it was before project BILL-212. Only the facade calls
it; its functions no longer know about engines.

Account records come from the members database export and look like
"BR-1042;DOM;20;SC": account number, tariff (DOM domestic, FARM farm, COM
commercial), meter size in mm, and flags (S: connected to the sewer, C:
pensioner concession). Readings come from the meter readers' handhelds as
"previous,current,days".

Tariffs as approved at the 2021 general meeting.
"""

from typing import NamedTuple

from .money import format_cents, format_rate, to_cents

# standing charge per day, by meter size in mm, in tenths of a cent
STANDING_CHARGE = {15: 382, 20: 452, 25: 706, 40: 1808, 50: 2825}

SEWER_RATE = 1560  # per m3 discharged, tenths of a cent
ROLLOVER = 100000  # the meters have five digits
LEAK_CAP = 40000  # cents, per claim


class Bill(NamedTuple):
    account: str
    water: int
    standing: int
    sewer: int
    concession: int
    total: int


class CreditNote(NamedTuple):
    account: str
    excess: int
    water: int
    sewer: int
    total: int


def bill_account(account, reading):
    """The quarterly bill of one account, in cents."""
    f = account.split(";")
    if len(f) != 4:
        raise ValueError(f"malformed account record {account!r}")
    if f[0].strip() == "":
        raise ValueError("account number missing")
    tariff = f[1].strip().upper()
    if tariff not in ("DOM", "FARM", "COM"):
        raise ValueError(f"unknown tariff {f[1]!r}")
    if not f[2].isdigit() or int(f[2]) not in STANDING_CHARGE:
        raise ValueError(f"unknown meter size {f[2]!r}")
    for flag in f[3]:
        if flag not in "SC":
            raise ValueError(f"unknown account flag {flag!r}")

    r = reading.split(",")
    if len(r) != 3 or not all(x.strip().isdigit() for x in r):
        raise ValueError(f"malformed reading {reading!r}")
    previous, current, days = int(r[0]), int(r[1]), int(r[2])
    if previous >= ROLLOVER or current >= ROLLOVER:
        raise ValueError("meter readings have five digits")
    if days < 1 or days > 120:
        raise ValueError(f"reading period of {days} days")
    if current >= previous:
        used = current - previous
    else:
        used = current + ROLLOVER - previous  # the meter went round

    if tariff == "DOM":
        if used <= 15:
            water = used * 1425
        elif used <= 40:
            water = 15 * 1425 + (used - 15) * 1980
        else:
            water = 15 * 1425 + 25 * 1980 + (used - 40) * 2635
    elif tariff == "FARM":
        # the farmhouse pays like a home, the stock water at the farm rate
        if used <= 10:
            water = used * 1425
        else:
            water = 10 * 1425 + (used - 10) * 950
    else:
        water = used * 2110

    standing = STANDING_CHARGE[int(f[2])] * days
    sewer = 0
    if "S" in f[3]:
        if tariff == "DOM":
            sewer = used * 90 // 100 * SEWER_RATE
        elif tariff == "COM":
            sewer = used * 95 // 100 * SEWER_RATE
    concession = 0
    if "C" in f[3] and tariff == "DOM":
        concession = standing // 2

    total = water + standing + sewer - concession
    return Bill(
        f[0].strip(),
        to_cents(water),
        to_cents(standing),
        to_cents(sewer),
        to_cents(concession),
        to_cents(total),
    )


def preview_invoice(account, reading):
    """The invoice as the member portal shows it before the billing run."""
    f = account.split(";")
    if len(f) != 4:
        raise ValueError(f"malformed account record {account!r}")
    if f[0].strip() == "":
        raise ValueError("account number missing")
    tariff = f[1].strip().upper()
    if tariff not in ("DOM", "FARM", "COM"):
        raise ValueError(f"unknown tariff {f[1]!r}")
    if not f[2].isdigit() or int(f[2]) not in STANDING_CHARGE:
        raise ValueError(f"unknown meter size {f[2]!r}")
    for flag in f[3]:
        if flag not in "SC":
            raise ValueError(f"unknown account flag {flag!r}")

    r = reading.split(",")
    if len(r) != 3 or not all(x.strip().isdigit() for x in r):
        raise ValueError(f"malformed reading {reading!r}")
    previous, current, days = int(r[0]), int(r[1]), int(r[2])
    if previous >= ROLLOVER or current >= ROLLOVER:
        raise ValueError("meter readings have five digits")
    if days < 1 or days > 120:
        raise ValueError(f"reading period of {days} days")
    if current >= previous:
        used = current - previous
    else:
        used = current + ROLLOVER - previous

    lines = [
        f"Brackenfell Water Co-operative - account {f[0].strip()}",
        f"Meter {previous:05d} -> {current:05d}: {used} m3 in {days} days",
    ]
    rows = []
    if tariff == "DOM":
        if used <= 15:
            rows.append((f"Water {used} m3 at {format_rate(1425)}", to_cents(used * 1425)))
        else:
            rows.append((f"Water 15 m3 at {format_rate(1425)}", to_cents(15 * 1425)))
            if used <= 40:
                rows.append((f"Water {used - 15} m3 at {format_rate(1980)}", to_cents((used - 15) * 1980)))
            else:
                rows.append((f"Water 25 m3 at {format_rate(1980)}", to_cents(25 * 1980)))
                rows.append((f"Water {used - 40} m3 at {format_rate(2635)}", to_cents((used - 40) * 2635)))
    elif tariff == "FARM":
        if used <= 10:
            rows.append((f"Farmhouse {used} m3 at {format_rate(1425)}", to_cents(used * 1425)))
        else:
            rows.append((f"Farmhouse 10 m3 at {format_rate(1425)}", to_cents(10 * 1425)))
            rows.append((f"Stock water {used - 10} m3 at {format_rate(950)}", to_cents((used - 10) * 950)))
    else:
        rows.append((f"Water {used} m3 at {format_rate(2110)}", to_cents(used * 2110)))

    size = int(f[2])
    standing = STANDING_CHARGE[size] * days
    rows.append((f"Standing charge {size}mm, {days} days", to_cents(standing)))
    if "S" in f[3] and tariff != "FARM":
        if tariff == "DOM":
            discharged = used * 90 // 100
        else:
            discharged = used * 95 // 100
        rows.append((f"Sewerage {discharged} m3 at {format_rate(SEWER_RATE)}", to_cents(discharged * SEWER_RATE)))
    if "C" in f[3] and tariff == "DOM":
        rows.append(("Pensioner concession", -to_cents(standing // 2)))

    total = 0
    for label, cents in rows:
        if cents < 0:
            lines.append(f"  {label:<36}{'-' + format_cents(-cents):>11}")
        else:
            lines.append(f"  {label:<36}{format_cents(cents):>11}")
        total += cents
    lines.append(f"  {'Estimated total':<36}{format_cents(total):>11}")
    return "\n".join(lines)


def leak_credit(account, reading, usual):
    """The credit for water lost to a repaired leak (leak policy, section 4)."""
    f = account.split(";")
    if len(f) != 4:
        raise ValueError(f"malformed account record {account!r}")
    if f[0].strip() == "":
        raise ValueError("account number missing")
    tariff = f[1].strip().upper()
    if tariff not in ("DOM", "FARM", "COM"):
        raise ValueError(f"unknown tariff {f[1]!r}")
    if not f[2].isdigit() or int(f[2]) not in STANDING_CHARGE:
        raise ValueError(f"unknown meter size {f[2]!r}")
    for flag in f[3]:
        if flag not in "SC":
            raise ValueError(f"unknown account flag {flag!r}")

    r = reading.split(",")
    if len(r) != 3 or not all(x.strip().isdigit() for x in r):
        raise ValueError(f"malformed reading {reading!r}")
    previous, current, days = int(r[0]), int(r[1]), int(r[2])
    if previous >= ROLLOVER or current >= ROLLOVER:
        raise ValueError("meter readings have five digits")
    if days < 1 or days > 120:
        raise ValueError(f"reading period of {days} days")
    if current >= previous:
        used = current - previous
    else:
        used = current + ROLLOVER - previous
    if usual < 0:
        raise ValueError("usual consumption cannot be negative")

    excess = used - usual
    if excess < 10:
        # leaks under 10 m3 are the member's own (section 4.2)
        return CreditNote(f[0].strip(), max(excess, 0), 0, 0, 0)

    # price what was used and what is usual, and credit the difference
    prices = []
    for m3 in (used, usual):
        if tariff == "DOM":
            if m3 <= 15:
                price = m3 * 1425
            elif m3 <= 40:
                price = 15 * 1425 + (m3 - 15) * 1980
            else:
                price = 15 * 1425 + 25 * 1980 + (m3 - 40) * 2635
        elif tariff == "FARM":
            if m3 <= 10:
                price = m3 * 1425
            else:
                price = 10 * 1425 + (m3 - 10) * 950
        else:
            price = m3 * 2110
        prices.append(price)
    water = prices[0] - prices[1]
    if tariff == "COM":
        water = water // 2  # businesses are expected to watch their meters

    sewer = 0
    if "S" in f[3]:
        if tariff == "DOM":
            sewer = (used * 90 // 100 - usual * 90 // 100) * SEWER_RATE
        elif tariff == "COM":
            sewer = (used * 95 // 100 - usual * 95 // 100) * SEWER_RATE

    total = min(to_cents(water) + to_cents(sewer), LEAK_CAP)
    return CreditNote(f[0].strip(), excess, to_cents(water), to_cents(sewer), total)
