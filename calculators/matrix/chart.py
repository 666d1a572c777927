"""The matrix and the thin ↔ thick continuum as accessible SVG text.

Every mark carries a word or a number next to its shape (colour is never the only sign), every
chart has a title and a description, and the page shows a data table beside each chart.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from typing import Any

from calculators.core import svg
from calculators.core.words import in_language
from calculators.matrix.score import Model, level_ids, say

WIDTH = 340
"""Drawn for a phone's 288 px column, where its 13-unit text stays 11 px high; wider screens scale
it up (tools/matrix.css). The row labels go above each row, so the three columns take the width."""
LEFT = 5
CELL_W = 110
CELL_CHARS = 13
"""Characters per line of a cell's name or a column's label at 13 units in 110; a longer word
(up to 15) keeps a line of its own."""
ROW_CHARS = 48
LINE = 15
HEADER_Y = 42
"""Where the columns' labels start, under the planning axis's title."""
NAME_Y = 18
"""Where a cell's name starts, from the top of the cell."""
MARKS_FOOT = 40
"""The now and goal marks sit in a strip this high at the foot of each cell."""
MEMBER_R = 10
MEMBER_STEP = 24
MEMBERS_PER_ROW = 4
MEMBER_ROWS = 4
GRID_CLASS = "matrix-grid"
"""Member marks sit in rows of four at the foot of each cell, as many rows as the row's most
crowded cell needs: 16 places, so up to 16 members show before a "+n"."""

BAR_X0 = 20
BAR_X1 = 300
BAR_Y = 40
BAR_H = 20
CONTINUUM_W = 320
"""Drawn for a phone's 288 px column, where its 12-unit text stays 10.8 px high; wider screens
scale it up (tools/matrix.css)."""
CONTINUUM_H = 134
ENDS_Y = 112
"""The scale's numbers; the names of its ends go on the line below."""
LABEL_MARGIN = 44


@dataclass(frozen=True)
class _Layout:
    """Where the grid's parts go in one language: a row is as tall as its longest cell name."""

    names: dict[str, list[str]]
    columns: list[list[str]]
    production_y: float
    rows: list[tuple[float, float, list[str]]]
    """Each row's top, and its label's lines and where they start, above that top."""
    row_heights: list[float]
    feet: list[int]
    height: int


def _wrap(words: str, chars: int) -> list[str]:
    """Lines of whole words: "co-creation" or a long Norwegian compound split would misread."""
    return textwrap.wrap(words, chars, break_long_words=False, break_on_hyphens=False)


def _layout(model: Model, lang: str, feet: list[int]) -> _Layout:
    """``feet`` is the height of the strip for marks at the foot of each row's cells."""
    matrix = model["matrix"]
    names = {
        cell["id"]: _wrap(in_language(cell["name"], lang), CELL_CHARS) for cell in matrix["cells"]
    }
    columns = [
        _wrap(in_language(level["label"], lang), CELL_CHARS)
        for level in matrix["planning"]["levels"]
    ]
    production_y = HEADER_Y + LINE * max(map(len, columns)) + 12
    y = production_y
    rows, heights = [], []
    for level, foot in zip(matrix["production"]["levels"], feet, strict=True):
        label = _wrap(in_language(level["label"], lang), ROW_CHARS)
        label_y = y + LINE + 4
        top = label_y + LINE * (len(label) - 1) + 8
        in_row = [cell["id"] for cell in matrix["cells"] if cell["production"] == level["id"]]
        height = NAME_Y + LINE * (max(len(names[cell]) for cell in in_row) - 1) + 8 + foot
        rows.append((top, label_y, label))
        heights.append(height)
        y = top + height
    return _Layout(names, columns, production_y, rows, heights, feet, math.ceil(y + 4))


def _cell_box(model: Model, layout: _Layout, cell: dict[str, Any]) -> tuple[float, float, float]:
    """The cell's left, top and height."""
    column = level_ids(model, "planning").index(cell["planning"])
    row = level_ids(model, "production").index(cell["production"])
    return LEFT + CELL_W * column, layout.rows[row][0], layout.row_heights[row]


