"""The assessment's result in brief beside the form: statements answered, the mean, the weakest
area and the group's size."""

from __future__ import annotations

from typing import Any

from calculators.assessment import view
from calculators.runtime import handle
from tests.support.content import guide_data

MODEL: dict[str, Any] = guide_data()
STATEMENTS = MODEL["assessment"]["statements"]
TOTAL = len(STATEMENTS)


def summary(state: dict[str, Any], lang: str = "en") -> dict[str, Any]:
    return view.summary(state, MODEL, lang)


def test_counts_every_answered_statement_dont_know_included() -> None:
    answers = {STATEMENTS[0]["id"]: "4", STATEMENTS[1]["id"]: "dont-know"}
    assert summary({"answers": answers}) == {
        "count": f"2 of {TOTAL} statements answered",
        "lines": [],  # no role yet: no profile
    }
    assert summary({"answers": {}})["count"] == f"0 of {TOTAL} statements answered"


def test_gives_the_mean_and_the_weakest_area_once_a_role_and_a_rating_are_in() -> None:
    first_area = [s["id"] for s in STATEMENTS if s["area"] == STATEMENTS[0]["area"]]
    other = next(s for s in STATEMENTS if s["area"] != STATEMENTS[0]["area"])
    answers = {"role": "municipality", first_area[0]: "2", other["id"]: "5"}
    assert summary({"answers": {"role": "municipality"}})["lines"] == []
    assert STATEMENTS[0]["area"] == "openness"
    assert summary({"answers": answers})["lines"] == [
        "Your mean score: 3.5 of 5",
        "Weakest area: Openness (2.0)",
    ]
    assert summary({"answers": answers}, "nb")["lines"][0] == "Snittet ditt: 3,5 av 5"


def test_names_the_group_size_with_or_without_own_answers() -> None:
    person = {"role": "civil-society", STATEMENTS[0]["id"]: "3"}
    assert summary({"answers": {}, "participants": [person, person]})["lines"] == [
        "The group: 2 participants"
    ]
    assert summary({"answers": {}, "participants": "damaged"})["lines"] == []


def test_comes_with_the_problems_that_stop_a_result() -> None:
    state = {"answers": {STATEMENTS[0]["id"]: "4"}}
    response = handle({"action": "compute", "tool": "assessment", "state": state}, MODEL)
    assert not response["ok"]
    assert response["summary"]["count"] == f"1 of {TOTAL} statements answered"
