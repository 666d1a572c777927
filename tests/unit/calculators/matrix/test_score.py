"""The matrix calculator: the worked examples, the scoring rule's promises, errors by field."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.core.errors import InputError
from calculators.matrix import score, view
from calculators.runtime import handle
from tests.support.matrix import ANSWERS, LEVELS, MODEL, QUESTIONS, flat, words_of

TOOL = MODEL["matrix_tool"]
CELLS = MODEL["matrix"]["cells"]
EXAMPLES = TOOL["examples"]
SVG = "{http://www.w3.org/2000/svg}"
MESSAGES = {key: text["en"] for key, text in TOOL["messages"].items()}


def charts(blocks: list[dict[str, Any]]) -> list[ElementTree.Element]:
    return [ElementTree.fromstring(b["svg"]) for b in flat(blocks) if b["type"] == "figure"]


def now_of(answers: dict[str, Any]) -> dict[str, Any]:
    return score.report({"answers": answers}, MODEL)["now"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[example["id"] for example in EXAMPLES])
def test_each_worked_example_lands_in_its_expected_cell(example: dict[str, Any]) -> None:
    """The handbook's cases from content: the same ones the page shows and the browser runs."""
    now = now_of(example["answers"])
    assert now["cell"] == example["expected"]
    blocks = view.compute({"answers": example["answers"]}, MODEL, "en")
    expected_name = next(c["name"]["en"] for c in CELLS if c["id"] == example["expected"])
    assert flat(blocks)[0] == {"type": "heading", "text": expected_name}


def test_worked_examples_positions_follow_the_rule() -> None:
    positions = {example["id"]: now_of(example["answers"])["position"] for example in EXAMPLES}
    # Both axes shared (thick half starts at 50) + four answers at 10; obligations left open.
    assert positions["sisters-in-business"] == {"start": 50, "low": 90, "high": 100}
    # Planning shared only (thin half starts at 0) + reciprocity 10 + power 10; three open.
    assert positions["larvik-social-housing"] == {"start": 0, "low": 20, "high": 50}
    assert positions["evjemoen"] == {"start": 0, "low": 0, "high": 50}
    assert positions["tendered-service"] is None


@pytest.mark.parametrize("cell", CELLS, ids=[cell["id"] for cell in CELLS])
def test_each_pair_of_answers_lands_in_its_cell_and_is_starred(cell: dict[str, Any]) -> None:
    answers = {"planning": cell["planning"], "production": cell["production"]}
    blocks = view.compute({"answers": answers}, MODEL, "en")
    assert flat(blocks)[0]["text"] == cell["name"]["en"]
    chart = charts(blocks)[0]
    assert chart.get("role") == "img"
    assert chart.find(f"{SVG}title").text == "The thin/thick collaboration matrix"
    assert cell["name"]["en"] in chart.find(f"{SVG}desc").text
    cells = [r for r in chart.iter(f"{SVG}rect") if "cell " in r.get("class") + " "]
    assert len(cells) == 9
    assert len([r for r in cells if "cell-here" in r.get("class")]) == 1
    assert "Now" in "".join(chart.itertext())  # the mark is named, not only coloured


def test_the_scale_runs_from_0_to_100_with_halves_of_50() -> None:
    assert score.half_width(MODEL) == 50
    answers = {"planning": "together", "production": "together"}
    answers |= {q["id"]: q["options"][-1]["id"] for q in QUESTIONS}
    assert now_of(answers)["position"] == {"start": 50, "low": 100, "high": 100}


def test_each_answers_contribution_is_shown_in_the_table() -> None:
    answers = {"planning": "together", "production": "professionals", "reciprocity": "exchange"}
    blocks = flat(view.compute({"answers": answers}, MODEL, "en"))
    table = next(b for b in blocks if b["type"] == "table")
    rows = {row[0]: row[1:] for row in table["rows"]}
    assert rows["Half of the continuum"] == ["Thin half (one of the two is shared)", 0]
    assert rows["Reciprocity"][1] == "+5"
    assert rows["Duration"] == ["Not answered", "0 to 10"]
    assert rows["Position"][1] == "5–45"
    assert "between 5 and 45 of 100, in the thin half" in words_of(blocks)


def order(position: dict[str, int] | None) -> tuple[int, int]:
    """Off the continuum sorts below every position on it."""
    return (-1, -1) if position is None else (position["low"], position["high"])


