"""Start the harness before katabench has finished starting up.

The harness run is the longest part of a fast check, and it only needs the
kata's layout. Reading that from kata.toml takes milliseconds, while importing
the analysis libraries takes hundreds: starting the subprocess first lets both
proceed at once. If the validated spec disagrees with what was peeked (or is
invalid), the early run is killed and discarded.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
from concurrent.futures import Future
from pathlib import Path

from katabench.harness import HarnessRun, run_harness
from katabench.spec import PeekedLayout


class HarnessPrefetch:
    def __init__(self, root: Path, layout: PeekedLayout) -> None:
        self.root = root
        self.layout = layout
        self._future: Future[HarnessRun] = Future()
        self._process: subprocess.Popen[bytes] | None = None
        self._cancelled = threading.Event()
        threading.Thread(target=self._run, name="harness-prefetch", daemon=True).start()

    def _run(self) -> None:
        try:
            run = run_harness(
                self.layout,
                self.root,
                timeout=self.layout.timeout,
                with_coverage=self.layout.coverage,
                on_start=self._started,
            )
        except BaseException as error:
            self._future.set_exception(error)
        else:
            self._future.set_result(run)

    def _started(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process
        if self._cancelled.is_set():
            self.cancel()

    def serves(self, legacy: object, harness: object, timeout: float, coverage: bool) -> bool:
        """Whether this early run is the run the validated spec asks for."""
        layout = self.layout
        return (layout.legacy, layout.harness, layout.timeout, layout.coverage) == (legacy, harness, timeout, coverage)

    def result(self) -> HarnessRun:
        return self._future.result()

    def cancel(self) -> None:
        self._cancelled.set()
        if self._process is not None and self._process.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self._process.pid, signal.SIGKILL)
