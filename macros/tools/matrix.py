"""The matrix calculator's page beside its form (``templates/forms/matrix/``): the scoring rule,
computed from the same content and code as the calculator itself."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from calculators.matrix import score
from calculators.matrix.view import Words
from macros.pages import Pages
from model.schema import Model


def scoring(model: Model, lang: str) -> dict[str, Any]:
    """The numbers of the rule and the points of every answer, the axes' included, from the
    model the calculator scores with (no number of the rule is written twice)."""
    data = model.model_dump(mode="json")
    words = Words(data, lang)
    axis_points = data["matrix_tool"]["shared_axis_points"]
    factors = {factor["id"]: factor["name"] for factor in data["collaboration"]["factors"]}
    rows = [
        {
            "factor": words("responsibility-row"),
            "question": words.text(data["matrix"][axis]["question"]),
            "options": [
                (words.text(level["label"]), axis_points if level["id"] == score.SHARED else 0, "")
                for level in data["matrix"][axis]["levels"]
            ],
        }
        for axis in score.AXES
    ]
    most: dict[str, int] = {}
    for question in score.determinants(data):
        options = question["options"]
        most[question["factor"]] = most.get(question["factor"], 0) + options[-1]["points"]
        rows.append(
            {
                "factor": words.text(factors[question["factor"]]),
                "question": words.text(question["question"]),
                "options": [
                    (words.text(o["label"]), o["points"], o["note"] and words.text(o["note"]))
                    for o in options
                ],
            }
        )
    signs = data["matrix_tool"]["form_only"]["signs"]
    top = score.top(data)
    return {
        "axis": axis_points,
        "top": top,
        "middle": top // 2,
        "factors": ", ".join(
            words("scoring-factor", points=points, factor=words.text(factors[factor]).lower())
            for factor, points in most.items()
        ),
        "form_only": " ".join(
            f"{words.question(question)}: {words.answer(question, answer)}"
            for question, answer in signs.items()
        ),
        "rows": rows,
    }


def matrix_scoring(pages: Pages) -> Markup:
    """How the matrix calculator places a project: the rule and every answer's points."""
    model = pages.model
    context = scoring(model, pages.lang)
    return pages.fragment("forms/matrix/scoring.j2", tool=model.matrix_tool, **context)


PAGE_MACROS: dict[str, Callable[[Pages], Markup]] = {"matrix_scoring": matrix_scoring}
"""Macros its page calls beside ``calculator("matrix")``."""
