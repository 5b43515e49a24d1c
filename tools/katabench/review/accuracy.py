"""Precision and recall of the detector on labelled histories.

Counting is per (commit, refactoring type): a commit labelled with a type is a
true positive when that type is detected in it, a false negative when not;
every other type detected in a commit is a false positive unless the commit's
labels list it. `extract-method` counts as `extract-function` (one type in
the issue: "extract function/method"); `add-type-hints` and `tidy` are not
refactorings of the catalogue and are not counted.

Two sources of labels:
- generated histories (`synth`): each commit applies exactly one known
  refactoring;
- the kata reference paths: each step folder names the refactoring it
  applies (`NN-<refactoring>`); `split-module` is a series of moves
  (`move-function`). Steps named outside the detector's vocabulary
  (`add-type-hints`, `introduce-guard-clauses`, ...) have no label of their
  own, so a detection there is a false positive unless listed in
  `REFERENCE_EXTRAS`: refactorings a step applies beyond its name, read from
  the step's diff and its NOTES.md (e.g. library-fines 04 "extract class" is
  also where "loan_terms is the first switch to go").
- blind labels (`katabench.review.blind_labels`): every refactoring each
  reference step applies, written from the diffs without the detector's
  output; the honest measure of recall, with some katas held out of tuning.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from katabench.review.model import TIDY_TYPES, TYPES, Refactoring

COUNTED = tuple(t for t in TYPES if t != "extract-method")
ALIASES = {"extract-method": "extract-function", "split-module": "move-function"}

# Refactorings a reference step applies beyond the one its folder names (read from diffs and NOTES.md).
REFERENCE_EXTRAS: dict[tuple[str, str], tuple[str, ...]] = {
    ("library-fines", "03-extract-class"): ("rename",),  # check_tier becomes card_tier
    ("library-fines", "04-extract-class"): ("replace-conditional-with-polymorphism", "extract-function"),
    # `overdue = card.overdue_share(fine, ...)`: the first argument of the returned Charge gets a name.
    ("library-fines", "07-inline-function"): ("extract-variable",),
    ("gradebook", "02-remove-duplication"): ("extract-function", "rename"),  # band(); `band` locals renamed
    ("gradebook", "04-introduce-parameter-object"): ("extract-variable",),  # `resit`
    # class_summary's `passed` count is `passes` (read in the pass-rate f-string)
    ("gradebook", "06-extract-function"): ("rename",),
    ("gradebook", "07-move-function"): ("extract-function",),  # passed(grade), ALL_BANDS
    ("gradebook", "09-split-module"): ("rename",),
    ("calculator-errors", "06-introduce-guard-clauses"): ("extract-function",),  # is_command, read_command
    ("calculator-errors", "07-extract-class"): ("rename",),  # register_index -> register_number
    ("calculator-errors", "08-extract-class"): ("move-function", "inline-function"),  # read_command, calculate
    # carrier_for takes delivery_days' "unknown carrier" error, as policy_for does in library-fines 04
    ("shipping-carriers", "02-extract-class"): ("replace-conditional-with-polymorphism", "extract-function"),
    ("shipping-carriers", "03-replace-conditional-with-polymorphism"): ("move-function",),  # locker_size
    ("shipping-carriers", "04-replace-conditional-with-polymorphism"): ("extract-class", "move-function"),
    # albion_check_digit moves; shipping_label's 25000 becomes the constant HEAVY_GRAMS
    ("shipping-carriers", "05-replace-conditional-with-polymorphism"): ("move-function", "extract-variable"),
    # billing.py moves, whole, to v1.py (NOTES): bill_account, preview_invoice, leak_credit, Bill, CreditNote.
    ("billing-strangler", "01-introduce-facade"): ("move-function",),
    # engine(settings) becomes check_engine(settings): the same guard, no longer returning the engine.
    ("billing-strangler", "08-remove-legacy-path"): ("rename",),
    # Mailer.send_if_wanted -> _send_if_wanted, TextMessages.send_or_hold -> _send_or_hold, send -> _post;
    # FrameClub.balance's look-up is written into _move, which replaces add and deduct.
    ("order-notifications", "03-move-function"): ("rename", "inline-function"),
    # run_day's `sent` is now `outbox`; subscribe_channels's sent, mailer, texts, trail: outbox, mail, sms, audit.
    ("order-notifications", "06-move-function"): ("rename",),
    # round_money, cash_round and fmt become Money.rounded() and Money.display(): functions gathered into a class.
    ("order-pricing", "03-replace-primitive-with-object"): ("extract-class",),
    # The percent arithmetic of price_line, apply_coupon and vat_bands moves into Percentage.taken_off and .of.
    ("order-pricing", "04-replace-primitive-with-object"): ("extract-class",),
    # PricedOrder computes goods, discount, total and payable, which price_order computed inline;
    # with_coupon is the loop body of apply_coupon, price_lines the pricing half of price_order.
    ("order-pricing", "05-change-reference-to-value"): ("extract-class", "extract-function"),
    # PricingContext moves from pricing.py to order.py, the coupon test of with_coupon to Coupon.applies_to;
    # price_line(sku, qty, context) takes an OrderLine; receive is the reading half of price_order,
    # PricedOrder._sum the sum three of its methods spelt out.
    ("order-pricing", "06-extract-class"): ("move-function", "introduce-parameter-object", "extract-function"),
    # price_order and order_confirmation move from orders.py to shop.py (NOTES: "What is left of orders.py ...").
    ("order-pricing", "08-extract-function"): ("move-function",),
    # add_play and rank become Recording.add and Recording.rank.
    ("playlist-dedupe", "07-replace-array-with-object"): ("extract-class",),
    # The two copies of the checks become usable_rows; alerts' `_counts` is `counts`, summarise's `powered` `usable`.
    ("sensor-stream", "01-remove-duplication"): ("extract-function", "rename"),
    # usable_rows -> usable_readings, and `rows` -> `readings` in every stage.
    ("sensor-stream", "04-encapsulate-record"): ("rename",),
    # passing (usable_readings' loop), known_station/sensor_works/battery_charged (its checks), corrected
    # (summarise's correction loop); the `counts` parameters are `tally` now.
    ("sensor-stream", "06-replace-loop-with-generator"): ("extract-function", "rename"),
}

# Refactorings detected later that the blind labels (written without the detector's output) also name: added as
# confirmed by an independent reading, not read off the detections.
CONFIRMED_BY_BLIND_LABELS: dict[tuple[str, str], tuple[str, ...]] = {
    ("calculator-errors", "05-replace-sentinel-with-exception"): ("rename",),  # too_big -> fit
    ("calculator-errors", "08-extract-class"): ("extract-function",),
    ("gradebook", "02-remove-duplication"): ("move-function",),
    ("gradebook", "05-split-module"): ("rename",),
    ("gradebook", "06-extract-function"): ("extract-variable",),
    ("gradebook", "07-move-function"): ("extract-variable",),
    ("gradebook", "08-extract-function"): ("rename", "extract-variable", "move-function"),
    ("library-fines", "03-extract-class"): ("extract-variable",),  # reading_material
    ("order-notifications", "02-extract-class"): ("move-function",),
    ("order-notifications", "03-move-function"): ("extract-variable",),
    ("order-pricing", "03-replace-primitive-with-object"): ("inline-function",),
    ("playlist-dedupe", "07-replace-array-with-object"): ("rename",),
    ("sensor-stream", "04-encapsulate-record"): ("extract-class",),  # Reading
    ("sensor-stream", "07-extract-class"): ("rename", "extract-function"),
    ("shipping-carriers", "07-extract-function"): ("rename",),
}

# Refactorings a step folder names that its diff does not apply (read from diffs and NOTES.md).
# (gradebook's Marksheet in 05, Grade in 06 and AtRisk in 09 were once listed as parameter objects: like
# StudentMarks, they are records replacing returned tuples, and no parameter list changes.)
REFERENCE_NOT_APPLIED: dict[tuple[str, str], tuple[str, ...]] = {
    # StudentMarks replaces the seven-value tuple parse_row returned (NOTES); no function's parameters change.
    ("gradebook", "04-introduce-parameter-object"): ("introduce-parameter-object",),
    # Account and Reading are written "next to the old [engine] and not yet wired in" (NOTES): no function's
    # parameters change in this step; the new engine's functions take them from step 04 on, as new code.
    ("billing-strangler", "03-introduce-parameter-object"): ("introduce-parameter-object",),
}


# The katas whose steps were read one by one for REFERENCE_EXTRAS: their figures are the judged ones.
# (payroll-pin is a pin kata: its steps are harnesses, with no code to detect refactorings in.)
JUDGED = frozenset(
    {
        "access-log-parser",
        "billing-strangler",
        "bug-hunt",
        "calculator-errors",
        "gradebook",
        "library-fines",
        "order-notifications",
        "order-pricing",
        "playlist-dedupe",
        "sensor-stream",
        "shipping-carriers",
    }
)


# Blind labels (katabench.review.blind_labels) were written from the diffs without the detector's output.
# The detector may be tuned against those of the other katas; these stay out of tuning, to measure it.
BLIND_HELD_OUT = frozenset(
    {"access-log-parser", "billing-strangler", "bug-hunt", "order-notifications", "playlist-dedupe"}
)


def counted(kind: str) -> str | None:
    kind = ALIASES.get(kind, kind)
    return kind if kind in COUNTED else None


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Accuracy:
    by_type: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in COUNTED})

    def add(self, where: str, labels: Iterable[str], found: Sequence[Refactoring]) -> None:
        wanted = {c for c in (counted(label) for label in labels) if c}
        detected = {c for c in (counted(r.type) for r in found if r.type not in TIDY_TYPES) if c}
        for kind in wanted & detected:
            self.by_type[kind].tp += 1
        for kind in wanted - detected:
            self.by_type[kind].fn += 1
            self.by_type[kind].misses.append(where)
        for kind in detected - wanted:
            self.by_type[kind].fp += 1
            self.by_type[kind].false_positives.append(where)

    @property
    def overall(self) -> Score:
        total = Score()
        for score in self.by_type.values():
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
        return total

    def table(self) -> str:
        lines = [f"{'type':40} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7}"]
        for kind, s in [*self.by_type.items(), ("overall", self.overall)]:
            lines.append(f"{kind:40} {s.tp:4} {s.fp:4} {s.fn:4} {s.precision:9.2f} {s.recall:7.2f}")
        return "\n".join(lines)


def step_labels(kata: str, step: str) -> list[str]:
    from katabench.review.demo import step_label

    absent = REFERENCE_NOT_APPLIED.get((kata, step), ())
    extras = (*REFERENCE_EXTRAS.get((kata, step), ()), *CONFIRMED_BY_BLIND_LABELS.get((kata, step), ()))
    return [label for label in (step_label(step), *extras) if label not in absent]


def read_package(folder: Path, prefix: str) -> dict[str, str]:
    return {
        f"{prefix}/{p.relative_to(folder).as_posix()}": p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*.py"))
        if "__pycache__" not in p.parts
    }


def detections_along_reference_paths(
    root: Path, katas: Iterable[str] | None = None
) -> Iterator[tuple[str, str, list[Refactoring]]]:
    """(kata, step folder, refactorings detected from the previous step) along every code kata's reference path."""
    from katabench.repo import get_kata, kata_names
    from katabench.review.detect import detect

    for name in kata_names(root) if katas is None else sorted(katas):
        kata = get_kata(root, name)
        steps = kata.steps()
        if not steps or kata.kind == "pin":  # a pin kata's steps are harnesses, not code
            continue
        prefix = str(kata.legacy)
        before = read_package(root / kata.legacy, prefix)
        for step in steps:
            after = read_package(step, prefix)
            yield name, step.name, detect(before, after)
            before = after


