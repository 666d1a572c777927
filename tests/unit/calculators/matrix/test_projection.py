"""The matrix group on the workshop screen: how many chose what, never who chose what."""

from __future__ import annotations

from typing import Any

from calculators.runtime import handle
from tests.support.matrix import ANN, BOB, MODEL, words_of

CY = {"participant": "Cy", "planning": "professionals", "production": "civil-society"}


def project(state: dict[str, Any], lang: str = "en") -> list[dict[str, Any]]:
    request = {"action": "compute", "tool": "matrix", "lang": lang}
    response = handle({**request, "state": {**state, "projection": True}}, MODEL)
    assert response["ok"], response
    return response["blocks"]


def group() -> dict[str, Any]:
    people = [{"name": p["participant"], "answers": p} for p in (ANN, BOB, CY)]
    return {"answers": {**ANN, "participant": "Dag"}, "participants": people}


def test_the_projection_counts_and_names_no_one() -> None:
    blocks = project(group())
    shown = words_of(blocks)
    for name in ("Ann", "Bob", "Cy", "Dag"):
        assert name not in shown
    assert not [block for block in blocks if block["type"] in ("button", "figure")]
    table = next(block for block in blocks if block["type"] == "table")
    assert table["head"] == ["Cell", "Now (people)", "Goal (people)"]
    assert ["Co-production (thick collaboration)", 2, 1] in table["rows"]
    assert (
        "Production and delivery: Professionals and civil society together (2 people); "
        "Professionals alone (1 person); Civil society alone (1 person)." in shown
    )
    assert "4 people placed the collaboration." in shown


def test_the_projection_of_no_group_says_where_to_add_it() -> None:
    blocks = project({"answers": {}}, "nb")
    assert blocks[-1]["text"].startswith("Ingen deltakere er lagt til ennå.")
