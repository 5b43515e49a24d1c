"""Parcels as the pack benches weigh and measure them, and where they go.

Weights are in grams and sides in whole centimetres, as the bench scales and
the measuring frame report them. The zone comes from the postcode lookup at
checkout: A metro areas, B the rest of the mainland, C highlands and islands.
"""

from typing import NamedTuple

ZONES = ("A", "B", "C")


class Parcel(NamedTuple):
    weight_g: int
    length_cm: int
    width_cm: int
    height_cm: int
    # gas cartridges, stove fuel, lithium power banks: "limited quantity" goods
    dangerous: bool = False

    def sides(self):
        """The three sides, longest first."""
        return sorted((self.length_cm, self.width_cm, self.height_cm), reverse=True)


class Order(NamedTuple):
    number: int
    name: str
    postcode: str
    zone: str


def check_zone(zone):
    if zone not in ZONES:
        raise ValueError(f"unknown zone {zone!r}")


def check_measurements(parcel):
    if parcel.weight_g <= 0 or min(parcel.sides()) <= 0:
        raise ValueError("a parcel needs a positive weight and size")


def show_weight(grams):
    """12345 -> '12.3 kg'. The bench scales cut to 100 g, they do not round."""
    return f"{grams // 1000}.{grams % 1000 // 100} kg"
