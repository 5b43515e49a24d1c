"""The pricing service: requests from the web shop in, priced orders out."""

from collections.abc import Mapping, Sequence
from typing import Required, TypedDict

from .catalogue import NO_COUPON, Coupon, Market, Product
from .order import Order, OrderLine, PricingContext
from .pricing import PricedOrder, price
from .values import Quantity


class OrderRequest(TypedDict, total=False):
    """An order as the web shop and the reps' tablets send it."""

    ref: Required[str]
    account: Required[str]
    region: Required[str]
    lines: Required[Sequence[tuple[str, int]]]  # (sku, units)
    partner: bool
    coupon: str | None
    express: bool


class PricingService:
    """Prices orders against the products, markets and coupons it is given."""

    def __init__(
        self,
        products: Mapping[str, Product],
        markets: Mapping[str, Market],
        coupons: Mapping[str, Coupon],
    ) -> None:
        self.products = products
        self.markets = markets
        self.coupons = coupons

    def quote(self, request: OrderRequest) -> PricedOrder:
        """The priced order for a request."""
        return price(self.receive(request))

    def receive(self, request: OrderRequest) -> Order:
        """The order in a request, checked in the order the web shop expects."""
        order = Order(request["ref"], request["account"], self._context(request))
        for sku, units in request["lines"]:
            order.add(OrderLine(self._product(sku), Quantity(units)))
        return order

    def _context(self, request: OrderRequest) -> PricingContext:
        market = self._market(request["region"])
        if not request["lines"]:
            raise ValueError("an order needs at least one line")
        partner = bool(request.get("partner"))
        coupon = self._coupon(request.get("coupon"), partner)
        return PricingContext(market, partner, coupon, bool(request.get("express")))

    def _market(self, region: str) -> Market:
        if region not in self.markets:
            raise ValueError(f"we do not deliver to {region!r}")
        return self.markets[region]

    def _coupon(self, entered: str | None, partner: bool) -> Coupon:
        code = (entered or "").strip().upper()
        if not code:
            return NO_COUPON
        if code not in self.coupons:
            raise ValueError(f"unknown coupon {code!r}")
        if partner:
            raise ValueError("coupons cannot be used on partner accounts")
        return self.coupons[code]

    def _product(self, sku: str) -> Product:
        if sku not in self.products:
            raise ValueError(f"unknown product {sku!r}")
        return self.products[sku]
