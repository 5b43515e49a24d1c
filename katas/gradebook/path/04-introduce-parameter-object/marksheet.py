"""Marksheet tool for the Bookkeeping Level 3 evening course.

The tutors keep their marks in a shared spreadsheet and export it as CSV, one
row per student, with a header row:

    student,name,q1,q2,q3,q4,coursework,days_late,exam,attempt

The course office runs the three reports below from that file.
"""

import csv
from dataclasses import dataclass

COURSE = "Bookkeeping Level 3"
COLUMNS = 10
QUIZ_MAX = 20  # each of the four quizzes is marked out of 20
LATE_PENALTY = 5  # coursework marks lost per day late
LATE_LIMIT = 5  # later than this, the coursework scores nothing
EXAM_HURDLE = 35  # an exam below this fails the course, whatever the total
RESIT_CAP = 40  # a resit can pass, nothing more
PASS_MARK = 40
AT_RISK_MARGIN = 5
BANDS = ((70, "Distinction"), (60, "Merit"), (PASS_MARK, "Pass"))


def _mark(text, top, line, what):
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


def best_three(quizzes):
    """The quizzes that count: the lowest of the four is dropped."""
    return sorted(quizzes)[1:]


def quiz_percentage(quizzes):
    return sum(quizzes) * 100 / (len(quizzes) * QUIZ_MAX)


def coursework_after_penalty(coursework, days_late):
    if days_late > LATE_LIMIT:
        return 0
    return max(0, coursework - days_late * LATE_PENALTY)


def weighted_mark(quiz_pct, coursework, exam):
    """Quizzes 20%, coursework 30%, exam 50%, rounded half up to a whole mark."""
    total = quiz_pct * 0.2 + coursework * 0.3 + exam * 0.5
    return int(total + 0.5)


def resit_capped(mark, attempt):
    if attempt == 2 and mark > RESIT_CAP:
        return RESIT_CAP
    return mark


def band(mark, exam):
    if exam < EXAM_HURDLE:
        return "Fail"
    for floor, name in BANDS:
        if mark >= floor:
            return name
    return "Fail"


@dataclass(frozen=True)
class StudentMarks:
    """One row of the marksheet, read and checked."""

    student_id: str
    name: str
    quizzes: tuple
    coursework: int
    days_late: int
    exam: int | None  # None until the exam is sat
    attempt: int