def _foot(model: Model, layout: _Layout, cell: dict[str, Any]) -> tuple[float, float]:
    """The cell's left and the top of the strip for marks at its foot."""
    x, y, height = _cell_box(model, layout, cell)
    row = level_ids(model, "production").index(cell["production"])
    return x, y + height - layout.feet[row]


def _cells(model: Model) -> dict[str, dict[str, Any]]:
    return {cell["id"]: cell for cell in model["matrix"]["cells"]}


def _axes(model: Model, lang: str, layout: _Layout) -> list[str]:
    """The planning axis over the columns; the production axis's title and each row's label
    above its row, so that no label column takes a phone's width."""
    matrix = model["matrix"]
    body = [
        svg.text(
            WIDTH / 2,
            20,
            in_language(matrix["planning"]["title"], lang),
            class_="axis-title",
            text_anchor="middle",
        ),
        svg.text(
            LEFT,
            layout.production_y,
            in_language(matrix["production"]["title"], lang),
            class_="axis-title",
        ),
    ]
    for index, wrapped in enumerate(layout.columns):
        body.append(
            svg.lines(
                LEFT + CELL_W * (index + 0.5),
                HEADER_Y,
                wrapped,
                LINE,
                text_anchor="middle",
                class_="axis-label",
            )
        )
    for _top, label_y, label in layout.rows:
        body.append(svg.lines(LEFT, label_y, label, LINE, class_="axis-label"))
    return body


def _grid(
    model: Model,
    lang: str,
    layout: _Layout,
    classes: dict[str, str],
    beneath: list[str] | None = None,
) -> list[str]:
    """Axis labels and the nine cells with their names; ``classes`` adds to chosen cells and
    ``beneath`` is drawn over the cells but under their names (a path must not hide them)."""
    rects, names = [], []
    for cell in model["matrix"]["cells"]:
        x, y, height = _cell_box(model, layout, cell)
        extra = classes.get(cell["id"], "")
        kind = f"cell cell-{cell['kind']} {extra}".strip()
        rects.append(svg.element("rect", x=x, y=y, width=CELL_W, height=height, class_=kind))
        names.append(
            svg.lines(
                x + CELL_W / 2,
                y + NAME_Y,
                layout.names[cell["id"]],
                LINE,
                text_anchor="middle",
                class_="cell-name",
            )
        )
    return _axes(model, lang, layout) + rects + (beneath or []) + names


def _star(cx: float, cy: float, radius: float) -> str:
    points = []
    for index in range(10):
        r = radius if index % 2 == 0 else radius * 0.45
        angle = math.pi / 5 * index - math.pi / 2
        points.append(f"{cx + r * math.cos(angle):.1f},{cy + r * math.sin(angle):.1f}")
    return svg.element("polygon", points=" ".join(points), class_="mark-now")


def _diamond(cx: float, cy: float, radius: float) -> str:
    points = f"{cx},{cy - radius} {cx + radius},{cy} {cx},{cy + radius} {cx - radius},{cy}"
    return svg.element("polygon", points=points, class_="mark-goal")


def _marks_y(model: Model, layout: _Layout, cell: dict[str, Any]) -> tuple[float, float]:
    """The middle of the cell and the height of its marks, in the strip at its foot."""
    x, foot = _foot(model, layout, cell)
    return x + CELL_W / 2, foot + MARKS_FOOT / 2


def _mark_centre(
    model: Model, layout: _Layout, cell: dict[str, Any], goal: bool
) -> tuple[float, float]:
    """Now on the left of the cell and the goal on its right, each with its word after it."""
    x, y = _marks_y(model, layout, cell)
    return x + (9 if goal else -42), y


def _arrow(points: list[tuple[float, float]]) -> list[str]:
    """A path through cell centres with an arrowhead drawn as a shape (no shared ids)."""
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    (x0, y0), (x1, y1) = points[-2], points[-1]
    angle = math.atan2(y1 - y0, x1 - x0)
    tip = (x1 - 14 * math.cos(angle), y1 - 14 * math.sin(angle))
    wings = [
        (tip[0] - 10 * math.cos(angle - side), tip[1] - 10 * math.sin(angle - side))
        for side in (0.5, -0.5)
    ]
    head = " ".join(f"{x:.1f},{y:.1f}" for x, y in [tip, *wings])
    return [
        svg.element("polyline", points=line, class_="path"),
        svg.element("polygon", points=head, class_="path-head"),
    ]


