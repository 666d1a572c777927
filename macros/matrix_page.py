"""What the matrix calculator's page shows around the form: the scoring rule and the worked
examples, both computed from the same content and code as the calculator itself."""

from __future__ import annotations

import base64
import json
from typing import Any

from calculators import matrix
from calculators import matrix_score as score
from calculators.matrix_view import Words
from calculators.savefile import envelope
from macros.links import relative_url
from macros.schema import Model


def share_fragment(answers: dict[str, Any]) -> str:
    """A ``#share=`` link that loads these answers, exactly as the page's share button makes."""
    saved = envelope(matrix.NAME, matrix.VERSION, {"answers": answers})
    encoded = base64.urlsafe_b64encode(json.dumps(saved).encode("utf-8")).decode("ascii")
    return "#share=" + encoded.rstrip("=")


def scoring(model: Model, lang: str) -> dict[str, Any]:
    """The numbers of the rule (half width, top of the scale) and the points of every answer."""
    data = model.model_dump(mode="json")
    width = score.half_width(data)
    words = Words(data, lang)
    factors = {factor["id"]: factor["name"] for factor in data["collaboration"]["factors"]}
    rows = [
        {
            "factor": words.t(factors[question["factor"]]),
            "question": words.t(question["question"]),
            "options": [(words.t(o["label"]), o["points"]) for o in question["options"]],
        }
        for question in score.determinants(data)
    ]
    return {"width": width, "top": 2 * width, "rows": rows}


def examples(model: Model, lang: str, page_url: str) -> list[dict[str, Any]]:
    """Each worked example with its answers in words and the result the calculator gives.

    A handbook case's title, story and page come from ``cases.yml``, with a link to it there. A
    case whose computed cell differs from the one content expects stops the build: the page
    must never show an example the calculator contradicts.
    """
    data = model.model_dump(mode="json")
    words = Words(data, lang)
    cases = {case.id: case for case in model.cases.cases}
    shown = []
    for example, typed in zip(
        data["matrix_tool"]["examples"], model.matrix_tool.examples, strict=True
    ):
        result = matrix.report({"answers": example["answers"]}, data, lang)["now"]
        if result["cell"] != example["expected"]:
            raise ValueError(
                f"worked example {example['id']!r} lands in {result['cell']!r}, "
                f"not in {example['expected']!r}"
            )
        answers = []
        for name in score.question_names(data):
            given = score.as_list(example["answers"].get(name))
            value = "; ".join(words.answer(name, v) for v in given) or words.say("example-open")
            answers.append((words.question(name), value))
        told = cases[typed.case] if typed.case else typed
        shown.append(
            {
                "id": example["id"],
                "title": told.title,
                "story": told.story,
                "source": told.source,
                "case": relative_url(f"cases.md#case-{typed.case}", page_url)
                if typed.case
                else None,
                "answers": answers,
                "cell": words.cell(result["cell"]),
                "position": words.position(result),
                "why": words.t(example["why"]),
                "href": share_fragment(example["answers"]),
            }
        )
    return shown
