"""What the assessment shows and exports: profile, group view, rounds, chart and CSV."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ElementTree
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators.assessment import view
from calculators.core.errors import InputError
from calculators.runtime import handle
from tests.support.content import guide_data
from tests.support.matrix import flat

MODEL: dict[str, Any] = guide_data()
STATEMENTS = [statement["id"] for statement in MODEL["assessment"]["statements"]]
SVG = "{http://www.w3.org/2000/svg}"


def compute(state: dict[str, Any]) -> list[dict[str, Any]]:
    """The blocks in page order, sections opened."""
    return flat(view.compute(state, MODEL, "en"))


def texts(blocks: list[dict[str, Any]], kind: str) -> list[str]:
    found = []
    for block in blocks:
        if block["type"] == kind == "list":
            found += [item if isinstance(item, str) else item["text"] for item in block["items"]]
        elif block["type"] == kind:
            found.append(block.get("text") or block.get("caption") or block.get("label"))
    return found


def person(role: str, ratings: list[str], **extra: Any) -> dict[str, Any]:
    return {"role": role, **dict(zip(STATEMENTS, ratings, strict=False)), **extra}


def test_empty_form_names_what_to_do() -> None:
    with pytest.raises(InputError) as raised:
        compute({"answers": {}})
    assert [field for field, _ in raised.value.problems] == ["role", "statements"]


def test_answers_without_a_role_ask_for_it_next_to_the_field() -> None:
    with pytest.raises(InputError) as raised:
        compute({"answers": {"openness-odd-ideas": "4", "round-name": "x"}})
    assert raised.value.problems == [("role", "Choose the role you take part in.")]


def test_own_profile_weakest_first_with_advice_and_links() -> None:
    ratings = {"democracy-influence": "1", "democracy-power": "2", "openness-odd-ideas": "4"}
    answers = {"role": "resident", "steps": ["inviting", "ambitious"], **ratings}
    answers["creativity-new"] = "dont-know"
    blocks = compute({"answers": answers})
    assert blocks[0] == {"type": "heading", "text": "Your profile"}
    assert blocks[1]["text"].startswith("You rated 3 of 33 statements on the scale, answered")
    headings = texts(blocks, "heading")
    assert headings.index("Democracy: 1.5") < headings.index("Openness: 4.0")
    links = [item for block in blocks if block["type"] == "list" for item in block["items"]]
    assert {"text": "Read more about Democracy", "href": "values/democracy/"} in links
    assert any("(Handbook ch. 3, p. 26)" in str(item) for item in links)
    table = next(block for block in blocks if block["type"] == "table")
    assert table["rows"][1] == ["Democracy", "1.5"] and table["rows"][4][1] == "no score"
    assert "The inviting municipality, The ambitious municipality" in " ".join(
        texts(blocks, "paragraph")
    )
    assert texts(blocks, "button") == ["Add my answers to the group in this browser"]


def group_state() -> dict[str, Any]:
    return {
        "answers": {},
        "participants": [
            person("municipality", ["5", "5", "5", "4"], steps=["ambitious"]),
            person("municipality", ["4", "5", "5", "4"], steps=["ambitious", "mature"]),
            person(
                "resident",
                ["1", "2", "5", "dont-know"],
                steps=["inviting"],
                **{"participant-name": "Kari"},
            ),
        ],
    }


def three_times(state: dict[str, Any]) -> dict[str, Any]:
    """The group with each person three times: the same means, and every role shown."""
    return {**state, "participants": state["participants"] * 3}


def test_group_view_shows_spread_role_gaps_and_questions() -> None:
    blocks = compute(three_times(group_state()))
    headings = texts(blocks, "heading")
    assert headings[:2] == [
        "The group: 9 participants",
        "Questions to discuss: where you disagree most",
    ]
    participants = next(block for block in blocks if block["type"] == "table")
    assert [row[:2] for row in participants["rows"][:3]] == [
        ["Participant 1", "Municipal staff"],
        ["Participant 2", "Municipal staff"],
        ["Kari", "Resident or user"],
    ]
    questions = next(block for block in blocks if block.get("ordered"))
    assert questions["items"][0].startswith(
        "Why do some of us agree and others disagree that “Anyone in our collaboration"
    )
    assert "from 1 (Strongly disagree) to 5 (Strongly agree)" in questions["items"][0]
    assert len(questions["items"]) == 2  # the third statement was rated alike by everyone
    gaps = texts(blocks, "list")
    assert "Openness: Municipal staff 4.8, Resident or user 2.7, a gap of 2.2." in gaps
    assert "held by at least 3 people" in " ".join(texts(blocks, "paragraph"))
    statements = next(
        b for b in blocks if b["type"] == "table" and b["caption"].startswith("The group's answers")
    )
    assert statements["rows"][3][1:7] == ["4.0", "0.0", "4.0", "4.0", 6, 3]
    assert texts(blocks, "button")[-1] == "Start a new round and keep this one for comparison"


def everything_shown(blocks: list[dict[str, Any]]) -> list[str]:
    """Every text of the result outside its paragraphs: table rows with their head, list items,
    the charts' text: where a role could stand beside scores or a name."""
    lines = []
    for block in blocks:
        if block["type"] == "table":
            lines.append(" | ".join(block["head"]))
            lines += [" | ".join(str(cell) for cell in row) for row in block["rows"]]
        elif block["type"] == "list":
            lines += [item if isinstance(item, str) else item["text"] for item in block["items"]]
        elif block["type"] == "figure":
            lines.append(" ".join(ElementTree.fromstring(block["svg"]).itertext()))
    return lines


