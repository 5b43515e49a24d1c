"""Typed parameters: raw TOML values turned into a frozen dataclass, or a clear error.

Gates and rules declare their parameters as a frozen dataclass with defaults.
`build_params` checks every key and value against the field types, so a typo in
kata.toml is reported with its key instead of being silently ignored (the
weakness of Fixit's options, its issue #455).
"""

from __future__ import annotations

import contextlib
import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from katabench.errors import SpecError

P = TypeVar("P")


@dataclasses.dataclass(frozen=True)
class NoParams:
    """For gates and rules that take no parameters."""


_SIMPLE: dict[object, tuple[str, Callable[[Any], bool]]] = {
    bool: ("true or false", lambda v: isinstance(v, bool)),
    int: ("an integer", lambda v: isinstance(v, int) and not isinstance(v, bool)),
    float: ("a number", lambda v: isinstance(v, int | float) and not isinstance(v, bool)),
    str: ("a string", lambda v: isinstance(v, str)),
}


def _describe(expected: Any) -> str:
    if expected in _SIMPLE:
        return _SIMPLE[expected][0]
    origin = typing.get_origin(expected)
    if origin is tuple:
        return f"a list of {_describe(typing.get_args(expected)[0]).removeprefix('a ')}s"
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(a) for a in typing.get_args(expected))
    return " or ".join(_describe(option) for option in typing.get_args(expected)) or str(expected)


def _convert(value: Any, expected: Any) -> Any:
    """Return `value` as `expected`, or raise TypeError."""
    origin = typing.get_origin(expected)
    if expected in _SIMPLE:
        if _SIMPLE[expected][1](value):
            return float(value) if expected is float else value
    elif origin is tuple and isinstance(value, list | tuple):
        return tuple(_convert(item, typing.get_args(expected)[0]) for item in value)
    elif origin is typing.Literal and value in typing.get_args(expected):
        return value
    elif isinstance(expected, types.UnionType):
        if value is None and type(None) in typing.get_args(expected):
            return None
        for option in typing.get_args(expected):
            with contextlib.suppress(TypeError):
                return _convert(value, option)
    raise TypeError(f"expected {_describe(expected)}, got {value!r}")


def field_types(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


def build_params(cls: type[P], raw: Mapping[str, Any], where: str) -> P:
    """Build `cls` from `raw`; `where` prefixes every error (file and table)."""
    fields = field_types(cls)
    unknown = sorted(set(raw) - set(fields))
    if unknown:
        known = ", ".join(sorted(fields)) or "none"
        raise SpecError(f"{where}: unknown parameter {unknown[0]!r} (known parameters: {known})")
    values: dict[str, Any] = {}
    for name, value in raw.items():
        try:
            values[name] = _convert(value, fields[name])
        except TypeError as error:
            raise SpecError(f"{where} {name}: {error}") from None
    missing = [
        f.name
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.name not in values and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    if missing:
        raise SpecError(f"{where}: missing required parameter {missing[0]!r}")
    try:
        return cls(**values)
    except ValueError as error:
        # __post_init__ range checks raise ValueError("key: what was expected").
        raise SpecError(f"{where} {error}") from None


def describe_params(cls: type) -> list[tuple[str, str, str]]:
    """(name, type description, default) for docs and `kata rules`."""
    rows = []
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            default = repr(f.default)
        elif f.default_factory is not dataclasses.MISSING:
            default = repr(f.default_factory())
        else:
            default = "required"
        rows.append((f.name, _describe(field_types(cls)[f.name]), default))
    return rows
