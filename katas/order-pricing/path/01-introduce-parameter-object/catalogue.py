"""The price list, the markets we deliver to and the coupon codes.

List prices are in EUR, without VAT, per unit as sold (a bag, a case, a
piece). The buying team updates them from their spreadsheet every quarter.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Market:
    """A region we deliver to; amounts are in its currency."""

    currency: str
    rate: float  # from EUR
    vat: float
    food_vat: float
    shipping: float
    free_from: float  # shipping is free on goods from this amount
    express: float


# sku: (description, category, list price in EUR)
PRODUCTS = {
    "GUJI-1KG": ("Ethiopia Guji, whole bean 1kg", "coffee", 24.80),
    "CERRADO-1KG": ("Brazil Cerrado, whole bean 1kg", "coffee", 17.45),
    "DECAF-500": ("Colombia decaf 500g", "coffee", 11.90),
    "ASSAM-500": ("Assam breakfast tea 500g", "tea", 14.35),
    "SENCHA-250": ("Sencha green tea 250g", "tea", 9.65),
    "CUP-8OZ": ("Paper cups 8oz, case of 1000", "sundries", 42.00),
    "LID-8OZ": ("Sip lids 8oz, case of 1000", "sundries", 18.75),
    "STIR-1000": ("Birch stirrers, box of 1000", "sundries", 6.25),
    "TAMPER-58": ("Steel tamper 58mm", "equipment", 37.50),
    "GRINDER-64": ("Flat burr grinder 64mm", "equipment", 1249.00),
}

REGIONS = {
    "DE": Market("EUR", 1.0, 0.19, 0.07, 6.90, 150.00, 12.50),
    "FR": Market("EUR", 1.0, 0.20, 0.055, 8.50, 200.00, 14.00),
    "NL": Market("EUR", 1.0, 0.21, 0.09, 7.25, 150.00, 12.50),
    "CH": Market("CHF", 0.94, 0.081, 0.026, 14.00, 250.00, 21.00),
    "UK": Market("GBP", 0.855, 0.20, 0.0, 9.95, 180.00, 16.50),
}

# code: (percent off, only on this category or None, minimum goods)
COUPONS = {
    "": (0, None, 0.0),  # no coupon
    "WELCOME10": (10, None, 100.00),
    "BEANS15": (15, "coffee", 0.0),
    "FREESHIP": (0, None, 0.0),
}