def draw_matrix(model: Model, lang: str, now: str, goal: str | None, path: list[str]) -> str:
    """The matrix with the current cell starred and, if set, the goal cell and the path to it.

    ``path`` lists the cells passed on the way, ending with the goal (planning moves first).
    """
    cells = _cells(model)
    layout = _layout(model, lang, [MARKS_FOOT] * 3)
    classes = {now: "cell-here"}
    if goal:
        classes[goal] = f"{classes.get(goal, '')} cell-goal".strip()
    nx, ny = _mark_centre(model, layout, cells[now], goal=False)
    marks = [_star(nx, ny, 10), _label(nx + 12, ny + 5, say(model, "now-mark", lang))]
    route: list[str] = []
    descriptions = [say(model, "matrix-desc-now", lang, cell=in_language(cells[now]["name"], lang))]
    if goal:
        gx, gy = _mark_centre(model, layout, cells[goal], goal=True)
        marks += [_diamond(gx, gy, 9), _label(gx + 12, gy + 5, say(model, "goal-mark", lang))]
        goal_name = in_language(cells[goal]["name"], lang)
        descriptions.append(say(model, "matrix-desc-goal", lang, cell=goal_name))
        if path:
            points = [(nx, ny)]
            points += [_marks_y(model, layout, cells[cell]) for cell in path[:-1]]
            route = _arrow([*points, (gx, gy)])
            names = ", ".join(in_language(cells[cell]["name"], lang) for cell in path)
            descriptions.append(say(model, "matrix-desc-path", lang, cells=names))
    title = in_language(model["matrix"]["messages"]["chart-title"], lang)
    body = _grid(model, lang, layout, classes, beneath=route) + marks
    return svg.document(WIDTH, layout.height, title, " ".join(descriptions), body, GRID_CLASS)


def _label(x: float, y: float, words: str) -> str:
    return svg.text(x, y, words, class_="mark-label")


def _slot(x: float, foot: float, index: int) -> tuple[float, float]:
    """Centre of the ``index``-th member mark in the cell from ``x``, its strip from ``foot``."""
    row, column = divmod(index, MEMBERS_PER_ROW)
    left = x + (CELL_W - MEMBER_STEP * (MEMBERS_PER_ROW - 1)) / 2  # apart from the next cell's
    return left + MEMBER_STEP * column, foot + MEMBER_R + 2 + MEMBER_STEP * row


def _member_feet(model: Model, placed: dict[str, list[int]], capacity: int) -> list[int]:
    """Each row's strip for member marks: the rows of marks its most crowded cell needs."""
    cells = _cells(model)
    feet = []
    for level in level_ids(model, "production"):
        counts = [len(n) for cell, n in placed.items() if cells[cell]["production"] == level]
        rows = max(1, math.ceil(min(max(counts, default=0), capacity) / MEMBERS_PER_ROW))
        feet.append(MEMBER_STEP * rows + 8)
    return feet


