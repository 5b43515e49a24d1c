"""Reading the tutors' marksheet: the one module that opens files and parses CSV.

The spreadsheet export has one row per student after a header row:

    student,name,q1,q2,q3,q4,coursework,days_late,exam,attempt
"""

import csv
from collections.abc import Iterator
from dataclasses import dataclass

COLUMNS = 10
QUIZ_MAX = 20  # each of the four quizzes is marked out of 20


@dataclass(frozen=True)
class StudentMarks:
    """One row of the marksheet, read and checked."""

    student_id: str
    name: str
    quizzes: tuple[int, ...]
    coursework: int
    days_late: int
    exam: int | None  # None until the exam is sat
    attempt: int


@dataclass(frozen=True)
class RowProblem:
    """A row that could not be read, and why."""

    student_id: str
    message: str


@dataclass(frozen=True)
class Marksheet:
    """The rows that could be read, and the problems with the others, in file order."""

    students: tuple[StudentMarks, ...]
    problems: tuple[RowProblem, ...]


def read_marksheet(path: str) -> Marksheet:
    students: list[StudentMarks] = []
    problems: list[RowProblem] = []
    for line, fields in _read_rows(path):
        try:
            students.append(parse_row(line, fields))
        except ValueError as err:
            problems.append(RowProblem(fields[0].strip(), str(err)))
    return Marksheet(tuple(students), tuple(problems))


def find_student(sheet: Marksheet, student_id: str) -> StudentMarks:
    """The student's marks; ValueError when their row is broken, LookupError when absent."""
    for problem in sheet.problems:
        if problem.student_id == student_id:
            raise ValueError(problem.message)
    for student in sheet.students:
        if student.student_id == student_id:
            return student
    raise LookupError(f"no student {student_id!r} on the marksheet")


def _read_rows(path: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of every row after the header, blank lines left out."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader, None)  # the header
        for line, fields in enumerate(reader, start=2):
            if fields:
                yield line, fields


def parse_row(line: int, fields: list[str]) -> StudentMarks:
    if len(fields) != COLUMNS:
        raise ValueError(f"line {line}: expected {COLUMNS} fields, got {len(fields)}")
    return StudentMarks(
        student_id=fields[0].strip(),
        name=fields[1].strip(),
        quizzes=tuple(_mark(q, QUIZ_MAX, line, "quiz") or 0 for q in fields[2:6]),
        coursework=_mark(fields[6], 100, line, "coursework") or 0,
        days_late=_mark(fields[7], 60, line, "days late") or 0,
        exam=_mark(fields[8], 100, line, "exam"),
        attempt=_mark(fields[9], 2, line, "attempt") or 1,
    )


def _mark(text: str, top: int, line: int, what: str) -> int | None:
    """A whole mark from 0 to `top`, or None when the cell is blank."""
    text = text.strip()
    if not text:
        return None
    if not text.isdigit():
        raise ValueError(f"line {line}: {what} {text!r} is not a whole number")
    value = int(text)
    if value > top:
        raise ValueError(f"line {line}: {what} {value} is above {top}")
    return value
