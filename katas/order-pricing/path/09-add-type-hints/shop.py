"""The public boundary: pricing an order from the web shop or a rep's tablet.

An order arrives as a dict:

    {"ref": "LF-24-0117", "account": "C-1042", "region": "DE",
     "partner": False, "coupon": "WELCOME10", "express": False,
     "lines": [("GUJI-1KG", 12), ("CUP-8OZ", 2)]}
"""

from .catalogue import COUPONS, MARKETS, PRODUCTS
from .render import as_data, confirmation
from .service import OrderRequest, PricingService

SHOP = PricingService(PRODUCTS, MARKETS, COUPONS)


def price_order(order: OrderRequest) -> dict[str, object]:
    """The priced order for the web shop; amounts as text with two decimals."""
    return as_data(SHOP.quote(order))


def order_confirmation(order: OrderRequest) -> str:
    """The confirmation the customer gets by e-mail, as plain text."""
    return confirmation(SHOP.quote(order))
