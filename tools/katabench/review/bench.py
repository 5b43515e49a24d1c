"""Benchmarks of `kata review` (run by `nox -s bench`, or `python -m katabench.review.bench`).

On one generated history of N commits (default 100, each applying a real
refactoring to a package of a dozen modules):
- a metrics-only review, cold cache, against `wily build -n N` on the same
  history (wily in its own virtualenv, made with uv: it needs radon 5.1),
  each the best of three runs (the machine is shared: the best run is the
  one least disturbed). The review is timed twice: in process (its work
  alone, imports done beforehand) and through the CLI as an instructor runs
  it (`kata review --metrics-only --format json`, a new interpreter: start,
  imports and the kata's spec included, like wily's own start);
- the same review again, read from the cache (in process, and through the CLI);
- a full review (rules and refactoring detection) and the detector alone:
  commits per second;
- the detector's precision and recall on generated histories and on the
  katas' reference paths.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from katabench.review.synth import history

KATA_TOML = """[kata]
title = "Generated history for the benchmark"
summary = "Functions, switches and callers, refactored one step at a time."
curriculum = ["G15"]
difficulty = 1
legacy = "legacy/synth"
harness = "characterization/synth"
"""


def _git(repo: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_AUTHOR_NAME="bench",
        GIT_AUTHOR_EMAIL="bench@katabench.invalid",
        GIT_COMMITTER_NAME="bench",
        GIT_COMMITTER_EMAIL="bench@katabench.invalid",
    )
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


def build_history(repo: Path, commits: int, modules: int = 12, seed: int = 2026) -> None:
    """A git repository whose first commit holds a generated package and whose next commits refactor it."""
    steps = history(seed, commits, modules=modules)
    repo.mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    (repo / "katas/synth").mkdir(parents=True)
    (repo / "katas/synth/kata.toml").write_text(KATA_TOML, encoding="utf-8")

    def write(files: dict[str, str]) -> None:
        package = repo / "legacy/synth"
        if package.exists():
            shutil.rmtree(package)
        package.mkdir(parents=True)
        for path, text in files.items():
            (package / path.split("/", 1)[1]).write_text(text, encoding="utf-8")

    write(steps[0].before)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "the legacy code")
    for index, step in enumerate(steps, start=1):
        write(step.after)
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "--allow-empty", "-m", f"step {index}: {step.type} {step.kind}".strip())


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def wily_env(folder: Path) -> Path | None:
    """A virtualenv with wily 1.25 (and its radon 5.1), made with uv; None when it cannot be made."""
    python = folder / "bin" / "python"
    if (folder / "bin" / "wily").exists():
        return folder / "bin" / "wily"
    uv = shutil.which("uv")
    if uv is None:
        try:
            from uv import find_uv_bin  # type: ignore[import-not-found,unused-ignore]

            uv = str(find_uv_bin())
        except ImportError:
            return None
    try:
        subprocess.run([uv, "venv", "-q", "--python", sys.executable, str(folder)], check=True, capture_output=True)
        subprocess.run(
            [uv, "pip", "install", "-q", "--python", str(python), "wily==1.25.0"], check=True, capture_output=True
        )
    except subprocess.CalledProcessError as error:
        print(f"  (wily could not be installed: {error.stderr.decode(errors='replace')[-300:]})")
        return None
    return folder / "bin" / "wily"


def bench_wily(wily: Path, source: Path, commits: int, tmp: Path) -> float:
    tmp.mkdir(parents=True, exist_ok=True)
    clone = tmp / "wily-clone"
    subprocess.run(["git", "clone", "-q", str(source), str(clone)], check=True)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    started = time.perf_counter()
    subprocess.run(
        [str(wily), "build", "-n", str(commits), "legacy/synth"], cwd=clone, env=env, check=True, capture_output=True
    )
    return time.perf_counter() - started


def _warm_up() -> None:
    """Import what a review uses before the clock starts: the figures are the review's work, not imports."""
    import complexipy  # noqa: F401
    import libcst  # noqa: F401
    import radon.complexity
    import radon.metrics  # noqa: F401

    import katabench.gates
    import katabench.rules  # noqa: F401


def _cli_review(repo: Path, cache: Path, jobs: int) -> list[str]:
    """`kata review --metrics-only --format json` as an instructor runs it (interpreter start and imports included)."""
    return [
        sys.executable,
        "-m",
        "katabench.cli",
        "review",
        str(repo),
        "--metrics-only",
        "--format",
        "json",
        "--jobs",
        str(jobs),
        "--cache",
        str(cache),
    ]


