"""The co-operative's tariffs, as approved at the 2021 general meeting.

All rates are in tenths of a cent. The tariffs differ only in their numbers,
so they are one class and a table, not a class each.
"""

from dataclasses import dataclass
from typing import NamedTuple

# standing charge per day, by meter size in mm
STANDING_CHARGE = {15: 382, 20: 452, 25: 706, 40: 1808, 50: 2825}

SEWER_RATE = 1560  # per m3 discharged


class Band(NamedTuple):
    label: str
    size: int | None  # m3 charged at this rate; None: all the rest
    rate: int  # per m3


class Block(NamedTuple):
    """The part of a quarter's water charged in one band."""

    label: str
    m3: int
    rate: int

    @property
    def price(self) -> int:
        return self.m3 * self.rate


@dataclass(frozen=True)
class Tariff:
    bands: tuple[Band, ...]
    sewer_share: int  # percent of the water that reaches the sewer; 0: never charged
    concession: bool  # whether the pensioner concession applies
    leak_share: int  # percent of the water charge a leak credit gives back

    def blocks(self, used: int) -> list[Block]:
        """The water used, band by band; the first band shows even when empty."""
        blocks = []
        left = used
        for band in self.bands:
            m3 = left if band.size is None else min(left, band.size)
            blocks.append(Block(band.label, m3, band.rate))
            left -= m3
        first, *rest = blocks
        return [first, *(block for block in rest if block.m3)]

    def water_price(self, used: int) -> int:
        return sum(block.price for block in self.blocks(used))

    def discharged(self, used: int) -> int:
        """Whole m3 that reach the sewer (rounded down)."""
        return used * self.sewer_share // 100


TARIFFS = {
    "DOM": Tariff(
        (Band("Water", 15, 1425), Band("Water", 25, 1980), Band("Water", None, 2635)),
        sewer_share=90,
        concession=True,
        leak_share=100,
    ),
    # the farmhouse pays like a home, the stock water at the farm rate
    "FARM": Tariff(
        (Band("Farmhouse", 10, 1425), Band("Stock water", None, 950)),
        sewer_share=0,
        concession=False,
        leak_share=100,
    ),
    # businesses are expected to watch their meters: half the water back
    "COM": Tariff((Band("Water", None, 2110),), sewer_share=95, concession=False, leak_share=50),
}
