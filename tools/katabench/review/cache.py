"""The review cache: SQLite, keyed by git hashes, so a second review of a history is close to free.

Four tables, one JSON value per key:
- `files`: per-file metrics, keyed by (path, blob hash);
- `packages`: a package version's metrics, keyed by its files' blob hashes;
- `commits`: a commit's facts, keyed by commit hash and what was asked;
- `runs`: harness runs, keyed by the blobs of the code and the harness.

Keys start with `VERSION`: a katabench that measures differently never reads
another's numbers. The cache lives outside the reviewed repository (which a
review never writes to): `--cache DIR`, `$KATABENCH_CACHE_DIR`,
`$XDG_CACHE_HOME/katabench` or `~/.cache/katabench`.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

VERSION = "review-7"
TABLES = ("files", "packages", "commits", "runs")


def default_folder() -> Path:
    explicit = os.environ.get("KATABENCH_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "katabench"


def digest(*parts: object) -> str:
    """A stable key from JSON-able parts."""
    text = json.dumps([VERSION, *parts], sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Cache:
    """A key-value store per table; `Cache(None)` keeps everything in memory (`--no-cache`)."""

    def __init__(self, folder: Path | None) -> None:
        if folder is None:
            self.path: Path | None = None
            self.db = sqlite3.connect(":memory:", check_same_thread=False)
        else:
            folder.mkdir(parents=True, exist_ok=True)
            self.path = folder / "review.sqlite"
            self.db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            self.db.execute("pragma journal_mode=wal")
            self.db.execute("pragma synchronous=normal")
        for table in TABLES:
            self.db.execute(f"create table if not exists {table} (key text primary key, value text not null)")
        self.db.commit()
        self.hits = 0
        self.misses = 0

    def get(self, table: str, key: str) -> Any | None:
        row = self.db.execute(f"select value from {table} where key = ?", (key,)).fetchone()
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return json.loads(row[0])

    def get_many(self, table: str, keys: Iterable[str]) -> dict[str, Any]:
        wanted = list(dict.fromkeys(keys))
        found: dict[str, Any] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for key, value in self.db.execute(f"select key, value from {table} where key in ({marks})", chunk):
                found[key] = json.loads(value)
        self.hits += len(found)
        self.misses += len(wanted) - len(found)
        return found

    def put(self, table: str, key: str, value: Any) -> None:
        self.db.execute(
            f"insert or replace into {table} (key, value) values (?, ?)", (key, json.dumps(value, sort_keys=True))
        )

    def put_many(self, table: str, items: Iterable[tuple[str, Any]]) -> None:
        self.db.executemany(
            f"insert or replace into {table} (key, value) values (?, ?)",
            ((k, json.dumps(v, sort_keys=True)) for k, v in items),
        )

    def commit(self) -> None:
        self.db.commit()

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
