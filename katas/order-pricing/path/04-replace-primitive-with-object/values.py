"""Small values that used to be bare numbers: percentages and quantities."""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, order=True)
class Percentage:
    value: Decimal  # 5.5 means 5.5 %

    @classmethod
    def of_number(cls, value):
        return cls(Decimal(value))

    def __add__(self, other):
        return Percentage(self.value + other.value)

    def of(self, money):
        """This share of an amount, not rounded."""
        return money * (self.value / 100)

    def taken_off(self, money):
        """What is left of an amount once this share is taken off, not rounded."""
        return money * ((100 - self.value) / 100)

    def __str__(self):
        return f"{self.value}%"


@dataclass(frozen=True)
class Quantity:
    units: int

    def __post_init__(self):
        if self.units < 1 or self.units > 999:
            raise ValueError(f"quantity must be between 1 and 999, not {self.units}")
