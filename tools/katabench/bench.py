"""Benchmarks (`nox -s bench`): katabench against the bare tools, measured in the same run.

- `kata check <kata> --no-mutation` against a bare `pytest` run of the same
  harness: median wall time of each, as a ratio (target ≤ 1.5);
  also after an edit (a comment appended to the kata's code before every run,
  so no cache of ours or mypy's can skip work);
- the mutation gate against a bare `mutmut run` on the same staged code, both
  cold: median ratio (target ≤ 1.1); and the mutation gate run again with no
  change (target ≤ 2 s).

Figures are ratios of medians measured back to back on the same machine,
never absolute times compared with constants measured elsewhere.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from katabench.mutation import _config, run_mutation
from katabench.repo import find_root
from katabench.spec import Kata, load_kata
from katabench.workspace import stage

COPIED = ("katas", "legacy", "characterization", "pyproject.toml")


@dataclass(frozen=True)
class Figure:
    name: str
    ours: float  # median seconds
    peer: float | None  # median seconds of the bare tool
    target: str
    runs: int

    @property
    def ratio(self) -> float | None:
        return self.ours / self.peer if self.peer else None


def _median(action: Callable[[], object], runs: int, before: Callable[[], None] = lambda: None) -> float:
    times = []
    for _ in range(runs):
        before()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _nothing() -> None:
    """No preparation."""


def _paired(
    ours: Callable[[], object],
    peer: Callable[[], object],
    runs: int,
    before_ours: Callable[[], None] = _nothing,
    before_peer: Callable[[], None] = _nothing,
) -> tuple[float, float]:
    """Medians of both, alternating run by run so a change in machine load hits both alike.

    The `before_*` preparations are not timed.
    """
    ours_times: list[float] = []
    peer_times: list[float] = []
    for _ in range(runs):
        for action, before, times in ((ours, before_ours, ours_times), (peer, before_peer, peer_times)):
            before()
            started = time.perf_counter()
            action()
            times.append(time.perf_counter() - started)
    return statistics.median(ours_times), statistics.median(peer_times)


def _run(command: list[str], cwd: Path) -> None:
    subprocess.run(command, cwd=cwd, capture_output=True, check=False, timeout=1800)


def _copy_repo(root: Path, destination: Path) -> Path:
    for name in COPIED:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__", "*.received.*"))
        elif source.exists():
            shutil.copy2(source, destination / name)
    return destination


def bench_check(kata: Kata, repo: Path, runs: int) -> list[Figure]:
    check = [sys.executable, "-m", "katabench.cli", "check", kata.name, "--no-mutation", "--no-history"]
    pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(kata.harness)]
    code_file = sorted((repo / kata.legacy).glob("*.py"))[-1]
    original = code_file.read_text(encoding="utf-8")
    counter = iter(range(1_000_000))

    def edit() -> None:
        code_file.write_text(original + f"# edit {next(counter)}\n", encoding="utf-8")

    _run(check, repo)  # warm caches (mypy's incremental cache, the shared environment's pyc files)
    _run(pytest, repo)
    ours_warm, peer_warm = _paired(lambda: _run(check, repo), lambda: _run(pytest, repo), runs)
    ours_edit, peer_edit = _paired(
        lambda: _run(check, repo), lambda: _run(pytest, repo), runs, before_ours=edit, before_peer=edit
    )
    code_file.write_text(original, encoding="utf-8")
    return [
        Figure(f"{kata.name}: kata check --no-mutation / bare pytest", ours_warm, peer_warm, "≤ 1.5", runs),
        Figure(f"{kata.name}: the same, after an edit", ours_edit, peer_edit, "≤ 1.5", runs),
    ]


def bench_mutation(kata: Kata, repo: Path, runs: int) -> list[Figure]:
    state = repo / ".katabench"
    bare = repo / "bare-mutmut"

    def forget() -> None:
        shutil.rmtree(state / "mutation", ignore_errors=True)

    def prepare_bare() -> None:
        shutil.rmtree(bare, ignore_errors=True)
        bare.mkdir()
        stage(kata, repo, bare)
        (bare / "pytest.ini").unlink()
        (bare / "pyproject.toml").write_text(_config(kata, 15.0), encoding="utf-8")

    mutmut = [sys.executable, "-m", "mutmut", "run", "--max-children", str(_cpus())]
    ours, peer = _paired(
        lambda: run_mutation(kata, repo, state), lambda: _run(mutmut, bare), runs, forget, prepare_bare
    )
    again = _median(lambda: run_mutation(kata, repo, state), max(3, runs))
    return [
        Figure(f"{kata.name}: mutation gate / bare mutmut run (cold)", ours, peer, "≤ 1.1", runs),
        Figure(f"{kata.name}: mutation gate again, nothing changed", again, None, "≤ 2 s", max(3, runs)),
    ]


def _cpus() -> int:
    import os

    return os.cpu_count() or 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m katabench.bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--kata",
        action="append",
        help="kata to measure (repeatable; default: library-fines, calculator-errors, gradebook)",
    )
    parser.add_argument("--runs", type=int, default=7, help="runs per check measurement (default 7)")
    parser.add_argument(
        "--mutation-runs",
        type=int,
        default=3,
        help="runs per mutation measurement (default 3; 0 skips the mutation figures)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    root = find_root()
    names = args.kata or ["library-fines", "calculator-errors", "gradebook"]
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="katabench-bench-") as tmp:
        repo = _copy_repo(root, Path(tmp))
        for name in names:
            kata = load_kata(repo, name)
            print(f"measuring {name} ...", file=sys.stderr, flush=True)
            figures += bench_check(kata, repo, args.runs)
            if args.mutation_runs > 0:
                figures += bench_mutation(kata, repo, args.mutation_runs)
    if args.json:
        print(json.dumps([{**asdict(f), "ratio": f.ratio} for f in figures], indent=2))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title="katabench benchmarks (medians)", title_justify="left")
    for column in ("measurement", "katabench", "bare tool", "ratio", "target", "runs"):
        table.add_column(column)
    for f in figures:
        table.add_row(
            f.name,
            f"{f.ours:.2f} s",
            "—" if f.peer is None else f"{f.peer:.2f} s",
            "—" if f.ratio is None else f"{f.ratio:.2f}",
            f.target,
            str(f.runs),
        )
    Console().print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
