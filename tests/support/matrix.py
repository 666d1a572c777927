"""What the matrix's unit tests share: the model, people's answers and their saved files, and
the words a result shows."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from typing import Any

from hypothesis import strategies as st

from calculators.core.savefile import envelope
from calculators.matrix import files, score
from tests.support.content import guide_data

MODEL: dict[str, Any] = guide_data()
LEVELS = score.level_ids(MODEL, "planning")
QUESTIONS = score.determinants(MODEL)

ANN = {"participant": "Ann", "planning": "together", "production": "together", "power": "shared"}
BOB = {
    "participant": "Bob",
    "planning": "together",
    "production": "professionals",
    "power": "one-party",
    "desired.planning": "together",
    "desired.production": "together",
}


def saved(answers: dict[str, Any], **extra: Any) -> str:
    return json.dumps(envelope("matrix", files.VERSION, {"answers": answers, **extra}))


def flat(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The blocks with sections opened, in page order."""
    found = []
    for block in blocks:
        found += flat(block["blocks"]) if block["type"] == "section" else [block]
    return found


def words_of(blocks: list[dict[str, Any]]) -> str:
    """Every text a reader sees in the result, SVG text included."""
    parts = []
    for block in flat(blocks):
        if block["type"] == "figure":
            parts.append("".join(ElementTree.fromstring(block["svg"]).itertext()))
        elif block["type"] == "table":
            parts += [block["caption"], *block["head"], *(str(c) for r in block["rows"] for c in r)]
        elif block["type"] == "list":
            parts += [i if isinstance(i, str) else i["text"] for i in block["items"]]
        else:
            parts.append(block.get("text") or block.get("label", ""))
    return "\n".join(parts)


def valid_view(prefix: str = "") -> st.SearchStrategy[dict[str, Any]]:
    """Any answers the form can send for one column; determinants and roles may be left open."""
    parts: dict[str, st.SearchStrategy[Any]] = {
        prefix + "planning": st.sampled_from(LEVELS),
        prefix + "production": st.sampled_from(LEVELS),
    }
    optional: dict[str, st.SearchStrategy[Any]] = {
        prefix + q["id"]: st.sampled_from(["", *(o["id"] for o in q["options"])]) for q in QUESTIONS
    }
    optional[prefix + "roles"] = st.lists(
        st.sampled_from(score.role_ids(MODEL)), unique=True, min_size=1
    )
    return st.fixed_dictionaries(parts, optional=optional)


ANSWERS = st.builds(
    lambda now, goal, with_goal: now | (goal if with_goal else {}),
    valid_view(),
    valid_view(score.GOAL),
    st.booleans(),
)
