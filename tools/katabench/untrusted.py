"""Starting and stopping processes that run the student's code.

Such a process runs in its own session (so it and anything it started can be
killed together) under an address-space limit (so a runaway allocation fails
inside it instead of taking the machine down).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from typing import Any

MEMORY_LIMIT_BYTES = 4 * 1024**3


def limit_memory() -> None:  # pragma: no cover - runs in the child, between fork and exec
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    except (ImportError, ValueError, OSError):
        pass


def popen(command: list[str], **options: Any) -> subprocess.Popen[Any]:
    """`subprocess.Popen` in a new session, under the memory limit where the platform allows."""
    return subprocess.Popen(
        command,
        start_new_session=True,
        # Safe here: the child runs only setrlimit between fork and exec.
        preexec_fn=limit_memory if os.name == "posix" else None,  # noqa: PLW1509
        **options,
    )


def kill_group(process: subprocess.Popen[Any]) -> None:
    """Kill the process and everything in its session, then reap it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
    process.wait()