def bench_speed(args: argparse.Namespace, tmp: Path) -> None:
    from katabench.review.detect import detect
    from katabench.review.engine import ReviewRequest, review
    from katabench.sources import TextMemo

    repo = tmp / "history"
    print(f"generated history: {args.commits} commits", flush=True)
    build_history(repo, args.commits, args.modules)
    package = list((repo / "legacy/synth").glob("*.py"))
    lines = sum(len(p.read_text().splitlines()) for p in package)
    print(f"  the package at head: {len(package)} modules, {lines} lines")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # a user's bytecode is cached
    subprocess.run(_cli_review(repo, tmp / "cache-warm-up", 1), check=True, capture_output=True, env=env)
    in_process: dict[int, float] = {}
    through_cli: dict[int, float] = {}
    for jobs in (1, 2):
        runs = []
        for attempt in range(args.repeat):
            quick = ReviewRequest(repo, detect=False, rules=False, jobs=jobs, cache_dir=tmp / f"cache-{jobs}-{attempt}")
            TextMemo.forget_all()  # cold: nothing measured yet in this process either
            runs.append(timed(functools.partial(review, quick)))
        in_process[jobs] = min(runs)
        commands = [_cli_review(repo, tmp / f"cache-cli-{jobs}-{attempt}", jobs) for attempt in range(args.repeat)]
        through_cli[jobs] = min(
            timed(functools.partial(subprocess.run, command, check=True, capture_output=True, env=env))
            for command in commands
        )
        print(
            f"metrics-only review, cold cache, --jobs {jobs}: {in_process[jobs]:.2f} s in process "
            f"({args.commits / in_process[jobs]:.0f} commits/s), {through_cli[jobs]:.2f} s through the CLI"
        )
    warm = timed(lambda: review(quick))
    command = _cli_review(repo, tmp / "cache-cli-2-0", 2)
    cli = timed(lambda: subprocess.run(command, check=True, capture_output=True, env=env))
    print(
        f"the same review again, from the cache: {warm:.3f} s in process, {cli:.2f} s through the CLI "
        "(interpreter start and imports included)"
    )
    if not args.no_wily:
        wily = wily_env(args.wily_env)
        if wily is None:
            print("wily: not available (no uv, or no network)")
        else:
            seconds = min(bench_wily(wily, repo, args.commits, tmp / f"wily-{n}") for n in range(args.repeat))
            print(f"wily build -n {args.commits}: {seconds:.2f} s; the metrics-only review, cold cache, is faster by")
            for jobs in (1, 2):
                print(
                    f"  --jobs {jobs}: {seconds / in_process[jobs]:.1f}x in process, "
                    f"{seconds / through_cli[jobs]:.1f}x through the CLI"
                )
    full = ReviewRequest(repo, jobs=2, cache_dir=tmp / "cache-full")
    TextMemo.forget_all()
    seconds = timed(lambda: review(full))
    print(
        f"full review (metrics, rules, refactoring detection), cold cache: {seconds:.2f} s "
        f"({args.commits / seconds:.1f} commits/s)"
    )
    steps = history(2026, args.commits, modules=args.modules)
    seconds = timed(lambda: [detect(s.before, s.after) for s in steps])
    print(f"refactoring detection alone: {len(steps) / seconds:.1f} commits/s")


def bench_accuracy() -> None:
    from katabench.repo import find_root
    from katabench.review.accuracy import Accuracy, measure_blind, measure_generated, measure_reference

    generated, judged, tuned, held_out = Accuracy(), Accuracy(), Accuracy(), Accuracy()
    count = measure_generated(range(10), 25, generated)
    print(f"\naccuracy on {count} generated steps\n{generated.table()}")
    root = find_root()
    measure_reference(root, Accuracy(), judged)
    print(
        "\naccuracy on the katas' reference paths: step names plus extras judged from the diffs"
        " (extras were read off detections, so this recall is optimistic)\n" + judged.table()
    )
    steps = measure_blind(root, tuned, held_out)
    print(f"\naccuracy against blind labels ({steps} steps), katas the detector was tuned on\n{tuned.table()}")
    print(f"\naccuracy against blind labels, held-out katas\n{held_out.table()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--commits", type=int, default=100)
    parser.add_argument("--modules", type=int, default=12, help="modules of the generated package at the start")
    parser.add_argument("--no-wily", action="store_true", help="skip the wily comparison")
    parser.add_argument("--wily-env", type=Path, default=Path.home() / ".cache" / "katabench" / "bench-wily")
    parser.add_argument("--no-accuracy", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="timings are the best of this many runs (default 3)")
    args = parser.parse_args(argv)
    _warm_up()
    with tempfile.TemporaryDirectory(prefix="katabench-review-bench-") as name:
        bench_speed(args, Path(name))
    if not args.no_accuracy:
        bench_accuracy()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
