"""Review a commit sequence: walk the history through git plumbing, measure, detect, judge, score.

One `git log` lists the commits, one more lists what each changed (blob
hashes and line counts); blobs come through one `git cat-file --batch`; every
distinct blob is parsed and measured once; results are cached by hash. The
student's repository is only ever read (see `gitread`). With `--run-tests`,
each commit's tree is extracted with `git archive` into a temporary folder
and its harness runs there, in parallel (`--jobs`), with the kata's timeout.
"""

from __future__ import annotations

import ast
import hashlib
import os
import tempfile
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from katabench.errors import FatalError
from katabench.metrics.duplication import FileTokens, file_tokens
from katabench.review import analyze
from katabench.review.cache import Cache, default_folder, digest
from katabench.review.gitread import ZERO, Commit, FileChange, Repository
from katabench.review.golf import par, scorecard
from katabench.review.model import (
    NOT_RUN,
    CommitFacts,
    CommitReview,
    Harness,
    Metrics,
    Problem,
    Refactoring,
    Review,
)
from katabench.review.verdicts import KataTargets, Limits, judge, kata_targets, strokes, target_reached
from katabench.sources import SourceFile, syntax_nodes
from katabench.spec import Kata, parse_spec

Progress = Callable[[str], None]
PARALLEL_FROM = 24  # uncached files: below this, starting worker processes costs more than it saves


@dataclass(frozen=True)
class ReviewRequest:
    """What to review and how (the options of `kata review`)."""

    path: Path
    kata: str | None = None
    base: str | None = None
    head: str | None = None
    run_tests: bool = False
    jobs: int = 1
    detect: bool = True
    rules: bool = True
    timeout: float | None = None
    limits: Limits = field(default_factory=Limits)
    cache_dir: Path | None = field(default_factory=default_folder)
    source: str | None = None  # how the report names what was reviewed (a submission file, say)
    fallback_root: Path | None = None  # a katabench repository to take the kata from if the history lacks it


def _quiet(message: str) -> None:
    """Default progress sink: discard."""


# -- which kata, which range ------------------------------------------------------------


def kata_names_at(repo: Repository, commit: str) -> list[str]:
    listing = (
        repo.git("ls-tree", "--name-only", "--full-tree", f"{commit}:katas").split()
        if repo.has_path(commit, "katas")
        else []
    )
    return sorted(n for n in listing if repo.has_path(commit, f"katas/{n}/kata.toml"))