def draw_group(model: Model, lang: str, placed: dict[str, list[int]]) -> str:
    """The matrix with a numbered mark for each member in the cell where they placed it; a
    crowded cell shows as many as fit and "+n" for the rest (the table lists everyone)."""
    cells = _cells(model)
    capacity = MEMBERS_PER_ROW * MEMBER_ROWS
    layout = _layout(model, lang, _member_feet(model, placed, capacity))
    body = _grid(model, lang, layout, {cell: "cell-chosen" for cell in placed})
    for cell_id, numbers in placed.items():
        x, foot = _foot(model, layout, cells[cell_id])
        shown = numbers if len(numbers) <= capacity else numbers[: capacity - 1]
        for index, number in enumerate(shown):
            cx, cy = _slot(x, foot, index)
            body.append(svg.element("circle", cx=cx, cy=cy, r=MEMBER_R, class_="member"))
            body.append(
                svg.text(cx, cy + 4, str(number), text_anchor="middle", class_="member-label")
            )
        if len(shown) < len(numbers):
            cx, cy = _slot(x, foot, capacity - 1)
            more = say(model, "more-marks", lang, count=len(numbers) - len(shown))
            body.append(svg.text(cx, cy + 4, more, text_anchor="middle", class_="member-more"))
    listing = "; ".join(
        f"{in_language(cells[cell]['name'], lang)}: {', '.join(map(str, numbers))}"
        for cell, numbers in placed.items()
    )
    title = say(model, "group-chart-title", lang)
    description = say(model, "group-desc", lang, cells=listing)
    return svg.document(WIDTH, layout.height, title, description, body, GRID_CLASS)


def _x(value: float, top: int) -> float:
    return BAR_X0 + (BAR_X1 - BAR_X0) * value / top


def _span(position: dict[str, int]) -> str:
    low, high = position["low"], position["high"]
    return str(low) if low == high else f"{low}–{high}"


def _position_marks(position: dict[str, int], top: int, below: bool, label: str) -> list[str]:
    """A triangle (or a bracket over a range) pointing at the bar, with its words and numbers."""
    x0, x1 = _x(position["low"], top), _x(position["high"], top)
    if below:
        edge, far, text_y = BAR_Y + BAR_H + 4, BAR_Y + BAR_H + 16, BAR_Y + BAR_H + 32
    else:
        edge, far, text_y = BAR_Y - 4, BAR_Y - 16, BAR_Y - 22
    shapes = []
    if x1 > x0:
        shapes.append(
            svg.element("rect", x=x0, y=min(edge, far), width=x1 - x0, height=4, class_="range")
        )
    middle = (x0 + x1) / 2
    shapes.append(
        svg.element(
            "polygon",
            points=f"{middle},{edge} {middle - 7},{far} {middle + 7},{far}",
            class_="mark-goal" if below else "mark-now",
        )
    )
    anchor = min(max(middle, BAR_X0 + LABEL_MARGIN), BAR_X1 - LABEL_MARGIN)
    shapes.append(
        svg.text(
            anchor, text_y, f"{label}: {_span(position)}", text_anchor="middle", class_="mark-label"
        )
    )
    return shapes


def draw_continuum(
    model: Model, lang: str, now: dict[str, int] | None, goal: dict[str, int] | None, top: int
) -> str:
    """The scale from thin to thick, split in its two halves, with the now and goal positions."""
    middle = top // 2
    body = [
        svg.element(
            "rect",
            x=BAR_X0,
            y=BAR_Y,
            width=_x(middle, top) - BAR_X0,
            height=BAR_H,
            class_="half-thin",
        ),
        svg.element(
            "rect",
            x=_x(middle, top),
            y=BAR_Y,
            width=BAR_X1 - _x(middle, top),
            height=BAR_H,
            class_="half-thick",
        ),
        svg.lines(BAR_X0, ENDS_Y, ["0", say(model, "thin-end", lang)], LINE, class_="axis-label"),
        svg.text(_x(middle, top), ENDS_Y, str(middle), text_anchor="middle", class_="axis-label"),
        svg.lines(
            BAR_X1,
            ENDS_Y,
            [str(top), say(model, "thick-end", lang)],
            LINE,
            text_anchor="end",
            class_="axis-label",
        ),
    ]
    marks = []
    if now:
        label = say(model, "now-mark", lang)
        body += _position_marks(now, top, below=False, label=label)
        marks.append(f"{label}: {_span(now)}.")
    if goal:
        label = say(model, "goal-mark", lang)
        body += _position_marks(goal, top, below=True, label=label)
        marks.append(f"{label}: {_span(goal)}.")
    description = say(model, "continuum-desc", lang, top=top, middle=middle, marks=" ".join(marks))
    return svg.document(
        CONTINUUM_W,
        CONTINUUM_H,
        say(model, "continuum-title", lang),
        description,
        body,
        "matrix-continuum",
    )
