"""The end of a driver's turn: a detached notifier that runs your notify command when the time is up.

`kata mob start`/`next` spawn it only when you configured `notify_command`
(environment or user file, never the repository file). It sleeps until the
turn ends, checks that the session still has that turn (a later `next` or
`start` restarts the timer, and the old notifier then stays silent), and runs
the command with the announcement as its last argument (or in place of
`{message}`).

    python -m katabench.practice.timer SESSION_FILE TURN_ENDS MESSAGE -- COMMAND...
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path


def command_line(command: Sequence[str], message: str) -> list[str]:
    if any("{message}" in part for part in command):
        return [part.replace("{message}", message) for part in command]
    return [*command, message]


def spawn_notifier(session_file: Path, turn_ends: str, message: str, command: Sequence[str]) -> int:
    """Start the notifier in its own session (it outlives the kata command); returns its process id."""
    process = subprocess.Popen(
        [sys.executable, "-m", "katabench.practice.timer", str(session_file), turn_ends, message, "--", *command],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        close_fds=True,
    )
    return process.pid


def _current_turn(session_file: Path) -> str | None:
    try:
        return str(json.loads(session_file.read_text(encoding="utf-8"))["turn_ends"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 5 or args[3] != "--":
        return 2
    session_file, turn_ends, message, command = Path(args[0]), args[1], args[2], args[4:]
    try:
        wait = (datetime.fromisoformat(turn_ends) - datetime.now(UTC)).total_seconds()
    except ValueError:
        return 2
    time.sleep(max(0.0, wait))
    if _current_turn(session_file) != turn_ends:
        return 0  # the turn was restarted or the session ended: this timer is stale
    try:
        subprocess.run(command_line(command, message), timeout=60, check=False, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return 1
    return 0


if __name__ == "__main__":
    os.umask(0o077)
    raise SystemExit(main())
