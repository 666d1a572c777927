"""What the matrix calculator's page shows beside the form: the scoring rule, computed from the
same content and code as the calculator itself."""

from __future__ import annotations

from typing import Any

from calculators.matrix import score
from calculators.matrix.view import Words
from macros.schema import Model


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
