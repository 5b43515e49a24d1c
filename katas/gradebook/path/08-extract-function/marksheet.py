"""Marksheet tool for the Bookkeeping Level 3 evening course.

The tutors keep their marks in a shared spreadsheet and export it as CSV;
the course office runs the three reports below from that file.
"""

from .grading import (
    ALL_BANDS,
    EXAM_HURDLE,
    RESIT_CAP,
    final_grade,
    is_resit,
    passed,
    risk_reason,
    screening_grade,
)
from .records import QUIZ_MAX, find_student, read_marksheet

COURSE = "Bookkeeping Level 3"
WIDTH = 50


def student_report(csv_path, student_id):
    student = find_student(read_marksheet(csv_path), student_id)
    grade = final_grade(student)
    resit = " (resit)" if is_resit(student) else ""
    out = _heading("student report")
    out.append(f"Student     {student.student_id} {student.name}{resit}")
    out.append(_quiz_line(student, grade))
    out.append(_coursework_line(student, grade))
    if grade.mark is None:
        out += ["Exam        absent", _divider(), f"Final mark  --  {grade.band}"]
    else:
        out += [f"Exam        {student.exam}", _divider(), f"Final mark  {grade.mark}  {grade.band}"]
        out += _notes(grade)
    return "\n".join(out)


def class_summary(csv_path):
    sheet = read_marksheet(csv_path)
    graded = [(student, final_grade(student)) for student in sheet.students]
    ranked = sorted(graded, key=lambda row: _rank(row[1], best_first=True))
    out = _heading("class summary")
    out += [_columns(student, grade) + grade.band for student, grade in ranked]
    out += [_divider(), _band_counts(grade for _, grade in graded)]
    out += _class_statistics([grade for _, grade in graded])
    out += [f"Skipped {problem.message}" for problem in sheet.problems]
    return "\n".join(out)


def at_risk_list(csv_path):
    flagged = []
    for student in read_marksheet(csv_path).students:  # broken rows are left out
        grade = screening_grade(student)
        reason = risk_reason(student, grade)
        if reason is not None:
            flagged.append((student, grade, reason))
    out = _heading("students at risk")
    for student, grade, why in sorted(flagged, key=lambda row: _rank(row[1], best_first=False)):
        out.append(_columns(student, grade) + f"{grade.band:<12}{why}")
    out += [_divider(), f"{len(flagged)} students at risk"]
    return "\n".join(out)


def _heading(title):
    return [f"{COURSE}: {title}", "=" * WIDTH]


def _divider():
    return "-" * WIDTH


def _quiz_line(student, grade):
    counted = grade.counted_quizzes
    marks = " ".join(str(q) for q in student.quizzes)
    best = f"best three {sum(counted)}/{len(counted) * QUIZ_MAX}"
    return f"Quizzes     {marks}  {best} = {grade.quiz_percentage:.1f}%"


def _notes(grade):
    notes = []
    if grade.mark != grade.earned:
        notes.append(f"Note: resit marks are capped at {RESIT_CAP} (earned {grade.earned})")
    if grade.below_hurdle:
        notes.append(f"Note: an exam mark below {EXAM_HURDLE} fails the course")
    return notes


def _coursework_line(student, grade):
    if student.days_late:
        late = f"{student.days_late} days late -> {grade.coursework}"
        return f"Coursework  {student.coursework}, {late}"
    return f"Coursework  {student.coursework}"


def _columns(student, grade):
    shown = "--" if grade.mark is None else str(grade.mark)
    return f"{student.student_id:<8}{student.name:<24}{shown:>4}  "


def _rank(grade, best_first):
    """Sort key: by mark (ties keep file order), students without a mark last."""
    if grade.mark is None:
        return (True, 0)
    return (False, -grade.mark if best_first else grade.mark)


def _band_counts(grades):
    bands = [grade.band for grade in grades]
    return " | ".join(f"{name} {bands.count(name)}" for name in ALL_BANDS)


def _class_statistics(grades):
    marks = [grade.mark for grade in grades if grade.mark is not None]
    if not marks:
        return ["No final marks yet"]
    passes = sum(1 for grade in grades if passed(grade))
    return [
        f"Mean mark {sum(marks) / len(marks):.1f} over {len(marks)} students",
        f"Pass rate {100 * passes / len(marks):.0f}%",
    ]
