"""Load and validate `katas/<name>/kata.toml` into frozen dataclasses.

Every error names the file, the key and what was expected (docs/kata-spec.md).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Literal, Protocol

from katabench.errors import SpecError
from katabench.params import build_params

# refactor: the harness is given and locked, the student changes the code;
# pin: the code is locked, the student writes the harness (the reference path holds harness versions);
# debug: the given harness is red on purpose, the student finds and fixes the regression.
KINDS = ("refactor", "pin", "debug")


class Layout(Protocol):
    """Where a kata's code and harness are: all that staging and a harness run need."""

    @property
    def legacy(self) -> PurePosixPath: ...
    @property
    def harness(self) -> PurePosixPath: ...


@dataclass(frozen=True)
class PeekedLayout:
    """A kata's layout read without validating the spec (to start the harness early)."""

    legacy: PurePosixPath
    harness: PurePosixPath
    timeout: float
    coverage: bool


@dataclass(frozen=True)
class GateSpec:
    name: str
    params: Any


@dataclass(frozen=True)
class RuleSpec:
    id: str
    params: Any


@dataclass(frozen=True)
class Milestone:
    title: str
    gates: tuple[str, ...]
    rules: tuple[str, ...]
    hint: str

    @property
    def checks(self) -> tuple[str, ...]:
        """The result names (gate names and rule ids) this milestone is about."""
        return self.gates + self.rules


@dataclass(frozen=True)
class Kata:
    """A kata's spec, with its paths resolved against the repository root."""

    name: str
    root: Path
    title: str
    summary: str
    kind: Literal["refactor", "pin", "debug"]
    curriculum: tuple[str, ...]
    difficulty: int
    legacy: PurePosixPath
    harness: PurePosixPath
    harness_locked: bool
    gates: tuple[GateSpec, ...]
    rules: tuple[RuleSpec, ...]
    milestones: tuple[Milestone, ...]

    @property
    def folder(self) -> Path:
        return self.root / "katas" / self.name

    @property
    def spec_path(self) -> Path:
        return self.folder / "kata.toml"

    @property
    def brief_path(self) -> Path:
        return self.folder / "README.md"

    @property
    def lock_path(self) -> Path:
        return self.folder / "harness.sha256"

    @property
    def path_dir(self) -> Path:
        return self.folder / "path"

    @property
    def has_lock(self) -> bool:
        """Whether `harness.sha256` guards files: the harness, or a pin kata's code, and any baseline."""
        return self.harness_locked or self.kind == "pin" or (self.folder / "baseline").is_dir()

    @property
    def package(self) -> str:
        """The import name of the kata's code, e.g. `legacy.library_fines`."""
        return ".".join(self.legacy.parts)

    def gate(self, name: str) -> GateSpec | None:
        return next((g for g in self.gates if g.name == name), None)

    def steps(self) -> list[Path]:
        """The reference path's step folders, in order."""
        if not self.path_dir.is_dir():
            return []
        return sorted(p for p in self.path_dir.iterdir() if p.is_dir() and p.name[:2].isdigit())


def _expect(table: dict[str, Any], key: str, types: type | tuple[type, ...], what: str, where: str) -> Any:
    if key not in table:
        raise SpecError(f"{where}: missing key {key!r} ({what})")
    value = table[key]
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in _as_tuple(types)):
        raise SpecError(f"{where} {key}: expected {what}, got {value!r}")
    return value


def _as_tuple(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)


def _string_list(table: dict[str, Any], key: str, where: str, required: bool = True) -> tuple[str, ...]:
    if key not in table and not required:
        return ()
    value = _expect(table, key, list, "a list of strings", where)
    if not all(isinstance(item, str) for item in value):
        raise SpecError(f"{where} {key}: expected a list of strings, got {value!r}")
    return tuple(value)


def _inside(root: Path, raw: str, key: str, where: str) -> PurePosixPath:
    path = PurePosixPath(raw)
    resolved = (root / path).resolve()
    if path.is_absolute() or not resolved.is_relative_to(root.resolve()):
        raise SpecError(f"{where} {key}: {raw!r} is outside the repository; expected a path inside it")
    if resolved == root.resolve():
        raise SpecError(f"{where} {key}: expected a folder inside the repository, got {raw!r}")
    return path


