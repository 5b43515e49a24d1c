"""A review as one self-contained HTML page: inline CSS, inline SVG charts, a few lines of script.

Nothing is fetched from the network: the page can be mailed, attached to a CI
run or opened from disk. At the top, the golf card and the verdicts; then a
chart of step sizes (lines added and removed per commit, red commits marked),
one chart per metric across the commits (with the kata's target), and the
table of commits with their refactorings and verdicts.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from katabench.review.model import METRICS, CommitReview, Review
from katabench.review.render_text import CLASS_COLUMNS, _class_cell, refactoring_lines, short

WIDTH, HEIGHT, PAD = 640, 170, 36

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header{background:#24292f;color:#fff;padding:18px 28px}
header h1{margin:0;font-size:22px} header p{margin:4px 0 0;color:#c9d1d9}
main{padding:18px 28px;max-width:1280px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:0 0 18px}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:10px 14px;min-width:120px}
.card b{display:block;font-size:22px}
.golf{font-size:17px;background:#fff;border-left:6px solid #2da44e;padding:10px 14px;margin:0 0 18px}
.golf.open{border-left-color:#bf8700}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:14px}
figure{margin:0;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:8px}
figcaption{font-weight:600;margin:0 0 4px}
svg{display:block;width:100%;height:auto}
table{border-collapse:collapse;background:#fff;width:100%;margin:18px 0}
th,td{border:1px solid #d0d7de;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#eaeef2} tr.red td{background:#ffebe9} tr.hl td{outline:2px solid #0969da}
.light{font-weight:600} .green{color:#1a7f37} .redt{color:#cf222e} .dim{color:#6e7781}
.verdict{display:inline-block;border-radius:10px;padding:0 7px;margin:1px;font-size:12px}
.error{background:#cf222e;color:#fff} .warning{background:#bf8700;color:#fff}
ul.r{margin:0;padding-left:16px} code{font-size:12px}
.legend span{margin-right:14px;font-size:12px}
"""

SCRIPT = """
document.querySelectorAll('[data-commit]').forEach(function (el) {
  el.addEventListener('click', function () {
    var row = document.getElementById('commit-' + el.getAttribute('data-commit'));
    if (!row) { return; }
    document.querySelectorAll('tr.hl').forEach(function (r) { r.classList.remove('hl'); });
    row.classList.add('hl');
    row.scrollIntoView({behavior: 'smooth', block: 'center'});
  });
});
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _code(text: str) -> str:
    """Escape, and show `names` as code."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", _e(text))


HOW_TO_READ = (
    "<p class='dim'>How to read this: each commit is one step. A good step is green (the approval harness "
    "still passes), small (a short bar below) and named (a refactoring was found in it). Red steps are shaded "
    "in every chart; the dashed blue line in a metric chart is the kata's target. Golf counts a stroke per "
    "step, one more for a red step and one more for a hand-made step, against the par of the kata's "
    "reference path.</p>"
)


def _found(review: Review) -> str:
    counts = review.counts()
    if not counts:
        return ""
    items = "".join(
        f"<span class='verdict' style='background:#ddf4ff'>{_e(k)} × {v}</span> "
        for k, v in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )
    return f"<p>Refactorings found: {items}</p>"


def _x(index: int, count: int) -> float:
    span = WIDTH - 2 * PAD
    return PAD + (span * index / max(1, count - 1) if count > 1 else span / 2)


def _red_bands(commits: Sequence[CommitReview], count: int, offset: int) -> list[str]:
    parts = []
    step = (WIDTH - 2 * PAD) / max(1, count - 1) if count > 1 else 40
    for commit in commits:
        if commit.harness.light == "red" or commit.facts.unparseable:
            x = _x(commit.index - 1 + offset, count)
            parts.append(
                f'<rect class="redband" x="{x - step / 2:.1f}" y="{PAD / 2}" width="{step:.1f}" '
                f'height="{HEIGHT - PAD}" fill="#ffebe9"><title>commit {commit.index}: red</title></rect>'
            )
    return parts


