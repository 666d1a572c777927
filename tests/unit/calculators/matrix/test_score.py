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
    # Both axes shared (2 × 8) + 14 + 14 + 28 + 14 for the thickest answers; obligations open.
    sisters = {"start": 16, "low": 86, "high": 100, "half": "thick"}
    assert positions["sisters-in-business"] == sisters
    # Planning shared (8) + reciprocity 14 + power 14; three open, the duration at most 14
    # without shared delivery: the range crosses the middle until they are answered.
    larvik = {"start": 8, "low": 36, "high": 78, "half": None}
    assert positions["larvik-social-housing"] == larvik
    assert positions["evjemoen"] == {"start": 8, "low": 8, "high": 78, "half": None}
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


def test_the_scale_runs_from_0_to_100_and_the_factors_weigh_most() -> None:
    assert score.top(MODEL) == 100
    answers = {"planning": "together", "production": "together"}
    answers |= {q["id"]: q["options"][-1]["id"] for q in QUESTIONS}
    assert now_of(answers)["position"] == {"start": 16, "low": 100, "high": 100, "half": "thick"}
    factors: dict[str, int] = {}
    for question in QUESTIONS:
        factors[question["factor"]] = factors.get(question["factor"], 0) + max(
            option["points"] for option in question["options"]
        )
    # The handbook's three main factors weigh alike, each more than both axes together.
    assert set(factors.values()) == {28}
    assert 2 * TOOL["shared_axis_points"] < 28


def test_each_answers_contribution_is_shown_in_the_table() -> None:
    answers = {"planning": "together", "production": "professionals", "reciprocity": "exchange"}
    blocks = flat(view.compute({"answers": answers}, MODEL, "en"))
    table = next(b for b in blocks if b["type"] == "table")
    rows = {row[0]: row[1:] for row in table["rows"]}
    assert rows["Shared responsibility"] == ["One of the two is shared", 8]
    assert rows["Reciprocity"][1] == "+7"
    assert rows["Duration"] == ["Not answered", "0 to 14"]  # "long-term" would not fit delivery
    assert rows["Position"][1] == "15–71"
    assert "between 15 and 71 of 100, across the middle" in words_of(blocks)


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


THIN_CENTRE = {
    "planning": "together",
    "production": "together",
    "reciprocity": "one-way",
    "interdependence": "independent",
    "duration": "project",  # the thinnest duration that fits shared delivery
    "power": "one-party",
    "obligations": "none",
}


def test_a_centre_cell_with_thin_factors_is_thin_and_shared_in_form_only() -> None:
    """Issue 18: one party decides, the relationship runs one way, nobody committed."""
    now = now_of(THIN_CENTRE)
    assert now["cell"] == "co-production"
    assert now["position"] == {"start": 16, "low": 30, "high": 30, "half": "thin"}
    assert now["form_only"] is True
    said = words_of(view.compute({"answers": THIN_CENTRE}, MODEL, "en"))
    assert "30 of 100, in the thin half" in said and "in the thick half" not in said
    assert "Shared in form only" in said and "(ch. 2, p. 19)" in said
    # Left open, the other two questions still cannot carry it into the thick half for certain.
    named = {key: THIN_CENTRE[key] for key in ("planning", "production", "reciprocity", "power")}
    assert now_of({**named, "obligations": "none"})["position"]["half"] != "thick"


def test_joint_planning_with_the_thickest_factors_is_not_below_a_thin_centre() -> None:
    thickest = {q["id"]: q["options"][-1]["id"] for q in QUESTIONS}
    joint_planning = now_of({"planning": "together", "production": "professionals", **thickest})
    assert joint_planning["cell"] == "thin-planning"
    assert joint_planning["position"]["low"] > now_of(THIN_CENTRE)["position"]["high"]
    assert joint_planning["form_only"] is False


@given(ANSWERS)
def test_only_a_shared_cell_can_be_shared_in_form_only(answers: dict[str, Any]) -> None:
    now = now_of(answers)
    signs = TOOL["form_only"]["signs"]
    expected = now["shared"] > 0 and all(answers.get(q) == a for q, a in signs.items())
    assert now["form_only"] is expected


