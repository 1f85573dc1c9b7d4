"""Charts drawn at build time as inline SVG: horizontal bars, progress meters, a timeline and a matrix.

Why plain SVG and not a charting library: the pictures are four simple shapes whose words, numbers
and dates must come from Babel in the page's language; they must work without scripts and be
readable by screen readers. pygal writes SVG without a browser but loads its tooltips script from
another host unless told not to, and has no timeline or matrix; matplotlib draws all four but
brings 40 MB of dependencies, writes its text as paths or in its own fonts, and needs its own
locale handling. Here each chart is a few dozen lines of rectangles and text, every text escaped,
each with a <title> and <desc> and the same numbers in a `Table` that the template prints beside it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup, escape

WIDTH = 640  # timeline and matrix, in the chart's own units
NARROW = 480  # bars and meters: their labels sit above the bars, so they fit a phone at a readable size
FONT = 13  # in the chart's own units; portal.css keeps a chart at least 3/4 of its width in px, so text stays >= 10px
LABEL = 66  # characters of a label above a bar before it is cut with "…" (the full text is in the table)
_ids = itertools.count(1)


def next_id() -> int:
    """A number for the next picture's ids (its <title> and <desc>), unique in the page; shared by
    the charts here and the figures of figures.py."""
    return next(_ids)


def restart_ids() -> None:
    """Number each page's pictures from 1 (ids need only be unique in a page), so a page is the
    same whichever pages were built before it in the process."""
    global _ids
    _ids = itertools.count(1)

STATUS_FILL = {"done": "#2e7d32", "in-progress": "#1565c0", "delayed": "#c62828", "not-started": "#8d8d8d",
               "unreported": "#d6d6d6", "cancelled": "#ffffff"}
BAR_FILL = "#3949ab"
OVERDUE = "#b71c1c"


@dataclass(frozen=True)
class Table:
    """The chart's numbers as a table: the first cell of each row is its header."""
    caption: str
    head: list[str]
    rows: list[list[str]]
    foot: list[str] | None = None
    numeric: tuple[int, ...] = ()  # columns aligned right


@dataclass(frozen=True)
class Chart:
    svg: Markup
    table: Table
    legend: list[tuple[str, str]] = field(default_factory=list)  # (css class suffix, label) printed under the picture


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as the page writes it


@dataclass(frozen=True)
class Meter:
    label: str
    percent: float | None  # None: left out (cancelled)
    status: str
    text: str
    overdue: bool = False


@dataclass(frozen=True)
class Span:
    label: str  # short, e.g. a task number
    name: str  # full text for the tooltip
    start: date | None
    end: date | None
    status: str
    overdue: bool = False


def bars(title: str, description: str, rows: list[Bar]) -> Markup:
    """One bar per row, its label above it and its value after it."""
    top = max((row.value for row in rows), default=0) or 1
    room = NARROW - 80
    height = 14 + 40 * len(rows)
    parts = _open(title, description, height, NARROW)
    for index, row in enumerate(rows):
        y = 10 + 40 * index
        length = room * row.value / top
        parts.append(f'<text x="0" y="{y + FONT}" font-size="{FONT}">{escape(_clip(row.label, LABEL))}</text>')
        parts.append(f'<rect class="portal-chart__bar" x="0" y="{y + 18}" width="{length:.1f}" height="14" fill="{BAR_FILL}"/>')
        parts.append(f'<text x="{length + 6:.1f}" y="{y + 30}" font-size="{FONT}" font-weight="bold">{escape(row.text)}</text>')
    return _close(parts)


def meters(title: str, description: str, rows: list[Meter]) -> Markup:
    """0-100 % meters coloured by status; an overdue row is marked with a red edge and '!'."""
    room = NARROW - 80
    height = 14 + 40 * len(rows)
    parts = _open(title, description, height, NARROW)
    for index, row in enumerate(rows):
        y = 10 + 40 * index
        parts.append(f'<text x="0" y="{y + FONT}" font-size="{FONT}">{escape(_clip(row.label, LABEL))}</text>')
        parts.append(f'<rect x="0" y="{y + 18}" width="{room}" height="14" fill="#eeeeee" stroke="#9e9e9e" stroke-width="0.5"/>')
        if row.percent:
            fill = STATUS_FILL[row.status] if row.status in ("done", "delayed") else STATUS_FILL["in-progress"]
            parts.append(f'<rect class="portal-chart__meter portal-chart--{row.status}" x="0" y="{y + 18}" '
                         f'width="{room * row.percent / 100:.1f}" height="14" fill="{fill}"/>')
        if row.overdue:
            parts.append(f'<rect class="portal-chart__overdue" x="0" y="{y + 18}" width="{room}" height="14" fill="none" stroke="{OVERDUE}" stroke-width="2"/>')
        mark = " !" if row.overdue else ""
        parts.append(f'<text x="{room + 6}" y="{y + 30}" font-size="{FONT}" font-weight="bold">{escape(row.text + mark)}</text>')
    return _close(parts)


