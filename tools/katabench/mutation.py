"""Mutation testing with mutmut 3, in a copy that never touches the student's files.

The copy lives in `.katabench/mutation/<kata>/` and persists between checks,
so mutmut's own cache (per-function hashes in `mutants/`) makes a run after a
small edit cheap. On top of it, a result is reused outright when neither the
code nor the harness changed. mutmut exits 0 with survivors, and its summary
leaves "not checked" mutants out; the score here is computed from every
mutant's recorded exit code: killed / all mutants.
"""

from __future__ import annotations

import ast
import contextlib
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import Any

from katabench.spec import Kata
from katabench.untrusted import kill_group, popen
from katabench.workspace import stage

# mutmut's exit codes per mutant (mutmut.stats.status_by_exit_code).
KILLED_CODES = frozenset({1, 3, 37})  # 37: caught by the type checker, also a kill
STATUS_BY_CODE = {
    1: "killed",
    3: "killed",
    37: "killed",
    0: "survived",
    5: "no tests",
    33: "no tests",
    34: "skipped",
    35: "suspicious",
    36: "timeout",
    24: "timeout",
    -24: "timeout",
    152: "timeout",
    255: "timeout",
    -11: "segfault",
    -9: "segfault",
    2: "interrupted",
}
_MANGLED = re.compile(r"__mutmut_(?:orig|\d+)")
NO_TEST_REACHES_A_MUTANT = "could not find any test case for any mutant"
_PROGRESS = re.compile(r"(\d+)/(\d+)\s+\S+\s+(\d+)")
CACHE_VERSION = 2


@dataclass(frozen=True)
class Mutant:
    key: str  # mutmut's name, e.g. legacy.library_fines.fines.x_fee__mutmut_3
    status: str
    path: str  # source file, relative to the workspace
    line: int
    function: str
    original: str  # the original line, stripped
    mutated: str  # the mutated line, stripped


