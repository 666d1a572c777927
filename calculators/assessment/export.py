"""The assessment as a CSV table: the group's result, row by row, with the earlier round's.

Role columns are the role groups the view shows (``Group.shown``): a CSV passed on keeps the
privacy threshold the screen keeps.
"""

from __future__ import annotations

from typing import Any

from calculators.assessment.files import earlier_round, participants
from calculators.assessment.score import Response, Survey, aggregate, compare
from calculators.assessment.view import Words, name_of, own_response
from calculators.core.csvfile import Cell
from calculators.core.errors import InputError
from calculators.core.savefile import ImportProblem
from calculators.core.tool import Table


def _export_group(
    state: dict[str, Any], survey: Survey, model: dict[str, Any], words: Words
) -> list[Response]:
    responses = participants(state, survey, model, words.lang)
    if responses:
        return responses
    try:
        own = own_response(state.get("answers", {}), survey, words)
    except InputError:
        own = None
    if own is None or not own.answers:
        raise ImportProblem(words("csv-nothing"))
    return [own]


def table(state: dict[str, Any], model: dict[str, Any], lang: str) -> Table:
    """The group's result (or, with no group, the form's own answers) as one table for CSV."""
    survey = Survey.of(model)
    words = Words(model, lang)
    group = aggregate(_export_group(state, survey, model, words), survey)
    before = earlier_round(state, survey, model, lang)
    moves = {}
    if before:
        earlier = aggregate(before, survey)
        pairs = [(earlier.areas, group.areas), (earlier.statements, group.statements)]
        moves = {move.id: move for old, new in pairs for move in compare(old, new)}
    header = [
        words("csv-level"),
        words("col-area"),
        words("col-statement"),
        words("col-mean"),
        words("col-spread"),
        words("col-low"),
        words("col-high"),
        words("col-answers"),
        words("col-dk"),
        *(words("csv-role-mean", role=words.role(role)) for role in group.shown),
        words("csv-gap"),
        words("col-before"),
        words("col-change"),
    ]
    rows: list[list[Cell]] = []
    for row in (*group.areas, *group.statements):
        is_area = survey.is_area(row.id)
        area_id = row.id if is_area else survey.statement(row.id)["area"]
        move = moves.get(row.id)
        summary = row.overall
        rows.append(
            [
                words("csv-area-row" if is_area else "csv-statement-row"),
                words.text(survey.area(area_id)["name"]),
                "" if is_area else name_of(survey, words, row.id),
                *(_rounded(value) for value in (summary.mean, summary.spread)),
                *(_rounded(value) for value in (summary.low, summary.high)),
                summary.count,
                row.dont_know,
                *(_rounded(row.by_role[r].mean) if r in row.by_role else None for r in group.shown),
                _rounded(row.gap.size) if row.gap else None,
                _rounded(move.before) if move else None,
                _rounded(move.change) if move else None,
            ]
        )
    return header, rows


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


TABLES = {"group": table}
"""The CSV exports, by name (one: the toolbar's single CSV button)."""


def file_words(table: str, model: dict[str, Any], lang: str) -> tuple[str, str]:
    """The CSV's file name in the page's language: the tool's word; its one table has none."""
    return Words(model, lang)("csv-file"), ""