@dataclass(frozen=True)
class KataInfo:
    """What a review needs of the kata's spec on every run, cached by the spec's hash.

    Parsing a kata.toml imports every gate and rule (LibCST among them); a review
    read from the cache needs none of that, only these few values.
    """

    name: str
    title: str
    legacy: str
    harness: str
    timeout: float  # the approvals gate's: the harness timeout
    targets: KataTargets
    min_tokens: int  # the duplication gate's clone size

    @staticmethod
    def of(kata: Kata) -> KataInfo:
        approvals = kata.gate("approvals")
        timeout = float(approvals.params.timeout) if approvals else 60.0
        return KataInfo(
            kata.name,
            kata.title,
            str(kata.legacy),
            str(kata.harness),
            timeout,
            kata_targets(kata),
            analyze.min_tokens_of(kata),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "legacy": self.legacy,
            "harness": self.harness,
            "timeout": self.timeout,
            "targets": self.targets.to_json(),
            "min_tokens": self.min_tokens,
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> KataInfo:
        return KataInfo(
            data["name"],
            data["title"],
            data["legacy"],
            data["harness"],
            float(data["timeout"]),
            KataTargets.from_json(data["targets"]),
            int(data["min_tokens"]),
        )


@dataclass(frozen=True)
class Layout:
    """Where the kata's code and harness are, read from its spec without validating it.

    All the walk needs before measuring; the spec itself is parsed while the
    files are measured (see `_Walk.info`), and must agree.
    """

    name: str
    legacy: str
    harness: str

    @staticmethod
    def peek(name: str, text: str) -> Layout | None:
        """The layout, or None when the spec is not plainly readable (parsing it will tell why)."""
        import tomllib

        try:
            kata = tomllib.loads(text)["kata"]
            legacy, harness = PurePosixPath(kata["legacy"]), PurePosixPath(kata["harness"])
        except (tomllib.TOMLDecodeError, KeyError, TypeError):
            return None
        return Layout(name, str(legacy), str(harness))


Parser = Callable[[bool], Kata]  # parse(load_rules): the spec, its rules loaded or not (see `parse_spec`)


def spec_text_at(repo: Repository, commit: str, name: str, fallback: Path | None) -> tuple[str, Parser]:
    """The kata's spec as the reviewed history holds it at `commit` (else from `fallback`), and its parser."""
    text = repo.read_text(commit, f"katas/{name}/kata.toml")
    if text is not None:
        where = f"{repo.top.name}@{commit[:8]}:katas/{name}/kata.toml"
        return text, lambda load_rules: parse_spec(name, repo.top, text, where, load_rules=load_rules)
    if fallback is not None and (fallback / "katas" / name / "kata.toml").is_file():
        from katabench.repo import get_kata

        text = (fallback / "katas" / name / "kata.toml").read_text(encoding="utf-8")
        return text, lambda _load_rules: get_kata(fallback, name)
    known = kata_names_at(repo, commit)
    raise FatalError(
        f"kata {name!r} is not in {repo.top} at {commit[:8]}"
        + (f" (it holds: {', '.join(known)})" if known else " (it has no katas/ folder)")
        + "; run kata review from a katabench repository that has it, or pass --kata"
    )


def choose_kata(repo: Repository, head: str) -> str:
    """The kata a history is about: the only one, or the one whose code its latest commits changed."""
    names = kata_names_at(repo, head)
    if len(names) == 1:
        return names[0]
    if not names:
        raise FatalError(f"{repo.top} has no katas/ folder at {head[:8]}: pass --kata NAME")
    out = repo.git("log", "-n", "200", "--format=%x00", "--name-only", head, "--", "legacy")
    for record in out.split("\0"):
        folders = {line.split("/")[1] for line in record.splitlines() if line.startswith("legacy/") and "/" in line[7:]}
        if len(folders) == 1:
            folder = folders.pop()
            for name in names:
                spec = repo.read_text(head, f"katas/{name}/kata.toml") or ""
                if f'"legacy/{folder}"' in spec:
                    return name
    raise FatalError(f"{repo.top} holds several katas ({', '.join(names)}): pass --kata NAME")


def choose_base(repo: Repository, head: str, legacy: str, base: str | None) -> str | None:
    """--base, else the merge-base with the upstream branch, else the commit that introduced the kata's code."""
    if base:
        resolved = repo.resolve(base)
        if not repo.is_ancestor(resolved, head):
            raise FatalError(f"--base {base} is not an ancestor of the head {head[:8]}")
        return resolved
    upstream = repo.upstream_merge_base(head)
    if upstream and repo.has_path(upstream, legacy):
        return upstream
    introduced = repo.first_commit_with(head, legacy)
    if introduced is None:
        raise FatalError(f"the kata's code {legacy}/ is not in the history of {head[:8]}: is this the right kata?")
    return introduced


# -- the walk ----------------------------------------------------------------------------


def _under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


@dataclass
class _Walk:
    """State of one review: the repository, the caches in memory, the kata."""

    repo: Repository
    layout: Layout  # where the code is: known before the spec is parsed
    resolve_info: Callable[[], KataInfo]  # the spec's values: from the cache, else parsed (the first use)
    load: Callable[[], Kata]  # the full spec, parsed only when something must be measured or run
    spec_hash: str
    request: ReviewRequest
    cache: Cache
    progress: Progress
    blobs: dict[str, bytes] = field(default_factory=dict)
    decoded: dict[str, str] = field(default_factory=dict)  # blob -> its text (of the blobs measured)
    sources: dict[tuple[str, str], SourceFile | Problem] = field(default_factory=dict)
    file_metrics: dict[str, analyze.FileMetrics] = field(default_factory=dict)
    file_problems: dict[str, str] = field(default_factory=dict)  # blob -> why it could not be measured
    tokens: dict[tuple[str, str], FileTokens] = field(default_factory=dict)
    imports: dict[tuple[str, str], ast.Module] = field(default_factory=dict)
    versions: dict[tuple[str, str], analyze.FileVersion] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    _kata: Kata | None = None
    _info: KataInfo | None = None

    @property
    def kata(self) -> Kata:
        if self._kata is None:
            self._kata = self.load()
        return self._kata

    @property
    def info(self) -> KataInfo:
        if self._info is None:
            info = self.resolve_info()
            if (info.name, info.legacy, info.harness) != (self.layout.name, self.layout.legacy, self.layout.harness):
                raise FatalError(f"{info.name}: its spec reads two ways ({self.layout}, {info}); please report it")
            self._info = info
        return self._info

    @property
    def legacy(self) -> str:
        return self.layout.legacy

    @property
    def harness(self) -> str:
        return self.layout.harness

    def blob(self, sha: str) -> bytes:
        if sha not in self.blobs:
            data = self.repo.read_blob(sha)
            self.blobs[sha] = data if data is not None else b""
        return self.blobs[sha]

    def source(self, path: str, sha: str) -> SourceFile | Problem:
        key = (path, sha)
        if key not in self.sources:
            self.sources[key] = analyze.source_of(path, self.blob(sha))
        return self.sources[key]

    def text(self, path: str, sha: str) -> str | None:
        """The file's text if it parses (None otherwise), parsing it only when it was not measured."""
        if sha in self.file_metrics:  # measured: it parsed, and its text is the blob's UTF-8
            if sha not in self.decoded:
                self.decoded[sha] = self.blob(sha).decode("utf-8")
            return self.decoded[sha]
        source = self.source(path, sha)
        return source.text if isinstance(source, SourceFile) else None

    def python(self, listing: Mapping[str, str]) -> dict[str, str]:
        return {p: s for p, s in sorted(listing.items()) if _under(p, self.legacy) and p.endswith(".py")}

    # -- metrics --------------------------------------------------------------

    def prepare_file_metrics(self, listings: Iterable[Mapping[str, str]]) -> None:
        """Per-file metrics of every distinct blob: from the cache, else measured (in parallel if many)."""
        wanted: dict[str, str] = {}
        for listing in listings:
            for path, sha in self.python(listing).items():
                wanted.setdefault(sha, path)
        missing = [sha for sha in wanted if sha not in self.file_metrics and sha not in self.file_problems]
        cached = self.cache.get_many("files", (digest("file", sha) for sha in missing))
        todo = []
        for sha in missing:
            value = cached.get(digest("file", sha))
            if value is None:
                todo.append(sha)
            elif "metrics" in value:
                self.file_metrics[sha] = analyze.FileMetrics.from_json(value["metrics"])
            else:
                self.file_problems[sha] = value["problem"]["message"]
        if not todo:
            return
        self.progress(f"measuring {len(todo)} file versions")
        if self.request.jobs > 1 and len(todo) >= PARALLEL_FROM:
            measured = self._measure_in_parallel([(wanted[sha], self.blob(sha)) for sha in todo])
        else:
            measured = [self._measure_here(wanted[sha], sha) for sha in todo]
        stored = []
        for sha, result in zip(todo, measured, strict=True):
            if "metrics" in result:
                self.file_metrics[sha] = analyze.FileMetrics.from_json(result["metrics"])
                texts, lines = result.pop("tokens")
                self.tokens[(wanted[sha], sha)] = FileTokens(wanted[sha], tuple(texts), tuple(lines))
                self.imports[(wanted[sha], sha)] = result.pop("imports")
            else:
                self.file_problems[sha] = result["problem"]["message"]
            stored.append((digest("file", sha), result))
        self.cache.put_many("files", stored)

    def _measure_here(self, path: str, sha: str) -> dict[str, Any]:
        source = self.source(path, sha)  # parsed once, for the metrics here and whatever reads it later
        if isinstance(source, Problem):
            return {"problem": {"path": source.path, "line": source.line, "message": source.message}}
        return analyze.measure_source(source)

    def _measure_in_parallel(self, jobs: list[tuple[str, bytes]]) -> list[dict[str, Any]]:
        """Measure in worker processes; meanwhile this one reads the kata's spec (imports LibCST: slow)."""
        import gc
        from concurrent.futures import ProcessPoolExecutor

        # Workers fork from this process: import what they need once, here.
        import complexipy  # noqa: F401
        import radon.complexity
        import radon.metrics  # noqa: F401

        # One task per file path: its versions share most statements, which a worker measures once.
        by_path: dict[str, list[int]] = {}
        for index, (path, _data) in enumerate(jobs):
            by_path.setdefault(path, []).append(index)
        tasks = sorted(by_path.values(), key=len, reverse=True)  # the longest first: the workers end together
        gc.freeze()  # the workers' collector leaves what they inherit alone (no copy of every page it touches)
        try:
            with ProcessPoolExecutor(max_workers=self.request.jobs) as pool:
                batches = pool.map(analyze.measure_files, [[jobs[i] for i in task] for task in tasks])
                self.info  # noqa: B018 (parsed while the workers measure)
                results: list[dict[str, Any]] = [{} for _ in jobs]
                for task, batch in zip(tasks, batches, strict=True):
                    for index, result in zip(task, batch, strict=True):
                        results[index] = result
                return results
        finally:
            gc.unfreeze()

    def metrics(self, listing: Mapping[str, str]) -> Metrics | None:
        files = self.python(listing)
        if not any(_under(p, self.legacy) for p in listing):
            return None
        key = digest("package", self.spec_hash, self.request.rules, sorted(files.items()))
        cached = self.cache.get("packages", key)
        if cached is not None:
            return Metrics.from_json(cached)
        self.prepare_file_metrics([listing])
        versions: list[analyze.FileVersion] = []
        sources: list[SourceFile] = []
        problems: list[Problem] = []
        per_file: dict[str, analyze.FileMetrics] = {}
        for path, sha in files.items():
            version = (path, sha)
            if sha in self.file_metrics:
                per_file[path] = self.file_metrics[sha]
                if version in self.tokens and version in self.imports and not self.request.rules:
                    versions.append(self._version(None, path, sha))
                    continue  # measured in this run: no need to parse it again
            source = self.source(path, sha)
            if isinstance(source, Problem):
                problems.append(source)
                continue
            sources.append(source)
            if sha not in self.file_metrics:
                problems.append(Problem(path, 0, self.file_problems.get(sha) or "could not be measured"))
            versions.append(self._version(source, path, sha))
        rules = (self.kata, sources) if self.request.rules else None  # a broken spec stops the review, here
        min_tokens = self.info.min_tokens
        try:
            result = analyze.package_metrics(
                self.legacy, versions, problems, per_file, min_tokens=min_tokens, rules=rules
            )
        except Exception as error:  # a metric tool that breaks on odd code must not end the review
            self.notes.append(f"metrics failed on one version: {type(error).__name__}: {error}")
            result = Metrics({}, {}, {}, (*problems, Problem(self.legacy, 0, f"metrics failed: {error}")))
        self.cache.put("packages", key, result.to_json())
        return result

    def _version(self, source: SourceFile | None, path: str, sha: str) -> analyze.FileVersion:
        """The file's tokens and imports: as measured, else from its tree (`source`)."""
        version = (path, sha)
        if version not in self.versions:
            if version not in self.tokens or version not in self.imports:
                assert source is not None
                nodes = syntax_nodes(source.tree)
                self.tokens[version] = file_tokens(source.path, source.text, source.tree, nodes)
                self.imports[version] = analyze.import_tree(source.tree, nodes)
            self.versions[version] = analyze.FileVersion(path, self.tokens[version], self.imports[version])
        return self.versions[version]

    # -- refactorings ------------------------------------------------------------

    def texts(self, listing: Mapping[str, str]) -> dict[str, str]:
        """{path: text} of the package's files that parse."""
        found = {}
        for path, sha in self.python(listing).items():
            text = self.text(path, sha)
            if text is not None:
                found[path] = text
        return found

    def refactorings(
        self, commit: Commit, before: Mapping[str, str], after: Mapping[str, str]
    ) -> tuple[tuple[Refactoring, ...], bool]:
        from katabench.review.detect import detect

        try:
            return tuple(detect(self.texts(before), self.texts(after))), True
        except Exception as error:  # a detector bug on odd code is a note, never the end of the review
            where = traceback.extract_tb(error.__traceback__)[-1]
            self.notes.append(
                f"refactoring detection failed at {commit.sha[:8]} ({type(error).__name__}: {error}, "
                f"{Path(where.filename).name}:{where.lineno}); please report it"
            )
            return (), False


def _line_counts(changes: list[FileChange], folder: str) -> tuple[int, int, list[str], list[str]]:
    mine = [c for c in changes if _under(c.path, folder)]
    added_blobs = {c.new_blob for c in mine if c.old_blob == ZERO}
    removed_blobs = {c.old_blob for c in mine if c.new_blob == ZERO}
    moved = added_blobs & removed_blobs  # a file renamed unchanged is no line of work
    added = removed = 0
    binary = []
    for change in mine:
        if change.new_blob in moved or change.old_blob in moved:
            continue
        if change.binary:
            binary.append(change.path)
            continue
        added += change.added or 0
        removed += change.removed or 0
    return added, removed, sorted(c.path for c in mine), sorted(binary)


def _harness_key(walk: _Walk, listing: Mapping[str, str], timeout: float) -> str:
    return digest("run", walk.spec_hash, sorted(listing.items()), timeout)


def _run_one(repo: Repository, kata: Kata, commit: str, paths: list[str], timeout: float) -> Harness:
    from katabench.harness import run_harness

    with tempfile.TemporaryDirectory(prefix="katabench-review-") as tmp:
        workspace = Path(tmp)
        repo.extract(commit, paths, workspace)
        if not (workspace / kata.harness).is_dir():
            return Harness("red", f"no harness at {kata.harness}/ in this commit")
        run = run_harness(kata, workspace, timeout=timeout)
    failing = tuple(t.nodeid.rsplit("::", 1)[-1] for t in run.tests if t.outcome in ("failed", "error"))
    if run.green:
        return Harness("green", f"{run.passed} passed")
    if run.timed_out:
        where = f" at {run.stalled_at.location}" if run.stalled_at else ""
        return Harness("red", f"timed out after {timeout:g} s{where}", failing)
    if not run.tests:
        return Harness("red", "no test could run (the code does not import?)")
    return Harness("red", f"{len(failing)} failed: {', '.join(failing[:3])}", failing)


def _kata_info(cache: Cache, spec_hash: str, load: Callable[[], Kata]) -> KataInfo:
    key = digest("spec", spec_hash)
    cached = cache.get("packages", key)
    if cached is not None:
        return KataInfo.from_json(cached)
    info = KataInfo.of(load())
    cache.put("packages", key, info.to_json())
    return info


def review(request: ReviewRequest, progress: Progress = _quiet) -> Review:
    """Review the commits of `request.path` between base and head."""
    if not request.path.exists():
        raise FatalError(f"{request.path}: no such folder or file")
    with Repository(request.path) as repo, Cache(request.cache_dir) as cache:
        head = repo.resolve(request.head or "HEAD")
        name = request.kata or choose_kata(repo, head)
        spec_text, parse = spec_text_at(repo, head, name, request.fallback_root)
        spec_hash = hashlib.sha256(f"{name}\0{spec_text}".encode()).hexdigest()
        loaded: list[Kata] = []

        def load() -> Kata:
            if not loaded:
                loaded.append(parse(True))
            return loaded[0]

        def resolve_info() -> KataInfo:
            # A review that runs no rule reads the spec without loading them (LibCST: a third of a second).
            needs_rules = request.rules or request.run_tests
            return _kata_info(cache, spec_hash, load if needs_rules else lambda: parse(False))

        layout = Layout.peek(name, spec_text)
        if layout is None:  # not plainly readable: parse it now, and let the parser say what is wrong
            info = resolve_info()
            layout = Layout(info.name, info.legacy, info.harness)
        walk = _Walk(repo, layout, resolve_info, load, spec_hash, request, cache, progress)
        base = choose_base(repo, head, walk.legacy, request.base)
        result = _review(walk, base, head)
        cache.commit()
        return result


def _tracked_paths(walk: _Walk, head: str) -> list[str]:
    repo = walk.repo
    ancestors = repo.ancestor_files(head, walk.harness, ("__init__.py", "conftest.py"))
    ancestors += repo.ancestor_files(head, walk.legacy, ("__init__.py",))
    return [walk.legacy, walk.harness, *dict.fromkeys(ancestors)]


class _Listings:
    """{path: blob} of the tracked paths at each commit: from the base's tree and each commit's changes."""

    def __init__(self, walk: _Walk, base: str | None, head: str, commits: list[Commit], paths: list[str]) -> None:
        self.repo = walk.repo
        self.paths = paths
        self.changes = walk.repo.changes(base, head, paths)
        self.by_commit: dict[str, dict[str, str]] = {}
        for commit in commits:
            parent = commit.parents[0] if commit.parents else None
            if parent is None:
                self.of(commit.sha)
                continue
            current = dict(self.of(parent))
            for change in self.changes.get(commit.sha, []):
                if not any(_under(change.path, p) for p in paths):
                    continue
                if change.new_blob == ZERO:
                    current.pop(change.path, None)
                else:
                    current[change.path] = change.new_blob
            self.by_commit[commit.sha] = current

    def of(self, sha: str) -> dict[str, str]:
        if sha not in self.by_commit:
            self.by_commit[sha] = self.repo.list_tree(sha, self.paths)
        return self.by_commit[sha]


def _measure_commits(
    walk: _Walk, base: str | None, head: str, commits: list[Commit]
) -> tuple[dict[str, CommitFacts], Metrics | None, dict[str, dict[str, str]]]:
    """Every commit's facts and the base's metrics: from the cache, else measured."""
    request = walk.request
    keys = {c.sha: digest("commit", c.sha, walk.spec_hash, request.detect, request.rules) for c in commits}
    cached = walk.cache.get_many("commits", keys.values())
    facts = {c.sha: CommitFacts.from_json(cached[keys[c.sha]]) for c in commits if keys[c.sha] in cached}
    baseline_key = digest("baseline", base, walk.spec_hash, request.rules)
    baseline_cached = walk.cache.get("commits", baseline_key) if base else None
    if len(facts) == len(commits) and (base is None or baseline_cached is not None) and not request.run_tests:
        baseline = Metrics.from_json(baseline_cached) if baseline_cached else None
        return facts, baseline, {}
    listings = _Listings(walk, base, head, commits, _tracked_paths(walk, head))
    missing = [c for c in commits if c.sha not in facts]
    walk.prepare_file_metrics(
        [listings.of(c.sha) for c in missing]
        + [listings.of(c.parents[0]) for c in missing if c.parents]
        + ([listings.of(base)] if base else [])
    )
    for number, commit in enumerate(missing, start=1):
        if number % 10 == 0:
            walk.progress(f"commit {number}/{len(missing)}")
        facts[commit.sha] = _facts(walk, commit, listings.changes.get(commit.sha, []), listings)
        walk.cache.put("commits", keys[commit.sha], facts[commit.sha].to_json())
    baseline = None
    if base is not None:
        baseline = walk.metrics(listings.of(base))
        walk.cache.put("commits", baseline_key, baseline.to_json() if baseline else {})
    return facts, baseline, listings.by_commit


def _judge_commits(
    walk: _Walk,
    commits: list[Commit],
    facts: dict[str, CommitFacts],
    harnesses: dict[str, Harness],
    start: tuple[str | None, Metrics | None],
) -> tuple[list[CommitReview], dict[str, bool]]:
    """Verdicts and strokes of every commit, each judged against its first parent (`start`: the base)."""
    reviews: list[CommitReview] = []
    reached: dict[str, bool] = {}
    previous: dict[str, Metrics | None] = {start[0]: start[1]} if start[0] else {}
    for index, commit in enumerate(commits, start=1):
        fact = facts[commit.sha]
        harness = harnesses.get(commit.sha, NOT_RUN)
        parent_metrics = previous.get(commit.parents[0]) if commit.parents else None
        verdicts = judge(walk.info.targets, fact, harness, parent_metrics, walk.request.limits)
        reviews.append(CommitReview(index, fact, harness, verdicts, strokes(fact, harness)))
        previous[commit.sha] = fact.metrics
        reached[commit.sha] = target_reached(walk.info.targets, fact.metrics, harness)
    return reviews, reached


def _notes(walk: _Walk, head: str) -> list[str]:
    notes = list(walk.notes)
    if not walk.request.detect:
        notes.append("refactoring detection was not run (metrics only): no step counts as hand-made")
    if not walk.request.run_tests:
        notes.append("the harness was not run: pass --run-tests to see green and red commits")
    dirty = _dirty(walk.repo, head)
    if dirty:
        notes.append(dirty)
    return notes


def _review(walk: _Walk, base: str | None, head: str) -> Review:
    request = walk.request
    commits = walk.repo.commits(base, head)
    walk.progress(f"reviewing {len(commits)} commits of {walk.layout.name}")
    facts, baseline, listings = _measure_commits(walk, base, head, commits)
    kata = walk.info  # parsed by now, unless the cache had everything
    harnesses = _harnesses(walk, commits, listings) if request.run_tests else {}
    reviews, reached = _judge_commits(walk, commits, facts, harnesses, (base, baseline))
    golf = scorecard(reviews, reached, reference_par(walk, head, base))
    return Review(
        kata=kata.name,
        title=kata.title,
        source=request.source or str(walk.repo.top),
        base=base,
        head=head,
        generated=datetime.now(UTC).isoformat(timespec="seconds"),
        options={
            "run_tests": request.run_tests,
            "detect": request.detect,
            "rules": request.rules,
            "max_lines": request.limits.max_lines,
            "max_kinds": request.limits.max_kinds,
        },
        baseline=baseline,
        commits=tuple(reviews),
        golf=golf,
        notes=tuple(_notes(walk, head)),
        targets={name: (t.text, float(t.limit)) for name, t in kata.targets.own.items()},
    )


def _facts(
    walk: _Walk,
    commit: Commit,
    changes: list[FileChange],
    listings: _Listings,
) -> CommitFacts:
    added, removed, files, binary = _line_counts(changes, walk.legacy)
    harness_changes = sorted(c.path for c in changes if _under(c.path, walk.harness))
    approved = [p for p in harness_changes if ".approved." in PurePosixPath(p).name]
    listing = listings.of(commit.sha)
    metrics = walk.metrics(listing)
    refactorings: tuple[Refactoring, ...] = ()
    detected = walk.request.detect
    moved = 0
    if files and commit.parents:
        before = listings.of(commit.parents[0])
        moved = analyze.moved_lines(walk.texts(before), walk.texts(listing))
        if detected and not commit.is_merge:
            refactorings, detected = walk.refactorings(commit, before, listing)
    return CommitFacts(
        commit.sha,
        commit.parents,
        commit.author,
        commit.date,
        commit.subject,
        added,
        removed,
        tuple(files),
        tuple(binary),
        tuple(harness_changes),
        tuple(approved),
        metrics,
        refactorings,
        detected,
        moved,
    )


def _harnesses(walk: _Walk, commits: list[Commit], listings: dict[str, dict[str, str]]) -> dict[str, Harness]:
    repo, request = walk.repo, walk.request
    timeout = request.timeout or walk.info.timeout
    keys = {c.sha: _harness_key(walk, listings[c.sha], timeout) for c in commits}
    cached = walk.cache.get_many("runs", keys.values())
    results = {sha: Harness.from_json(cached[key]) for sha, key in keys.items() if key in cached}
    todo: dict[str, Commit] = {}
    for commit in commits:
        if commit.sha not in results and keys[commit.sha] not in {keys[c] for c in todo}:
            todo[commit.sha] = commit
    paths = _tracked_paths(walk, commits[-1].sha) if commits else []
    if todo:
        from concurrent.futures import ThreadPoolExecutor

        walk.progress(f"running the harness on {len(todo)} commits ({request.jobs} at a time)")
        with ThreadPoolExecutor(max_workers=max(1, request.jobs)) as pool:
            kata = walk.kata
            futures = {sha: pool.submit(_run_one, repo, kata, sha, paths, timeout) for sha in todo}
            for sha, future in futures.items():
                results[sha] = future.result()
                walk.cache.put("runs", keys[sha], results[sha].to_json())
    by_key = {keys[sha]: harness for sha, harness in results.items()}
    return {c.sha: by_key[keys[c.sha]] for c in commits}


def reference_par(walk: _Walk, head: str, base: str | None) -> int | None:
    """The kata's par: its reference path (as the history holds it) scored like a student's steps."""
    repo = walk.repo
    folder = f"katas/{walk.info.name}/path"
    if base is None or not repo.has_path(head, folder):
        return None
    steps: dict[str, dict[str, str]] = {}
    for path, sha in repo.list_tree(head, [folder]).items():
        step, _, rest = path[len(folder) + 1 :].partition("/")
        if step[:2].isdigit() and rest.endswith(".py"):
            steps.setdefault(step, {})[f"{walk.legacy}/{rest}"] = sha
    if not steps:
        return None
    legacy = walk.python(repo.list_tree(base, [walk.legacy]))
    key = digest("par", walk.spec_hash, walk.request.detect, sorted(legacy.items()), sorted(steps.items()))
    cached = walk.cache.get("packages", key)
    if cached is not None:
        return int(cached)
    scored: list[tuple[list[Refactoring], bool]] = []
    before = walk.texts(legacy)
    walk.prepare_file_metrics(steps.values())
    for step in sorted(steps):
        after = walk.texts(steps[step])
        try:
            found = _detect(before, after) if walk.request.detect else [NOT_DETECTED]
        except Exception:
            found = []
        scored.append((found, target_reached(walk.info.targets, walk.metrics(steps[step]), NOT_RUN)))
        before = after
    value = par(scored)
    walk.cache.put("packages", key, value)
    return value


def _detect(before: dict[str, str], after: dict[str, str]) -> list[Refactoring]:
    from katabench.review.detect import detect  # here: it imports LibCST, which a metrics-only review never needs

    return detect(before, after)


NOT_DETECTED = Refactoring("tidy", "", "not detected", (), (), "", 0)


def _dirty(repo: Repository, head: str) -> str | None:
    """A note when the work tree has uncommitted changes (they are not reviewed)."""
    if repo.try_resolve("HEAD") != head or not (repo.top / ".git").exists():
        return None
    try:
        out = repo.git("status", "--porcelain", "--untracked-files=no")
    except FatalError:
        return None
    changed = [line[3:] for line in out.splitlines() if line.strip()]
    if not changed:
        return None
    return f"the work tree has {len(changed)} uncommitted change(s); only commits are reviewed"


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))
