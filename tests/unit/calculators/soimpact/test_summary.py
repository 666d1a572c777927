"""SoImpact's plan in brief beside the form: steps done, indicators ready, the review's points."""

from __future__ import annotations

from typing import Any

from calculators.runtime import handle
from calculators.soimpact import view
from calculators.soimpact.files import load_example
from tests.support.content import guide_data

MODEL: dict[str, Any] = guide_data()
STEPS = len(MODEL["impact"]["steps"])


def summary(state: dict[str, Any], lang: str = "en") -> dict[str, Any]:
    return view.summary(state, MODEL, lang)


def test_an_empty_plan_or_a_title_alone_is_no_step_done() -> None:
    empty = {"count": f"0 of {STEPS} steps done", "lines": []}
    assert summary({"answers": {}}) == empty
    assert summary({"answers": {"title": "Homework café"}}) == empty


def test_a_first_step_gives_the_indicators_and_the_review() -> None:
    found = summary({"answers": {"problem": "Young people drop out of school."}})
    assert found["count"] == f"1 of {STEPS} steps done"
    assert found["lines"][0] == "Indicators: 0, of which 0 with a baseline and a target"
    assert found["lines"][1].startswith("Points to look at: ")


def test_the_worked_example_in_both_languages() -> None:
    state = load_example({"answers": {}}, {"example": "boost-refugee"}, MODEL, "en")
    assert summary(state) == {
        "count": f"5 of {STEPS} steps done",
        "lines": ["Indicators: 6, of which 0 with a baseline and a target", "Points to look at: 8"],
    }
    assert summary(state, "nb") == {
        "count": f"5 av {STEPS} trinn fullført",
        "lines": ["Indikatorer: 6, av dem 0 med nullpunkt og målverdi", "Punkter å se på: 8"],
    }


def test_an_indicator_with_a_baseline_and_a_target_is_ready() -> None:
    indicator = {"name": "Pupils who finish", "baseline-value": "60", "target-value": "75"}
    answers = {f"indicators.{i}.{key}": value for i in (0, 1) for key, value in indicator.items()}
    answers["indicators.1.target-value"] = ""
    lines = summary({"answers": answers})["lines"]
    assert lines[0] == "Indicators: 2, of which 1 with a baseline and a target"


def test_comes_with_the_result() -> None:
    state = {"answers": {"problem": "Loneliness."}}
    response = handle(
        {"action": "compute", "tool": "soimpact", "state": state, "lang": "nb"}, MODEL
    )
    assert response["summary"] == summary(state, "nb")