@dataclass(frozen=True)
class MutationRun:
    """Outcome of one mutation run (or its cached copy)."""

    ok: bool  # mutmut ran to the end and produced mutants
    error: str
    total: int
    counts: dict[str, int]
    not_killed: tuple[Mutant, ...]
    duration: float
    cached: bool

    @property
    def killed(self) -> int:
        return self.counts.get("killed", 0)

    @property
    def score(self) -> float | None:
        return self.killed / self.total if self.total else None

    def to_json(self) -> dict[str, object]:
        return {**asdict(self), "not_killed": [asdict(m) for m in self.not_killed]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MutationRun:
        return cls(
            ok=bool(data["ok"]),
            error=str(data["error"]),
            total=int(data["total"]),
            counts={str(k): int(v) for k, v in data["counts"].items()},
            not_killed=tuple(Mutant(**m) for m in data["not_killed"]),
            duration=float(data["duration"]),
            cached=True,
        )


def _tree_files(folder: Path) -> dict[str, bytes]:
    skip = ("mutants", "__pycache__", ".approval_tests_temp", ".pytest_cache")
    files = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not any(part in skip for part in relative.parts) and ".received." not in path.name:
            files[relative.as_posix()] = path.read_bytes()
    return files


def _digest(files: dict[str, bytes], prefix: str) -> str:
    h = hashlib.sha256()
    for name in sorted(files):
        if name.startswith(prefix):
            h.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return h.hexdigest()


def _config(kata: Kata, timeout_multiplier: float) -> str:
    harness_root = kata.harness.parts[0]
    return (
        "# Written by katabench for its mutation gate; regenerated on every run.\n"
        "[tool.mutmut]\n"
        f'source_paths = ["{kata.legacy}"]\n'
        f'also_copy = ["{harness_root}"]\n'
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q"]\n'
        f'pytest_add_cli_args_test_selection = ["{kata.harness}"]\n'
        "use_git_change_detection = false\n"
        f"timeout_multiplier = {timeout_multiplier}\n"
        "\n[tool.pytest.ini_options]\n"
    )


@contextlib.contextmanager
def _exclusive(folder: Path) -> Iterator[None]:
    """One mutation run per kata at a time (two terminals, watch + check)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w", encoding="utf-8") as handle:
        try:
            import fcntl

            fcntl.flock(handle, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - Windows: mutmut needs fork anyway
            pass
        yield


def _functions(files: dict[str, bytes], prefix: str) -> set[str]:
    names: set[str] = set()
    for name, data in files.items():
        if name.startswith(prefix) and name.endswith(".py"):
            names.update(f"{name}:{f}" for f in _function_lines(data.decode("utf-8", errors="replace")))
    return names


def _sync(workdir: Path, staged: dict[str, bytes], config: str, kata: Kata) -> bool:
    """Make `workdir` hold exactly `staged`, keeping unchanged files (and mtimes) for mutmut's cache.

    Returns whether mutmut's cache was kept.
    """
    current = {k: v for k, v in _tree_files(workdir).items() if k not in ("pyproject.toml", "result.json", ".lock")}
    harness, code = str(kata.harness), str(kata.legacy)
    fresh = (
        set(current) != set(staged)  # new or removed modules leave stale mutants behind
        # mutmut maps tests to functions only when it sees new tests: a changed
        # harness would not re-test survivors, and new functions get no tests.
        or _digest(current, harness) != _digest(staged, harness)
        or _functions(current, code) != _functions(staged, code)
    )
    if fresh:
        shutil.rmtree(workdir / "mutants", ignore_errors=True)
    for name in set(current) - set(staged):
        (workdir / name).unlink()
    for name, data in staged.items():
        if current.get(name) != data:
            target = workdir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    pyproject = workdir / "pyproject.toml"
    if not pyproject.exists() or pyproject.read_text(encoding="utf-8") != config:
        pyproject.write_text(config, encoding="utf-8")
    return not fresh and (workdir / "mutants").is_dir()


def _run_mutmut(workdir: Path, timeout: float, progress: Callable[[str], None]) -> tuple[int | None, str]:
    env = {
        **os.environ,
        "APPROVALTESTS_DISABLE_SCRIPT_DOWNLOADS": "1",
        "APPROVAL_TESTS_USE_REPORTER": "approvaltests.reporters.report_quietly.ReportQuietly",
    }
    env.pop("PYTHONPATH", None)
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(os.cpu_count() or 2)]
    process = popen(
        command, cwd=workdir, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
    )
    chunks: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        last = ""
        stream = process.stdout.fileno()
        for raw in iter(lambda: os.read(stream, 4096), b""):
            text = raw.decode("utf-8", errors="replace")
            chunks.append(text)
            for match in _PROGRESS.finditer(text):
                message = f"mutation testing: {match[1]}/{match[2]} mutants, {match[3]} killed"
                if message != last:
                    progress(message)
                    last = message

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        code: int | None = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(process)
        code = None
    reader.join(timeout=5)
    output = "".join(chunks)
    # Keep the readable lines of mutmut's spinner-heavy output.
    lines = [part.strip() for part in re.split(r"[\r\n]", output) if part.strip()]
    return code, "\n".join(lines[-30:])


def _sweep_received(workdir: Path) -> None:
    """Each killed mutant leaves a received file (one per process, see the harness conftest)."""
    for received in (workdir / "mutants").rglob("*.received.*"):
        received.unlink(missing_ok=True)


def _function_lines(source: str) -> dict[str, int]:
    """{mutmut's mangled name: def line}: `x_fee` and `xǁLoanǁfee` for methods."""
    lines: dict[str, int] = {}
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return lines
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lines[f"x_{node.name}"] = node.lineno
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                    lines[f"x\u01c1{node.name}\u01c1{item.name}"] = item.lineno
    return lines


def _describe(workdir: Path, relative: str, key: str, status: str) -> Mutant:
    """Where a mutant sits in the original source, and what it changed."""
    mangled = key.rsplit(".", 1)[-1]
    function = mangled.rsplit("__mutmut_", 1)[0]
    readable = function[2:] if function.startswith("x_") else function[1:].strip("\u01c1").replace("\u01c1", ".")
    source_path = workdir / relative
    mutated_path = workdir / "mutants" / relative
    line, original, mutated = 0, "", ""
    try:
        spans = json.loads((workdir / "mutants" / f"{relative}.spans").read_text(encoding="utf-8"))["spans"]
        mutated_lines = mutated_path.read_text(encoding="utf-8").splitlines()
        start, end = spans[f"{function}__mutmut_orig"]
        m_start, m_end = spans[mangled]
        orig_body = mutated_lines[start - 1 : end]
        mutant_body = mutated_lines[m_start - 1 : m_end]
        # A span may start with blank lines; its def line differs from the mutant's by the name only.
        pairs = list(zip(orig_body, mutant_body, strict=False))
        offset = next((i for i, (a, b) in enumerate(pairs) if _MANGLED.sub("", a) != _MANGLED.sub("", b)), 0)
        def_offset = next(
            (i for i, text in enumerate(orig_body) if text.lstrip().startswith(("def ", "async def "))), 0
        )
        original = orig_body[offset].strip() if offset < len(orig_body) else ""
        mutated = mutant_body[offset].strip() if offset < len(mutant_body) else ""
        def_line = _function_lines(source_path.read_text(encoding="utf-8")).get(function, 0)
        line = def_line + offset - def_offset if def_line else 0
    except (OSError, KeyError, ValueError, IndexError):
        pass
    return Mutant(key, status, relative, line, readable, original, mutated)


def _read_results(workdir: Path, sources: list[str]) -> tuple[int, Counter[str], list[Mutant]]:
    counts: Counter[str] = Counter()
    not_killed: list[Mutant] = []
    total = 0
    for relative in sources:
        meta = workdir / "mutants" / f"{relative}.meta"
        if not meta.exists():
            continue
        data = json.loads(meta.read_text(encoding="utf-8"))
        for key, code in sorted(data.get("exit_code_by_key", {}).items()):
            total += 1
            status = "not checked" if code is None else STATUS_BY_CODE.get(code, "suspicious")
            counts[status] += 1
            if status != "killed":
                not_killed.append(_describe(workdir, relative, key, status))
    return total, counts, not_killed


def run_mutation(
    kata: Kata,
    workspace: Path,
    state: Path,
    *,
    timeout_multiplier: float = 15.0,
    timeout: float = 1800.0,
    progress: Callable[[str], None] = lambda message: None,
) -> MutationRun:
    """Mutation-test the kata's code in `workspace` with its harness."""
    workdir = state / "mutation" / kata.name
    started = time.perf_counter()
    with _exclusive(workdir), tempfile.TemporaryDirectory(prefix="katabench-mutation-") as tmp:
        staging = Path(tmp)
        stage(kata, workspace, staging)
        (staging / "pytest.ini").unlink()  # the config lives in pyproject.toml
        staged = _tree_files(staging)
        config = _config(kata, timeout_multiplier)
        key = hashlib.sha256(
            f"{CACHE_VERSION}|{metadata.version('mutmut')}|{config}|{_digest(staged, '')}".encode()
        ).hexdigest()
        cache = workdir / "result.json"
        if cache.exists():
            with contextlib.suppress(ValueError, KeyError, TypeError):
                cached = json.loads(cache.read_text(encoding="utf-8"))
                if cached.get("key") == key:
                    return MutationRun.from_json(cached["run"])
        progress("mutation testing: preparing mutants")
        reused = _sync(workdir, staged, config, kata)
        code, output = _run_mutmut(workdir, timeout, progress)
        _sweep_received(workdir)
        sources = sorted(n for n in staged if n.startswith(f"{kata.legacy}/") and n.endswith(".py"))
        total, counts, not_killed = _read_results(workdir, sources)
        if reused and (counts.get("no tests") or counts.get("not checked")):
            # mutmut's incremental test mapping can be stale: confirm from scratch.
            progress("mutation testing: re-running from scratch to confirm untested mutants")
            shutil.rmtree(workdir / "mutants", ignore_errors=True)
            code, output = _run_mutmut(workdir, timeout, progress)
            _sweep_received(workdir)
            total, counts, not_killed = _read_results(workdir, sources)
    duration = time.perf_counter() - started
    if code is None:
        return MutationRun(
            False,
            f"mutmut did not finish within {timeout:g} s",
            total,
            dict(counts),
            tuple(not_killed),
            duration,
            False,
        )
    if code != 0 and NO_TEST_REACHES_A_MUTANT in output and total:
        # mutmut stops early when no test runs any mutated function: every mutant survives untested.
        counts = Counter({"no tests": total})
        not_killed = [replace(m, status="no tests") for m in not_killed]
        code = 0
    if code != 0 or total == 0:
        reason = (
            "mutmut generated no mutants (code at module level is not mutated)"
            if code == 0
            else (f"mutmut failed (exit {code}):\n{output}")
        )
        return MutationRun(False, reason, total, dict(counts), tuple(not_killed), duration, False)
    run = MutationRun(True, "", total, dict(counts), tuple(not_killed), duration, False)
    cache.write_text(json.dumps({"key": key, "run": run.to_json()}), encoding="utf-8")
    return run