def test_a_single_politician_is_never_shown_beside_her_ratings() -> None:
    """Her role held by one person: on screen (and so in print, which prints the same result)
    and in the CSV, no score and no name stands beside "Politician"."""
    staff = [person("municipality", ["4", "5", "4", "5"]) for _ in range(3)]
    kari = person("politician", ["1", "1", "2", "1"], **{"participant-name": "Kari"})
    state = {"answers": {}, "participants": [*staff, kari]}
    blocks = compute(state)
    shown = everything_shown(blocks)
    assert not [line for line in shown if "Politician" in line]
    assert "Kari | Other roles | 4 | 0" in shown
    assert "Roles: Municipal staff: 3, Politician: 1." in texts(blocks, "paragraph")
    assert "no such two" not in " ".join(texts(blocks, "paragraph"))
    assert "have 3 people or more each" in " ".join(texts(blocks, "paragraph"))
    result = handle({"action": "csv", "tool": "assessment", "state": state}, MODEL)
    assert "Politician" not in result["csv"] and "Kari" not in result["csv"]
    assert rows_of(result["csv"])[0][9:] == ["Largest gap between roles", "Earlier round", "Change"]


def test_rounds_show_what_moved() -> None:
    state = group_state()
    state["earlier"] = {
        "label": "Spring",
        "participants": [
            person("resident", ["1", "1", "1", "1"]),
            person("politician", ["2", "2", "2", "2"]),
        ],
    }
    blocks = compute(state)
    assert "What moved since Spring" in texts(blocks, "heading")
    moved = next(
        b for b in blocks if b["type"] == "table" and b["caption"] == "Area means in Spring and now"
    )
    assert moved["rows"] == [
        ["Openness", "1.5", "4.1", "+2.6"],
        ["Democracy", "1.5", "4.0", "+2.5"],
    ]
    assert (
        "“Anyone in our collaboration can put forward an unusual idea without losing face.”: "
        "from 1.5 to 3.3 (+1.8)." in texts(blocks, "list")
    )
    chart = ElementTree.fromstring(
        next(b for b in blocks if b["type"] == "figure" and "group" in b["caption"])["svg"]
    )
    assert len(chart.findall(f".//{SVG}polygon")) == 2 + 1  # two earlier areas and the legend


def test_only_an_earlier_round_asks_for_this_rounds_answers() -> None:
    blocks = compute(
        {"answers": {}, "earlier": {"label": "", "participants": [person("other", ["3"])]}}
    )
    assert blocks == [
        {
            "type": "paragraph",
            "text": "An earlier round with 1 participant is kept for comparison. Add this round's "
            "responses to see what moved.",
        }
    ]


