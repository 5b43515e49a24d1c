"""Kestrel Bay Public Library: loan rules and fines for the circulation desk.

This is the public boundary used by the desk terminals and the self-service
kiosks; keep these names and signatures stable.
"""

from .fines import Charge, assess_return
from .loans import LoanTerms, RenewalDecision, loan_terms, renewal_decision
from .statement import ReturnedItem, account_statement

__all__ = [
    "Charge",
    "LoanTerms",
    "RenewalDecision",
    "ReturnedItem",
    "account_statement",
    "assess_return",
    "loan_terms",
    "renewal_decision",
]
