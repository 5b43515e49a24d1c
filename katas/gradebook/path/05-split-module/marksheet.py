"""Marksheet tool for the Bookkeeping Level 3 evening course.

The tutors keep their marks in a shared spreadsheet and export it as CSV;
the course office runs the three reports below from that file.
"""

from .records import QUIZ_MAX, find_student, read_marksheet

COURSE = "Bookkeeping Level 3"
LATE_PENALTY = 5  # coursework marks lost per day late
LATE_LIMIT = 5  # later than this, the coursework scores nothing
EXAM_HURDLE = 35  # an exam below this fails the course, whatever the total
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
    sheet = read_marksheet(csv_path)
    results = []
    for student in sheet.students:
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
    for problem in sheet.problems:
        out.append(f"Skipped {problem.message}")
    return "\n".join(out)


def at_risk_list(csv_path):
    flagged = []
    for student in read_marksheet(csv_path).students:  # broken rows are left out
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
