"""Refactoring detection between two versions of a package, over LibCST.

The approach of RefactoringMiner and PyRef, at the size of a kata: match
definitions by name first (same file and name; then renamed or moved ones by
the similarity of their bodies with local names anonymised), then map
statements after normalising names, and read each refactoring from what the
matching leaves:

- rename (function, method, class, parameter, variable): matched bodies whose
  statements differ only by one name, consistently;
- extract function / method: a new function, called from a matched one, made
  of the tokens that left the caller;
- inline function: a removed function whose callers stopped calling it and
  now hold its body;
- move function: the same function in another module;
- extract class: a new class whose members came from elsewhere (removed
  functions whose callers now call its methods, data moved out of a class);
- introduce parameter object: a new record class whose fields a function now
  reads through one new name, where it used several names before;
- replace conditional with polymorphism: a switch (if/elif or match on one
  subject) that disappeared, whose branches now live as one member of
  several classes;
- extract variable: a new local whose expression left a statement that is
  otherwise unchanged.

Plus two named steps that change no behaviour: `add-type-hints` (only
annotations changed) and `tidy` (only comments, docstrings or layout).
Composite refactorings subsume their parts (the classes created by a
replace-conditional-with-polymorphism are not reported again as extracted).
"""

from __future__ import annotations

import ast
import difflib
import functools
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from katabench.review.defs import (
    Branch,
    ClassInfo,
    Function,
    ModuleDefs,
    Switch,
    Tokens,
    is_name,
    read_module,
    tokens_of,
)
from katabench.review.model import Refactoring

NOISE = frozenset({"(", ")", "[", "]", "{", "}", ",", ":", ".", "self", "cls", "return", "=", "el", "else", "pass"})
_OPERATORS = frozenset(
    {"==", "!=", "<", "<=", ">", ">=", "and", "or", "not", "+", "-", "*", "/", "//", "%", "in", "is"}
)
TRIVIAL = frozenset({"0", "1", "True", "False", "None", "''", '""', "-1"})

RENAME_SIMILARITY = 0.7
MOVE_SIMILARITY = 0.5
MOVE_RENAMED_SIMILARITY = 0.85
EXTRACT_CONTAINMENT = 0.5
INLINE_CONTAINMENT = 0.6
BRANCH_SIMILARITY = 0.4
NEAR_STATEMENT = 0.75


# -- similarity ---------------------------------------------------------------------


def content(tokens: Iterable[str]) -> Counter[str]:
    """The bag of tokens that carry meaning (brackets, dots and `self` left out)."""
    return Counter(t for t in tokens if t not in NOISE)


def containment(part: Counter[str], whole: Counter[str]) -> float:
    total = sum(part.values())
    return sum((part & whole).values()) / total if total else 0.0


def bag_similarity(a: Counter[str], b: Counter[str]) -> float:
    larger = max(sum(a.values()), sum(b.values()))
    return sum((a & b).values()) / larger if larger else 0.0


def anonymise(tokens: Tokens, names: Iterable[str]) -> Tokens:
    """Local names replaced by their order of first appearance: renames vanish."""
    local = set(names)
    order: dict[str, str] = {}
    return tuple(order.setdefault(t, f"${len(order)}") if t in local else t for t in tokens)


def sequence_similarity(a: Tokens, b: Tokens) -> float:
    if not a and not b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < 0.3 or matcher.quick_ratio() < 0.3:
        return 0.0
    return matcher.ratio()


def body_similarity(old: Function, new: Function, names: Mapping[str, str]) -> float:
    before = anonymise(rename_tokens(old.tokens, names), old.locals)
    after = anonymise(new.tokens, new.locals)
    return sequence_similarity(before, after)


def _unbound_similarity(method: Function, function: Function) -> float:
    """A method compared with a module function, `self.` left out: `self.WIDTH` became the constant `WIDTH`."""
    receiver = method.params[:1]
    tokens = method.tokens
    kept = tuple(
        t
        for i, t in enumerate(tokens)
        if not (t in receiver and tokens[i + 1 : i + 2] == (".",))
        and not (t == "." and i and tokens[i - 1] in receiver)
    )
    before = anonymise(kept, method.locals - set(receiver))
    return sequence_similarity(before, anonymise(function.tokens, function.locals))


def calls(function: Function, method: bool) -> frozenset[str]:
    """What the function calls: bare names for module functions, `x.name(...)` for methods."""
    return function.method_calls if method else function.calls


def rename_tokens(tokens: Tokens, names: Mapping[str, str]) -> Tokens:
    return tuple(names.get(t, t) for t in tokens) if names else tokens


def literals(tokens: Iterable[str]) -> set[str]:
    """The numbers and strings that say something (0, 1, True, None... say little)."""
    return {t for t in tokens if (t[:1].isdigit() or t[:1] in "'\"") and t not in TRIVIAL}


def branch_score(branch: Counter[str], method: Function, data: Tokens = ()) -> float:
    """How well a method holds a switch branch: shared tokens, or every telling constant.

    `data` is the class-level data new beside the method (a rate table the method reads): the constants of a
    branch may have moved there rather than into the method's body.
    """
    values = literals(branch)
    if values and values <= set(method.tokens) | set(data):
        return 1.0
    return bag_similarity(branch, content(method.tokens))


# -- the two versions -------------------------------------------------------------


@dataclass
class Version:
    modules: dict[str, ModuleDefs]
    functions: dict[tuple[str, str], Function] = field(default_factory=dict)
    classes: dict[tuple[str, str], ClassInfo] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for module in self.modules.values():
            for function in module.functions:
                self.functions[function.key] = function
            for cls in module.classes:
                self.classes[cls.key] = cls

    def methods_of(self, cls: ClassInfo) -> list[Function]:
        return [f for f in self.functions.values() if f.path == cls.path and f.owner == cls.name]


def _short(path: str) -> str:
    return path.rsplit("/", 1)[-1]


@dataclass
class _Matching:
    """Which definition of the old version became which of the new one."""

    functions: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # old key -> new key
    classes: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # renamed or moved names, old -> new
    found: list[Refactoring] = field(default_factory=list)