def read_rows(path):
    """(line number, fields) of every row after the header, blank lines left out."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader, None)  # the header
        for line, fields in enumerate(reader, start=2):
            if fields:
                yield line, fields


def parse_row(line, fields):
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


class Gradebook:
    """The marksheet, plus the helpers the reports share."""

    WIDTH = 50

    def __init__(self, path):
        self.path = path
        self.rows = None  # read on first use

    def load(self):
        self.rows = list(read_rows(self.path))

    def find(self, student_id):
        if self.rows is None:
            self.load()
        for line, fields in self.rows:
            if fields[0].strip() == student_id:
                return line, fields
        raise LookupError(f"no student {student_id!r} on the marksheet")

    def heading(self, title):
        return f"{COURSE}: {title}\n" + "=" * self.WIDTH

    def divider(self):
        return "-" * self.WIDTH


def student_report(csv_path, student_id):
    book = Gradebook(csv_path)
    student = parse_row(*book.find(student_id))
    quizzes, late, exam = student.quizzes, student.days_late, student.exam

    out = [book.heading("student report")]
    resit = " (resit)" if student.attempt == 2 else ""
    out.append(f"Student     {student.student_id} {student.name}{resit}")
    best = best_three(quizzes)
    quiz_pct = quiz_percentage(best)
    out.append(
        "Quizzes     " + " ".join(str(q) for q in quizzes)
        + f"  best three {sum(best)}/{3 * QUIZ_MAX} = {quiz_pct:.1f}%"
    )
    cw = coursework_after_penalty(student.coursework, late)
    if late:
        out.append(f"Coursework  {student.coursework}, {late} days late -> {cw}")
    else:
        out.append(f"Coursework  {student.coursework}")
    if exam is None:
        out.append("Exam        absent")
        out.append(book.divider())
        out.append("Final mark  --  Incomplete")
        return "\n".join(out)
    out.append(f"Exam        {exam}")
    uncapped = weighted_mark(quiz_pct, cw, exam)
    mark = resit_capped(uncapped, student.attempt)
    out.append(book.divider())
    out.append(f"Final mark  {mark}  {band(mark, exam)}")
    if mark != uncapped:
        out.append(f"Note: resit marks are capped at {RESIT_CAP} (earned {uncapped})")
    if exam < EXAM_HURDLE:
        out.append(f"Note: an exam mark below {EXAM_HURDLE} fails the course")
    return "\n".join(out)


def class_summary(csv_path):
    results = []
    skipped = []
    for line, fields in read_rows(csv_path):
        try:
            student = parse_row(line, fields)
        except ValueError as err:
            skipped.append(str(err))
            continue
        sid, name, exam = student.student_id, student.name, student.exam
        if exam is None:
            results.append((sid, name, None, "Incomplete"))
            continue
        quiz_pct = quiz_percentage(best_three(student.quizzes))
        cw = coursework_after_penalty(student.coursework, student.days_late)
        mark = resit_capped(weighted_mark(quiz_pct, cw, exam), student.attempt)
        results.append((sid, name, mark, band(mark, exam)))

    # best first; incomplete students go to the end
    graded = [r for r in results if r[2] is not None]
    graded.sort(key=lambda r: r[2], reverse=True)
    results = graded + [r for r in results if r[2] is None]
    out = [f"{COURSE}: class summary", "=" * 50]
    for sid, name, mark, grade in results:
        shown = "--" if mark is None else str(mark)
        out.append(f"{sid:<8}{name:<24}{shown:>4}  {grade}")
    out.append("-" * 50)
    counts = []
    for name in ("Distinction", "Merit", "Pass", "Fail", "Incomplete"):
        counts.append(f"{name} {sum(1 for r in results if r[3] == name)}")
    out.append(" | ".join(counts))
    marks = [r[2] for r in results if r[2] is not None]
    if marks:
        passed = sum(1 for r in results if r[3] in ("Distinction", "Merit", "Pass"))
        out.append(f"Mean mark {sum(marks) / len(marks):.1f} over {len(marks)} students")
        out.append(f"Pass rate {100 * passed / len(marks):.0f}%")
    else:
        out.append("No final marks yet")
    for reason in skipped:
        out.append(f"Skipped {reason}")
    return "\n".join(out)


def at_risk_list(csv_path):
    flagged = []
    for line, fields in read_rows(csv_path):
        try:
            student = parse_row(line, fields)
        except ValueError:
            continue  # the class summary reports broken rows
        sid, name, exam = student.student_id, student.name, student.exam
        if exam is None:
            flagged.append((sid, name, None, "Incomplete", "no exam mark yet"))
            continue
        # all four quizzes count here: the list predates the best-three rule
        quiz_pct = quiz_percentage(student.quizzes)
        cw = coursework_after_penalty(student.coursework, student.days_late)
        mark = resit_capped(weighted_mark(quiz_pct, cw, exam), student.attempt)
        grade = band(mark, exam)
        if exam < EXAM_HURDLE:
            flagged.append((sid, name, mark, grade, "exam below the hurdle"))
        elif mark < PASS_MARK:
            flagged.append((sid, name, mark, grade, "below the pass mark"))
        elif mark < PASS_MARK + AT_RISK_MARGIN:
            flagged.append((sid, name, mark, grade, "close to the pass mark"))
        elif 0 in student.quizzes:
            flagged.append((sid, name, mark, grade, "missed a quiz"))

    # lowest first; incomplete students go to the end
    flagged.sort(key=lambda r: 101 if r[2] is None else r[2])
    out = [f"{COURSE}: students at risk", "=" * 50]
    for sid, name, mark, grade, why in flagged:
        shown = "--" if mark is None else str(mark)
        out.append(f"{sid:<8}{name:<24}{shown:>4}  {grade:<12}{why}")
    out.append("-" * 50)
    out.append(f"{len(flagged)} students at risk")
    return "\n".join(out)
