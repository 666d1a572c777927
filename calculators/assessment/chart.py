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

WIDTH = 680
LABEL_RIGHT = 262
PLOT_LEFT = 284
PLOT_WIDTH = 320
VALUE_RIGHT = 672
TOP = 70
ROW = 38
SECTION = 32
LINE = 14
WRAP = 36
"""Characters per line of an area's name; longer names wrap onto a second line."""
DOT = 6
DIAMOND = 7
CAP = 6


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


def _label(y: float, name: str) -> str:
    lines = textwrap.wrap(name, WRAP) or [""]
    first = y + 4 - (len(lines) - 1) * LINE / 2
    spans = "".join(
        f"<tspan {svg.attrs(x=LABEL_RIGHT, y=first + index * LINE)}>{escape(line)}</tspan>"
        for index, line in enumerate(lines)
    )
    return f"<text {svg.attrs(text_anchor='end', class_='assessment-label')}>{spans}</text>"


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
    row: ChartRow, y: float, points: int, empty: str, number: Callable[[float], str]
) -> list[str]:
    track = svg.attrs(
        x1=_x(1, points), y1=y, x2=_x(points, points), y2=y, class_="assessment-track"
    )
    marks = [_label(y, row.name), f"<line {track}/>"]
    if row.low is not None and row.high is not None and row.high > row.low:
        marks += _range(_x(row.low, points), _x(row.high, points), y)
    if row.earlier is not None:
        marks.append(_diamond(_x(row.earlier, points), y, "assessment-earlier"))
    if row.mean is not None:
        circle = svg.attrs(cx=_x(row.mean, points), cy=y, r=DOT, class_="assessment-mean")
        marks.append(f"<circle {circle}/>")
    value = number(row.mean) if row.mean is not None else empty
    marks.append(svg.text(VALUE_RIGHT, y + 4, value, text_anchor="end", class_="assessment-value"))
    return marks


def _legend(legend: Legend) -> list[str]:
    marks, x, y = [], PLOT_LEFT - 200, 18
    entries = [("mean", legend.mean), ("range", legend.range), ("earlier", legend.earlier)]
    for kind, text in entries:
        if not text:
            continue
        if kind == "mean":
            marks.append(f"<circle {svg.attrs(cx=x, cy=y, r=DOT, class_='assessment-mean')}/>")
        elif kind == "range":
            marks += _range(x - 8, x + 8, y)
        else:
            marks.append(_diamond(x, y, "assessment-earlier"))
        marks.append(svg.text(x + 14, y + 4, text, class_="assessment-legend"))
        x += 28 + 7 * len(text)
    return marks


def draw(
    sections: list[tuple[str, list[ChartRow]]],
    points: int,
    texts: tuple[str, str, Legend, str],
    number: Callable[[float], str],
) -> str:
    """The chart; ``texts`` is (title, description, legend, text for an area without a score)."""
    title, description, legend, empty = texts
    rows = sum(len(section_rows) for _, section_rows in sections)
    height = TOP + SECTION * len(sections) + ROW * rows + 10
    body = _legend(legend)
    for point in range(1, points + 1):
        x = _x(point, points)
        body.append(
            svg.text(x, TOP - 16, str(point), text_anchor="middle", class_="assessment-tick")
        )
        grid = svg.attrs(x1=x, y1=TOP - 8, x2=x, y2=height - 10, class_="assessment-grid")
        body.append(f"<line {grid}/>")
    y = TOP
    for heading, section_rows in sections:
        y += SECTION
        body.append(svg.text(8, y - 8, heading, class_="assessment-section"))
        for row in section_rows:
            body += _row(row, y + ROW / 2 - 6, points, empty, number)
            y += ROW
    return svg.document(WIDTH, height, title, description, body, "assessment-chart")
