"""Marks and reports for the Bookkeeping Level 3 evening course."""

from .marksheet import at_risk_list, class_summary, student_report

__all__ = ["at_risk_list", "class_summary", "student_report"]
