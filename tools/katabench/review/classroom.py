"""`kata review --class DIR`: one row per student, as a merge of per-repository review results.

DIR holds, in any mix: student repositories (folders with `.git`),
submission files (`*.kata.zip`), and review results (`*.json`, schema
`katabench.review/1`, e.g. one per CI job), or earlier class results
(`katabench.review-class/1`), whose rows are taken as they are. A whole course
can review each repository in its own CI job and merge the JSON files here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from katabench.errors import FatalError
from katabench.review.model import CLASS_SCHEMA, SCHEMA

ReviewOne = Callable[[Path], dict[str, Any]]


def row_of(student: str, data: dict[str, Any]) -> dict[str, Any]:
    """The class-table row of one review result (JSON)."""
    summary = data["summary"]
    lights = summary.get("lights", {})
    verdicts = summary.get("verdicts", {})
    last = summary.get("last") or {}
    golf = data["golf"]
    return {
        "student": student,
        "kata": data["kata"],
        "source": data["source"],
        "head": data["head"],
        "commits": summary["commits"],
        "green": lights.get("green", 0),
        "red": lights.get("red", 0),
        "not_run": lights.get("not run", 0),
        "big_bang": verdicts.get("big-bang", 0),
        "behaviour_changes": verdicts.get("behaviour-change", 0),
        "metric_regressions": verdicts.get("metric-regression", 0),
        "refactorings": sum(summary.get("refactorings", {}).values()),
        "refactoring_types": sorted(summary.get("refactorings", {})),
        "strokes": golf["strokes"],
        "par": golf["par"],
        "target_reached": golf["target_reached"],
        "max_cyclomatic": last.get("max_cyclomatic"),
        "min_mi": last.get("min_mi"),
        "rule_findings": last.get("rule_findings"),
        "golf": golf["summary"],
    }


def merge(results: Iterable[tuple[str, dict[str, Any]]], errors: Iterable[tuple[str, str]] = ()) -> dict[str, Any]:
    """One class result from review results and earlier class results, sorted by student."""
    rows: list[dict[str, Any]] = []
    problems = [{"student": s, "error": e} for s, e in errors]
    for student, data in results:
        schema = data.get("schema")
        if schema == SCHEMA:
            rows.append(row_of(student, data))
        elif schema == CLASS_SCHEMA:
            rows.extend(data.get("rows", []))
            problems.extend(data.get("errors", []))
        else:
            problems.append({"student": student, "error": f"not a review result (schema {schema!r})"})
    return {
        "schema": CLASS_SCHEMA,
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "rows": sorted(rows, key=lambda r: (str(r["student"]), str(r["kata"]))),
        "errors": sorted(problems, key=lambda p: str(p["student"])),
    }


def student_name(path: Path) -> str:
    name = path.name
    for suffix in (".kata.zip", ".json"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def collect(folder: Path, review_one: ReviewOne, progress: Callable[[str], None] = lambda m: None) -> dict[str, Any]:
    """Review (or read) every entry of the folder, then merge."""
    if not folder.is_dir():
        raise FatalError(f"--class {folder}: not a folder")
    results: list[tuple[str, dict[str, Any]]] = []
    errors: list[tuple[str, str]] = []
    entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    for entry in entries:
        student = student_name(entry)
        try:
            if entry.is_file() and entry.name.endswith(".json"):
                try:
                    results.append((student, json.loads(entry.read_text(encoding="utf-8"))))
                except (json.JSONDecodeError, UnicodeDecodeError) as error:
                    errors.append((student, f"{entry.name} is not valid JSON: {error}"))
            elif (entry.is_file() and entry.name.endswith(".kata.zip")) or (entry / ".git").exists():
                progress(f"reviewing {entry.name}")
                results.append((student, review_one(entry)))
        except FatalError as error:
            errors.append((student, str(error)))
    if not results and not errors:
        raise FatalError(
            f"--class {folder}: found no student repository (a folder with .git), submission (*.kata.zip) "
            "or review result (*.json) in it"
        )
    return merge(results, errors)
