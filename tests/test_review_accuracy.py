"""How often the detector is right: generated histories with one known refactoring per commit, and the katas'
reference paths, whose step folders name the refactoring each step applies (see katabench.review.accuracy)."""

from __future__ import annotations

from helpers import ROOT
from katabench.review.accuracy import COUNTED, JUDGED, Accuracy, measure_generated, measure_reference

SEEDS = range(6)
STEPS = 25


def test_generated_histories_meet_the_targets_for_every_type() -> None:
    accuracy = Accuracy()
    total = measure_generated(SEEDS, STEPS, accuracy)
    print(f"\n{total} generated steps\n{accuracy.table()}")
    overall = accuracy.overall
    assert total == len(SEEDS) * STEPS
    assert overall.precision >= 0.95 and overall.recall >= 0.90
    for kind in COUNTED:
        score = accuracy.by_type[kind]
        assert score.tp + score.fn >= 3, f"the generator made too few {kind} steps"
        assert score.recall >= 0.8, (kind, score.misses[:5])
        assert score.precision >= 0.9, (kind, score.false_positives[:5])


def test_the_reference_paths_of_the_judged_katas_meet_the_targets() -> None:
    judged = Accuracy()
    found = measure_reference(ROOT, judged, katas=JUDGED)
    print(f"\njudged katas ({', '.join(sorted(JUDGED))})\n{judged.table()}")
    assert {kata for kata, _step, _found in found} >= JUDGED
    overall = judged.overall
    assert overall.tp >= 30
    assert overall.precision >= 0.95, {k: s.false_positives for k, s in judged.by_type.items()}
    assert overall.recall >= 0.85, {k: s.misses for k, s in judged.by_type.items()}


def test_every_code_step_of_every_kata_has_blind_labels_and_the_detector_keeps_its_floor() -> None:
    # Blind labels were written from the diffs without the detector's output; they keep recall honest.
    from katabench.review.accuracy import detections_along_reference_paths, measure_blind
    from katabench.review.blind_labels import BLIND_LABELS

    steps = {(kata, step) for kata, step, _found in detections_along_reference_paths(ROOT)}
    assert steps == set(BLIND_LABELS), {"unlabelled": steps - set(BLIND_LABELS), "gone": set(BLIND_LABELS) - steps}
    tuned, held_out = Accuracy(), Accuracy()
    assert measure_blind(ROOT, tuned, held_out) == len(steps)
    print(f"\nblind labels, tuned katas\n{tuned.table()}\n\nblind labels, held-out katas\n{held_out.table()}")
    for accuracy in (tuned, held_out):
        assert accuracy.overall.precision >= 0.85, {k: s.false_positives for k, s in accuracy.by_type.items()}
        assert accuracy.overall.recall >= 0.40, {k: s.misses for k, s in accuracy.by_type.items()}
