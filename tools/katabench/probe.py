"""Measure the kata's code on a generated input, in subprocesses that are killed on overrun.

Used by the memory, speed-up and time-bound gates. The kata's probe module
(`<harness>/probe.py`, locked with the harness) generates the input and calls
the public boundary; `katabench.probe_runner` does one measurement per
process. The untouched legacy code, for ratios, is `katas/<name>/baseline/`:
it lives in the workbench, so the student's edits cannot move the baseline.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from katabench.spec import Kata
from katabench.untrusted import kill_group, popen
from katabench.workspace import stage


class ProbeError(Exception):
    """The measurement could not be made; the message says why (for the gate's details)."""


@dataclass(frozen=True)
class Overrun:
    """The measured code did not finish within its deadline."""

    seconds: float


class Probe:
    """Staged copies of the student's code and of the baseline, and one input file, for one check."""

    def __init__(self, kata: Kata, workspace: Path, probe_file: str, scratch: Path) -> None:
        self.kata = kata
        self.scratch = scratch
        self.student = scratch / "student"
        stage(kata, workspace, self.student)
        self.probe_path = self.student / kata.harness / probe_file
        if not self.probe_path.is_file():
            raise ProbeError(f"the probe {kata.harness}/{probe_file} is missing: restore the harness")
        self.input = scratch / "input.data"
        self._baseline: Path | None = None

    @property
    def baseline(self) -> Path:
        if self._baseline is None:
            source = self.kata.folder / "baseline"
            if not source.is_dir():
                raise ProbeError(
                    f"katas/{self.kata.name}/baseline/ is missing: the untouched legacy code to compare with"
                )
            self._baseline = self.scratch / "baseline"
            stage(self.kata, self.kata.root, self._baseline, code=source)
        return self._baseline

    def measure(self, root: Path, mode: str, timeout: float, size: int = 0, text: str = "") -> dict[str, Any] | Overrun:
        """One measurement in a fresh process rooted at `root` (student or baseline)."""
        request = {
            "root": str(root),
            "package": self.kata.package,
            "probe": str(self.probe_path),
            "mode": mode,
            "size": size,
            "input": str(self.input),
            "text": text,
        }
        request_file = Path(tempfile.mkstemp(prefix="probe-", suffix=".json", dir=self.scratch)[1])
        request_file.write_text(json.dumps(request), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        process = popen(
            [sys.executable, "-m", "katabench.probe_runner", str(request_file)],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
        )
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_group(process)
            return Overrun(timeout)
        lines = out.decode("utf-8", errors="replace").strip().splitlines()
        if process.returncode != 0 or not lines:
            tail = err.decode("utf-8", errors="replace").strip().splitlines()[-6:]
            raise ProbeError(f"the probe failed on {root.name}'s code (exit {process.returncode}): " + " | ".join(tail))
        result: dict[str, Any] = json.loads(lines[-1])
        return result

    def pathological_inputs(self, timeout: float) -> list[str]:
        listed = self.measure(self.student, "list", timeout)
        if isinstance(listed, Overrun):
            raise ProbeError("the probe's pathological_inputs() did not return")
        return [str(text) for text in listed["inputs"]]
