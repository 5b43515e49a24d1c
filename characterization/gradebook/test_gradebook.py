"""Approval harness for the gradebook kata.

Drives the three public reports of `legacy.gradebook` with marksheets written
to a temporary folder: a whole class with a student at every band boundary,
broken rows of every kind, edge files (empty, header only), and a grid of
one-student marksheets that crosses every grading rule with every other.
"""

import itertools

from approvaltests import verify
from approvaltests.combination_approvals import verify_all_combinations_with_labeled_input

from legacy.gradebook import at_risk_list, class_summary, student_report

HEADER = "student,name,q1,q2,q3,q4,coursework,days_late,exam,attempt\n"

# One row per student; the comment says what the row is there for.
CLASS_ROWS = [
    "S101,Amira Haddad,15,12,,18,68,3,61,1",  # ordinary, a blank quiz, late
    "S102,Ben Cole,20,20,19,20,90,,85,",  # distinction, blank attempt
    "S103,Carys Pugh,6,6,6,0,45,0,40,1",  # 39.5 rounds up to a pass
    "S104,Dev Malhotra,6,6,6,6,45,0,39,1",  # 39.0: fail
    "S105,Elin Jones,14,9,16,12,55,0,58,1",  # 59.5 rounds up to merit
    "S106,Farid Azimi,14,9,16,12,53,0,59,1",  # 59.4: pass
    "S107,Greta Lind,18,15,18,11,75,0,60,1",  # 69.5 rounds up to distinction
    "S108,Hugo Blanc,17,15,18,11,75,0,60,1",  # 69.2: merit
    "S109,Ines Duarte,20,20,20,20,100,0,34,1",  # exam one below the hurdle
    "S110,Jonah Price,10,10,10,10,50,0,35,1",  # exam at the hurdle
    "S111,Kemi Adeyemi,16,16,16,16,80,0,56,2",  # resit, 68 capped to 40
    "S112,Lars Berg,6,6,6,6,45,0,41,2",  # resit at exactly 40
    "S113,Mona Aziz,6,6,6,6,45,0,43,2",  # resit at 41, capped
    "S114,Nils Ek,6,6,6,6,45,0,39,2",  # resit at 39
    "S115,Olga Petrova,12,12,12,12,80,5,60,1",  # five days late: the limit
    "S116,Pavel Novak,17,16,16,0,80,6,60,1",  # six days late: nothing
    "S117,Quinn Reilly,17,16,16,0,7,2,60,1",  # penalty larger than the mark
    "S118,Rosa Marin,12,14,15,9,70,0,,1",  # no exam yet
    "S119,Sami Virtanen,13,13,13,13,35,0,41,1",  # 44: close to the pass mark
    "S120,Tara Singh,13,13,13,13,35,0,43,1",  # 45: not at risk
    "S121,Uma Rao,20,20,20,20,100,0,100,1",  # full marks
    "S122,Victor Hale,12,12,12,12,60,0,abc,1",  # exam not a number
    "S123,Wen Li,12,12,12,12,60,0,50",  # a field short
    "S124,Xavier Roux,21,12,12,12,60,0,50,1",  # quiz above 20
    "S125,Yara Nasser,12,12,12,12,60,61,50,1",  # days late above 60
    "S126,Zoe Adams,5,5,5,5,20,0,36,3",  # attempt 3 (would be at risk if read)
    "S127,Aled Morgan,12,-3,12,12,60,0,50,1",  # negative quiz
    "S128,Bea Kovacs,12,12,12,12,7.5,0,50,1",  # coursework not whole
    "S129,Cai Wen,12,12,12,12,60,0,50,1,extra",  # a field too many
    "",  # a blank line
    "S130,Dara Quinn, 14 , 11 ,13 , 9 , 66 , , 52 , ",  # spaces around cells
    "S131,Emre Kaya,20,20,20,20,100,60,100,1",  # days late at the maximum 60
    "S132,Fay Moss,12,12,12,12,101,0,50,2",  # coursework above 100, a resit
    "S133,Gil Amsel,12,12,12,12,60,0,101,2",  # exam above 100, a resit
    "S134,Hana Sato,12,12,12,12,60,0,50,0",  # attempt 0 counts as a first attempt
    "S135,Ivo Dimov,12,12,12,12,60,0,,2",  # resit, no exam yet
    "S102,Ben Cole (old row),1,1,1,1,1,,1,1",  # duplicate id: the report takes the first
    " S136 ,Jia Tan,11,11,11,11,49,1,45,1",  # spaces around the id, one day late
    "S137,Kofi Mensah,0,0,0,0,0,0,0,1",  # nothing at all
    "S138,Lena Vogel,20,0,0,0,0,0,70,1",  # drop-lowest matters most
    "S139,Mei Hoshino,17,16,16,0,,0,60,1",  # blank coursework; 46.3
    "S140,Nadia Perez,20,20,20,20,8,0,40,1",  # 42.4
    "S141,Oskar Wiik,20,20,20,0,50,0,80,1",  # 70 on all four quizzes
    "S142,Pia Lund,20,20,20,0,50,0,60,1",  # 60 on all four quizzes
]


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def outcome(call):
    try:
        return call()
    except Exception as error:  # the transcript records errors too
        return f"raises {type(error).__name__}: {error}"


