"""The matrix's result in brief beside the form: questions answered, then the cell and position."""

from __future__ import annotations

from typing import Any

from calculators.matrix import view
from calculators.runtime import handle
from tests.support.matrix import MODEL, QUESTIONS, flat

TOTAL = 2 + len(QUESTIONS)


def summary(answers: dict[str, Any], lang: str = "en") -> dict[str, Any]:
    return view.summary({"answers": answers}, MODEL, lang)


def test_counts_the_questions_of_today_before_there_is_a_result() -> None:
    assert summary({}) == {"count": f"0 of {TOTAL} questions answered", "lines": []}
    half = summary({"planning": "together", "desired.production": "together", "roles": ["users"]})
    assert half == {"count": f"1 of {TOTAL} questions answered", "lines": []}


def test_names_the_cell_and_its_place_on_the_continuum_once_both_axes_are_answered() -> None:
    answers = {"planning": "together", "production": "together", "power": "shared"}
    found = summary(answers)
    assert found["count"] == f"3 of {TOTAL} questions answered"
    cell, where = found["lines"]
    assert cell == "Co-production (thick collaboration)"
    assert where.startswith("On the thin ↔ thick continuum: between ")
    result = flat(view.compute({"answers": answers}, MODEL, "en"))
    assert where in [block.get("text") for block in result]  # the result's own sentence
    assert summary(answers, "nb")["lines"][0] == "Samproduksjon (tykk samskaping)"


def test_a_cell_off_the_continuum_says_so() -> None:
    lines = summary({"planning": "professionals", "production": "professionals"})["lines"]
    assert lines[1].startswith("Neither planning nor delivery is shared")


def test_answers_it_cannot_read_give_a_count_and_no_result() -> None:
    assert summary({"planning": "nonsense", "production": "together"})["lines"] == []


def test_comes_with_the_result_and_with_the_problems_that_stop_one() -> None:
    request = {"action": "compute", "tool": "matrix", "lang": "en"}
    stopped = handle({**request, "state": {"answers": {"planning": "together"}}}, MODEL)
    assert not stopped["ok"]
    assert stopped["summary"]["count"] == f"1 of {TOTAL} questions answered"
    state = {"answers": {"planning": "together", "production": "together"}}
    assert handle({**request, "state": state}, MODEL)["summary"] == summary(state["answers"])
