"""Larkspur & Finch: order pricing for the web shop and the reps' tablets.

The public boundary; the web shop and the confirmation mailer use these two
functions. Keep their names, parameters and results stable.
"""

from .orders import order_confirmation, price_order

__all__ = ["order_confirmation", "price_order"]
