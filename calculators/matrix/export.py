"""The matrix as a CSV table: one row per person, every answer and where it places them."""

from __future__ import annotations

from typing import Any

from calculators.core.csvfile import Cell
from calculators.core.tool import State, Table
from calculators.matrix import score
from calculators.matrix.view import Words


def table(state: State, model: score.Model, lang: str) -> Table:
    """One row per person (own answers first): cell, position range, every answer, the goal."""
    words = Words(model, lang)
    questions = [q["id"] for q in score.determinants(model)]
    header = [
        words("csv-name"),
        *(words.question(axis) for axis in score.AXES),
        words("csv-cell"),
        words("csv-position-low"),
        words("csv-position-high"),
        *(words.question(q) for q in questions),
        words("csv-roles"),
        words("csv-goal-cell"),
        words("csv-goal-low"),
        words("csv-goal-high"),
    ]
    rows: list[list[Cell]] = []
    for person in score.members(state, model, lang):
        now, goal = person["now"], person["goal"]
        rows.append(
            [
                person["name"],
                *(words.answer(axis, now[axis]) for axis in score.AXES),
                words.cell(now["cell"]),
                *_range(now),
                *(words.answer(e["question"], e["answer"]) for e in now["answers"]),
                words.roles_list(now["roles"]["present"]),
                words.cell(goal["cell"]) if goal else None,
                *(_range(goal) if goal else (None, None)),
            ]
        )
    return header, rows


def _range(assessment: dict[str, Any]) -> tuple[Cell, Cell]:
    position = assessment["position"]
    return (position["low"], position["high"]) if position else (None, None)


TABLES = {"people": table}
"""The CSV exports, by name (one: the toolbar's single CSV button)."""


def file_words(table: str, model: score.Model, lang: str) -> tuple[str, str]:
    """The CSV's file name in the page's language: the tool's word; its one table has none."""
    return Words(model, lang)("csv-file"), ""
