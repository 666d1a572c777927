"""The assessment's profile chart: one row per area on the agreement scale, as accessible SVG.

Each row shows the mean as a filled dot, the group's lowest-to-highest range as a bar with end
caps, and an earlier round's mean as an open diamond; the mean is also written as a number at
the row's end, so shape and text, never colour alone, carry the meaning. A table with the same
numbers stands next to the chart on the page.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from calculators.core import svg

WIDTH = 320
"""Drawn narrow, each area's name above its row, so that the chart fits a phone's 288 px column
with its 13-unit text still 11.7 px high; wider screens scale it up (tools/assessment.css)."""
LEFT = 8
PLOT_LEFT = 16
PLOT_WIDTH = 236
VALUE_RIGHT = 312
TOP = 24
LEGEND_LINE = 20
TICKS = 26
"""Room for the scale's numbers above the first section."""
SECTION = 30
LINE = 14
TRACK = 18
"""From an area's last line of name down to its row's track."""
ROW_END = 16
WRAP = 40
"""Characters per line of an area's name; longer names wrap onto another line."""
DOT = 6
DIAMOND = 7
CAP = 6
GRID = 8
"""Half the height of a scale point's mark across each row's track."""


@dataclass(frozen=True)
class ChartRow:
    name: str
    mean: float | None
    low: float | None = None
    high: float | None = None
    earlier: float | None = None


@dataclass(frozen=True)
class Legend:
    """What the marks mean; an entry left empty is not drawn."""

    mean: str
    range: str = ""
    earlier: str = ""


def _x(value: float, points: int) -> float:
    return round(PLOT_LEFT + (value - 1) / (points - 1) * PLOT_WIDTH, 1)


def _label(y: float, name: str) -> tuple[str, float]:
    """The area's name from ``y`` down, and the height its lines take."""
    lines = textwrap.wrap(name, WRAP) or [""]
    spans = "".join(
        f"<tspan {svg.attrs(x=LEFT, y=y + index * LINE)}>{escape(line)}</tspan>"
        for index, line in enumerate(lines)
    )
    return f"<text {svg.attrs(class_='assessment-label')}>{spans}</text>", len(lines) * LINE


def _diamond(x: float, y: float, class_: str) -> str:
    corners = f"{x},{y - DIAMOND} {x + DIAMOND},{y} {x},{y + DIAMOND} {x - DIAMOND},{y}"
    return f"<polygon {svg.attrs(points=corners, class_=class_)}/>"


def _range(low: float, high: float, y: float) -> list[str]:
    return [
        f"<line {svg.attrs(x1=low, y1=y, x2=high, y2=y, class_='assessment-range')}/>",
        *(
            f"<line {svg.attrs(x1=x, y1=y - CAP, x2=x, y2=y + CAP, class_='assessment-range')}/>"
            for x in (low, high)
        ),
    ]


def _row(
    row: ChartRow, top: float, points: int, empty: str, number: Callable[[float], str]
) -> tuple[list[str], float]:
    """An area's name and, below it, its track with marks; and where the next row starts."""
    label, height = _label(top + LINE - 3, row.name)
    y = top + height + TRACK - LINE / 2
    track = svg.attrs(
        x1=_x(1, points), y1=y, x2=_x(points, points), y2=y, class_="assessment-track"
    )
    marks = [label, f"<line {track}/>"]
    for point in range(1, points + 1):
        x = _x(point, points)
        grid = svg.attrs(x1=x, y1=y - GRID, x2=x, y2=y + GRID, class_="assessment-grid")
        marks.append(f"<line {grid}/>")
    if row.low is not None and row.high is not None and row.high > row.low:
        marks += _range(_x(row.low, points), _x(row.high, points), y)
    if row.earlier is not None:
        marks.append(_diamond(_x(row.earlier, points), y, "assessment-earlier"))
    if row.mean is not None:
        circle = svg.attrs(cx=_x(row.mean, points), cy=y, r=DOT, class_="assessment-mean")
        marks.append(f"<circle {circle}/>")
    value = number(row.mean) if row.mean is not None else empty
    marks.append(svg.text(VALUE_RIGHT, y + 4, value, text_anchor="end", class_="assessment-value"))
    return marks, y + ROW_END


def _legend(legend: Legend) -> tuple[list[str], float]:
    """The legend's entries, on as many lines as the width needs; and where it ends."""
    marks, x, y = [], PLOT_LEFT, TOP - 6
    entries = [("mean", legend.mean), ("range", legend.range), ("earlier", legend.earlier)]
    for kind, text in entries:
        if not text:
            continue
        width = 28 + 8 * len(text)
        if x > PLOT_LEFT and x + width > WIDTH:
            x, y = PLOT_LEFT, y + LEGEND_LINE
        if kind == "mean":
            marks.append(f"<circle {svg.attrs(cx=x, cy=y, r=DOT, class_='assessment-mean')}/>")
        elif kind == "range":
            marks += _range(x - 8, x + 8, y)
        else:
            marks.append(_diamond(x, y, "assessment-earlier"))
        marks.append(svg.text(x + 14, y + 4, text, class_="assessment-legend"))
        x += width
    return marks, y + LEGEND_LINE


def draw(
    sections: list[tuple[str, list[ChartRow]]],
    points: int,
    texts: tuple[str, str, Legend, str],
    number: Callable[[float], str],
) -> str:
    """The chart; ``texts`` is (title, description, legend, text for an area without a score)."""
    title, description, legend, empty = texts
    body, y = _legend(legend)
    for point in range(1, points + 1):
        body.append(
            svg.text(
                _x(point, points), y + 8, str(point), text_anchor="middle", class_="assessment-tick"
            )
        )
    y += TICKS
    for heading, section_rows in sections:
        y += SECTION
        body.append(svg.text(LEFT, y - 10, heading, class_="assessment-section"))
        for row in section_rows:
            marks, y = _row(row, y, points, empty, number)
            body += marks
    return svg.document(WIDTH, round(y + 4), title, description, body, "assessment-chart")
