"""Mob configuration: defaults < environment < user file < repository file (< command-line options).

The repository file (`.katabench-mob.toml`, committed with the project) is
shared by everyone who clones it, so it may set only shared settings: it can
never name a command to execute (anyone could otherwise make your machine run
anything on `kata mob start`) nor who you are.
"""

from __future__ import annotations

import re
import shlex
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from katabench.errors import FatalError

REPO_FILE = ".katabench-mob.toml"
ENV_PREFIX = "KATABENCH_MOB_"
# Keys whose value is run as a program: only you may set them (environment or your user file).
COMMAND_KEYS = frozenset({"notify_command"})
# Keys about you, not the team.
PERSONAL_KEYS = frozenset({"name"})
_REF_SAFE = re.compile(r"^[A-Za-z0-9._/-]+$")


@dataclass(frozen=True)
class MobConfig:
    minutes: float = 10.0  # length of one driver's turn
    team: tuple[str, ...] = ()  # the roster, in rotation order: "alice" or "Alice Doe <alice@example.org>"
    remote: str = "origin"  # the remote that carries the WIP branch ("" = never push)
    wip_prefix: str = "mob/"  # the WIP branch of base branch B is <wip_prefix>B
    name: str = ""  # who you are ("" = git's user.name)
    notify_command: tuple[str, ...] = ()  # run when a turn ends, with the announcement as last argument
    squash: bool = False  # `done` squashes the WIP commits into one (the WIP history is archived, not lost)
    push: bool = True  # `done` pushes the base branch when a remote exists
    sources: Mapping[str, str] = field(default_factory=dict, compare=False)  # key -> where its value came from


KEYS = ("minutes", "team", "remote", "wip_prefix", "name", "notify_command", "squash", "push")


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        try:
            value = float(str(value))
        except ValueError:
            raise FatalError(f"{where}: expected a number of minutes, got {value!r}") from None
    if not 0 < float(value) <= 24 * 60:
        raise FatalError(f"{where}: expected a number of minutes above 0 (and at most a day), got {value!r}")
    return float(value)


def _names(value: Any, where: str) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(item, str) for item in items):
        raise FatalError(f"{where}: expected a list of names, got {value!r}")
    names = tuple(item.strip() for item in items if item.strip())
    lowered = [member_name(n).lower() for n in names]
    duplicate = next((n for n in lowered if lowered.count(n) > 1), None)
    if duplicate:
        raise FatalError(f"{where}: {duplicate!r} is in the team twice")
    return names


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise FatalError(f"{where}: expected a string, got {value!r}")
    return value.strip()


def _prefix(value: Any, where: str) -> str:
    text = _text(value, where)
    if not text or not _REF_SAFE.match(text) or ".." in text or text.startswith(("/", "-", ".")):
        raise FatalError(f"{where}: expected a branch-name prefix such as 'mob/', got {value!r}")
    return text


def _command(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        try:
            return tuple(shlex.split(value))
        except ValueError as error:
            raise FatalError(f"{where}: not a valid command line ({error})") from None
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise FatalError(f"{where}: expected a command (a list of strings), got {value!r}")


def _flag(value: Any, where: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("1", "true", "yes", "on", "0", "false", "no", "off"):
        return value.strip().lower() in ("1", "true", "yes", "on")
    raise FatalError(f"{where}: expected true or false, got {value!r}")


PARSERS: dict[str, Callable[[Any, str], Any]] = {
    "minutes": _number,
    "team": _names,
    "remote": _text,
    "wip_prefix": _prefix,
    "name": _text,
    "notify_command": _command,
    "squash": _flag,
    "push": _flag,
}


def member_name(entry: str) -> str:
    """The name part of a roster entry: "Alice Doe <alice@x.org>" -> "Alice Doe"."""
    return entry.split("<", 1)[0].strip()


def member_email(entry: str) -> str | None:
    if "<" in entry and entry.rstrip().endswith(">"):
        return entry.split("<", 1)[1].rstrip()[:-1].strip() or None
    return None


def parse_layer(data: Mapping[str, Any], where: str, *, shared: bool) -> dict[str, Any]:
    """Validate one layer's settings; `shared` layers (the repository file) may not set commands or who you are."""
    values: dict[str, Any] = {}
    for key, raw in data.items():
        if key not in PARSERS:
            raise FatalError(f"{where}: unknown key {key!r} (known keys: {', '.join(KEYS)})")
        if shared and key in COMMAND_KEYS:
            raise FatalError(
                f"{where}: key {key!r} sets a command to execute, which the repository file may never do "
                "(anyone who can commit could make your machine run it). "
                f"Set it in your user file (~/.config/katabench/mob.toml) or in {ENV_PREFIX}{key.upper()}."
            )
        if shared and key in PERSONAL_KEYS:
            raise FatalError(
                f"{where}: key {key!r} is personal (who you are) and cannot be shared through the repository; "
                f"set it in your user file or in {ENV_PREFIX}{key.upper()}"
            )
        values[key] = PARSERS[key](raw, f"{where}: {key}")
    return values


def from_environment(env: Mapping[str, str]) -> dict[str, Any]:
    data = {key: env[ENV_PREFIX + key.upper()] for key in KEYS if ENV_PREFIX + key.upper() in env}
    return {key: PARSERS[key](value, f"environment variable {ENV_PREFIX}{key.upper()}") for key, value in data.items()}


def user_file(env: Mapping[str, str]) -> Path:
    base = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME") or Path.home()) / ".config")
    return Path(base) / "katabench" / "mob.toml"


def _read_toml(path: Path) -> dict[str, Any] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise FatalError(f"{path}: cannot be read ({error})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise FatalError(f"{path}: not valid TOML: {error}") from None


def load_config(repo_top: Path, env: Mapping[str, str], overrides: Mapping[str, Any] | None = None) -> MobConfig:
    """The settings in force: defaults < environment < user file < repository file < `overrides` (options)."""
    config = MobConfig()
    sources = dict.fromkeys(KEYS, "default")
    layers: list[tuple[str, dict[str, Any]]] = [("environment", from_environment(env))]
    user = user_file(env)
    data = _read_toml(user)
    if data is not None:
        layers.append((str(user), parse_layer(data, str(user), shared=False)))
    data = _read_toml(repo_top / REPO_FILE)
    if data is not None:
        layers.append((REPO_FILE, parse_layer(data, REPO_FILE, shared=True)))
    layers.append(("command line", dict(overrides or {})))
    for source, values in layers:
        config = replace(config, **values)
        sources.update(dict.fromkeys(values, source))
    return replace(config, sources=sources)
