"""Benchmarks of the practice loop: `python -m katabench.practice.bench [KATA]`.

Run from a katabench repository. Every figure is measured on temporary
copies (a git repository per scenario), never on your own work:

- TCR on a green step, a red step (save + revert) and no change, against
  the floor (the harness alone) and the classic shell script
  `pytest && git commit -am || git checkout -- <code>` (which loses the red
  attempt);
- watch mode: from a save to the start of the run it triggers;
- a mob round (start, next, done) with a bare remote, git only;
- `kata submit` without mutation testing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from katabench.check import Selection
from katabench.harness import run_harness
from katabench.practice import mob
from katabench.practice.config import MobConfig
from katabench.practice.gitops import Git
from katabench.practice.submit import submit
from katabench.practice.tcr import tcr_step
from katabench.practice.watch import watch_loop
from katabench.repo import find_root, get_kata, state_dir
from katabench.spec import Kata

REPEATS = 3
COPIED = ("katas", "legacy", "characterization", "pyproject.toml")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _median(samples: list[float]) -> str:
    return f"{statistics.median(samples):6.2f} s  (min {min(samples):.2f}, n={len(samples)})"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env={**os.environ, **GIT_ENV})


def _repository(source: Path, dest: Path) -> Path:
    import shutil

    dest.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "mutants", ".approval_tests_temp", "*.received.*")
    for name in COPIED:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, dest / name, ignore=ignore)
        elif path.exists():
            shutil.copy2(path, dest / name)
    (dest / ".gitignore").write_text(".katabench/\n__pycache__/\n", encoding="utf-8")
    _git(dest, "init", "-q", "-b", "main")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-qm", "start")
    return dest


def _python_files(kata: Kata) -> list[Path]:
    return sorted((kata.root / kata.legacy).glob("*.py"))


def bench_tcr(kata: Kata, tmp: Path) -> list[tuple[str, str]]:
    for key, value in GIT_ENV.items():
        os.environ.setdefault(key, value)
    git = Git(kata.root)
    state = state_dir(kata.root)
    target = next(p for p in _python_files(kata) if p.name != "__init__.py")
    original = target.read_text(encoding="utf-8")
    floor, unchanged, green, red, script_green, script_red = [], [], [], [], [], []
    for n in range(REPEATS):
        floor.append(_timed(lambda: run_harness(kata, kata.root)))
        unchanged.append(_timed(lambda: tcr_step(kata, git, state, driver="bench")))
        target.write_text(original + f"\n# step {n}\n", encoding="utf-8")
        green.append(_timed(lambda: tcr_step(kata, git, state, driver="bench")))
        target.write_text(target.read_text(encoding="utf-8") + "\nraise RuntimeError('red')\n", encoding="utf-8")
        red.append(_timed(lambda: tcr_step(kata, git, state, driver="bench")))
    code = kata.legacy.as_posix()
    script = (
        f"{sys.executable} -m pytest -q -p no:cacheprovider {kata.harness} >/dev/null 2>&1"
        f" && git commit -qam tcr >/dev/null || git checkout -- {code}"
    )
    for n in range(REPEATS):
        target.write_text(target.read_text(encoding="utf-8") + f"\n# script step {n}\n", encoding="utf-8")
        script_green.append(_timed(lambda: subprocess.run(["bash", "-c", script], cwd=kata.root, check=False)))
        target.write_text(target.read_text(encoding="utf-8") + "\nraise RuntimeError('red')\n", encoding="utf-8")
        script_red.append(_timed(lambda: subprocess.run(["bash", "-c", script], cwd=kata.root, check=False)))
    return [
        ("harness alone (the floor)", _median(floor)),
        ("kata tcr, no change", _median(unchanged)),
        ("kata tcr, green step (commit)", _median(green)),
        ("kata tcr, red step (save + revert)", _median(red)),
        ("shell TCR script, green step", _median(script_green)),
        ("shell TCR script, red step (attempt lost)", _median(script_red)),
    ]


def bench_watch(tmp: Path) -> list[tuple[str, str]]:
    folder = tmp / "watched"
    folder.mkdir()
    latencies: list[float] = []
    saved: list[float] = []

    def step(number: int, changed: frozenset[str]) -> bool:
        if saved:
            latencies.append(time.perf_counter() - saved[-1])
        return True

    def idle() -> None:
        saved.append(time.perf_counter())
        (folder / "code.py").write_text(f"X = {len(saved)}\n", encoding="utf-8")

    watch_loop([folder], step, idle=idle, max_runs=6)
    return [("watch: save -> run starts (debounce 100 ms)", _median(latencies))]


def bench_mob(tmp: Path) -> list[tuple[str, str]]:
    seed = tmp / "seed"
    seed.mkdir(parents=True)
    (seed / "app.py").write_text("X = 0\n", encoding="utf-8")
    _git(seed, "init", "-q", "-b", "main")
    _git(seed, "add", "-A")
    _git(seed, "commit", "-qm", "start")
    _git(tmp, "clone", "-q", "--bare", str(seed), str(tmp / "origin.git"))
    _git(tmp, "clone", "-q", str(tmp / "origin.git"), str(tmp / "alice"))
    git = Git(tmp / "alice")
    config = MobConfig(team=("alice", "bob", "carol"))
    starts, nexts, dones = [], [], []
    for n in range(REPEATS):
        starts.append(_timed(lambda: mob.start(git, config)))
        for turn in range(3):
            (tmp / "alice" / "app.py").write_text(f"X = {n}{turn}\n", encoding="utf-8")
            nexts.append(_timed(lambda: mob.next_turn(git, config)))
        dones.append(_timed(lambda: mob.done(git, config)))
    return [
        ("kata mob start (fetch, branch, push)", _median(starts)),
        ("kata mob next (commit, fetch, push)", _median(nexts)),
        ("kata mob done (sync, merge, push, delete)", _median(dones)),
    ]


def bench_submit(kata: Kata, tmp: Path) -> list[tuple[str, str]]:
    git = Git(kata.root)
    out = tmp / "submissions"
    samples = [
        _timed(lambda: submit(kata, git, state_dir(kata.root), out, selection=Selection(skip=frozenset({"mutation"}))))
        for _ in range(REPEATS)
    ]
    size = max(p.stat().st_size for p in out.iterdir())
    return [("kata submit --no-mutation", _median(samples)), ("  submission file size", f"{size / 1024:6.1f} KiB")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m katabench.practice.bench",
        description="Benchmarks of the practice loop: TCR against the harness alone and a shell TCR script, "
        "watch latency, mob commands, submit.",
    )
    parser.add_argument("kata", nargs="?", default="library-fines", help="the kata to measure (default library-fines)")
    name = parser.parse_args(argv).kata
    root = find_root()
    with tempfile.TemporaryDirectory(prefix="katabench-bench-") as tmp_name:
        tmp = Path(tmp_name)
        repo = _repository(root, tmp / "repo")
        kata = get_kata(repo, name)
        rows = [*bench_tcr(kata, tmp), *bench_watch(tmp), *bench_mob(tmp / "mob"), *bench_submit(kata, tmp)]
    width = max(len(label) for label, _ in rows)
    print(f"practice loop on {name} ({os.cpu_count()} CPUs; median of {REPEATS} unless noted)")
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