class Detector:
    """One comparison of two versions; `run()` returns the refactorings, ordered."""

    def __init__(self, old: Version, new: Version) -> None:
        self.old = old
        self.new = new
        self.match = _Matching()
        self.absorbed: set[tuple[str, str]] = set()  # removed functions explained by a class refactoring
        self.class_members: set[tuple[str, str]] = set()  # added functions explained by a class refactoring
        self.polymorphic_classes: dict[tuple[str, str], set[str]] = {}  # class -> members a switch explains
        self.absorbed_by_callers: set[tuple[str, str]] = set()  # absorbed only because callers call the class
        self.inlined: set[tuple[str, str]] = set()  # removed functions whose body their callers took in

    # -- step 1: match classes and functions ------------------------------------

    def match_classes(self) -> None:
        old, new = self.old.classes, self.new.classes
        for key in old.keys() & new.keys():
            self.match.classes[key] = key
        removed = [k for k in old if k not in self.match.classes]
        added = [k for k in new if k not in self.match.classes.values()]
        for key in list(removed):
            same_name = [a for a in added if a[1] == key[1]]
            if len(same_name) == 1:
                target = same_name[0]
                self.match.classes[key] = target
                added.remove(target)
                removed.remove(key)
                self._add(
                    "move-function",
                    "class",
                    f"move class `{key[1]}` from {_short(key[0])} to {_short(target[0])}",
                    before=(key[1],),
                    after=(key[1],),
                    where=new[target],
                )
        for key in list(removed):
            methods = set(old[key].methods) - {"__init__"}
            best, score = None, 0.0
            for candidate in added:
                if candidate[0] != key[0]:
                    continue
                other = set(new[candidate].methods) - {"__init__"}
                union = methods | other
                overlap = len(methods & other) / len(union) if union else 0.0
                fields = set(old[key].fields) | {a for a, _ in old[key].attributes}
                new_fields = set(new[candidate].fields) | {a for a, _ in new[candidate].attributes}
                if not union and fields | new_fields:
                    overlap = len(fields & new_fields) / len(fields | new_fields)
                if overlap > score:
                    best, score = candidate, overlap
            if best is not None and score >= 0.6:
                self.match.classes[key] = best
                self.match.names[key[1]] = best[1]
                added.remove(best)
                self._add(
                    "rename",
                    "class",
                    f"rename class `{key[1]}` → `{best[1]}`",
                    before=(key[1],),
                    after=(best[1],),
                    where=new[best],
                )

    def _mapped_key(self, key: tuple[str, str], function: Function) -> tuple[str, str]:
        if function.owner is None:
            return key
        target = self.match.classes.get((function.path, function.owner))
        if target is None:
            return key
        return (target[0], f"{target[1]}.{function.name}")

    def match_functions(self) -> None:
        new_keys = set(self.new.functions)
        for key, function in self.old.functions.items():
            mapped = self._mapped_key(key, function)
            if mapped in new_keys:
                self.match.functions[key] = mapped
        removed = [f for k, f in self.old.functions.items() if k not in self.match.functions]
        taken = set(self.match.functions.values())
        added = [f for k, f in self.new.functions.items() if k not in taken]
        pairs: list[tuple[float, int, Function, Function, str]] = []
        for old in removed:
            for new in added:
                kind = self._pair_kind(old, new)
                if kind is None:
                    continue
                score = body_similarity(old, new, {}) if kind != "unbound" else _unbound_similarity(old, new)
                kind = "move" if kind == "unbound" else kind
                threshold = {
                    "rename": RENAME_SIMILARITY,
                    "move": MOVE_SIMILARITY if old.name == new.name else MOVE_RENAMED_SIMILARITY,
                }[kind]
                if len(old.tokens) < 4 and old.tokens != new.tokens and old.name != new.name:
                    continue  # tiny bodies look alike: only trust identical ones
                if score >= threshold:
                    pairs.append((score, int(old.name == new.name), old, new, kind))
        pairs += self._moved_with_module(removed, added, pairs)
        pairs.sort(key=lambda p: (-p[1], -p[0], p[2].key, p[3].key))
        used_old: set[tuple[str, str]] = set()
        used_new: set[tuple[str, str]] = set()
        for _score, _same, old, new, kind in pairs:
            if old.key in used_old or new.key in used_new:
                continue
            used_old.add(old.key)
            used_new.add(new.key)
            self.match.functions[old.key] = new.key
            if old.name != new.name:
                self.match.names[old.name] = new.name
            self._report_pair(old, new, kind)
        self._renamed_by_callers()

    def _report_pair(self, old: Function, new: Function, kind: str) -> None:
        if kind == "rename":
            what = "method" if new.owner else "function"
            self._add(
                "rename",
                what,
                f"rename {what} `{old.qualname}` → `{new.qualname}`",
                before=(old.qualname,),
                after=(new.qualname,),
                where=new,
            )
            return
        also = f" as `{new.name}`" if old.name != new.name else ""
        what = "method" if old.owner else "function"
        into = f" as `{new.qualname}`" if new.owner or old.owner else also
        self._add(
            "move-function",
            what,
            f"move {what} `{old.qualname}` from {_short(old.path)} to {_short(new.path)}{into}",
            before=(old.name,),
            after=(new.name,),
            where=new,
        )
        if old.name != new.name:
            # Moved under a new name (RefactoringMiner's "move and rename"): the rename is a step of its own.
            self._add(
                "rename",
                what,
                f"rename {what} `{old.name}` → `{new.name}` while moving it to {_short(new.path)}",
                before=(old.name,),
                after=(new.name,),
                where=new,
            )

    def _renamed_by_callers(self) -> None:
        """A module function rewritten under a new name: every caller of the old name now calls the new one.

        The body may have changed too much to match (`too_big(value)` answering True became `fit(value)` raising),
        but the callers say it is the same function: the same parameters, called from exactly the same places.
        """
        added = [f for f in self.added_functions() if f.owner is None and not f.is_stub]
        if not added:
            return
        pairs = self.pairs()
        # Who started calling each added function (computed once: removed x added stays cheap).
        new_callers = {f.key: {n.key for o, n in pairs if f.name in n.calls and f.name not in o.calls} for f in added}
        for old in self.removed_functions():
            if old.owner is not None:
                continue
            callers = {n.key for o, n in pairs if old.name in o.calls and old.name not in n.calls}
            same = [
                f
                for f in added
                if f.path == old.path
                and new_callers[f.key] == callers
                and (f.params == old.params or _same_but_one_parameter(old, f))
            ]
            if not callers or len(same) != 1:
                continue
            new = same[0]
            added.remove(new)
            self.match.functions[old.key] = new.key
            self.match.names[old.name] = new.name
            self._add(
                "rename",
                "function",
                f"rename function `{old.qualname}` → `{new.qualname}`",
                before=(old.qualname,),
                after=(new.qualname,),
                where=new,
            )

    def _moved_with_module(
        self, removed: list[Function], added: list[Function], pairs: list[tuple[float, int, Function, Function, str]]
    ) -> list[tuple[float, int, Function, Function, str]]:
        """Functions of a deleted module that reappear, rewritten, under the same name in one other module.

        The public functions of a module that is taken apart keep their names for their callers, while their
        bodies now delegate to what was extracted: too different to match by body, but the same functions.
        """
        paired = {p[2].key for p in pairs} | {p[3].key for p in pairs}
        gone = [f for f in removed if f.owner is None and f.path not in self.new.modules and f.key not in paired]
        fresh = [f for f in added if f.owner is None and f.key not in paired]
        found = []
        for old in gone:
            same = [f for f in fresh if f.name == old.name]
            if len(same) == 1 and sum(1 for f in gone if f.name == old.name) == 1:
                found.append((0.0, 1, old, same[0], "move"))
        return found

    def _pair_kind(self, old: Function, new: Function) -> str | None:
        if old.owner is None and new.owner is None:
            if old.path == new.path:
                return "rename" if old.name != new.name else None
            return "move"
        if old.owner is not None and new.owner is not None:
            target = self.match.classes.get((old.path, old.owner))
            return "rename" if target == (new.path, new.owner) and old.name != new.name else None
        # A method that became a module function of the same name, or the reverse into a class that was
        # already there (a new class gathering functions is an extract class).
        into_new_class = new.owner is not None and (new.path, new.owner) not in self.match.classes.values()
        if old.name != new.name and new.owner is None and (old.path, old.owner) not in self.match.classes:
            return "unbound"  # the method of a class taken apart, now a module function under another name
        return "move" if old.name == new.name and not into_new_class else None

    # -- helpers ------------------------------------------------------------------

    def _add(
        self,
        kind: str,
        sub: str,
        description: str,
        *,
        before: tuple[str, ...],
        after: tuple[str, ...],
        where: Function | ClassInfo,
    ) -> None:
        self.match.found.append(Refactoring(kind, sub, description, before, after, where.path, where.line))

    def _extracted_variable(self, name: str, where: Function) -> None:
        self._add(
            "extract-variable",
            "",
            f"extract variable `{name}` in `{where.qualname}`",
            before=(),
            after=(name,),
            where=where,
        )

    def pairs(self) -> list[tuple[Function, Function]]:
        return [(self.old.functions[o], self.new.functions[n]) for o, n in self.match.functions.items()]

    def removed_functions(self) -> list[Function]:
        return [f for k, f in self.old.functions.items() if k not in self.match.functions]

    def added_functions(self) -> list[Function]:
        taken = set(self.match.functions.values())
        return [f for k, f in self.new.functions.items() if k not in taken]

    def added_classes(self) -> list[ClassInfo]:
        taken = set(self.match.classes.values())
        return [c for k, c in self.new.classes.items() if k not in taken]

    def old_tokens(self, function: Function) -> Tokens:
        return rename_tokens(function.tokens, self.match.names)

    def removed_from(self, old: Function, new: Function) -> Counter[str]:
        return content(self.old_tokens(old)) - content(new.tokens)

    # -- step 2: replace conditional with polymorphism -----------------------------

    def new_members(self) -> tuple[dict[str, list[Function]], dict[str, list[tuple[ClassInfo, str]]]]:
        """Methods and class attributes that did not exist before, grouped by name."""
        methods: dict[str, list[Function]] = {}
        for function in self.added_functions():
            if function.owner is not None and not function.is_stub:
                methods.setdefault(function.name, []).append(function)
        attributes: dict[str, list[tuple[ClassInfo, str]]] = {}
        reverse = {v: k for k, v in self.match.classes.items()}
        for key, cls in self.new.classes.items():
            before = self.old.classes.get(reverse.get(key, ("", "")))
            old_attributes = dict(before.attributes) if before else {}
            for name, value in cls.attributes:
                if name not in old_attributes:
                    attributes.setdefault(name, []).append((cls, value))
        return methods, attributes

    def replace_conditionals(self) -> None:
        methods, attributes = self.new_members()
        for old_key, old_function in self.old.functions.items():
            new_key = self.match.functions.get(old_key)
            new_function = self.new.functions.get(new_key) if new_key else None
            for switch in old_function.switches:
                if new_function is not None and any(
                    s.subject == switch.subject and s.labelled >= switch.labelled for s in new_function.switches
                ):
                    continue  # the switch is still there
                members = self._switch_members(switch, methods, attributes)
                if not members and new_function is not None:
                    members = self._existing_members(switch, old_function, new_function)
                if not members:
                    continue
                classes = sorted({c for c, _ in members})
                names = sorted({m for _, m in members})
                for cls_key, member in members:
                    self.polymorphic_classes.setdefault(cls_key, set()).add(member)
                # Every new method of that name is the same move, matched to a branch or not.
                self.class_members.update(f.key for name in names for f in methods.get(name, []))
                where = self.new.classes[classes[0]]
                self._add(
                    "replace-conditional-with-polymorphism",
                    "",
                    f"replace conditional with polymorphism: the switch on `{switch.subject}` in "
                    f"`{old_function.qualname}` became {', '.join(f'`{n}`' for n in names)} of "
                    f"{', '.join(c[1] for c in classes)}",
                    before=(old_function.qualname,),
                    after=tuple(f"{c[1]}.{n}" for c in classes for n in names if (c, n) in members),
                    where=where,
                )

    def _switch_members(
        self,
        switch: Switch,
        methods: dict[str, list[Function]],
        attributes: dict[str, list[tuple[ClassInfo, str]]],
    ) -> set[tuple[tuple[str, str], str]]:
        """(class, member) pairs that took over the switch's branches (at least two classes)."""
        branches = [b for b in switch.branches if b.labels != ("else",)]
        data: dict[tuple[str, str], list[str]] = {}
        for owners in attributes.values():
            for cls, value in owners:
                data.setdefault(cls.key, []).extend(tokens_of(value))
        best = self._methods_for(branches, methods, data) | self._attributes_for(branches, attributes)
        if best:
            best |= self._more_methods_from(switch, methods, best)
        return best

    def _methods_for(
        self, branches: list[Branch], methods: dict[str, list[Function]], data: Mapping[tuple[str, str], list[str]]
    ) -> set[tuple[tuple[str, str], str]]:
        """New methods of one name, in several classes, that each hold one branch (with their class's new data)."""
        found: set[tuple[tuple[str, str], str]] = set()
        for name, group in methods.items():
            if len({(f.path, f.owner) for f in group}) < 2:
                continue
            taken: set[tuple[str, str]] = set()
            for branch in branches:
                bag = content(rename_tokens(branch.tokens, self.match.names))
                scored = sorted(
                    (
                        (branch_score(bag, f, tuple(data.get((f.path, f.owner or ""), ()))), f)
                        for f in group
                        if (f.path, f.owner) not in taken
                    ),
                    key=lambda pair: (-pair[0], pair[1].key),
                )
                if scored and scored[0][0] >= BRANCH_SIMILARITY and scored[0][1].owner is not None:
                    taken.add((scored[0][1].path, scored[0][1].owner))
            if len(taken) >= 2 and len(taken) >= len(branches) / 2:
                found |= {(c, name) for c in taken}
        return found

    def _existing_members(
        self, switch: Switch, old_function: Function, new_function: Function
    ) -> set[tuple[tuple[str, str], str]]:
        """Class attributes that were there before and now answer a switch that disappeared.

        Each branch is taken for a constant that one class holds as an attribute (its code, `"ALB"`), its strings
        are made of that class's other attributes (`"Albion Post Tracked 48"` of `name` and `service`), and the
        function now reads those attributes where it switched.
        """
        read = _attributes_read(new_function.tokens) - _attributes_read(old_function.tokens)
        branches = [b for b in switch.branches if b.labels != ("else",)]
        found: set[tuple[tuple[str, str], str]] = set()
        taken: set[tuple[str, str]] = set()
        for branch in branches:
            labels = {_string_value(label) for label in branch.labels} - {None}
            strings = [v for v in (_string_value(t) for t in branch.tokens) if v]
            for cls in self.new.classes.values():
                values = {name: _string_value(value) for name, value in cls.attributes}
                if cls.key in taken or not labels & set(values.values()):
                    continue
                used = {n for n, v in values.items() if n in read and v and len(v) > 2 and any(v in s for s in strings)}
                if used:
                    taken.add(cls.key)
                    found |= {(cls.key, name) for name in used}
                    break
        if len(taken) < 2 or len(taken) < len(branches) / 2:
            return set()
        return found

    @staticmethod
    def _attributes_for(
        branches: list[Branch], attributes: dict[str, list[tuple[ClassInfo, str]]]
    ) -> set[tuple[tuple[str, str], str]]:
        """New class attributes holding the constants the branches chose, one class per branch."""
        by_class: dict[tuple[str, str], dict[str, str]] = {}
        for name, owners in attributes.items():
            for cls, value in owners:
                by_class.setdefault(cls.key, {})[name] = " ".join(tokens_of(value))
        taken: set[tuple[str, str]] = set()
        matched: set[tuple[tuple[str, str], str]] = set()
        for branch in branches:
            values_in_branch = {t for t in branch.tokens if t[:1].isdigit() or t[:1] in "'\"-" or t in TRIVIAL}
            constant = " ".join(tokens_of(branch.constant)) if branch.constant else None
            options = []
            for cls_key, values in by_class.items():
                hits = {n for n, v in values.items() if v == constant or v in values_in_branch}
                telling = constant is not None or any(values[n] not in TRIVIAL for n in hits)
                if cls_key not in taken and hits and telling:
                    options.append((len(hits), cls_key, hits))
            if options:
                _, cls_key, hits = min(options, key=lambda o: (-o[0], o[1]))
                taken.add(cls_key)
                matched |= {(cls_key, n) for n in hits}
        if len(taken) < 2:
            return set()
        common = Counter(n for _, n in matched)
        return {(c, n) for c, n in matched if common[n] >= 2}

    def _more_methods_from(
        self, switch: Switch, methods: dict[str, list[Function]], best: set[tuple[tuple[str, str], str]]
    ) -> set[tuple[tuple[str, str], str]]:
        """Other new polymorphic methods made of the switch's code are part of the same move."""
        everything = content(t for b in switch.branches for t in rename_tokens(b.tokens, self.match.names))
        found: set[tuple[tuple[str, str], str]] = set()
        for name, candidates in methods.items():
            classes = {(f.path, f.owner) for f in candidates if f.owner is not None}
            if len(classes) < 2 or any(n == name for _, n in best):
                continue
            bag = Counter[str]()
            for function in candidates:
                bag |= content(function.tokens)
            if containment(bag, everything) >= EXTRACT_CONTAINMENT:
                found |= {((path, owner), name) for path, owner in classes if owner is not None}
        return found

    # -- step 3: extract class, introduce parameter object ---------------------------

    def new_classes(self) -> None:
        groups: dict[tuple[str, ...], list[ClassInfo]] = {}
        for cls in self.added_classes():
            if self._parameter_object(cls):
                continue
            evidence = self._class_evidence(cls)
            if evidence:
                groups.setdefault(tuple(evidence), []).append(cls)
        for sources, classes in groups.items():
            shown = ", ".join(f"`{c.name}`" for c in classes)
            what = "classes" if len(classes) > 1 else "class"
            self._add(
                "extract-class",
                "",
                f"extract {what} {shown} (from {', '.join(sources)})",
                before=tuple(e.strip("`") for e in sources),
                after=tuple(c.name for c in classes),
                where=classes[0],
            )

    def _parameter_object(self, cls: ClassInfo) -> bool:
        if not cls.is_data:
            return False
        fields = set(cls.fields) | {a for a, _ in cls.attributes}
        if len(fields) < 2:
            return False
        users = []
        for old, new in self.pairs():
            holders = new.locals - old.locals
            gone = old.locals - new.locals - set(self.match.names)
            tokens = new.tokens
            keyed = _dict_keys(old.tokens) & fields
            # The object must arrive as a parameter: a record built from a call (a tuple that became a record)
            # is not a parameter object.
            for holder in holders & set(new.params):
                read = {tokens[i + 2] for i in range(len(tokens) - 2) if tokens[i] == holder and tokens[i + 1] == "."}
                if len(read & keyed) >= 2:
                    continue  # `row["level"]` became `reading.level`: a dict became a record (encapsulate record)
                replaced = read & fields and len(gone & fields) >= 2 and holder in new.params
                if (len(read & fields) >= 2 and len(gone) >= 2) or replaced:
                    users.append(new.qualname)
                    break
        if not users:
            return False
        shown = ", ".join(sorted(fields & set(cls.fields or fields)))
        self._add(
            "introduce-parameter-object",
            "",
            f"introduce parameter object `{cls.name}` ({shown}) in {', '.join(f'`{u}`' for u in users)}",
            before=tuple(users),
            after=(cls.name,),
            where=cls,
        )
        return True

    def _class_evidence(self, cls: ClassInfo) -> list[str]:
        evidence: list[str] = []
        methods = {f.name: f for f in self.new.methods_of(cls) if not f.is_stub}
        explained = self.polymorphic_classes.get(cls.key, set())
        if explained:
            extra = (set(methods) | {a for a, _ in cls.attributes}) - explained - {"__init__"}
            if not extra:
                return []  # created by replace conditional with polymorphism, nothing else
            evidence.append("a switch")
        for removed in self.removed_functions():
            if removed.key in self.absorbed:
                continue
            target = self._moved_into(removed, cls, methods)
            if target is not None:
                self.absorbed.add(removed.key)
                self.class_members.add((cls.path, f"{cls.name}.{target}"))
                evidence.append(f"`{removed.qualname}`")
        for old_key, old_cls in self.old.classes.items():
            new_key = self.match.classes.get(old_key)
            if new_key is None:
                continue
            still = self.new.classes[new_key]
            left = (set(old_cls.fields) - set(still.fields)) | (set(old_cls.methods) - set(still.methods))
            moved = left & (set(cls.fields) | set(cls.methods) | {a for a, _ in cls.attributes})
            if len(moved) >= 2 or (moved and moved & set(cls.methods)):
                evidence.append(f"`{old_cls.name}`")
                for name in moved & set(cls.methods):
                    self.class_members.add((cls.path, f"{cls.name}.{name}"))
        evidence += self._code_moved_in(cls, methods)
        evidence += self._record_for_dicts(cls)
        return evidence

    def _record_for_dicts(self, cls: ClassInfo) -> list[str]:
        """Functions that built or read a dict by string keys and now build the record whose fields those keys are.

        `{"station": code, "level": level, ...}` became `Reading(code, level, ...)`, `row["level"]` `row.level`:
        the data and its name moved into a class of its own.
        """
        fields = set(cls.fields)
        if not cls.is_data or len(fields) < 2:
            return []
        sources = []
        for old, new in self.pairs():
            if cls.name not in new.calls or cls.name in old.calls:
                continue
            keys = _dict_keys(old.tokens) | _display_keys(old.tokens)
            if len(keys & fields) >= 2 and len(keys & fields) >= len(fields) / 2:
                sources.append(f"`{new.qualname}`")
        return sources

    def _code_moved_in(self, cls: ClassInfo, methods: dict[str, Function]) -> list[str]:
        """Functions that now call the class's new methods, made of the code that left them."""
        sources = []
        for old, new in self.pairs():
            called = {m for m in (new.method_calls - old.method_calls) & set(methods) if not m.startswith("__")}
            if not called:
                continue
            bag = Counter[str]()
            for name in called:
                bag |= content(methods[name].tokens) - Counter(set(methods[name].params))
            if sum(bag.values()) >= 4 and containment(bag, self.removed_from(old, new)) >= EXTRACT_CONTAINMENT:
                sources.append(f"`{new.qualname}`")
                self.class_members.update((cls.path, f"{cls.name}.{name}") for name in called)
        return sources

    def _moved_into(self, removed: Function, cls: ClassInfo, methods: dict[str, Function]) -> str | None:
        """The method of `cls` the removed function became, if its callers now call that method."""
        if removed.name in methods:
            return removed.name
        for name, method in methods.items():
            if bag_similarity(content(self.old_tokens(removed)), content(method.tokens)) >= 0.6:
                return name
        on_object = removed.owner is not None
        for old, new in self.pairs():
            if removed.name in calls(old, on_object) and removed.name not in calls(new, on_object):
                called = (new.method_calls - old.method_calls) & set(methods)
                if called:
                    self.absorbed_by_callers.add(removed.key)
                    return sorted(called)[0]
        return None

    # -- step 4: extract and inline functions -----------------------------------------

    def extractions(self) -> None:
        matched_classes = set(self.match.classes.values())
        pending = []
        done: dict[str, tuple[Function, Counter[str], list[Function]]] = {}  # extracted function name -> sources
        for added in self.added_functions():
            if added.key in self.class_members or added.is_stub:
                continue
            if added.owner is not None and (added.path, added.owner) not in matched_classes:
                continue
            callers = []
            removed: Counter[str] = Counter()
            method = added.owner is not None
            sources_before: list[Function] = []
            for old, new in self.pairs():
                previous = {n for n, m in self.match.names.items() if m == added.name} | {added.name}
                if added.name in calls(new, method) and not previous & calls(old, method):
                    callers.append(new)
                    sources_before.append(old)
                    removed |= self.removed_from(old, new)
            if not callers or not self._report_extraction(added, callers, sources_before, removed):
                pending.append(added)
            elif added.owner is None:
                done[added.name] = (added, removed, sources_before)
        self._nested_extractions(pending, done)

    def _nested_extractions(
        self, pending: list[Function], done: dict[str, tuple[Function, Counter[str], list[Function]]]
    ) -> None:
        """Functions an extracted function calls, made of the code that function's callers gave up.

        `station_alerts` left `alerts`, and `crosses_warning` and `rise_at` left `station_alerts` on the way.
        """
        for added in pending:
            if added.owner is not None:
                continue
            callers = [entry for name, entry in sorted(done.items()) if added.name in entry[0].calls]
            if not callers:
                continue
            removed: Counter[str] = Counter()
            for _function, taken, _sources in callers:
                removed |= taken
            self._report_extraction(
                added, [entry[0] for entry in callers], [s for entry in callers for s in entry[2]], removed
            )

    def _report_extraction(
        self, added: Function, callers: list[Function], sources_before: list[Function], removed: Counter[str]
    ) -> bool:
        bag = self._extracted_bag(added)
        if sum(bag.values()) < 2 or containment(bag, removed) < EXTRACT_CONTAINMENT:
            return False
        sources = ", ".join(f"`{c.qualname}`" for c in callers)
        before = tuple(c.qualname for c in callers)
        if added.owner and all(c.owner != added.owner for c in callers):
            # The code left one class for another: RefactoringMiner's "extract and move method".
            self._add(
                "move-function",
                "method",
                f"extract and move method `{added.qualname}` from {sources}",
                before=before,
                after=(added.qualname,),
                where=added,
            )
            return True
        what = "extract-method" if added.owner else "extract-function"
        self._add(
            what,
            "method" if added.owner else "function",
            f"{what.replace('-', ' ')} `{added.qualname}` from {sources}",
            before=before,
            after=(added.qualname,),
            where=added,
        )
        self._variables_extracted_with(added, sources_before)
        return True

    def _variables_extracted_with(self, added: Function, sources: list[Function]) -> None:
        """Locals of an extracted function naming a part of a statement its callers held whole.

        `marks = " ".join(...)` in `_quiz_line`, where `student_report` wrote the join inside its f-string.
        """
        statements = [_plain(rename_tokens(s, self.match.names)) for old in sources for s in old.statements]
        for name, value in added.assignments:
            if name in added.params or len(value) < 4 or all(t in NOISE or is_name(t) for t in value):
                continue  # `line.strip()` is a call, not an expression worth a name
            wanted = _plain(value)
            for statement in statements:
                replaced = _replace_run(statement, wanted, name)
                if replaced == statement or len(replaced) <= 3 or replaced[-1] == name:
                    continue  # absent, or the whole value of a statement: that is the extraction itself
                self._extracted_variable(name, added)
                break

    @functools.cached_property
    def new_constants(self) -> dict[str, Tokens]:
        """Module constants that are new in this step, by name: an extracted body may read one for a literal."""
        found: dict[str, Tokens] = {}
        for path, module in self.new.modules.items():
            previous = self.old.modules.get(path)
            for name, value in module.constants:
                if (previous is None or name not in previous.names) and value:
                    found.setdefault(name, value)
        return found

    def _extracted_bag(self, added: Function) -> Counter[str]:
        """What an added function is made of, as its callers held it: parameters and its own locals left out
        (they are named anew when code is extracted), new constants read as the values they name."""
        own = set(added.locals)
        return content(t for name in added.tokens if name not in own for t in self.new_constants.get(name, (name,)))

    def inlinings(self) -> None:
        for removed in self.removed_functions():
            if removed.key in self.absorbed and removed.key not in self.absorbed_by_callers:
                continue
            callers = []
            method = removed.owner is not None
            for old, new in self.pairs():
                if removed.name in calls(old, method) and removed.name not in calls(new, method):
                    callers.append((old, new))
            if not callers:
                continue
            bag = content(self.old_tokens(removed)) - Counter(set(removed.params))
            if sum(bag.values()) < 1:
                continue
            holders = Counter[str]()
            for _old, new in callers:
                holders |= content(new.tokens)
            if containment(bag, holders) < INLINE_CONTAINMENT and not _delegates_inlined(removed, callers):
                continue
            self.inlined.add(removed.key)
            into = ", ".join(f"`{new.qualname}`" for _old, new in callers)
            self._add(
                "inline-function",
                "method" if removed.owner else "function",
                f"inline function `{removed.qualname}` into {into}",
                before=(removed.qualname,),
                after=tuple(new.qualname for _old, new in callers),
                where=callers[0][1],
            )

    # -- step 5: inside matched functions: renames, extract variable -------------------

    @functools.cached_property
    def new_statements(self) -> Counter[Tokens]:
        """Every statement of the new version: code renamed while it moved still counts as kept."""
        return Counter(statement for function in self.new.functions.values() for statement in function.statements)

    def inside(self) -> None:
        for old, new in self.pairs():
            self._renames_in(old, new)
            self._extract_variables(old, new)

    def _renames_in(self, old: Function, new: Function) -> None:
        before = [rename_tokens(s, self.match.names) for s in old.statements]
        chosen: dict[str, str] = {}
        after = self.new_statements
        for (a, b), _count in sorted(_name_pairs(before, list(new.statements)).items(), key=lambda i: (-i[1], i[0])):
            if a in chosen or b in chosen.values():
                continue
            if a not in old.locals or a in new.locals or b in old.locals or b not in new.locals:
                continue
            if _kept_after_rename(before, after, a, b) >= 0.5:
                chosen[a] = b
        chosen.update(self._renamed_definitions(old, new, chosen))
        if len(old.params) == len(new.params):
            for a, b in zip(old.params, new.params, strict=True):
                unused = not any(a in s for s in before)
                if a != b and a not in new.locals and b not in old.locals and (unused or chosen.get(a) == b):
                    chosen[a] = b
        for a, b in sorted(chosen.items()):
            kind = "parameter" if a in old.params and b in new.params else "variable"
            self._add(
                "rename", kind, f"rename {kind} `{a}` → `{b}` in `{new.qualname}`", before=(a,), after=(b,), where=new
            )

    def _renamed_definitions(self, old: Function, new: Function, chosen: Mapping[str, str]) -> dict[str, str]:
        """Locals whose defining statement is kept under a new name, while the old name is gone from the function.

        `counts = Counter()` became `tally = Counter()` and no `counts` is left: a rename, even when the statements
        that read it were rewritten in the same step. The value must define one old and one new local only.
        """
        gone = old.locals - new.locals - set(old.params) - set(chosen)
        fresh = new.locals - old.locals - set(new.params) - set(chosen.values())
        if not gone or not fresh:
            return {}
        old_tokens, new_tokens = set(old.tokens), set(new.tokens)
        before: dict[Tokens, set[str]] = {}
        for name, value in old.assignments:
            before.setdefault(rename_tokens(value, self.match.names), set()).add(name)
        after: dict[Tokens, set[str]] = {}
        for name, value in new.assignments:
            after.setdefault(value, set()).add(name)
        found: dict[str, str] = {}
        for value, names in before.items():
            targets = after.get(value, set())
            if len(names) != 1 or len(targets) != 1:
                continue
            (a,), (b,) = names, targets
            if a in gone and b in fresh and a not in new_tokens and b not in old_tokens and a not in value:
                found[a] = b
        return found

    def _extract_variables(self, old: Function, new: Function) -> None:
        before = [rename_tokens(s, self.match.names) for s in old.statements]
        after = Counter(new.statements)
        # Statements also changed by a parameter object read `student.attempt` where they read `attempt`.
        holders = new.locals - old.locals
        flat = [_collapse(s, holders, old.locals) for s in new.statements]
        reported: set[str] = set()
        for name, value in new.assignments:
            if name in old.locals or name in reported or name in self.match.names.values():
                continue
            if len(value) < 3 or not any(not is_name(t) for t in value):
                continue
            size = len(value)
            using = [s for s in flat if name in s and not (s[:2] == (name, "=") and s[2:] == value)]
            for statement in before:
                if tuple(statement[2:]) == value and len(statement) == size + 2:
                    continue  # the whole value of an assignment: that is a rename, not an extraction
                if any(after[r] for r in _replacements(statement, value, name)) or _extracted_nearly(
                    statement, _collapse(value, holders, old.locals), name, using
                ):
                    reported.add(name)
                    self._extracted_variable(name, new)
                    break
            else:
                if using and self._left_a_callee(old, new, value):
                    reported.add(name)
                    self._extracted_variable(name, new)

    def _left_a_callee(self, old: Function, new: Function, value: Tokens) -> bool:
        """The value was a condition or an operand inside a function the old version called, which is gone and was
        not inlined: the caller now computes it, names it and hands it on (`reading_material = kind == "BK" or ...`
        passed to the method that replaced `member_share`)."""
        if len(value) < 5 or not set(value) & _OPERATORS:
            return False
        for name in (old.calls | old.method_calls) - (new.calls | new.method_calls):
            for removed in self.removed_by_name.get(name, ()):
                if removed.key in self.inlined:
                    continue
                for written in removed.statements:
                    statement = rename_tokens(written, self.match.names)
                    if _replace_run(statement, value, "$") != statement:
                        return True
        return False

    @functools.cached_property
    def removed_by_name(self) -> dict[str, list[Function]]:
        """The functions gone once matching is done, by name (read after every matching step has run)."""
        found: dict[str, list[Function]] = {}
        for function in self.removed_functions():
            found.setdefault(function.name, []).append(function)
        return found

    def extracted_constants(self) -> None:
        """New module constants whose value left a function of the package that now reads the constant.

        The reader may be the function itself, or a function extracted from it in the same step (`attempt == 2`
        became `is_resit(attempt)`, which reads `RESIT_ATTEMPT`); the module may be new too, but a constant that
        only moved (the same name and value in another module or a class before) is not extracted.
        """
        moved = {(name, value) for module in self.old.modules.values() for name, value in module.constants}
        moved |= {(name, tokens_of(value)) for cls in self.old.classes.values() for name, value in cls.attributes}
        pairs = self.pairs()
        added = [f for f in self.added_functions() if not f.is_stub]
        for path, module in self.new.modules.items():
            previous = self.old.modules.get(path)
            for name, value in module.constants:
                values = _telling_literals(value)
                if (previous is not None and name in previous.names) or (name, value) in moved:
                    continue
                if not values or _is_table(value):
                    continue  # a table of cases (a registry, a list of checks) is not one extracted expression
                readers = {f.name for f in added if f.path == path and name in f.tokens}
                for old, new in pairs:
                    if name in old.tokens or not values <= set(old.tokens) or values & set(new.tokens):
                        continue
                    if not (new.path == path and name in new.tokens) and not readers & (new.calls | new.method_calls):
                        continue
                    self._add(
                        "extract-variable",
                        "constant",
                        f"extract constant `{name}` from `{new.qualname}`",
                        before=(),
                        after=(name,),
                        where=new,
                    )
                    break

    # -- run ---------------------------------------------------------------------------

    def run(self) -> list[Refactoring]:
        self.match_classes()
        self.match_functions()
        self.replace_conditionals()
        self.new_classes()
        self.extractions()
        self.inlinings()
        self.inside()
        self.extracted_constants()
        unique = {(r.type, r.kind, r.description): r for r in self.match.found}
        return sorted(unique.values(), key=lambda r: (r.path, r.line, r.type, r.description))


