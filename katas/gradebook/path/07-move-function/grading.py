"""The grading rules of the course, one function each, over the marks as read."""

from collections.abc import Sequence
from dataclasses import dataclass

from .records import QUIZ_MAX, StudentMarks

LATE_PENALTY = 5  # coursework marks lost per day late
LATE_LIMIT = 5  # later than this, the coursework scores nothing
EXAM_HURDLE = 35  # an exam below this fails the course, whatever the total
RESIT_ATTEMPT = 2
RESIT_CAP = 40  # a resit can pass, nothing more
PASS_MARK = 40
AT_RISK_MARGIN = 5
BANDS = ((70, "Distinction"), (60, "Merit"), (PASS_MARK, "Pass"))
FAIL = "Fail"
INCOMPLETE = "Incomplete"
ALL_BANDS = tuple(name for _, name in BANDS) + (FAIL, INCOMPLETE)


@dataclass(frozen=True)
class Grade:
    """How a student's marks add up; no mark until the exam is sat."""

    counted_quizzes: tuple[int, ...]
    quiz_percentage: float
    coursework: int  # after any late penalty
    band: str
    earned: int | None = None  # before any resit cap
    mark: int | None = None
    below_hurdle: bool = False


def final_grade(student: StudentMarks) -> Grade:
    """The grade the course awards: the lowest quiz is dropped."""
    return _grade(student, best_three(student.quizzes))


def screening_grade(student: StudentMarks) -> Grade:
    """The grade the at-risk list works from: all four quizzes count (pinned)."""
    return _grade(student, student.quizzes)


def risk_reason(student: StudentMarks, grade: Grade) -> str | None:
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


def passed(grade: Grade) -> bool:
    return grade.band not in (FAIL, INCOMPLETE)


def is_resit(student: StudentMarks) -> bool:
    return student.attempt == RESIT_ATTEMPT


def best_three(quizzes: Sequence[int]) -> tuple[int, ...]:
    """The quizzes that count: the lowest of the four is dropped."""
    return tuple(sorted(quizzes)[1:])


def quiz_percentage(quizzes: Sequence[int]) -> float:
    return sum(quizzes) * 100 / (len(quizzes) * QUIZ_MAX)


def coursework_after_penalty(coursework: int, days_late: int) -> int:
    if days_late > LATE_LIMIT:
        return 0
    return max(0, coursework - days_late * LATE_PENALTY)


def weighted_mark(quiz_pct: float, coursework: int, exam: int) -> int:
    """Quizzes 20%, coursework 30%, exam 50%, rounded half up to a whole mark."""
    total = quiz_pct * 0.2 + coursework * 0.3 + exam * 0.5
    return int(total + 0.5)


def resit_capped(mark: int, resit: bool) -> int:
    if resit and mark > RESIT_CAP:
        return RESIT_CAP
    return mark


def band(mark: int, below_hurdle: bool) -> str:
    if below_hurdle:
        return FAIL
    for floor, name in BANDS:
        if mark >= floor:
            return name
    return FAIL


def _grade(student: StudentMarks, counted: tuple[int, ...]) -> Grade:
    quiz_pct = quiz_percentage(counted)
    coursework = coursework_after_penalty(student.coursework, student.days_late)
    if student.exam is None:
        return Grade(counted, quiz_pct, coursework, band=INCOMPLETE)
    earned = weighted_mark(quiz_pct, coursework, student.exam)
    mark = resit_capped(earned, is_resit(student))
    below_hurdle = student.exam < EXAM_HURDLE
    return Grade(
        counted,
        quiz_pct,
        coursework,
        band=band(mark, below_hurdle),
        earned=earned,
        mark=mark,
        below_hurdle=below_hurdle,
    )
