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
    """The numbers of the rule (half width, top of the scale) and the points of every answer."""
    data = model.model_dump(mode="json")
    width = score.half_width(data)
    words = Words(data, lang)
    factors = {factor["id"]: factor["name"] for factor in data["collaboration"]["factors"]}
    rows = [
        {
            "factor": words.text(factors[question["factor"]]),
            "question": words.text(question["question"]),
            "options": [(words.text(o["label"]), o["points"]) for o in question["options"]],
        }
        for question in score.determinants(data)
    ]
    return {"width": width, "top": 2 * width, "rows": rows}


def matrix_scoring(pages: Pages) -> Markup:
    """How the matrix calculator places a project: the rule and every answer's points."""
    model = pages.model
    context = scoring(model, pages.lang)
    return pages.fragment("forms/matrix/scoring.j2", tool=model.matrix_tool, **context)


PAGE_MACROS: dict[str, Callable[[Pages], Markup]] = {"matrix_scoring": matrix_scoring}
"""Macros its page calls beside ``calculator("matrix")``."""
