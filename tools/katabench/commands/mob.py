"""`kata mob start|next|done|status|timer|config`: driver rotation on a WIP branch (docs/practice.md)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.live import Live
from rich.text import Text

from katabench.practice import mob, view
from katabench.practice.config import KEYS, MobConfig, load_config, parse_layer
from katabench.practice.gitops import Git, open_repo
from katabench.practice.timer import command_line, spawn_notifier


def console() -> Console:
    # Not katabench.report's: that one imports every gate, and `kata mob` must start fast.
    return Console(highlight=False, soft_wrap=False)


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    given = {k: getattr(args, k) for k in ("minutes", "team") if getattr(args, k, None) is not None}
    return parse_layer(given, "command line", shared=False)


def _announce(git: Git, config: MobConfig, outcome: mob.MobOutcome) -> None:
    """Start the notifier for the end of this turn, when you configured a notify command."""
    if not config.notify_command or not outcome.turn_ends or not outcome.driver:
        return
    session = mob.load_session(git)
    if session is None:
        return
    driver = session.driver  # who drives during the turn that just started
    follower = mob.successor(session.team, driver)
    message = f"kata mob: time is up for {driver}" + (f"; {follower} drives next (kata mob next)" if follower else "")
    spawn_notifier(git.git_path(mob.SESSION_FILE), outcome.turn_ends, message, config.notify_command)


def _timer(git: Git, config: MobConfig) -> int:
    session = mob.load_session(git)
    if session is None:
        console().print("No turn is running here: kata mob start")
        return 2
    ends = datetime.fromisoformat(session.turn_ends)
    follower = mob.successor(session.team, session.driver)
    out = console()

    def left() -> float:
        return (ends - datetime.now(UTC)).total_seconds()

    if out.is_terminal:
        with Live(console=out, auto_refresh=False) as live:
            while left() > 0:
                minutes, seconds = divmod(int(left()) + 1, 60)
                line = Text(f"{session.driver} drives: {minutes:02d}:{seconds:02d} left", style="bold")
                live.update(line, refresh=True)
                time.sleep(min(1.0, max(0.05, left())))
    else:
        print(f"{session.driver} drives until {ends.astimezone():%H:%M:%S}", flush=True)
        time.sleep(max(0.0, left()))
    message = f"time is up for {session.driver}" + (f": {follower} drives next (kata mob next)" if follower else "")
    out.print(Text(message, style="bold yellow"))
    if out.is_terminal:
        out.bell()
    if config.notify_command:
        import subprocess

        subprocess.run(command_line(config.notify_command, message), timeout=60, check=False)
    return 0


def run(args: argparse.Namespace) -> int:
    git = open_repo((args.repo or Path.cwd()).resolve())
    config = load_config(git.top, os.environ, _overrides(args))
    out = console()
    action = args.mob_action
    if action == "status":
        status = mob.status(git, config)
        if args.json:
            sys.stdout.write(json.dumps(dataclasses.asdict(status), indent=2) + "\n")
        else:
            out.print(view.mob_status(status))
        return 0
    if action == "config":
        for key in KEYS:
            out.print(f"{key} = {getattr(config, key)!r}  ({config.sources.get(key, 'default')})")
        return 0
    if action == "timer":
        return _timer(git, config)
    if action == "start":
        outcome = mob.start(git, config, driver=args.driver, include_uncommitted=args.include_uncommitted)
    elif action == "next":
        outcome = mob.next_turn(git, config)
    else:
        outcome = mob.done(git, config, squash=args.squash, push_base=args.push)
    out.print(view.mob_outcome(outcome))
    sys.stdout.flush()
    _announce(git, config, outcome)
    return 0
