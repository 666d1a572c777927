"""The matrix and the thin ↔ thick continuum as accessible SVG text.

Every mark carries a word or a number next to its shape (colour is never the only sign), every
chart has a title and a description, and the page shows a data table beside each chart.
"""

from __future__ import annotations

import math
import textwrap
from typing import Any

from calculators.core import svg
from calculators.core.words import in_language
from calculators.matrix.score import Model, level_ids, say

CELL_W = 170
CELL_H = 130
LEFT = 190
TOP = 86
CELL_CHARS = 26
"""Characters per line of a cell's name at the chart's font size (11 px in 170 px)."""
LABEL_CHARS = 24
MATRIX_W = LEFT + CELL_W * 3 + 10
MATRIX_H = TOP + CELL_H * 3 + 10
GRID_CLASS = "matrix-grid"
"""The one chart drawn wider than a phone: a 3 × 3 grid, two-dimensional content that keeps a
legible floor and scrolls in its figure on a narrow screen (calculator.css, render.js)."""
LINE = 14
MARKS_Y = 100
"""Where the now and goal marks sit, from the top of a cell."""
MEMBER_R = 10
MEMBERS_Y = 84
"""Where the first row of member marks sits, from the top of a cell."""
MEMBER_STEP = 22
MEMBERS_PER_ROW = 7
MEMBER_ROWS = 2

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


def _cell_origin(model: Model, cell: dict[str, Any]) -> tuple[float, float]:
    column = level_ids(model, "planning").index(cell["planning"])
    row = level_ids(model, "production").index(cell["production"])
    return LEFT + CELL_W * column, TOP + CELL_H * row


def _cells(model: Model) -> dict[str, dict[str, Any]]:
    return {cell["id"]: cell for cell in model["matrix"]["cells"]}


def _axes(model: Model, lang: str) -> list[str]:
    matrix = model["matrix"]
    body = [
        svg.text(
            LEFT + CELL_W * 1.5,
            20,
            in_language(matrix["planning"]["title"], lang),
            class_="axis-title",
            text_anchor="middle",
        ),
        svg.text(
            18,
            TOP + CELL_H * 1.5,
            in_language(matrix["production"]["title"], lang),
            class_="axis-title",
            text_anchor="middle",
            transform=f"rotate(-90 18 {TOP + CELL_H * 1.5})",
        ),
    ]
    for index, level in enumerate(matrix["planning"]["levels"]):
        wrapped = textwrap.wrap(in_language(level["label"], lang), LABEL_CHARS)
        body.append(
            svg.lines(
                LEFT + CELL_W * (index + 0.5),
                44,
                wrapped,
                LINE,
                text_anchor="middle",
                class_="axis-label",
            )
        )
    for index, level in enumerate(matrix["production"]["levels"]):
        wrapped = textwrap.wrap(in_language(level["label"], lang), LABEL_CHARS - 6)
        y = TOP + CELL_H * (index + 0.5) - LINE * (len(wrapped) - 1) / 2
        body.append(svg.lines(LEFT - 8, y, wrapped, LINE, text_anchor="end", class_="axis-label"))
    return body


def _grid(
    model: Model, lang: str, classes: dict[str, str], beneath: list[str] | None = None
) -> list[str]:
    """Axis labels and the nine cells with their names; ``classes`` adds to chosen cells and
    ``beneath`` is drawn over the cells but under their names (a path must not hide them)."""
    rects, names = [], []
    for cell in model["matrix"]["cells"]:
        x, y = _cell_origin(model, cell)
        extra = classes.get(cell["id"], "")
        kind = f"cell cell-{cell['kind']} {extra}".strip()
        rects.append(svg.element("rect", x=x, y=y, width=CELL_W, height=CELL_H, class_=kind))
        name = textwrap.wrap(in_language(cell["name"], lang), CELL_CHARS)
        names.append(
            svg.lines(x + CELL_W / 2, y + 18, name, LINE, text_anchor="middle", class_="cell-name")
        )
    return _axes(model, lang) + rects + (beneath or []) + names


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


