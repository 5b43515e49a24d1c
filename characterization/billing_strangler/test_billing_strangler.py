"""Approval harness for the billing-strangler kata.

Pins the public boundary of `legacy.billing_strangler` (bill_account,
preview_invoice, leak_credit, BillingSettings) across every tariff, meter
size, flag and the edge values of every block, threshold and cap.

Every case runs three times: with the default settings and with each engine
named explicitly ("v1" and "v2"). When the three agree, the line shows the
one result; when they do not, the line says so and shows all three, so a
student who breaks only one path sees exactly which one.
"""

from approvaltests import verify
from approvaltests.combination_approvals import (
    verify_all_combinations_with_labeled_input,
)

from legacy.billing_strangler import (
    BillingSettings,
    bill_account,
    leak_credit,
    preview_invoice,
)

ENGINES = ("v1", "v2")


def attempt(call):
    try:
        return call()
    except Exception as error:  # the harness records every failure as text
        return f"{type(error).__name__}: {error}"


def on_every_engine(operation, *args):
    """Run one case on the default settings and on each engine; they must agree."""
    outcomes = {"default": attempt(lambda: operation(*args))}
    for engine in ENGINES:
        outcomes[engine] = attempt(lambda: operation(*args, settings=BillingSettings(engine=engine)))
    if len(set(outcomes.values())) == 1:
        return outcomes["default"]
    return "ENGINES DISAGREE: " + " | ".join(f"{name}: {outcome}" for name, outcome in outcomes.items())


def dollars(cents):
    sign = "-" if cents < 0 else ""
    return f"{sign}${abs(cents) // 100}.{abs(cents) % 100:02d}"


def show_bill(bill):
    return (
        f"{bill.account}: water {dollars(bill.water)}, standing {dollars(bill.standing)}, "
        f"sewer {dollars(bill.sewer)}, concession {dollars(bill.concession)}, total {dollars(bill.total)}"
    )


def show_credit(note):
    return (
        f"{note.account}: excess {note.excess} m3, water {dollars(note.water)}, "
        f"sewer {dollars(note.sewer)}, total {dollars(note.total)}"
    )


def billed(account, reading, **settings):
    return show_bill(bill_account(account, reading, **settings))


def previewed(account, reading, **settings):
    return preview_invoice(account, reading, **settings)


def credited(account, reading, usual, **settings):
    return show_credit(leak_credit(account, reading, usual, **settings))


ACCOUNTS = [
    "BR-1001;DOM;15;",
    "BR-1002;DOM;20;S",
    "BR-1003;DOM;20;SC",
    "BR-1004; dom ;25;C",
    "FM-2001;FARM;40;",
    "FM-2002;FARM;50;SC",
    "CO-3001;COM;25;S",
    "CO-3002;COM;40;C",
]


def reading(used, days=91):
    return f"04512,{4512 + used:05d},{days}"


# just below, at and just above every block edge (farm 10, domestic 15 and 40)
USED = [0, 1, 9, 10, 11, 14, 15, 16, 39, 40, 41, 75]
READINGS = (
    [reading(used) for used in USED]
    + [reading(0, 7)]  # a week's standing charge on 15mm ends in 4 tenths: a stray tenth shows
    + [reading(20, days) for days in (1, 120)]
    + ["99990,00015,92", "99999,00000,91"]  # the meter went round
)


def test_bills():
    verify_all_combinations_with_labeled_input(
        lambda account, reading: on_every_engine(billed, account, reading),
        account=ACCOUNTS,
        reading=READINGS,
    )


def test_previews():
    transcript = []
    for account in ACCOUNTS:
        for read in [reading(used) for used in (0, 10, 11, 15, 16, 40, 41)] + ["99990,00015,92"]:
            transcript.append(f"{account} / {read}\n{on_every_engine(previewed, account, read)}")
    verify("\n\n".join(transcript))


def test_preview_totals_against_bills():
    def totals(account, reading):
        preview = on_every_engine(previewed, account, reading).splitlines()[-1].split()[-1]
        bill = on_every_engine(billed, account, reading).split()[-1]
        same = "same" if preview == bill else "DIFFERENT"
        return f"preview {preview}, bill {bill}: {same}"

    verify_all_combinations_with_labeled_input(
        totals,
        account=["BR-1002;DOM;20;S", "BR-1003;DOM;20;SC", "BR-1004; dom ;25;C", "FM-2001;FARM;40;", "CO-3001;COM;25;S"],
        reading=[reading(used, days) for used in (1, 11, 17, 41, 43) for days in (30, 91)],
    )


def test_leak_credits():
    verify_all_combinations_with_labeled_input(
        lambda account, reading, usual: on_every_engine(credited, account, reading, usual),
        account=[
            "BR-1002;DOM;20;S",
            "BR-1001;DOM;15;",
            "BR-1003; dom ;15;SC",
            "FM-2002;FARM;40;S",
            "CO-3001;COM;25;S",
            "CO-3002;COM;50;",
        ],
        reading=[reading(0), reading(30), reading(55), "99990,00290,91"],
        usual=[-1, 0, 5, 11, 16, 19, 20, 21, 41, 45, 60],
    )


def test_invalid_records_are_refused_in_order():
    operations = {
        "bill": billed,
        "preview": lambda account, reading, **settings: previewed(account, reading, **settings).splitlines()[-1],
        "leak": lambda account, reading, **settings: credited(account, reading, -1, **settings),
    }
    verify_all_combinations_with_labeled_input(
        lambda operation, account, reading: on_every_engine(operations[operation], account, reading),
        operation=list(operations),
        account=[
            "BR-1042;DOM;20;S",
            "BR-1042;DOM;20",
            "BR-1042;DOM;20;S;",
            " ;DOM;20;S",
            "BR-1042;IND;20;S",
            "BR-1042;DOM;32;S",
            "BR-1042;DOM; 20;S",
            "BR-1042;DOM;20;s",
            "BR-1042;DOM;20;SX",
        ],
        reading=[
            "04512,04587,91",
            " 4512 , 4587 , 91 ",
            "04512,04587",
            "04512,-4587,91",
            "04512,45x7,91",
            "100000,00005,90",
            "04512,100000,90",
            "99999,99999,90",
            "04512,04587,0",
            "04512,04587,1",
            "04512,04587,120",
            "04512,04587,121",
        ],
    )


def test_engine_setting():
    operations = {
        "bill": billed,
        "preview": lambda account, reading, **settings: previewed(account, reading, **settings).splitlines()[-1],
        "leak": lambda account, reading, **settings: credited(account, reading, 10, **settings),
    }

    def run(operation, engine, account):
        settings = BillingSettings() if engine is None else BillingSettings(engine=engine)
        return attempt(lambda: operations[operation](account, "04512,04587,91", settings=settings))

    verify_all_combinations_with_labeled_input(
        run,
        operation=list(operations),
        engine=[None, "v1", "v2", "V2", "", "v3"],
        account=["BR-1042;DOM;20;S", "BR-1042;IND;20;S"],
    )