def _tables(data: dict[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise SpecError(f"{where} {key}: expected [[{key}]] tables, got {value!r}")
    return value


def _parse_kata_table(data: dict[str, Any], where: str) -> dict[str, Any]:
    kata: dict[str, Any] = _expect(data, "kata", dict, "a [kata] table", where)
    k_where = f"{where}: [kata]"
    known = {"title", "summary", "kind", "curriculum", "difficulty", "legacy", "harness", "harness_locked"}
    unknown = sorted(set(kata) - known)
    if unknown:
        raise SpecError(f"{k_where}: unknown key {unknown[0]!r} (known keys: {', '.join(sorted(known))})")
    if kata.get("kind", "refactor") not in KINDS:
        raise SpecError(f"{k_where} kind: expected one of {', '.join(KINDS)}, got {kata['kind']!r}")
    difficulty = _expect(kata, "difficulty", int, "an integer from 1 to 5", k_where)
    if not 1 <= difficulty <= 5:
        raise SpecError(f"{k_where} difficulty: expected an integer from 1 to 5, got {difficulty!r}")
    if not isinstance(kata.get("harness_locked", True), bool):
        raise SpecError(f"{k_where} harness_locked: expected true or false, got {kata['harness_locked']!r}")
    if kata.get("kind") == "pin" and kata.get("harness_locked", False):
        raise SpecError(f"{k_where} harness_locked: a pin kata's harness is the student's work; expected false")
    for key in ("title", "summary"):
        _expect(kata, key, str, "a string", k_where)
    return kata


def _parse_gates(data: dict[str, Any], where: str) -> tuple[GateSpec, ...]:
    from katabench.gates import GATES

    table = data.get("gates", {})
    if not isinstance(table, dict):
        raise SpecError(f"{where} gates: expected tables [gates.<name>], got {table!r}")
    gates = []
    for name in ["approvals", *(g for g in table if g != "approvals")]:
        if name not in GATES:
            raise SpecError(f"{where}: unknown gate [gates.{name}] (known gates: {', '.join(sorted(GATES))})")
        raw = table.get(name, {})
        if not isinstance(raw, dict):
            raise SpecError(f"{where} gates.{name}: expected a table, got {raw!r}")
        gates.append(GateSpec(name, build_params(GATES[name].Params, raw, f"{where}: [gates.{name}]")))
    return tuple(gates)


def _parse_rules(data: dict[str, Any], where: str, load: bool = True) -> tuple[RuleSpec, ...]:
    """The [[rules]] tables; `load=False` checks their ids only and leaves their params unbuilt (None)."""
    registry: dict[str, Any] | None = None
    if load:
        from katabench.rules import RULES

        registry = dict(RULES)
    rules: list[RuleSpec] = []
    for index, raw in enumerate(_tables(data, "rules", where), start=1):
        r_where = f"{where}: [[rules]] #{index}"
        if not isinstance(raw, dict):
            raise SpecError(f"{r_where}: expected a table, got {raw!r}")
        rule_id = _expect(raw, "id", str, "a rule id", r_where)
        if registry is not None and rule_id not in registry:
            raise SpecError(f"{r_where} id: unknown rule {rule_id!r} (known rules: {', '.join(sorted(registry))})")
        if any(r.id == rule_id for r in rules):
            raise SpecError(f"{r_where} id: rule {rule_id!r} is configured twice; configure each rule once")
        options = {k: v for k, v in raw.items() if k != "id"}
        params = (
            None
            if registry is None
            else build_params(registry[rule_id].Params, options, f"{where}: [[rules]] {rule_id}")
        )
        rules.append(RuleSpec(rule_id, params))
    return tuple(rules)


def _check_names(names: tuple[str, ...], configured: set[str], what: str, where: str) -> None:
    for name in names:
        if name not in configured:
            raise SpecError(
                f"{where}: {name!r} is not a configured {what} (configured: {', '.join(sorted(configured)) or 'none'})"
            )


def _parse_milestones(data: dict[str, Any], gates: set[str], rules: set[str], where: str) -> tuple[Milestone, ...]:
    milestones = []
    for index, raw in enumerate(_tables(data, "milestones", where), start=1):
        m_where = f"{where}: [[milestones]] #{index}"
        if not isinstance(raw, dict):
            raise SpecError(f"{m_where}: expected a table, got {raw!r}")
        unknown = sorted(set(raw) - {"title", "gates", "rules", "hint"})
        if unknown:
            raise SpecError(f"{m_where}: unknown key {unknown[0]!r} (known keys: gates, hint, rules, title)")
        title = _expect(raw, "title", str, "a string", m_where)
        ms_gates = _string_list(raw, "gates", m_where, required=False)
        ms_rules = _string_list(raw, "rules", m_where, required=False)
        _check_names(ms_gates, gates, "gate", f"{m_where} gates")
        _check_names(ms_rules, rules, "rule", f"{m_where} rules")
        if not ms_gates and not ms_rules:
            raise SpecError(f"{m_where}: expected at least one gate or rule that tells the milestone is reached")
        milestones.append(Milestone(title, ms_gates, ms_rules, _expect(raw, "hint", str, "a string", m_where)))
    return tuple(milestones)


def parse_spec(name: str, root: Path, text: str, where: str, *, load_rules: bool = True) -> Kata:
    """Parse the text of a kata.toml; `where` is how errors name the file.

    `load_rules=False` checks the [[rules]] tables' ids only and leaves their
    params unbuilt (None): the rules' modules import LibCST, slow to load, and
    a caller that runs no rule (a metrics-only review) needs none of them.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SpecError(f"{where}: not valid TOML: {error}") from None
    unknown = sorted(set(data) - {"kata", "gates", "rules", "milestones"})
    if unknown:
        raise SpecError(
            f"{where}: unknown table [{unknown[0]}] (expected [kata], [gates.<name>], [[rules]], [[milestones]])"
        )
    kata = _parse_kata_table(data, where)
    k_where = f"{where}: [kata]"
    gates = _parse_gates(data, where)
    rules = _parse_rules(data, where, load_rules)
    legacy = _expect(kata, "legacy", str, "a path like 'legacy/<package>'", k_where)
    harness = _expect(kata, "harness", str, "a path like 'characterization/<package>'", k_where)
    return Kata(
        name=name,
        root=root,
        title=kata["title"],
        summary=kata["summary"],
        kind=kata.get("kind", "refactor"),
        curriculum=_string_list(kata, "curriculum", k_where),
        difficulty=kata["difficulty"],
        legacy=_inside(root, legacy, "legacy", k_where),
        harness=_inside(root, harness, "harness", k_where),
        harness_locked=kata.get("harness_locked", kata.get("kind") != "pin"),
        gates=gates,
        rules=rules,
        milestones=_parse_milestones(data, {g.name for g in gates}, {r.id for r in rules}, where),
    )


def load_kata(root: Path, name: str) -> Kata:
    path = root / "katas" / name / "kata.toml"
    where = f"katas/{name}/kata.toml"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError(f"{where}: missing; every kata folder needs a kata.toml") from None
    except UnicodeDecodeError as error:
        raise SpecError(f"{where}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    return parse_spec(name, root, text, where)


def peek_layout(root: Path, name: str) -> PeekedLayout | None:
    """The kata's layout, or None if the spec is not plainly readable (full loading reports why)."""
    try:
        data = tomllib.loads((root / "katas" / name / "kata.toml").read_text(encoding="utf-8"))
        kata, gates = data["kata"], data.get("gates", {})
        timeout = gates.get("approvals", {}).get("timeout", 60.0)
        legacy, harness = PurePosixPath(kata["legacy"]), PurePosixPath(kata["harness"])
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, AttributeError):
        return None
    if not (isinstance(timeout, int | float) and all(_is_inside(root, p) for p in (legacy, harness))):
        return None
    return PeekedLayout(legacy, harness, float(timeout), isinstance(gates, dict) and "coverage" in gates)


def _is_inside(root: Path, path: PurePosixPath) -> bool:
    return not path.is_absolute() and (root / path).resolve().is_relative_to(root.resolve())
