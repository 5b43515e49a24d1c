"""`kata review PATH` / `kata review --class DIR`: review a student's commit sequence, or a whole class."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from katabench.errors import FatalError
from katabench.review.engine import ReviewRequest, review
from katabench.review.model import Review, json_text
from katabench.review.verdicts import Limits

if TYPE_CHECKING:
    from rich.console import Console

FORMATS = ("table", "markdown", "json", "html")


@contextlib.contextmanager
def progress_display(enabled: bool) -> Iterator[Callable[[str], None]]:
    """A spinner on stderr when it is a terminal; silence otherwise (CI logs stay clean)."""
    if not enabled or not sys.stderr.isatty():
        yield lambda message: None
        return
    with _console(stderr=True).status("reviewing…") as status:
        yield status.update


def _console(stderr: bool = False) -> Console:
    # Not katabench.report's: that one imports every gate, and a review read from the cache needs none.
    # Imported here: JSON, Markdown and HTML reports written to a file or a pipe need no Rich.
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _fallback_root(args: argparse.Namespace) -> Path | None:
    from katabench.repo import find_root

    try:
        return find_root(args.root)
    except FatalError:
        return None


def request_for(path: Path, args: argparse.Namespace, **overrides: Any) -> ReviewRequest:
    if args.jobs < 1:
        raise FatalError(f"--jobs {args.jobs}: expected at least 1")
    options: dict[str, Any] = {
        "path": path,
        "kata": args.kata,
        "base": args.base,
        "head": args.head,
        "run_tests": args.run_tests,
        "jobs": args.jobs,
        "detect": not args.metrics_only,
        "rules": not args.metrics_only,
        "timeout": args.timeout,
        "limits": Limits(args.max_lines, args.max_kinds),
        "fallback_root": _fallback_root(args),
    }
    if args.no_cache:
        options["cache_dir"] = None
    elif args.cache:
        options["cache_dir"] = Path(args.cache)
    options.update(overrides)
    return ReviewRequest(**options)


def review_path(path: Path, args: argparse.Namespace, progress: Callable[[str], None]) -> Review:
    """Review a repository, or a submission file (its bundle cloned into a temporary folder)."""
    from katabench.review.submission import is_submission, open_submission

    if is_submission(path):
        with open_submission(path) as submission:
            overrides: dict[str, Any] = {
                "kata": args.kata or submission.kata,
                "head": args.head or submission.head,
                "base": args.base or submission.base,
                "source": path.name,
            }
            return review(request_for(submission.repository, args, **overrides), progress)
    if path.is_file():
        raise FatalError(f"{path}: not a git repository or a submission file (*.kata.zip)")
    return review(request_for(path, args), progress)


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
        print(f"wrote {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)


def render(result: Review, fmt: str, output: str | None) -> None:
    if fmt == "json":
        _write(json_text(result.to_json()), output)
    elif fmt == "markdown":
        from katabench.review.render_text import render_markdown

        _write(render_markdown(result), output)
    elif fmt == "html":
        from katabench.review.render_html import render_html

        _write(render_html(result, result.targets), output)
    elif output:
        from rich.console import Console

        from katabench.review.render_text import render_table

        with open(output, "w", encoding="utf-8") as handle:
            render_table(result, Console(file=handle, width=160, highlight=False, soft_wrap=False))
    else:
        from katabench.review.render_text import render_table

        render_table(result, _console())


def render_class(data: dict[str, Any], fmt: str, output: str | None) -> None:
    if fmt == "json":
        _write(json_text(data), output)
    elif fmt == "markdown":
        from katabench.review.render_text import render_class_markdown

        _write(render_class_markdown(data), output)
    elif fmt == "html":
        from katabench.review.render_html import render_class_html

        _write(render_class_html(data), output)
    elif output:
        from rich.console import Console

        from katabench.review.render_text import render_class_table

        with open(output, "w", encoding="utf-8") as handle:
            render_class_table(data, Console(file=handle, width=200, highlight=False))
    else:
        from katabench.review.render_text import render_class_table

        render_class_table(data, _console())


def run(args: argparse.Namespace) -> int:
    if args.class_dir and args.path:
        raise FatalError("give either a PATH or --class DIR, not both")
    if not args.class_dir and not args.path:
        raise FatalError("what to review? give a repository or submission PATH, or --class DIR")
    with progress_display(True) as progress:
        if args.class_dir:
            from katabench.review import classroom

            data = classroom.collect(
                Path(args.class_dir), lambda entry: review_path(entry, args, progress).to_json(), progress
            )
        else:
            result = review_path(Path(args.path), args, progress)
    if args.class_dir:
        render_class(data, args.format, args.output)
    else:
        render(result, args.format, args.output)
    return 0