def measure_reference(
    root: Path, accuracy: Accuracy, judged: Accuracy | None = None, katas: Iterable[str] | None = None
) -> list[tuple[str, str, list[Refactoring]]]:
    """Detect along the katas' reference paths (`judged` gets the JUDGED katas only); returns what was found."""
    found_all = []
    for name, step, found in detections_along_reference_paths(root, katas):
        accuracy.add(f"{name}/{step}", step_labels(name, step), found)
        if judged is not None and name in JUDGED:
            judged.add(f"{name}/{step}", step_labels(name, step), found)
        found_all.append((name, step, found))
    return found_all


def measure_blind(root: Path, tuned: Accuracy, held_out: Accuracy) -> int:
    """Score the detector against the blind labels (katabench.review.blind_labels); returns the steps scored.

    `held_out` gets the katas kept out of the detector's tuning (BLIND_HELD_OUT), `tuned` the others.
    """
    from katabench.review.blind_labels import BLIND_LABELS

    count = 0
    for name, step, found in detections_along_reference_paths(root):
        labels = BLIND_LABELS.get((name, step))
        if labels is None:
            continue
        (held_out if name in BLIND_HELD_OUT else tuned).add(f"{name}/{step}", list(labels), found)
        count += 1
    return count


def measure_generated(seeds: Iterable[int], steps: int, accuracy: Accuracy) -> int:
    from katabench.review.detect import detect
    from katabench.review.synth import history

    total = 0
    for seed in seeds:
        for index, step in enumerate(history(seed, steps)):
            found = detect(step.before, step.after)
            accuracy.add(f"seed {seed} step {index} ({step.type} {step.kind} {step.names})", [step.type], found)
            total += 1
    return total


def report(values: Mapping[str, Accuracy]) -> str:
    return "\n\n".join(f"{title}\n{accuracy.table()}" for title, accuracy in values.items())
