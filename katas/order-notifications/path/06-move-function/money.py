"""Money is kept in whole pence; only what customers read shows pounds."""


def pounds(pence):
    """18550 -> '£185.50'."""
    return f"£{pence // 100}.{pence % 100:02d}"