@pytest.mark.parametrize("production", ["professionals", "civil-society"])
def test_long_term_joint_delivery_without_shared_delivery_is_named_not_counted(
    production: str,
) -> None:
    answers = {"planning": "together", "production": production, "duration": "lasting"}
    now = now_of(answers)
    assert now["conflicts"] == [{"question": "duration", "answer": "lasting"}]
    duration = next(entry for entry in now["answers"] if entry["question"] == "duration")
    assert (duration["points"], duration["counted_as"]) == (14, "project")
    blocks = flat(view.compute({"answers": answers}, MODEL, "en"))
    said = words_of(blocks)
    assert "keep delivering together for the long term, but also that delivery is not shared" in (
        said
    )
    assert "+14 (counted as “It goes on into delivery, for a limited project period.”" in said
    # The contradiction is named in the summary, before the charts, not among the details.
    assert [b.get("text") for b in blocks].index("Answers to check") < next(
        i for i, b in enumerate(blocks) if b["type"] == "figure"
    )


def test_a_project_period_into_delivery_is_not_told_the_partnership_ends() -> None:
    answers = {"planning": "together", "production": "professionals", "duration": "project"}
    assert now_of(answers)["conflicts"] == []
    said = words_of(view.compute({"answers": answers}, MODEL, "en"))
    assert "ends when delivery begins" not in said and "then leave" not in said


@pytest.mark.parametrize("cell", CELLS, ids=[cell["id"] for cell in CELLS])
def test_each_cell_is_named_as_the_handbook_does(cell: dict[str, Any]) -> None:
    """Thin co-creation is joint planning only; joint production is its own grey area; a cell
    off the continuum says why, with the handbook's page, never "not collaboration"."""
    answers = {"planning": cell["planning"], "production": cell["production"]}
    blocks = flat(view.compute({"answers": answers}, MODEL, "en"))
    headline = words_of(blocks[: next(i for i, b in enumerate(blocks) if b["type"] == "figure")])
    shared = [axis for axis in score.AXES if cell[axis] == score.SHARED]
    assert "not collaboration" not in headline.lower()
    assert ("thin co-creation" in headline) == (shared == ["planning"])
    assert ("Grey area: joint production" in headline) == (shared == ["production"])
    if not shared:
        assert MESSAGES["continuum-none"] in headline and "(ch. 1, p. 1" in headline


def test_a_one_sided_contract_is_no_thicker_than_no_commitment_and_says_why() -> None:
    obligations = next(q for q in QUESTIONS if q["id"] == "obligations")
    points = {option["id"]: option["points"] for option in obligations["options"]}
    assert points["one-sided"] <= points["none"]
    note = next(o for o in obligations["options"] if o["id"] == "one-sided")["note"]
    assert "orderer–performer" in note["en"] and "(ch. 1, p. 10)" in note["en"]


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


ANSWER_IDS = {*LEVELS, *(option["id"] for question in QUESTIONS for option in question["options"])}
JUNK = st.text(min_size=1).filter(lambda text: text not in ANSWER_IDS)
"""Text no question takes: "none" is a level of obligations, so it is no junk there."""


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
    assert named == broken  # a goal may leave any question open: only the broken are named
    assert all(message.strip() for _, message in raised.value.problems)


def test_missing_answers_are_named_by_field() -> None:
    with pytest.raises(InputError) as raised:
        view.compute({"answers": {"planning": "together"}}, MODEL, "en")
    assert raised.value.problems == [
        ("production", "Choose who is responsible for production and delivery.")
    ]


def test_a_half_goal_takes_todays_answers_and_follows_them() -> None:
    """Issue 18: a goal for one axis only is a goal, for the answers as they are now."""
    answers = {
        "planning": "together",
        "production": "professionals",
        "power": "one-party",
        "desired.production": "together",
    }
    result = score.report({"answers": answers}, MODEL)
    assert result["goal"]["cell"] == "co-production"
    assert result["goal"]["taken"] == ["planning", "power"]
    said = words_of(view.compute({"answers": answers}, MODEL, "en"))
    assert "You set no goal for: Planning and design, Decisions." in said
    later = score.report({"answers": {**answers, "planning": "civil-society"}}, MODEL)
    assert later["goal"]["cell"] == "civil-with-help"
    assert [step["question"] for step in later["steps"]] == ["production"]
    factor_only = {"planning": "together", "production": "together", "desired.duration": "lasting"}
    goal = score.report({"answers": factor_only}, MODEL)["goal"]
    assert (goal["cell"], goal["taken"]) == ("co-production", ["planning", "production"])


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
    # The goal: both axes shared (16) + reciprocity mutual (14), four questions open (up to 70).
    assert "Goal: 30–100." in continuum.find(f"{SVG}desc").text
    steps = next(b for b in flat(blocks) if b.get("ordered"))
    assert steps["items"][0].startswith("Planning and design: from “Professionals alone”")


def test_a_thinner_goal_is_presented_as_a_valid_choice() -> None:
    thickest = {q["id"]: q["options"][-1]["id"] for q in QUESTIONS}
    answers = {
        "planning": "together",
        "production": "together",
        **thickest,
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
