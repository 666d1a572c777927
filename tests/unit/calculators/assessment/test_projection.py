"""The group on the workshop screen: no name, no button, no score a few people's ratings give."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from typing import Any

from calculators.assessment.score import PRIVACY_THRESHOLD
from calculators.runtime import handle
from tests.support.content import guide_data

MODEL: dict[str, Any] = guide_data()
STATEMENTS = [statement["id"] for statement in MODEL["assessment"]["statements"]]
NAMES = ["Anne", "Berit", "Cato", "Dina", "Eirik", "Frida", "Kari"]


def person(role: str, rating: str, name: str) -> dict[str, Any]:
    ratings = {statement: rating for statement in STATEMENTS}
    return {"role": role, "participant-name": name, "steps": ["inviting"], **ratings}


def seven() -> dict[str, Any]:
    """Three staff, three residents and one politician, the only one of her role."""
    roles = ["municipality"] * 3 + ["resident"] * 3 + ["politician"]
    ratings = ["5", "4", "5", "2", "1", "2", "1"]
    people = [person(*answer) for answer in zip(roles, ratings, NAMES, strict=True)]
    return {"answers": {"role": "resident", "participant-name": "Margit"}, "participants": people}


def everything(blocks: list[dict[str, Any]]) -> str:
    """Every text of the blocks: headings, paragraphs, lists, tables, charts, buttons."""
    parts = []
    for block in blocks:
        if block["type"] == "table":
            parts += [block["caption"], " | ".join(block["head"])]
            parts += [" | ".join(str(cell) for cell in row) for row in block["rows"]]
        elif block["type"] == "list":
            parts += [item if isinstance(item, str) else item["text"] for item in block["items"]]
        elif block["type"] == "figure":
            parts.append(" ".join(ElementTree.fromstring(block["svg"]).itertext()))
        else:
            parts.append(block.get("text") or block.get("label", ""))
    return "\n".join(parts)


def project(state: dict[str, Any], lang: str = "en") -> list[dict[str, Any]]:
    response = handle(
        {
            "action": "compute",
            "tool": "assessment",
            "state": {**state, "projection": True},
            "lang": lang,
        },
        MODEL,
    )
    assert response["ok"], response
    return response["blocks"]


def test_the_projection_names_no_one_and_offers_no_control() -> None:
    blocks = project(seven())
    shown = everything(blocks)
    assert blocks[0] == {"type": "heading", "text": "The group: 7 participants"}
    for name in [*NAMES, "Margit", "Participant 1"]:
        assert name not in shown
    assert not [block for block in blocks if block["type"] == "button"]
    assert "Your profile" not in shown  # the facilitator's own answers are not the group's
    assert "Questions to discuss" in shown and "The inviting municipality | 7" in shown


def test_a_role_of_one_person_never_appears_with_scores() -> None:
    """The politician is counted within the other roles; the staff join them so that the other
    roles' score never rests on her alone. Only role groups of three or more have a column."""
    blocks = project(seven())
    shown = everything(blocks)
    assert "Politician" not in shown and "Municipal staff" not in shown
    assert "Roles: Resident or user (3), Other roles (4)." in shown
    gaps = next(b for b in blocks if b["type"] == "table" and b["caption"].startswith("Mean score"))
    assert gaps["head"][1:3] == ["Resident or user (3)", "Other roles (4)"]
    assert gaps["rows"][0][1:3] == ["1.7", "3.8"]


def test_fewer_people_than_the_threshold_give_no_score() -> None:
    state = {"answers": {}, "participants": seven()["participants"][: PRIVACY_THRESHOLD - 1]}
    blocks = project(state, "nb")
    assert [block["type"] for block in blocks] == ["heading", "paragraph", "paragraph"]
    assert "minst 3 personer" in blocks[-1]["text"]
    assert "Anne" not in everything(blocks) and "Berit" not in everything(blocks)


def test_without_participants_the_projection_says_where_to_add_them() -> None:
    blocks = project({"answers": {"role": "resident"}})
    assert blocks == [{"type": "paragraph", "text": blocks[0]["text"]}]
    assert "Gather the group" in blocks[0]["text"]
