"""Load and validate `katas/<name>/kata.toml` into frozen dataclasses.

Every error names the file, the key and what was expected (docs/kata-spec.md).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from katabench.errors import SpecError
from katabench.params import build_params

KINDS = ("refactor", "pin")


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
    kind: Literal["refactor", "pin"]
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


def parse_spec(name: str, root: Path, text: str, where: str) -> Kata:
    """Parse the text of a kata.toml; `where` is how errors name the file."""
    # Imported here so that reading a spec for `kata list` stays cheap.
    from katabench.gates import GATES
    from katabench.rules import RULES

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SpecError(f"{where}: not valid TOML: {error}") from None

    unknown_tables = sorted(set(data) - {"kata", "gates", "rules", "milestones"})
    if unknown_tables:
        raise SpecError(
            f"{where}: unknown table [{unknown_tables[0]}] "
            "(expected [kata], [gates.<name>], [[rules]], [[milestones]])"
        )
    kata = _expect(data, "kata", dict, "a [kata] table", where)
    k_where = f"{where}: [kata]"
    known = {"title", "summary", "kind", "curriculum", "difficulty", "legacy", "harness", "harness_locked"}
    unknown = sorted(set(kata) - known)
    if unknown:
        raise SpecError(f"{k_where}: unknown key {unknown[0]!r} (known keys: {', '.join(sorted(known))})")
    kind = kata.get("kind", "refactor")
    if kind not in KINDS:
        raise SpecError(f"{k_where} kind: expected one of {', '.join(KINDS)}, got {kind!r}")
    difficulty = _expect(kata, "difficulty", int, "an integer from 1 to 5", k_where)
    if not 1 <= difficulty <= 5:
        raise SpecError(f"{k_where} difficulty: expected an integer from 1 to 5, got {difficulty!r}")
    locked = kata.get("harness_locked", True)
    if not isinstance(locked, bool):
        raise SpecError(f"{k_where} harness_locked: expected true or false, got {locked!r}")

    gates_table = data.get("gates", {})
    if not isinstance(gates_table, dict):
        raise SpecError(f"{where} gates: expected tables [gates.<name>], got {gates_table!r}")
    gates: list[GateSpec] = []
    for gate_name in ["approvals", *(g for g in gates_table if g != "approvals")]:
        if gate_name not in GATES:
            raise SpecError(
                f"{where}: unknown gate [gates.{gate_name}] (known gates: {', '.join(sorted(GATES))})"
            )
        raw = gates_table.get(gate_name, {})
        if not isinstance(raw, dict):
            raise SpecError(f"{where} gates.{gate_name}: expected a table, got {raw!r}")
        params = build_params(GATES[gate_name].Params, raw, f"{where}: [gates.{gate_name}]")
        gates.append(GateSpec(gate_name, params))

    rules_list = data.get("rules", [])
    if not isinstance(rules_list, list):
        raise SpecError(f"{where} rules: expected [[rules]] tables, got {rules_list!r}")
    rules: list[RuleSpec] = []
    for index, raw_rule in enumerate(rules_list, start=1):
        r_where = f"{where}: [[rules]] #{index}"
        if not isinstance(raw_rule, dict):
            raise SpecError(f"{r_where}: expected a table, got {raw_rule!r}")
        rule_id = _expect(raw_rule, "id", str, "a rule id", r_where)
        if rule_id not in RULES:
            raise SpecError(f"{r_where} id: unknown rule {rule_id!r} (known rules: {', '.join(sorted(RULES))})")
        if any(r.id == rule_id for r in rules):
            raise SpecError(f"{r_where} id: rule {rule_id!r} is configured twice; configure each rule once")
        options = {k: v for k, v in raw_rule.items() if k != "id"}
        params = build_params(RULES[rule_id].Params, options, f"{where}: [[rules]] {rule_id}")
        rules.append(RuleSpec(rule_id, params))

    gate_names = {g.name for g in gates}
    rule_ids = {r.id for r in rules}
    milestones: list[Milestone] = []
    raw_milestones = data.get("milestones", [])
    if not isinstance(raw_milestones, list):
        raise SpecError(f"{where} milestones: expected [[milestones]] tables, got {raw_milestones!r}")
    for index, raw_ms in enumerate(raw_milestones, start=1):
        m_where = f"{where}: [[milestones]] #{index}"
        if not isinstance(raw_ms, dict):
            raise SpecError(f"{m_where}: expected a table, got {raw_ms!r}")
        unknown = sorted(set(raw_ms) - {"title", "gates", "rules", "hint"})
        if unknown:
            raise SpecError(f"{m_where}: unknown key {unknown[0]!r} (known keys: gates, hint, rules, title)")
        title = _expect(raw_ms, "title", str, "a string", m_where)
        ms_gates = _string_list(raw_ms, "gates", m_where, required=False)
        ms_rules = _string_list(raw_ms, "rules", m_where, required=False)
        for gate_name in ms_gates:
            if gate_name not in gate_names:
                raise SpecError(
                    f"{m_where} gates: {gate_name!r} is not a configured gate "
                    f"(configured: {', '.join(sorted(gate_names))})"
                )
        for rule_id in ms_rules:
            if rule_id not in rule_ids:
                raise SpecError(
                    f"{m_where} rules: {rule_id!r} is not a configured rule "
                    f"(configured: {', '.join(sorted(rule_ids)) or 'none'})"
                )
        if not ms_gates and not ms_rules:
            raise SpecError(f"{m_where}: expected at least one gate or rule that tells the milestone is reached")
        hint = _expect(raw_ms, "hint", str, "a string", m_where)
        milestones.append(Milestone(title, ms_gates, ms_rules, hint))

    return Kata(
        name=name,
        root=root,
        title=_expect(kata, "title", str, "a string", k_where),
        summary=_expect(kata, "summary", str, "a one-line string", k_where),
        kind=kind,
        curriculum=_string_list(kata, "curriculum", k_where),
        difficulty=difficulty,
        legacy=_inside(root, _expect(kata, "legacy", str, "a path like 'legacy/<package>'", k_where), "legacy", k_where),
        harness=_inside(
            root, _expect(kata, "harness", str, "a path like 'characterization/<package>'", k_where), "harness", k_where
        ),
        harness_locked=locked,
        gates=tuple(gates),
        rules=tuple(rules),
        milestones=tuple(milestones),
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