@given(ANSWERS)
def test_every_valid_answer_set_gives_a_result(answers: dict[str, Any]) -> None:
    blocks = view.compute({"answers": answers}, MODEL, "en")
    assert flat(blocks)[0]["type"] == "heading"
    for chart in charts(blocks):
        assert chart.find(f"{SVG}title").text and chart.find(f"{SVG}desc").text
    response = handle({"action": "compute", "tool": "matrix", "state": {"answers": answers}}, MODEL)
    assert response["ok"] is True


@given(ANSWERS, st.sampled_from(score.AXES))
def test_sharing_more_responsibility_never_moves_the_position_thinner(
    answers: dict[str, Any], axis: str
) -> None:
    before = now_of(answers)["position"]
    after = now_of({**answers, axis: score.SHARED})["position"]
    assert order(after) >= order(before)


@given(ANSWERS, st.sampled_from(QUESTIONS), st.data())
def test_a_thicker_answer_never_lowers_the_position(
    answers: dict[str, Any], question: dict[str, Any], data: st.DataObject
) -> None:
    low, high = sorted(
        data.draw(st.lists(st.sampled_from(question["options"]), min_size=2, max_size=2)),
        key=lambda option: option["points"],
    )
    thin = now_of({**answers, question["id"]: low["id"]})["position"]
    thick = now_of({**answers, question["id"]: high["id"]})["position"]
    assert order(thick) >= order(thin)


@given(ANSWERS)
def test_the_centre_cell_is_always_thick(answers: dict[str, Any]) -> None:
    answers = {**answers, "planning": "together", "production": "together"}
    now = now_of(answers)
    assert now["cell"] == "co-production" and now["kind"] == "thick"
    assert now["position"]["low"] >= score.half_width(MODEL)
    assert "in the thick half (co-production)" in words_of(
        view.compute({"answers": answers}, MODEL, "en")
    )


@given(ANSWERS)
def test_professionals_alone_on_both_axes_is_never_called_collaboration(
    answers: dict[str, Any],
) -> None:
    answers = {**answers, "planning": "professionals", "production": "professionals"}
    now = now_of(answers)
    assert now["collaboration"] is False and now["position"] is None
    headline = flat(view.compute({"answers": answers}, MODEL, "en"))[:3]
    assert headline[0]["text"] == "Traditional professional services"
    assert headline[2]["text"] == MESSAGES["continuum-none"]
    said = words_of(headline)
    assert "thin half" not in said and "thick half" not in said


JUNK = st.text(min_size=1).filter(lambda text: text not in {"", *LEVELS})


@given(
    ANSWERS,
    st.sets(st.sampled_from(sorted(score.answer_names(MODEL) - {"participant"})), min_size=1),
    JUNK,
)
def test_invalid_answers_give_clear_errors_naming_each_field(
    answers: dict[str, Any], broken: set[str], junk: str
) -> None:
    bad = {**answers, **dict.fromkeys(broken, junk)}
    with pytest.raises(InputError) as raised:
        view.compute({"answers": bad}, MODEL, "en")
    named = {field for field, _ in raised.value.problems}
    assert broken <= named
    assert all(message.strip() for _, message in raised.value.problems)
    # Only the broken fields are named, or a goal axis that the broken goal answers left empty.
    assert named - broken <= {score.GOAL + axis for axis in score.AXES}


def test_missing_answers_are_named_by_field() -> None:
    with pytest.raises(InputError) as raised:
        view.compute({"answers": {"planning": "together"}}, MODEL, "en")
    assert raised.value.problems == [
        ("production", "Choose who is responsible for production and delivery.")
    ]


def test_a_goal_needs_both_axes() -> None:
    answers = {"planning": "together", "production": "together", "desired.duration": "lasting"}
    with pytest.raises(InputError) as raised:
        view.compute({"answers": answers}, MODEL, "en")
    assert [field for field, _ in raised.value.problems] == [
        "desired.planning",
        "desired.production",
    ]


def test_runtime_reports_errors_as_data() -> None:
    request = {"action": "compute", "tool": "matrix", "state": {"answers": {"planning": "x"}}}
    result = handle(request, MODEL)
    assert result["ok"] is False
    assert {error["field"] for error in result["errors"]} == {"planning", "production"}


