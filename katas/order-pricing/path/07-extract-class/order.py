"""An order as the customer placed it."""

from dataclasses import dataclass, field

from .catalogue import Coupon, Market, Product
from .values import Quantity


@dataclass(frozen=True)
class PricingContext:
    """Where the order goes and what the customer chose: the same for every line."""

    market: Market
    partner: bool
    coupon: Coupon
    express: bool


@dataclass(frozen=True)
class OrderLine:
    product: Product
    quantity: Quantity


@dataclass(eq=False)
class Order:
    """An entity: known by its reference, whatever its lines.

    Two orders with the same lines are still two orders, so it compares by
    identity (eq=False), and lines are added to it as they are read.
    """

    ref: str
    account: str
    context: PricingContext
    lines: list = field(default_factory=list)

    def add(self, line):
        self.lines.append(line)
