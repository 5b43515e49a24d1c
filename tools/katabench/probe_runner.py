"""Runs inside a subprocess: one measurement of the kata's code on a generated input.

`python -m katabench.probe_runner REQUEST.json` reads what to measure, imports
the kata's probe module (it lives in the harness folder, locked with it),
and prints one JSON line with the result. The parent kills this process when
it overruns; nothing here trusts the student's code to finish.

The probe module defines:
    make_input(size: int, path: pathlib.Path) -> None     # writes a deterministic input file
    workload(package: module, path: pathlib.Path) -> object  # runs the kata's public boundary on it
and, for the time-bound gate:
    pathological_inputs() -> list[str]
    probe_one(package: module, text: str) -> object
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import json
import sys
import time
import tracemalloc
from pathlib import Path
from types import ModuleType
from typing import Any


def load_probe(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("katabench_probe", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load the probe {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def digest(value: object) -> str:
    """A fingerprint of a workload's result, to compare two implementations."""
    if hasattr(value, "__next__"):
        value = list(value)  # type: ignore[call-overload]
    return hashlib.sha256(repr(value).encode()).hexdigest()[:16]


def measure(request: dict[str, Any]) -> dict[str, Any]:
    sys.path.insert(0, request["root"])
    probe = load_probe(Path(request["probe"]))
    mode = request["mode"]
    if mode == "list":
        return {"inputs": [str(text) for text in probe.pathological_inputs()]}
    package = importlib.import_module(request["package"])
    if mode == "one":
        started = time.perf_counter()
        result = probe.probe_one(package, request["text"])
        return {"seconds": time.perf_counter() - started, "digest": digest(result)}
    data = Path(request["input"])
    if not data.exists():
        probe.make_input(int(request["size"]), data)
    if mode == "memory":
        tracemalloc.start()
        result = probe.workload(package, data)
        fingerprint = digest(result)  # consuming a lazy result is part of the work
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return {"peak_bytes": peak, "digest": fingerprint, "input_bytes": data.stat().st_size}
    started = time.perf_counter()
    result = probe.workload(package, data)
    fingerprint = digest(result)
    return {"seconds": time.perf_counter() - started, "digest": fingerprint, "input_bytes": data.stat().st_size}


def main() -> int:
    request = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    print(json.dumps(measure(request)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