def step_chart(review: Review) -> str:
    commits = review.commits
    count = len(commits)
    biggest = max([max(c.facts.added, c.facts.removed) for c in commits] + [1])
    middle = HEIGHT / 2
    scale = (HEIGHT / 2 - PAD / 2) / biggest
    width = max(4.0, min(28.0, (WIDTH - 2 * PAD) / max(1, count) * 0.6))
    parts = _red_bands(commits, count, 0)
    parts.append(f'<line x1="{PAD}" y1="{middle}" x2="{WIDTH - PAD}" y2="{middle}" stroke="#8c959f"/>')
    for commit in commits:
        x = _x(commit.index - 1, count)
        big = commit.has("big-bang")
        outline = ' stroke="#bf8700" stroke-width="2"' if big else ""
        title = (
            f"commit {commit.index} {short(commit.facts.sha)}: +{commit.facts.added} -{commit.facts.removed}"
            f"{' (big-bang)' if big else ''}"
        )
        up = max(1.0, commit.facts.added * scale) if commit.facts.added else 0
        down = max(1.0, commit.facts.removed * scale) if commit.facts.removed else 0
        parts.append(
            f'<g class="bar" data-commit="{commit.index}"><title>{_e(title)}</title>'
            f'<rect class="added" x="{x - width / 2:.1f}" y="{middle - up:.1f}" width="{width:.1f}" '
            f'height="{max(up, 0.5):.1f}" fill="#2da44e"{outline}/>'
            f'<rect class="removed" x="{x - width / 2:.1f}" y="{middle:.1f}" width="{width:.1f}" '
            f'height="{max(down, 0.5):.1f}" fill="#cf222e"{outline}/></g>'
        )
        parts.append(f'<text x="{x:.1f}" y="{HEIGHT - 4}" font-size="10" text-anchor="middle">{commit.index}</text>')
    parts.append(f'<text x="4" y="{PAD / 2 + 8}" font-size="10">+{biggest}</text>')
    parts.append(f'<text x="4" y="{HEIGHT - PAD / 2}" font-size="10">-{biggest}</text>')
    return _svg("steps", parts)


def _svg(name: str, parts: list[str]) -> str:
    body = "".join(parts)
    return (
        f'<svg class="chart" data-chart="{_e(name)}" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" xmlns="http://www.w3.org/2000/svg">{body}</svg>'
    )


def metric_chart(review: Review, name: str, label: str, target: tuple[str, float] | None) -> str:
    series: list[tuple[int, float | None, CommitReview | None]] = [
        (0, review.baseline.get(name) if review.baseline else None, None)
    ]
    series += [(c.index, c.facts.metrics.get(name) if c.facts.metrics else None, c) for c in review.commits]
    count = len(series)
    known = [v for _i, v, _c in series if v is not None]
    limits = [*known, *([target[1]] if target else [])]
    low, high = (min(limits), max(limits)) if limits else (0.0, 1.0)
    if high == low:
        high, low = high + 1, low - 1 if low > 0 else low

    def y(value: float) -> float:
        return HEIGHT - PAD / 2 - (value - low) / (high - low) * (HEIGHT - PAD - 6)

    parts = _red_bands(review.commits, count, 1)
    if target is not None:
        ty = y(target[1])
        parts.append(
            f'<line class="target" x1="{PAD}" y1="{ty:.1f}" x2="{WIDTH - PAD}" y2="{ty:.1f}" stroke="#0969da" '
            f'stroke-dasharray="5 4"><title>target {target[0]} {target[1]:g}</title></line>'
        )
    points = [(_x(i, count), y(v)) for i, v, _c in series if v is not None]
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{py:.1f}" for x, py in points)
        parts.append(f'<polyline class="line" points="{path}" fill="none" stroke="#24292f" stroke-width="2"/>')
    for index, value, commit in series:
        if value is None:
            continue
        red = commit is not None and commit.harness.light == "red"
        fill = "#cf222e" if red else "#24292f"
        name_text = "base" if commit is None else f"commit {index} {short(commit.facts.sha)}"
        attribute = f' data-commit="{index}"' if commit is not None else ""
        parts.append(
            f'<circle class="point"{attribute} cx="{_x(index, count):.1f}" cy="{y(value):.1f}" r="{5 if red else 3.5}" '
            f'fill="{fill}"><title>{_e(name_text)}: {label} {value:g}</title></circle>'
        )
    for index, _value, _commit in series:
        label_text = "base" if index == 0 else str(index)
        parts.append(
            f'<text x="{_x(index, count):.1f}" y="{HEIGHT - 2}" font-size="9" text-anchor="middle" '
            f'fill="#6e7781">{label_text}</text>'
        )
    parts.append(f'<text x="4" y="{y(high) + 4:.1f}" font-size="10">{high:g}</text>')
    parts.append(f'<text x="4" y="{y(low) + 4:.1f}" font-size="10">{low:g}</text>')
    if not known:
        parts.append(f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" fill="#6e7781">not measured</text>')
    return _svg(name, parts)


def _cards(review: Review) -> str:
    lights = {"green": 0, "red": 0, "not run": 0}
    for commit in review.commits:
        lights[commit.harness.light] = lights.get(commit.harness.light, 0) + 1
    verdicts: dict[str, int] = {}
    for commit in review.commits:
        for verdict in commit.verdicts:
            verdicts[verdict.code] = verdicts.get(verdict.code, 0) + 1
    tested = lights["green"] + lights["red"]
    cards: list[tuple[str, object]] = [
        ("commits", len(review.commits)),
        *([("green", lights["green"]), ("red", lights["red"])] if tested else [("harness", "not run")]),
        ("refactorings", sum(review.counts().values())),
        ("big-bang", verdicts.get("big-bang", 0)),
        ("behaviour changes", verdicts.get("behaviour-change", 0)),
        ("strokes", review.golf.strokes),
        ("par", "—" if review.golf.par is None else review.golf.par),
    ]
    return (
        '<div class="cards">' + "".join(f'<div class="card"><b>{_e(v)}</b>{_e(k)}</div>' for k, v in cards) + "</div>"
    )


def _rows(review: Review) -> str:
    rows = []
    for commit in review.commits:
        light = commit.harness.light
        css = "green" if light == "green" else ("redt" if light == "red" else "dim")
        refactorings = "".join(f"<li>{_code(line)}</li>" for line in refactoring_lines(commit))
        verdicts = "".join(
            f'<span class="verdict {_e(v.severity)}" title="{_e(v.message)}">{_e(v.code)}</span>'
            for v in commit.verdicts
        )
        messages = "".join(f'<div class="dim">{_code(v.message)}</div>' for v in commit.verdicts)
        rows.append(
            f'<tr id="commit-{commit.index}" class="{"red" if light == "red" else ""}">'
            f"<td>{commit.index}</td><td><code>{_e(short(commit.facts.sha))}</code></td>"
            f"<td>{_e(commit.facts.subject)}"
            f"<div class='dim'>{_e(commit.facts.author)} · {_e(commit.facts.date)}</div></td>"
            f'<td class="light {css}">{_e(light)}<div class="dim">{_e(commit.harness.summary)}</div></td>'
            f"<td>+{commit.facts.added} / -{commit.facts.removed}</td>"
            f'<td><ul class="r">{refactorings}</ul></td><td>{verdicts}{messages}</td><td>{commit.strokes}</td></tr>'
        )
    return "".join(rows)


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>{body}"
        f"<script>{SCRIPT}</script></body></html>\n"
    )