def test_chart_has_a_row_per_area_and_escapes_text() -> None:
    hostile = json.loads(json.dumps(MODEL))
    hostile["values"]["values"][0]["name"] = {"en": "<script>alert(1)</script>"}
    answers = person("resident", ["2", "4"])
    blocks = flat(view.compute({"answers": answers}, hostile, "en"))
    figure = next(block for block in blocks if block["type"] == "figure")
    assert "<script>" not in figure["svg"] and "&lt;script&gt;" in figure["svg"]
    chart = ElementTree.fromstring(figure["svg"])
    assert chart.get("role") == "img" and chart.find(f"{SVG}title").text.startswith("Your scores")
    assert "Highest: &lt;script&gt;" not in chart.find(f"{SVG}desc").text
    assert (
        "Scores run from 1 (Strongly disagree) to 5 (Strongly agree)."
        in chart.find(f"{SVG}desc").text
    )
    assert len(chart.findall(f".//{SVG}circle")) == 1 + 1  # the one scored area and the legend
    labels = [
        " ".join(t.itertext())
        for t in chart.iter(f"{SVG}text")
        if t.get("class") == "assessment-label"
    ]
    assert len(labels) == 11


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60)
@given(
    st.dictionaries(
        st.sampled_from([*STATEMENTS[:5], "role", "steps", "participant-name", "x"]),
        st.text(max_size=3),
    )
)
def test_any_answers_give_a_result_or_clear_errors(answers: dict[str, str]) -> None:
    result = handle(
        {"action": "compute", "tool": "assessment", "state": {"answers": answers}}, MODEL
    )
    if result["ok"]:
        assert flat(result["blocks"])[0]["text"] == "Your profile"
    else:
        assert result["errors"] and all(e["field"] and e["message"] for e in result["errors"])


def rows_of(csv_text: str) -> list[list[str]]:
    assert csv_text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(csv_text[1:])))


def test_csv_exports_areas_and_statements_safely() -> None:
    hostile = json.loads(json.dumps(MODEL))
    hostile["assessment"]["statements"][0]["text"] = {"en": '=HYPERLINK("http://x")'}
    state = three_times(group_state())
    state["earlier"] = {"label": "", "participants": [person("resident", ["1"])]}
    result = handle({"action": "csv", "tool": "assessment", "state": state}, hostile)
    rows = rows_of(result["csv"])
    assert rows[0][:9] == [
        "Level",
        "Area",
        "Statement",
        "Mean",
        "Spread",
        "Lowest",
        "Highest",
        "Answers on the scale",
        "Don't know",
    ]
    assert rows[0][9] == "Mean, Municipal staff" and rows[0][-2:] == ["Earlier round", "Change"]
    assert len(rows) == 1 + 11 + 33
    assert rows[1][:9] == ["Area", "Openness", "", "4.11", "1.03", "2.67", "5.0", "9", "0"]
    assert rows[12][2] == '\'=HYPERLINK("http://x")'
    assert rows[1][-2:] == ["1.0", "3.11"]
    assert rows[12][-2:] == ["1.0", "2.33"]


def test_csv_of_nothing_is_refused_with_a_reason() -> None:
    result = handle({"action": "csv", "tool": "assessment", "state": {"answers": {}}}, MODEL)
    assert result == {
        "ok": False,
        "message": "There is nothing to export yet. "
        "Rate some statements or add participants first.",
    }
    own = handle(
        {"action": "csv", "tool": "assessment", "state": {"answers": person("other", ["2"])}}, MODEL
    )
    assert rows_of(own["csv"])[1][3] == "2.0"


def test_print_can_tell_the_import_log_the_own_profile_and_the_group_apart() -> None:
    """A printed group report leaves the file names and the facilitator's own profile out."""
    state = {
        **group_state(),
        "answers": person("resident", ["3"] * 4),
        "imports": [{"source": "anne.json", "outcome": "added", "number": 1}],
    }
    blocks = view.compute(state, MODEL, "en")
    assert [(b["type"], b["name"]) for b in blocks] == [
        ("section", "screen-only"),
        ("section", "own"),
        ("section", "group"),
    ]
    assert "anne.json" in json.dumps(blocks[0])
    assert "anne.json" not in json.dumps(blocks[1:])