def _name_pairs(before: list[Tokens], after: list[Tokens]) -> Counter[tuple[str, str]]:
    """(old name, new name) pairs from statements that differ only by names, weighed by how clearly.

    A pair is kept when one statement differs by that name alone, or two statements differ by it and one
    other name.
    """
    present = Counter(after)
    by_length: dict[int, list[Tokens]] = {}
    for statement in after:
        by_length.setdefault(len(statement), []).append(statement)
    pairs: Counter[tuple[str, str]] = Counter()
    for statement in before:
        if present[statement]:
            continue
        best: list[tuple[str, str]] | None = None
        for candidate in by_length.get(len(statement), []):
            diffs = [(a, b) for a, b in zip(statement, candidate, strict=True) if a != b]
            if not diffs or len(diffs) > max(1, len(statement) // 2) or len(set(diffs)) > 2:
                continue  # many different names changing at once is a rewrite, not a rename
            if all(is_name(a) and is_name(b) for a, b in diffs) and (best is None or len(diffs) < len(best)):
                best = diffs
        found = set(best or ())
        for pair in found:
            # A statement that differs by this one name alone counts twice as much as one that differs by two.
            pairs[pair] += 2 if len(found) == 1 else 1
    return Counter({pair: count for pair, count in pairs.items() if count >= 2})


def _attributes_read(tokens: Tokens) -> set[str]:
    """The names read after a dot: `carrier.name` -> `name`."""
    return {tokens[i + 1] for i in range(len(tokens) - 1) if tokens[i] == "." and is_name(tokens[i + 1])}


def _string_value(text: str) -> str | None:
    """The value of a plain string literal (not an f-string), else None."""
    if text[:1] not in "'\"":
        return None
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return None
    return value if isinstance(value, str) else None


def _plain(tokens: Tokens) -> Tokens:
    """Plain string literals written one way (`' '` and `" "` are one value)."""
    out = []
    for t in tokens:
        value = _string_value(t) if t[:1] in "'\"" else None
        out.append(repr(value) if value is not None else t)
    return tuple(out)


def _collapse(tokens: Tokens, holders: Iterable[str], names: Iterable[str]) -> Tokens:
    """`student . attempt` read as `attempt` where `student` is new and `attempt` was a local before."""
    new, old = set(holders), set(names)
    out: list[str] = []
    index = 0
    while index < len(tokens):
        if index + 2 < len(tokens) and tokens[index] in new and tokens[index + 1] == "." and tokens[index + 2] in old:
            index += 2
        out.append(tokens[index])
        index += 1
    return tuple(out)


def _extracted_nearly(statement: Tokens, value: Tokens, name: str, using: list[Tokens]) -> bool:
    """The statement held the value, and a statement that reads the new name is that statement, nearly.

    For a statement changed again while the variable was extracted (`"..." + (x if c else "")` became an
    f-string that reads the variable).
    """
    replaced = _replace(statement, value, name)
    if replaced == statement:
        return False
    return any(sequence_similarity(replaced, candidate) >= NEAR_STATEMENT for candidate in using)


def _same_but_one_parameter(old: Function, new: Function) -> bool:
    """As many parameters, one of them renamed, and bodies still alike once local names are set aside."""
    if len(old.params) != len(new.params) or sum(a != b for a, b in zip(old.params, new.params, strict=True)) != 1:
        return False
    return body_similarity(old, new, {}) >= MOVE_SIMILARITY


def _delegates_inlined(removed: Function, callers: list[tuple[Function, Function]]) -> bool:
    """The callers now call, themselves, the functions the removed one called for them.

    `remembered(artist, ..., normalise_artist)` calling `normalise(text)` became `normalise_artist(artist)`:
    what the function did with its arguments is written at the call site, the rest of its body dropped.
    """
    for old, new in callers:
        delegates = set(removed.calls) - set(removed.params)
        for arguments in _call_arguments(old.tokens, removed.name):
            bound = dict(zip(removed.params[1:] if removed.owner else removed.params, arguments, strict=False))
            delegates |= {bound[p][0] for p in removed.calls & set(bound) if len(bound[p]) == 1}
        fresh = delegates - old.calls
        if not fresh or not fresh <= new.calls:
            return False
    return True


def _call_arguments(tokens: Tokens, name: str) -> list[list[Tokens]]:
    """The positional arguments of every call of `name` in the tokens."""
    found = []
    for start in range(len(tokens) - 1):
        if tokens[start] != name or tokens[start + 1] != "(":
            continue
        arguments: list[Tokens] = []
        current: list[str] = []
        depth = 0
        for t in tokens[start + 2 :]:
            if depth == 0 and t in (",", ")"):
                if current:
                    arguments.append(tuple(current))
                current = []
                if t == ")":
                    break
                continue
            depth += t in "([{"
            depth -= t in ")]}"
            current.append(t)
        found.append([a for a in arguments if "=" not in a[1:2]])
    return found


def _is_table(tokens: Tokens) -> bool:
    """A tuple, list, set or dict display of several entries: `{"A": Box(), "B": Bag()}`."""
    if not tokens or tokens[0] not in "([{":
        return False
    depth = 0
    for index, t in enumerate(tokens):
        if t in "([{":
            depth += 1
        elif t in ")]}":
            depth -= 1
            if depth == 0 and index != len(tokens) - 1:
                return False  # `(a + b) * c`: brackets, not a display
        elif depth == 1 and t in (",", ":"):
            return True
    return False


def _telling_literals(tokens: Iterable[str]) -> set[str]:
    """The strings (raw, bytes... too) and numbers of a piece of code that say something."""
    found = set()
    for t in tokens:
        body = t[len(t) - len(t.lstrip("rRbBuU")) :]
        if (t[:1].isdigit() or body[:1] in "'\"") and t not in TRIVIAL and "f" not in t[: len(t) - len(body)]:
            found.add(t)
    return found


def _dict_keys(tokens: Tokens) -> set[str]:
    """The names used as string keys of a subscript, `row["level"]` -> `level`."""
    keys = set()
    for i in range(1, len(tokens) - 1):
        key = tokens[i]
        if tokens[i - 1] == "[" and tokens[i + 1] == "]" and key[:1] in "'\"" and key[1:-1].isidentifier():
            keys.add(key[1:-1])
    return keys


def _display_keys(tokens: Tokens) -> set[str]:
    """The names used as string keys of a dict display, `{"level": x, ...}` -> `level`."""
    keys = set()
    for i in range(1, len(tokens) - 1):
        key = tokens[i]
        if tokens[i - 1] in ("{", ",") and tokens[i + 1] == ":" and key[:1] in "'\"" and key[1:-1].isidentifier():
            keys.add(key[1:-1])
    return keys


def _kept_after_rename(before: list[Tokens], after: Counter[Tokens], old: str, new: str) -> float:
    """The share of the statements using `old` that are in the new version once `old` reads `new`."""
    using = [s for s in before if old in s]
    if not using:
        return 0.0
    kept = sum(1 for s in using if after[tuple(new if t == old else t for t in s)])
    return kept / len(using)


def _replacements(statement: Tokens, value: Tokens, name: str) -> list[Tokens]:
    """The statement with every occurrence of `value` replaced by `name`, then with each one alone."""
    whole = _replace(statement, value, name)
    if whole == statement:
        return []
    found = [whole]
    for pattern in (("(", *value, ")"), value):
        size = len(pattern)
        for start in range(len(statement) - size + 1):
            if statement[start : start + size] == pattern:
                found.append((*statement[:start], name, *statement[start + size :]))
    return found


def _replace(statement: Tokens, value: Tokens, name: str) -> Tokens:
    """The statement with every occurrence of `value` (parenthesised or not) replaced by `name`."""
    return _replace_run(_replace_run(statement, ("(", *value, ")"), name), value, name)


def _replace_run(statement: Tokens, value: Tokens, name: str) -> Tokens:
    out: list[str] = []
    index = 0
    size = len(value)
    while index < len(statement):
        if statement[index : index + size] == value:
            out.append(name)
            index += size
        else:
            out.append(statement[index])
            index += 1
    return tuple(out)


# -- steps that change no behaviour ---------------------------------------------------------


class _StripTypes(ast.NodeTransformer):
    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        node.returns = None
        self.generic_visit(node)
        return node

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_arg(self, node: ast.arg) -> ast.AST:
        node.annotation = None
        return node

    def visit_AnnAssign(self, node: ast.AnnAssign) -> ast.AST | None:
        if node.value is None:
            return None  # a bare declaration `x: int` does nothing at run time
        return ast.Assign(targets=[node.target], value=node.value, type_comment=None)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> ast.AST | None:
        return None if node.module in ("typing", "__future__", "collections.abc") else node


def _strip_docstrings(tree: ast.AST) -> None:
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(getattr(first.value, "value", None), str):
                node.body = node.body[1:] or [ast.Pass()]


def _drop_unused_imports(tree: ast.AST) -> None:
    """Names imported only for annotations are types too: once annotations are gone, so are they."""
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            node.names = [a for a in node.names if (a.asname or a.name).split(".")[0] in used or a.name == "*"]
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            kept = [s for s in body if not (isinstance(s, ast.Import | ast.ImportFrom) and not s.names)]
            setattr(node, "body", kept or [ast.Pass()])  # noqa: B010 -- nodes with a body have no common type


def _shape(text: str, strip_types: bool) -> str | None:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    _strip_docstrings(tree)
    if strip_types:
        tree = _StripTypes().visit(tree)
        _drop_unused_imports(tree)
    return ast.dump(tree, annotate_fields=False, include_attributes=False)


def behaviour_free(old: Mapping[str, str], new: Mapping[str, str]) -> str | None:
    """`tidy` when only comments, docstrings or layout changed; `add-type-hints` when only types; else None."""
    if set(old) != set(new) or old == new:
        return None
    changed = [p for p in old if old[p] != new[p]]
    if all(_shape(old[p], False) == _shape(new[p], False) is not None for p in changed):
        return "tidy"
    if all(_shape(old[p], True) == _shape(new[p], True) is not None for p in changed):
        return "add-type-hints"
    return None


@functools.lru_cache(maxsize=1024)
def _module(path: str, text: str) -> ModuleDefs | None:
    """Each file version is parsed once per process: a commit's "after" is the next commit's "before"."""
    return read_module(path, text)


def parse_version(files: Mapping[str, str]) -> Version:
    modules: dict[str, ModuleDefs] = {}
    for path, text in sorted(files.items()):
        defs = _module(path, text)
        if defs is not None:
            modules[path] = defs
    return Version(modules)


def detect(old: Mapping[str, str], new: Mapping[str, str]) -> list[Refactoring]:
    """The refactorings that turn the `old` package files into the `new` ones ({path: text})."""
    named = behaviour_free(old, new)
    if named:
        first = sorted(p for p in new if old.get(p) != new[p])
        what = "add type hints" if named == "add-type-hints" else "tidy: comments, docstrings or layout only"
        return [Refactoring(named, "", what, (), (), first[0] if first else "", 0)]
    return detect_versions(parse_version(old), parse_version(new))


def detect_versions(old: Version, new: Version) -> list[Refactoring]:
    return Detector(old, new).run()
