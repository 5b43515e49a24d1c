"""Small values that used to be bare numbers: percentages and quantities."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .money import Money


@dataclass(frozen=True, order=True)
class Percentage:
    value: Decimal  # 5.5 means 5.5 %

    @classmethod
    def of_number(cls, value: int | str) -> Percentage:
        return cls(Decimal(value))

    def __add__(self, other: Percentage) -> Percentage:
        return Percentage(self.value + other.value)

    def of(self, money: Money) -> Money:
        """This share of an amount, not rounded."""
        return money * (self.value / 100)

    def taken_off(self, money: Money) -> Money:
        """What is left of an amount once this share is taken off, not rounded."""
        return money * ((100 - self.value) / 100)

    def __str__(self) -> str:
        return f"{self.value}%"


@dataclass(frozen=True)
class Quantity:
    units: int

    def __post_init__(self) -> None:
        if self.units < 1 or self.units > 999:
            raise ValueError(f"quantity must be between 1 and 999, not {self.units}")
