"""Approval harness for the order-notifications kata.

Pins everything `legacy.order_notifications.run_day` sends (emails, texts,
points, audit lines and refusals, in order) for every customer in the shop's
file, every kind of job, the edges of the quiet hours and of the points
arithmetic, and every refused command.
"""

from approvaltests import verify
from approvaltests.combination_approvals import (
    verify_all_combinations_with_labeled_input,
)

from legacy.order_notifications import run_day

CUSTOMERS = {
    "C01": "Ada Whitlock (email and texts)",
    "C02": "Bram Ostler (email only, no points yet)",
    "C03": "Cass Penhaligon (texts only)",
    "C04": "Dee Marlow (Frame Club, no texts)",
    "C05": "Esme Rook (no emails)",
    "C06": "Fenwick Gallery (trade account)",
    "C07": "Gil Tamsin (Frame Club)",
    "C08": "Hal Penrose (Frame Club, consents but left no email or mobile)",
    "C99": "not in the customer file",
}

JOURNEYS = {
    "made, paid on collection": [
        "09:05 book {job} {customer} 18550",
        "09:06 pay {job} 5050",
        "15:30 ready {job}",
        "16:40 pay {job} 13500",
        "16:41 collect {job}",
    ],
    "paid up front, ready at night": [
        "10:00 book {job} {customer} 4200",
        "10:01 pay {job} 4200",
        "21:15 ready {job}",
        "21:20 collect {job}",
    ],
    "cancelled after a deposit, refunded in two goes": [
        "11:00 book {job} {customer} 9999",
        "11:01 pay {job} 2599",
        "12:00 cancel {job}",
        "12:05 refund {job} 2000",
        "12:06 refund {job} 600",
        "12:07 refund {job} 599",
        "12:08 refund {job} 1",
    ],
    "cancelled late in the evening, nothing paid": [
        "13:00 book {job} {customer} 3000",
        "21:30 cancel {job}",
    ],
}


def test_journeys_for_every_customer():
    sections = []
    for number, (customer, about) in enumerate(CUSTOMERS.items(), start=1):
        for letter, (journey, lines) in zip("ABCD", JOURNEYS.items(), strict=True):
            job = f"F-{number}{letter}"
            day = [line.format(job=job, customer=customer) for line in lines]
            sections.append(f"== {customer} {about}: {journey} ==\n{run_day(day)}")
    verify("\n\n".join(sections))


def last_command_texts(customer, command, time):
    day = [f"09:00 book F-7 {customer} 4000", f"{time} {command}"]
    sent = run_day(day).splitlines()
    texts = [line.strip() for line in sent[sent.index(day[-1]) + 1 :] if line.startswith("  sms ")]
    return " | ".join(texts) or "no text"


def test_texts_and_the_quiet_hours():
    verify_all_combinations_with_labeled_input(
        last_command_texts,
        customer=["C01", "C02", "C03", "C04", "C06"],
        command=["pay F-7 1000", "ready F-7", "cancel F-7"],
        time=["00:00", "07:59", "08:00", "08:01", "12:00", "20:59", "21:00", "21:01", "21:59", "22:00", "23:59"],
    )


def points_moved(customer, paid, refunded):
    day = [f"09:00 book F-8 {customer} 30000", f"09:10 pay F-8 {paid}", f"09:20 refund F-8 {refunded}"]
    sent = run_day(day).splitlines()
    moved = [line.strip() for line in sent if line.startswith(("  points ", "  ! "))]
    return " | ".join(moved) or "no points"


def test_points_earned_and_taken_back():
    verify_all_combinations_with_labeled_input(
        points_moved,
        customer=["C01", "C02", "C06", "C07"],
        paid=[99, 100, 101, 199, 200, 5050],
        refunded=[0, 1, 99, 100, 101, 5050, 5051],
    )


REFUSED = [
    "08:30 dust F-1",
    "08:31 pay F-1 1000",
    "08:32 book F-1 C42 12000",
    "08:33 book F-1 C01 0",
    "08:34 book F-1 C01 -5",
    "08:35 book F-1 C01 12005",
    "08:36 book F-1 C02 9000",
    "08:37 pay F-1 0",
    "08:38 pay F-1 12006",
    "08:39 collect F-1",
    "08:40 refund F-1 1",
    "08:41 refund F-1 0",
    "08:42 pay F-1 12004",
    "08:43 pay F-1 2",
    "08:44 ready F-1",
    "08:45 ready F-1",
    "08:46 collect F-1",
    "08:47 pay F-1 1",
    "08:48 collect F-1",
    "08:49 collect F-1",
    "08:50 ready F-1",
    "08:51 cancel F-1",
    "08:52 refund F-1 12006",
    "08:53 refund F-1 12005",
    "09:00 book F-2 C07 800",
    "09:01 pay F-2 1",
    "09:02 cancel F-2",
    "09:03 cancel F-2",
    "09:04 pay F-2 799",
    "09:05 ready F-2",
    "09:06 collect F-2",
    "09:07 refund F-2 5",
    "09:08 refund F-2 1",
    "09:10 book F-3 C03 1",
    "09:11 ready F-3",
    "09:12 collect F-3",
    "09:13 pay F-3 1",
    "09:14 collect F-3",
]


def test_refused_commands():
    verify(run_day(REFUSED))
