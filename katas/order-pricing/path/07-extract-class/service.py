"""The pricing service: requests from the web shop in, priced orders out."""

from .catalogue import NO_COUPON
from .order import Order, OrderLine, PricingContext
from .pricing import price
from .values import Quantity


class PricingService:
    """Prices orders against the products, markets and coupons it is given."""

    def __init__(self, products, markets, coupons):
        self.products = products
        self.markets = markets
        self.coupons = coupons

    def quote(self, request):
        """The priced order for a web shop request."""
        return price(self.receive(request))

    def receive(self, request):
        """The order in a request, checked in the order the web shop expects."""
        order = Order(request["ref"], request["account"], self._context(request))
        for sku, units in request["lines"]:
            order.add(OrderLine(self._product(sku), Quantity(units)))
        return order

    def _context(self, request):
        market = self._market(request["region"])
        if not request["lines"]:
            raise ValueError("an order needs at least one line")
        partner = bool(request.get("partner"))
        coupon = self._coupon(request.get("coupon"), partner)
        return PricingContext(market, partner, coupon, bool(request.get("express")))

    def _market(self, region):
        if region not in self.markets:
            raise ValueError(f"we do not deliver to {region!r}")
        return self.markets[region]

    def _coupon(self, entered, partner):
        code = (entered or "").strip().upper()
        if not code:
            return NO_COUPON
        if code not in self.coupons:
            raise ValueError(f"unknown coupon {code!r}")
        if partner:
            raise ValueError("coupons cannot be used on partner accounts")
        return self.coupons[code]

    def _product(self, sku):
        if sku not in self.products:
            raise ValueError(f"unknown product {sku!r}")
        return self.products[sku]