def timeline(title: str, description: str, columns: list[tuple[str, date, date]], rows: list[Span]) -> Markup:
    """Tasks against the plan's quarters or years; each bar spans the task's time frame."""
    label_width = 56
    room = WIDTH - label_width - 24
    first, last = columns[0][1], columns[-1][2]
    days = (last - first).days + 1

    def x(day: date) -> float:
        return label_width + room * (day - first).days / days

    height = 40 + 22 * len(rows)
    parts = _open(title, description, height)
    for label, start, end in columns:
        left, right = x(start), x(end) + room / days
        parts.append(f'<line x1="{left:.1f}" y1="22" x2="{left:.1f}" y2="{height - 4}" stroke="#bdbdbd" stroke-width="0.5"/>')
        parts.append(f'<text x="{(left + right) / 2:.1f}" y="{FONT + 2}" font-size="{FONT}" text-anchor="middle">{escape(label)}</text>')
    parts.append(f'<line x1="{label_width + room:.1f}" y1="22" x2="{label_width + room:.1f}" y2="{height - 4}" stroke="#bdbdbd" stroke-width="0.5"/>')
    for index, row in enumerate(rows):
        y = 28 + 22 * index
        parts.append(f'<text x="0" y="{y + 12}" font-size="{FONT}">{escape(row.label)}</text>')
        if row.start is None or row.end is None:
            continue
        left, right = x(row.start), x(row.end) + room / days
        stroke = f' stroke="{OVERDUE}" stroke-width="2"' if row.overdue else ' stroke="#616161" stroke-width="0.5"'
        dash = ' stroke-dasharray="3 2"' if row.status == "cancelled" else ""
        parts.append(f'<rect class="portal-chart__span portal-chart--{row.status}" x="{left:.1f}" y="{y}" width="{right - left:.1f}" '
                     f'height="15" fill="{STATUS_FILL[row.status]}"{stroke}{dash}><title>{escape(row.name)}</title></rect>')
        if row.overdue:
            parts.append(f'<text x="{right + 4:.1f}" y="{y + 12}" font-size="{FONT}" font-weight="bold" fill="{OVERDUE}">!</text>')
    return _close(parts)


def matrix(title: str, description: str, rows: list[tuple[str, str]], columns: list[str], cells: dict[tuple[int, int], str],
           marks: dict[str, str]) -> Markup:
    """Rows x columns; a cell holds a mark kind: 'lead' (filled square), 'partner' (open circle),
    'basis' (filled circle), 'reference' (open circle). `rows` are (short label, full name)."""
    label_width = min(300, 16 + int(0.56 * FONT * max((len(label) for label, _ in rows), default=10)))
    # Few columns (the plans) get room for their names; many (the tasks) at least 22 units each.
    cell = max(22, min(120, (WIDTH - label_width) // max(1, len(columns))))
    width = max(WIDTH, label_width + cell * len(columns) + 4)
    height = 30 + 24 * len(rows)
    parts = _open(title, description, height, width)
    for column, label in enumerate(columns):
        cx = label_width + cell * column + cell / 2
        parts.append(f'<text x="{cx:.1f}" y="{FONT + 4}" font-size="{FONT - 2}" text-anchor="middle">{escape(label)}</text>')
    for row, (label, name) in enumerate(rows):
        y = 26 + 24 * row
        if row % 2 == 0:
            parts.append(f'<rect x="0" y="{y - 2}" width="{label_width + cell * len(columns)}" height="24" fill="#f4f6fb"/>')
        parts.append(f'<text x="0" y="{y + 15}" font-size="{FONT}"><title>{escape(name)}</title>{escape(_clip(label, 42))}</text>')
        for column in range(len(columns)):
            kind = cells.get((row, column))
            if not kind:
                continue
            cx, cy = label_width + cell * column + cell / 2, y + 10
            shape = marks[kind]
            parts.append(f'<g class="portal-chart__mark portal-chart--{kind}"><title>{escape(name)}: {escape(columns[column])}</title>{shape.format(x=cx, y=cy)}</g>')
    return _close(parts)


MARKS = {
    "lead": '<rect x="{x:.1f}" y="{y:.1f}" width="14" height="14" transform="translate(-7 -7)" fill="#1a237e"/>',
    "partner": '<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="none" stroke="#1a237e" stroke-width="2"/>',
    "basis": '<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="#1a237e"/>',
    "reference": '<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="none" stroke="#1a237e" stroke-width="2"/>',
}


def _open(title: str, description: str, height: int, width: int = WIDTH) -> list[str]:
    figure_id = f"portal-chart-{next_id()}"
    size = "narrow" if width <= NARROW else "wide"
    return [
        f'<svg class="portal-chart__svg portal-chart__svg--{size}" viewBox="-4 0 {width + 8} {height}" role="img" aria-labelledby="{figure_id}-t {figure_id}-d" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" fill="currentColor">',
        f'<title id="{figure_id}-t">{escape(title)}</title><desc id="{figure_id}-d">{escape(description)}</desc>',
    ]


def _close(parts: list[str]) -> Markup:
    return Markup("".join(parts) + "</svg>")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