def test_contradicting_answers_are_shown_as_things_to_check() -> None:
    answers = {
        "planning": "professionals",
        "production": "together",
        "duration": "before-delivery",
        "roles": ["co-designer"],
    }
    now = now_of(answers)
    assert now["conflicts"] == [
        {"question": "duration", "answer": "before-delivery"},
        {"question": "roles", "answer": "co-designer"},
    ]
    said = words_of(view.compute({"answers": answers}, MODEL, "en"))
    assert "Answers to check" in said
    assert "ends before delivery" in said and "professionals plan alone" in said


def test_roles_present_and_missing_with_advice() -> None:
    answers = {"planning": "together", "production": "together", "roles": ["co-implementer"]}
    assert now_of(answers)["roles"] == {
        "present": ["co-implementer"],
        "missing": ["co-initiator", "co-designer"],
    }
    said = words_of(view.compute({"answers": answers}, MODEL, "en"))
    assert "Present: Co-implementer." in said
    assert "Residents did not start this work." in said
    every = {**answers, "roles": score.role_ids(MODEL)}
    assert MESSAGES["roles-all"] in words_of(view.compute({"answers": every}, MODEL, "en"))


def test_advice_fits_the_cell_and_the_thin_answers_and_links_to_pages() -> None:
    answers = {"planning": "professionals", "production": "civil-society", "power": "one-party"}
    blocks = flat(view.compute({"answers": answers}, MODEL, "en"))
    said = words_of(blocks)
    assert "an order, not collaboration" in said
    assert "One party holds the decisions." in said
    links = [
        item["href"]
        for b in blocks
        if b["type"] == "list"
        for item in b["items"]
        if isinstance(item, dict)
    ]
    assert "matrix/" in links and "values/democracy/" in links


def test_the_goal_is_drawn_with_the_steps_between_in_order() -> None:
    answers = {
        "planning": "professionals",
        "production": "professionals",
        "reciprocity": "one-way",
        "roles": ["co-designer"],
        "desired.planning": "together",
        "desired.production": "together",
        "desired.reciprocity": "mutual",
        "desired.roles": ["co-designer", "co-implementer"],
    }
    result = score.report({"answers": answers}, MODEL)
    assert result["goal"]["cell"] == "co-production"
    assert result["direction"] == "thicker"
    assert [(s["kind"], s.get("question") or s.get("role")) for s in result["steps"]] == [
        ("axis", "planning"),
        ("axis", "production"),
        ("determinant", "reciprocity"),
        ("role", "co-implementer"),
    ]
    assert [s.get("cell") for s in result["steps"][:2]] == ["thin-planning", "co-production"]
    blocks = view.compute({"answers": answers}, MODEL, "en")
    matrix_chart, continuum = charts(blocks)
    assert "Goal: Co-production (thick collaboration)." in matrix_chart.find(f"{SVG}desc").text
    assert any("cell-goal" in r.get("class", "") for r in matrix_chart.iter(f"{SVG}rect"))
    assert matrix_chart.find(f".//{SVG}polyline") is not None  # the path between the two
    assert "Goal: 60–100." in continuum.find(f"{SVG}desc").text
    steps = next(b for b in flat(blocks) if b.get("ordered"))
    assert steps["items"][0].startswith("Planning and design: from “Professionals alone”")


def test_a_thinner_goal_is_presented_as_a_valid_choice() -> None:
    answers = {
        "planning": "together",
        "production": "together",
        "desired.planning": "together",
        "desired.production": "professionals",
    }
    result = score.report({"answers": answers}, MODEL)
    assert result["direction"] == "thinner"
    assert MESSAGES["goal-thinner"] in words_of(view.compute({"answers": answers}, MODEL, "en"))


def test_a_goal_equal_to_now_needs_no_steps() -> None:
    answers = {"planning": "together", "production": "together"}
    answers |= {score.GOAL + key: value for key, value in answers.items()}
    result = score.report({"answers": answers}, MODEL)
    assert result["steps"] == [] and result["direction"] == "level"
    assert MESSAGES["goal-no-steps"] in words_of(view.compute({"answers": answers}, MODEL, "en"))


def test_text_in_the_charts_is_escaped() -> None:
    hostile_name = {"en": "<script>alert(1)</script>"}
    hostile = {
        **MODEL,
        "matrix": {**MODEL["matrix"], "cells": [{**c, "name": hostile_name} for c in CELLS]},
    }
    answers = {"planning": "together", "production": "together"}
    for chart in [
        b["svg"]
        for b in flat(view.compute({"answers": answers}, hostile, "en"))
        if b["type"] == "figure"
    ]:
        assert "<script>" not in chart
        ElementTree.fromstring(chart)
