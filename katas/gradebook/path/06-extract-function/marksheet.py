"""Marksheet tool for the Bookkeeping Level 3 evening course.

The tutors keep their marks in a shared spreadsheet and export it as CSV;
the course office runs the three reports below from that file.
"""

from dataclasses import dataclass

from .records import QUIZ_MAX, find_student, read_marksheet

COURSE = "Bookkeeping Level 3"
LATE_PENALTY = 5  # coursework marks lost per day late
LATE_LIMIT = 5  # later than this, the coursework scores nothing
EXAM_HURDLE = 35  # an exam below this fails the course, whatever the total
RESIT_ATTEMPT = 2
RESIT_CAP = 40  # a resit can pass, nothing more
PASS_MARK = 40
AT_RISK_MARGIN = 5
BANDS = ((70, "Distinction"), (60, "Merit"), (PASS_MARK, "Pass"))


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


def is_resit(student):
    return student.attempt == RESIT_ATTEMPT


def resit_capped(mark, resit):
    if resit and mark > RESIT_CAP:
        return RESIT_CAP
    return mark


def band(mark, below_hurdle):
    if below_hurdle:
        return "Fail"
    for floor, name in BANDS:
        if mark >= floor:
            return name
    return "Fail"


@dataclass(frozen=True)
class Grade:
    """How a student's marks add up; no mark until the exam is sat."""

    counted_quizzes: tuple
    quiz_percentage: float
    coursework: int  # after any late penalty
    band: str
    earned: int | None = None  # before any resit cap
    mark: int | None = None
    below_hurdle: bool = False


def final_grade(student):
    """The grade the course awards: the lowest quiz is dropped."""
    return _grade(student, best_three(student.quizzes))


def screening_grade(student):
    """The grade the at-risk list works from: all four quizzes count (pinned)."""
    return _grade(student, student.quizzes)


def _grade(student, counted):
    quiz_pct = quiz_percentage(counted)
    coursework = coursework_after_penalty(student.coursework, student.days_late)
    if student.exam is None:
        return Grade(tuple(counted), quiz_pct, coursework, band="Incomplete")
    earned = weighted_mark(quiz_pct, coursework, student.exam)
    mark = resit_capped(earned, is_resit(student))
    below_hurdle = student.exam < EXAM_HURDLE
    return Grade(
        tuple(counted),
        quiz_pct,
        coursework,
        band=band(mark, below_hurdle),
        earned=earned,
        mark=mark,
        below_hurdle=below_hurdle,
    )


def risk_reason(student, grade):
    """Why the at-risk list shows the student, or None when it does not."""
    if grade.mark is None:
        return "no exam mark yet"
    if grade.below_hurdle:
        return "exam below the hurdle"
    if grade.mark < PASS_MARK:
        return "below the pass mark"
    if grade.mark < PASS_MARK + AT_RISK_MARGIN:
        return "close to the pass mark"
    if 0 in student.quizzes:
        return "missed a quiz"
    return None


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
    for name in ("Distinction", "Merit", "Pass", "Fail", "Incomplete"):
        counts.append(f"{name} {sum(1 for _, grade in results if grade.band == name)}")
    out.append(" | ".join(counts))
    marks = [grade.mark for _, grade in graded]
    if marks:
        passes = sum(1 for _, grade in graded if grade.band in ("Distinction", "Merit", "Pass"))
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
