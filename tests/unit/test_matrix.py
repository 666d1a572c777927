"""The matrix calculator: every cell reachable, bad answers named by field, SVG well formed."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import matrix
from calculators.errors import InputError
from calculators.runtime import handle
from macros.content import load_content

MODEL: dict[str, Any] = load_content().model_dump(mode="json")
CELLS = MODEL["matrix"]["cells"]
SVG = "{http://www.w3.org/2000/svg}"


def compute(answers: dict[str, Any]) -> dict[str, Any]:
    request = {"action": "compute", "tool": "matrix", "state": {"answers": answers}}
    return handle(request, MODEL)


@pytest.mark.parametrize("cell", CELLS, ids=[cell["id"] for cell in CELLS])
def test_each_pair_of_answers_lands_in_its_cell(cell: dict[str, Any]) -> None:
    answers = {"planning": cell["planning"], "production": cell["production"]}
    blocks = matrix.compute({"answers": answers}, MODEL, "en")
    assert blocks[0] == {"type": "heading", "text": cell["name"]["en"]}
    chart = ElementTree.fromstring(blocks[-1]["svg"])
    assert chart.get("role") == "img"
    assert chart.find(f"{SVG}title").text == "The thin/thick collaboration matrix"
    assert cell["name"]["en"] in chart.find(f"{SVG}desc").text
    assert len(chart.findall(f".//{SVG}rect")) == 9
    assert len([r for r in chart.iter(f"{SVG}rect") if "cell-here" in r.get("class")]) == 1


def test_the_centre_is_thick_and_in_both_grey_areas() -> None:
    blocks = matrix.compute(
        {"answers": {"planning": "together", "production": "together"}}, MODEL, "en"
    )
    assert blocks[0]["text"] == "Co-production (thick collaboration)"
    assert "Joint planning, Joint production" in blocks[2]["text"]


def test_missing_answers_are_named_by_field() -> None:
    with pytest.raises(InputError) as raised:
        matrix.compute({"answers": {"planning": "together"}}, MODEL, "en")
    assert [field for field, _ in raised.value.problems] == ["production"]


def test_runtime_reports_errors_as_data() -> None:
    result = compute({"planning": "nobody"})
    assert result["ok"] is False
    assert {error["field"] for error in result["errors"]} == {"planning", "production"}
    assert handle({"action": "compute", "tool": "no-such-tool"}, MODEL)["ok"] is False


@given(st.dictionaries(st.sampled_from(["planning", "production", "lang", "x"]), st.text()))
def test_any_answers_give_a_result_or_clear_errors(answers: dict[str, str]) -> None:
    result = compute(answers)
    if result["ok"]:
        assert result["blocks"][0]["type"] == "heading"
    else:
        assert all(error["field"] and error["message"] for error in result["errors"])


def test_text_in_the_chart_is_escaped() -> None:
    hostile = {
        **MODEL,
        "matrix": {
            **MODEL["matrix"],
            "cells": [{**cell, "name": {"en": "<script>alert(1)</script>"}} for cell in CELLS],
        },
    }
    answers = {"planning": "together", "production": "together"}
    svg = matrix.compute({"answers": answers}, hostile, "en")[-1]["svg"]
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
