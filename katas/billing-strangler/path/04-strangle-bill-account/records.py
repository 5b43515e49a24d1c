"""The records that cross the boundary.

Callers send stringly-typed records: accounts from the members database
export ("BR-1042;DOM;20;SC": number, tariff, meter size in mm, flags S for
sewer and C for pensioner concession) and readings from the meter readers'
handhelds ("previous,current,days"). They are parsed once, here, into value
objects; bills and credit notes go back as named tuples, in cents.
"""

from dataclasses import dataclass
from typing import NamedTuple

from .tariffs import STANDING_CHARGE, TARIFFS, Tariff

ROLLOVER = 100_000  # the meters have five digits
LONGEST_PERIOD = 120  # days
FLAGS = "SC"


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


@dataclass(frozen=True)
class Account:
    number: str
    tariff: Tariff
    meter: int  # mm
    sewer: bool
    concession: bool

    @property
    def pays_sewerage(self) -> bool:
        return self.sewer and self.tariff.sewer_share > 0

    @property
    def gets_concession(self) -> bool:
        return self.concession and self.tariff.concession


@dataclass(frozen=True)
class Reading:
    previous: int
    current: int
    days: int

    @property
    def used(self) -> int:
        """m3 used; a meter that went round past 99999 starts again at 0."""
        return (self.current - self.previous) % ROLLOVER


def parse_account(record: str) -> Account:
    fields = record.split(";")
    if len(fields) != 4:
        raise ValueError(f"malformed account record {record!r}")
    number, tariff, meter, flags = fields
    if not number.strip():
        raise ValueError("account number missing")
    return Account(number.strip(), _tariff(tariff), _meter(meter), *_flags(flags))


def _tariff(code: str) -> Tariff:
    # codes are matched loosely (" dom " is DOM); meter sizes and flags are not
    try:
        return TARIFFS[code.strip().upper()]
    except KeyError:
        raise ValueError(f"unknown tariff {code!r}") from None


def _meter(size: str) -> int:
    if not size.isdigit() or int(size) not in STANDING_CHARGE:
        raise ValueError(f"unknown meter size {size!r}")
    return int(size)


def _flags(flags: str) -> tuple[bool, bool]:
    for flag in flags:
        if flag not in FLAGS:
            raise ValueError(f"unknown account flag {flag!r}")
    return "S" in flags, "C" in flags


def parse_reading(record: str) -> Reading:
    parts = record.split(",")
    if len(parts) != 3 or not all(part.strip().isdigit() for part in parts):
        raise ValueError(f"malformed reading {record!r}")
    previous, current, days = (int(part) for part in parts)
    if max(previous, current) >= ROLLOVER:
        raise ValueError("meter readings have five digits")
    if not 1 <= days <= LONGEST_PERIOD:
        raise ValueError(f"reading period of {days} days")
    return Reading(previous, current, days)