def edge_files(tmp_path):
    return {
        "whole class": write(tmp_path, "class.csv", HEADER + "\n".join(CLASS_ROWS) + "\n"),
        "empty file": write(tmp_path, "empty.csv", ""),
        "header only": write(tmp_path, "header.csv", HEADER),
        "no exams yet": write(
            tmp_path,
            "no-exams.csv",
            HEADER + "S201,Ana Lopes,10,10,10,10,50,,,1\nS202,Bo Chen,5,5,5,5,20,,,\n",
        ),
        "every row broken": write(
            tmp_path, "broken.csv", HEADER + "S301,Al Bee,x,1,1,1,1,1,1,1\nS302\n"
        ),
        "one of each band": write(
            tmp_path,
            "bands.csv",
            HEADER
            + "S401,Ada Ng,20,20,20,0,80,0,80,1\n"  # 84 distinction
            + "S402,Bea Oti,12,12,12,0,65,0,65,1\n"  # 64 merit
            + "S403,Cy Pak,10,10,10,0,45,0,50,1\n"  # 49 pass
            + "S404,Di Roe,5,5,5,0,20,0,36,1\n"  # 29 fail
            + "S405,Ed Sol,20,20,20,20,99,0,20,1\n"  # 60, but the exam fails
            + "S406,Flo Tu,8,8,8,8,40,2,,1\n",  # incomplete
        ),
    }


def test_student_reports(tmp_path):
    path = write(tmp_path, "class.csv", HEADER + "\n".join(CLASS_ROWS) + "\n")
    empty = write(tmp_path, "empty.csv", "")
    cases = [(path, f"S{n}") for n in range(101, 143)] + [(path, "S999"), (path, "s101")]
    cases += [(path, ""), (empty, "S101")]
    transcript = []
    for csv_path, student_id in cases:
        label = "empty file" if csv_path == empty else "class"
        transcript.append(f"### student_report({label}, {student_id!r})")
        transcript.append(outcome(lambda: student_report(csv_path, student_id)))
        transcript.append("")
    verify("\n".join(transcript))


def test_class_summaries(tmp_path):
    transcript = []
    for label, path in edge_files(tmp_path).items():
        transcript.append(f"### class_summary: {label}")
        transcript.append(outcome(lambda: class_summary(path)))
        transcript.append("")
    verify("\n".join(transcript))


def test_at_risk_lists(tmp_path):
    transcript = []
    for label, path in edge_files(tmp_path).items():
        transcript.append(f"### at_risk_list: {label}")
        transcript.append(outcome(lambda: at_risk_list(path)))
        transcript.append("")
    verify("\n".join(transcript))


def test_rules_grid(tmp_path):
    """One student per marksheet; every report reduced to its verdict line."""
    counter = itertools.count()

    def verdicts(quizzes, coursework, days_late, exam, attempt):
        row = f"S500,Grid Student,{quizzes},{coursework},{days_late},{exam},{attempt}\n"
        path = write(tmp_path, f"grid{next(counter)}.csv", HEADER + row)
        report = [line for line in student_report(path, "S500").splitlines()[4:] if line[0] != "-"]
        summary = class_summary(path).splitlines()[2].split()[-2:]
        risk = at_risk_list(path).splitlines()[2]
        flagged = " ".join(risk.split()[4:]) if risk.startswith("S500") else "no"
        return " | ".join([*report, "summary " + " ".join(summary), "at risk: " + flagged])

    verify_all_combinations_with_labeled_input(
        verdicts,
        quizzes=["20,20,20,20", "0,15,15,15", "18,,9,12"],
        coursework=["100", "44", "3"],
        days_late=["", "1", "5", "6"],
        exam=["34", "35", "70", ""],
        attempt=["1", "2"],
    )
