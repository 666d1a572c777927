"""Saved work from the release before the restructuring opens and computes: its files and share
links (tests/cases/release-271bc45/, written by that release in Chromium), through the same entry
point and the same link parser as the page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from calculators.core.savefile import shared_files
from calculators.runtime import TOOLS, handle
from tests.support.content import guide_data

RELEASE = Path(__file__).parents[2] / "cases" / "release-271bc45"
MODEL = guide_data()


def saved_file(tool: str) -> str:
    return (RELEASE / f"{tool}.json").read_text(encoding="utf-8")


def share_link(tool: str) -> str:
    return (RELEASE / f"{tool}.link.txt").read_text(encoding="utf-8")


def opened(tool: str, text: str) -> dict[str, Any]:
    """The state the page gets for ``text``, after checking that it computes a result."""
    answer = handle({"action": "import", "tool": tool, "text": text, "lang": "en"}, MODEL)
    assert answer["ok"], answer
    result = handle(
        {"action": "compute", "tool": tool, "state": answer["state"], "lang": "en"}, MODEL
    )
    assert result["ok"] and result["blocks"], result
    return answer["state"]


@pytest.mark.parametrize("tool", TOOLS)
def test_an_old_file_opens_with_every_answer(tool: str) -> None:
    given = json.loads(saved_file(tool))["data"]["answers"]
    assert opened(tool, saved_file(tool))["answers"] == given


@pytest.mark.parametrize("tool", TOOLS)
def test_an_old_share_link_opens_as_its_file_does(tool: str) -> None:
    (decoded,) = shared_files(share_link(tool))
    assert decoded is not None
    assert opened(tool, decoded) == opened(tool, saved_file(tool))


def operate(tool: str, op: str, payload: dict[str, Any]) -> dict[str, Any]:
    request = {"action": "operate", "tool": tool, "op": op, "state": {"answers": {}}}
    answer = handle({**request, "payload": payload, "lang": "en"}, MODEL)
    assert answer["ok"], answer
    return answer["state"]


def test_an_old_matrix_link_pasted_adds_its_participant() -> None:
    state = operate("matrix", "add-participants", {"text": share_link("matrix")})
    (participant,) = state["participants"]
    assert participant["answers"]["planning"] == "together"


def test_an_old_assessment_link_pasted_adds_its_response() -> None:
    state = operate("assessment", "add-links", {"text": share_link("assessment")})
    assert [entry["outcome"] for entry in state["imports"]] == ["added"]
    assert len(state["participants"]) == 1
