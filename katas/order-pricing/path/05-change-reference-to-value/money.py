"""Money: an exact amount in one currency.

Amounts are Decimals, built from strings ("24.80"), never from floats.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
SYMBOLS = {"EUR": "€", "GBP": "£", "CHF": "CHF "}


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str

    @classmethod
    def of(cls, amount, currency):
        return cls(Decimal(amount), currency)

    @classmethod
    def zero(cls, currency):
        return cls(Decimal(0), currency)

    def __add__(self, other):
        return Money(self.amount + self._same_currency(other).amount, self.currency)

    def __sub__(self, other):
        return Money(self.amount - self._same_currency(other).amount, self.currency)

    def __neg__(self):
        return Money(-self.amount, self.currency)

    def __mul__(self, factor):
        return Money(self.amount * factor, self.currency)

    def __ge__(self, other):
        return self.amount >= self._same_currency(other).amount

    def rounded(self, step=CENT, rounding=ROUND_HALF_UP):
        """To whole cents, or to another step such as 5 centimes; half up by default."""
        steps = (self.amount / step).to_integral_value(rounding)
        return Money(steps * step, self.currency)

    def display(self):
        """-1234.5 EUR -> '-€1,234.50'."""
        sign = "-" if self.amount < 0 else ""
        return f"{sign}{SYMBOLS[self.currency]}{abs(self.amount):,.2f}"

    def __str__(self):
        return f"{self.amount:.2f}"

    def _same_currency(self, other):
        if other.currency != self.currency:
            raise ValueError(f"cannot mix {self.currency} and {other.currency}")
        return other