def render_html(review: Review, targets: dict[str, tuple[str, float]] | None = None) -> str:
    targets = targets or {}
    golf_css = "golf" if review.golf.target_reached else "golf open"
    charts = [
        "<figure><figcaption>Step sizes: lines added and removed per commit</figcaption>"
        f"{step_chart(review)}"
        '<div class="legend"><span style="color:#2da44e">■ added</span><span style="color:#cf222e">■ removed</span>'
        '<span style="color:#bf8700">□ big-bang</span><span style="background:#ffebe9">red commit</span></div></figure>'
    ]
    for name, label, better in METRICS:
        direction = {"lower": "lower is better", "higher": "higher is better"}.get(better, "")
        charts.append(
            f"<figure><figcaption>{_e(label)} <span class='dim'>{_e(direction)}</span></figcaption>"
            f"{metric_chart(review, name, label, targets.get(name))}</figure>"
        )
    notes = "".join(f"<li>{_e(n)}</li>" for n in review.notes)
    body = (
        f"<header><h1>{_e(review.kata)} — {_e(review.title)}</h1>"
        f"<p>{_e(review.source)} · {_e(short(review.base))}..{_e(short(review.head))} · "
        f"{len(review.commits)} commits · generated {_e(review.generated)}</p></header><main>"
        f'<p class="{golf_css}"><b>Golf:</b> {_e(review.golf.summary)}</p>{_cards(review)}{_found(review)}'
        f"{HOW_TO_READ}"
        f'<div class="charts">{"".join(charts)}</div>'
        "<table><thead><tr><th>#</th><th>commit</th><th>subject</th><th>harness</th><th>lines</th>"
        f"<th>refactorings</th><th>verdicts</th><th>strokes</th></tr></thead><tbody>{_rows(review)}</tbody></table>"
        + (f"<h2>Notes</h2><ul>{notes}</ul>" if notes else "")
        + "<p class='dim'>Made by katabench <code>kata review</code>. Click a bar or a point to find its commit.</p>"
        "</main>"
    )
    return _page(f"Review of {review.kata}", body)


def render_class_html(data: dict[str, Any]) -> str:
    head = "".join(f"<th>{_e(title)}</th>" for _key, title in CLASS_COLUMNS)
    rows = "".join(
        "<tr>" + "".join(f"<td>{_e(_class_cell(row, key))}</td>" for key, _t in CLASS_COLUMNS) + "</tr>"
        for row in data["rows"]
    )
    errors = "".join(f"<li>{_e(p['student'])}: {_e(p['error'])}</li>" for p in data["errors"])
    body = (
        f"<header><h1>Class review</h1><p>{len(data['rows'])} students · generated {_e(data['generated'])}</p>"
        f"</header><main><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        + (f"<h2>Not reviewed</h2><ul>{errors}</ul>" if errors else "")
        + "</main>"
    )
    return _page("Class review", body)
