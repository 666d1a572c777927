"""Place a collaboration in the thin/thick matrix (handbook ch. 1, p. 13–14, Figure 2).

Columns are who plans and designs the service, rows who produces and delivers it; the centre
cell, where both are shared, is thick collaboration (co-production).
"""

from __future__ import annotations

from typing import Any

from calculators import svg, view
from calculators.errors import InputError
from calculators.savefile import clean_answers

VERSION = 1
"""Version of the saved state; raise it (and migrate in ``clean``) when the state changes."""
AXES = ("planning", "production")
CELL = 120
MARGIN_LEFT = 150
MARGIN_TOP = 70
HERE_MARK = "★"


def _text(value: dict[str, str], lang: str) -> str:
    return value.get(lang) or value["en"]


def _level_ids(axis: dict[str, Any]) -> list[str]:
    return [level["id"] for level in axis["levels"]]


def _check(answers: dict[str, Any], matrix: dict[str, Any], lang: str) -> dict[str, str]:
    chosen: dict[str, str] = {}
    problems: list[tuple[str, str]] = []
    for axis in AXES:
        answer = answers.get(axis)
        if answer in _level_ids(matrix[axis]):
            chosen[axis] = answer
        else:
            problems.append((axis, _text(matrix["messages"][f"choose-{axis}"], lang)))
    if problems:
        raise InputError(problems)
    return chosen


def find_cell(matrix: dict[str, Any], planning: str, production: str) -> dict[str, Any]:
    """The cell for a pair of levels."""
    for cell in matrix["cells"]:
        if cell["planning"] == planning and cell["production"] == production:
            return cell
    raise KeyError((planning, production))


def draw(matrix: dict[str, Any], here: dict[str, Any], lang: str) -> str:
    """The 3×3 matrix as SVG with the chosen cell outlined, starred and named."""
    columns = _level_ids(matrix["planning"])
    rows = _level_ids(matrix["production"])
    body = [
        svg.text(
            MARGIN_LEFT + CELL * 1.5,
            24,
            _text(matrix["planning"]["title"], lang),
            text_anchor="middle",
            class_="axis-title",
        ),
    ]
    for index, level in enumerate(matrix["planning"]["levels"]):
        body.append(
            svg.text(
                MARGIN_LEFT + CELL * (index + 0.5),
                52,
                _text(level["label"], lang),
                text_anchor="middle",
                class_="axis-label",
            )
        )
    for index, level in enumerate(matrix["production"]["levels"]):
        body.append(
            svg.text(
                MARGIN_LEFT - 8,
                MARGIN_TOP + CELL * (index + 0.5),
                _text(level["label"], lang),
                text_anchor="end",
                class_="axis-label",
            )
        )
    for cell in matrix["cells"]:
        x = MARGIN_LEFT + CELL * columns.index(cell["planning"])
        y = MARGIN_TOP + CELL * rows.index(cell["production"])
        chosen = cell["id"] == here["id"]
        body.append(
            f"<rect {svg.attrs(x=x, y=y, width=CELL, height=CELL)} "
            f'class="cell cell-{cell["kind"]}{" cell-here" if chosen else ""}"/>'
        )
        if chosen:
            body.append(
                svg.text(
                    x + CELL / 2,
                    y + CELL / 2 + 12,
                    HERE_MARK,
                    text_anchor="middle",
                    class_="here-mark",
                )
            )
    messages = matrix["messages"]
    title = _text(messages["chart-title"], lang)
    description = _text(messages["chart-here"], lang).format(cell=_text(here["name"], lang))
    width = MARGIN_LEFT + CELL * 3 + 10
    height = MARGIN_TOP + CELL * 3 + 10
    return svg.document(width, height, title, description, body)


def clean(state: dict[str, Any], model: dict[str, Any]) -> dict[str, Any]:
    """A saved state from a file or link, reduced to what this tool reads."""
    return {"answers": clean_answers(state.get("answers", {}))}


def compute(state: dict[str, Any], model: dict[str, Any], lang: str) -> list[view.Block]:
    """The cell a collaboration sits in, from who plans it and who delivers it."""
    answers = state.get("answers", {})
    matrix = model["matrix"]
    chosen = _check(answers, matrix, lang)
    cell = find_cell(matrix, chosen["planning"], chosen["production"])
    grey = [
        _text(area["name"], lang)
        for area in matrix["grey_areas"]
        if chosen[area["axis"]] == "together"
    ]
    blocks = [
        view.heading(_text(cell["name"], lang)),
        view.paragraph(_text(cell["description"], lang)),
    ]
    if grey:
        label = _text(matrix["messages"]["grey-areas"], lang)
        blocks.append(view.paragraph(f"{label}: {', '.join(grey)}."))
    caption = _text(matrix["messages"]["chart-title"], lang)
    blocks.append(view.figure(draw(matrix, cell, lang), caption))
    return blocks