def _mark_centre(model: Model, cell: dict[str, Any], goal: bool) -> tuple[float, float]:
    x, y = _cell_origin(model, cell)
    return x + (CELL_W * 0.68 if goal else CELL_W * 0.2), y + MARKS_Y


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
    classes = {now: "cell-here"}
    if goal:
        classes[goal] = f"{classes.get(goal, '')} cell-goal".strip()
    nx, ny = _mark_centre(model, cells[now], goal=False)
    marks = [_star(nx, ny, 12), _label(nx + 16, ny + 4, say(model, "now-mark", lang))]
    route: list[str] = []
    descriptions = [say(model, "matrix-desc-now", lang, cell=in_language(cells[now]["name"], lang))]
    if goal:
        gx, gy = _mark_centre(model, cells[goal], goal=True)
        marks += [_diamond(gx, gy, 11), _label(gx + 15, gy + 4, say(model, "goal-mark", lang))]
        goal_name = in_language(cells[goal]["name"], lang)
        descriptions.append(say(model, "matrix-desc-goal", lang, cell=goal_name))
        if path:
            points = [(nx, ny)]
            for cell in path[:-1]:
                x, y = _cell_origin(model, cells[cell])
                points.append((x + CELL_W / 2, y + MARKS_Y))
            route = _arrow([*points, (gx, gy)])
            names = ", ".join(in_language(cells[cell]["name"], lang) for cell in path)
            descriptions.append(say(model, "matrix-desc-path", lang, cells=names))
    title = in_language(model["matrix"]["messages"]["chart-title"], lang)
    body = _grid(model, lang, classes, beneath=route) + marks
    return svg.document(MATRIX_W, MATRIX_H, title, " ".join(descriptions), body, GRID_CLASS)


def _label(x: float, y: float, words: str) -> str:
    return svg.text(x, y, words, class_="mark-label")


def _slot(x: float, y: float, index: int) -> tuple[float, float]:
    """Centre of the ``index``-th member mark in the cell at (x, y): rows of seven, at the foot."""
    row, column = divmod(index, MEMBERS_PER_ROW)
    return x + 16 + MEMBER_STEP * column, y + MEMBERS_Y + MEMBER_STEP * row


def draw_group(model: Model, lang: str, placed: dict[str, list[int]]) -> str:
    """The matrix with a numbered mark for each member in the cell where they placed it; a
    crowded cell shows as many as fit and "+n" for the rest (the table lists everyone)."""
    cells = _cells(model)
    body = _grid(model, lang, {cell: "cell-chosen" for cell in placed})
    capacity = MEMBERS_PER_ROW * MEMBER_ROWS
    for cell_id, numbers in placed.items():
        x, y = _cell_origin(model, cells[cell_id])
        shown = numbers if len(numbers) <= capacity else numbers[: capacity - 1]
        for index, number in enumerate(shown):
            cx, cy = _slot(x, y, index)
            body.append(svg.element("circle", cx=cx, cy=cy, r=MEMBER_R, class_="member"))
            body.append(
                svg.text(cx, cy + 4, str(number), text_anchor="middle", class_="member-label")
            )
        if len(shown) < len(numbers):
            cx, cy = _slot(x, y, capacity - 1)
            more = say(model, "more-marks", lang, count=len(numbers) - len(shown))
            body.append(svg.text(cx, cy + 4, more, text_anchor="middle", class_="member-more"))
    listing = "; ".join(
        f"{in_language(cells[cell]['name'], lang)}: {', '.join(map(str, numbers))}"
        for cell, numbers in placed.items()
    )
    title = say(model, "group-chart-title", lang)
    description = say(model, "group-desc", lang, cells=listing)
    return svg.document(MATRIX_W, MATRIX_H, title, description, body, GRID_CLASS)


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
