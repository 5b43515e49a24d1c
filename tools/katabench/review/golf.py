"""Refactoring golf: a stroke per step, more for a red or hand-made one, against the kata's par.

The par is the reference path scored by the same rules: every step of it is
green (the honesty tests prove it), so its strokes are its steps, up to the
first that reaches the target, plus one for each step the detector cannot
name. A student's card counts the steps up to
the first commit that reaches the target (every static gate and design rule
passes, harness not red), or every step when the target is not reached.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from katabench.review.model import CommitReview, Golf
from katabench.review.verdicts import is_hand_made


def par(steps: Sequence[tuple[Sequence[object], bool]]) -> int:
    """Strokes of the reference path: per step, the refactorings found and whether the target holds after it."""
    total = 0
    for found, reached in steps:
        total += 1 if found else 2
        if reached:
            break
    return total


def scorecard(commits: Sequence[CommitReview], reached: Mapping[str, bool], par_strokes: int | None) -> Golf:
    """The golf card of a reviewed sequence; `reached[sha]` tells whether the target holds at that commit."""
    strokes = steps = red = hand_made = 0
    reached_at: str | None = None
    for commit in commits:
        strokes += commit.strokes
        if commit.strokes:
            steps += 1
            if commit.harness.light == "red" or commit.facts.unparseable:
                red += 1
            if is_hand_made(commit.facts):
                hand_made += 1
        if reached.get(commit.facts.sha):
            reached_at = commit.facts.sha
            break
    return Golf(
        strokes,
        par_strokes,
        steps,
        red,
        hand_made,
        reached_at is not None,
        reached_at,
        summary(strokes, par_strokes, red=red, hand_made=hand_made, reached=reached_at is not None, steps=steps),
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(strokes: int, par_strokes: int | None, *, red: int, hand_made: int, reached: bool, steps: int) -> str:
    par_text = f"par {par_strokes}" if par_strokes is not None else "no par (the kata has no reference path)"
    if reached:
        head = f"reached the target in {_plural(strokes, 'stroke')}, {par_text}"
    else:
        head = f"target not reached after {_plural(strokes, 'stroke')} ({_plural(steps, 'step')}), {par_text}"
    extras = []
    if red:
        extras.append(_plural(red, "red step"))
    if hand_made:
        extras.append(_plural(hand_made, "hand-made step"))
    return ", ".join([head, *extras])
