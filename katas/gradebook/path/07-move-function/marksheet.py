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


class Gradebook:
    """The layout the reports share."""

    WIDTH = 50

    def heading(self, title):
        return f"{COURSE}: {title}\n" + "=" * self.WIDTH

    def divider(self):
        return "-" * self.WIDTH


def student_report(csv_path, student_id):
    book = Gradebook()
    student = find_student(read_marksheet(csv_path), student_id)
    grade = final_grade(student)
    counted = grade.counted_quizzes
    out = [book.heading("student report")]
    resit = " (resit)" if is_resit(student) else ""
    out.append(f"Student     {student.student_id} {student.name}{resit}")
    out.append(
        "Quizzes     " + " ".join(str(q) for q in student.quizzes)
        + f"  best three {sum(counted)}/{len(counted) * QUIZ_MAX} = {grade.quiz_percentage:.1f}%"
    )
    late = student.days_late
    if late:
        out.append(f"Coursework  {student.coursework}, {late} days late -> {grade.coursework}")
    else:
        out.append(f"Coursework  {student.coursework}")
    if grade.mark is None:
        out.append("Exam        absent")
        out.append(book.divider())
        out.append("Final mark  --  Incomplete")
        return "\n".join(out)
    out.append(f"Exam        {student.exam}")
    out.append(book.divider())
    out.append(f"Final mark  {grade.mark}  {grade.band}")
    if grade.mark != grade.earned:
        out.append(f"Note: resit marks are capped at {RESIT_CAP} (earned {grade.earned})")
    if grade.below_hurdle:
        out.append(f"Note: an exam mark below {EXAM_HURDLE} fails the course")
    return "\n".join(out)


def class_summary(csv_path):
    sheet = read_marksheet(csv_path)
    results = [(student, final_grade(student)) for student in sheet.students]

    # best first; incomplete students go to the end
    graded = [r for r in results if r[1].mark is not None]
    graded.sort(key=lambda r: r[1].mark, reverse=True)
    results = graded + [r for r in results if r[1].mark is None]
    out = [f"{COURSE}: class summary", "=" * 50]
    for student, grade in results:
        shown = "--" if grade.mark is None else str(grade.mark)
        out.append(f"{student.student_id:<8}{student.name:<24}{shown:>4}  {grade.band}")
    out.append("-" * 50)
    counts = []
    for name in ALL_BANDS:
        counts.append(f"{name} {sum(1 for _, grade in results if grade.band == name)}")
    out.append(" | ".join(counts))
    marks = [grade.mark for _, grade in graded]
    if marks:
        passes = sum(1 for _, grade in graded if passed(grade))
        out.append(f"Mean mark {sum(marks) / len(marks):.1f} over {len(marks)} students")
        out.append(f"Pass rate {100 * passes / len(marks):.0f}%")
    else:
        out.append("No final marks yet")
    for problem in sheet.problems:
        out.append(f"Skipped {problem.message}")
    return "\n".join(out)


def at_risk_list(csv_path):
    flagged = []
    for student in read_marksheet(csv_path).students:  # broken rows are left out
        grade = screening_grade(student)
        reason = risk_reason(student, grade)
        if reason is not None:
            flagged.append((student, grade, reason))

    # lowest first; incomplete students go to the end
    flagged.sort(key=lambda r: 101 if r[1].mark is None else r[1].mark)
    out = [f"{COURSE}: students at risk", "=" * 50]
    for student, grade, why in flagged:
        shown = "--" if grade.mark is None else str(grade.mark)
        out.append(f"{student.student_id:<8}{student.name:<24}{shown:>4}  {grade.band:<12}{why}")
    out.append("-" * 50)
    out.append(f"{len(flagged)} students at risk")
    return "\n".join(out)
