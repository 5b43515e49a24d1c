"""Marks and reports for the Bookkeeping Level 3 evening course.

The tutors export their marksheet as CSV; each report reads it afresh:
`records` reads it, `grading` applies the course's rules, `reports` lays out
the text.
"""

from . import reports
from .grading import at_risk, final_grade
from .records import find_student, read_marksheet

__all__ = ["at_risk_list", "class_summary", "student_report"]


def student_report(csv_path: str, student_id: str) -> str:
    """One student's marks and result; ValueError if their row is broken, LookupError if absent."""
    student = find_student(read_marksheet(csv_path), student_id)
    return reports.student_report(student, final_grade(student))


def class_summary(csv_path: str) -> str:
    """Every student by final mark, the band counts and the rows that could not be read."""
    sheet = read_marksheet(csv_path)
    graded = [(student, final_grade(student)) for student in sheet.students]
    return reports.class_summary(graded, sheet.problems)


def at_risk_list(csv_path: str) -> str:
    """The students the course office should talk to; broken rows are left out."""
    return reports.at_risk_list(at_risk(read_marksheet(csv_path).students))
