"""Several participants on one matrix: adding files and links, where they disagree, removing."""

from __future__ import annotations

import base64
import json
import xml.etree.ElementTree as ElementTree
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.core.csvfile import to_csv
from calculators.core.numbers import Numbers
from calculators.matrix import export, score, view
from calculators.matrix.files import MAX_PARTICIPANTS
from calculators.runtime import handle
from tests.support.matrix import ANN, BOB, MODEL, flat, saved, words_of


def link(answers: dict[str, Any]) -> str:
    encoded = base64.urlsafe_b64encode(saved(answers).encode()).decode().rstrip("=")
    return f"http://intranet.example/kommune/samskaping/tools/matrix/#share={encoded}"


def operate(state: dict[str, Any], op: str, payload: dict[str, Any]) -> dict[str, Any]:
    request = {"action": "operate", "tool": "matrix", "op": op, "payload": payload, "state": state}
    return handle(request, MODEL)


def with_ann_and_bob(state: dict[str, Any] | None = None) -> dict[str, Any]:
    files = [{"name": "ann.json", "text": saved(ANN)}, {"name": "bob.json", "text": saved(BOB)}]
    response = operate(state or {"answers": {}}, "add-participants", {"files": files})
    assert response["ok"], response
    return response["state"]


def test_files_become_participants_named_by_their_answer() -> None:
    state = with_ann_and_bob()
    assert [p["name"] for p in state["participants"]] == ["Ann", "Bob"]
    assert state["participants"][0]["answers"] == ANN


def test_a_file_without_a_name_is_named_after_the_file() -> None:
    anonymous = {key: value for key, value in ANN.items() if key != "participant"}
    state = operate(
        {"answers": {}},
        "add-participants",
        {"files": [{"name": "group-3.json", "text": saved(anonymous)}]},
    )["state"]
    assert state["participants"][0]["name"] == "group-3"


def test_pasted_share_links_become_numbered_participants() -> None:
    anonymous = {key: value for key, value in BOB.items() if key != "participant"}
    text = f"{link(ANN)}\n  {link(anonymous)}\n"
    state = operate(with_ann_and_bob(), "add-participants", {"text": text})["state"]
    assert [p["name"] for p in state["participants"]] == ["Ann", "Bob", "Participant 4"]


def test_the_same_person_added_twice_is_kept_once() -> None:
    state = with_ann_and_bob(with_ann_and_bob())
    assert len(state["participants"]) == 2


def test_two_people_with_the_same_view_are_two_participants() -> None:
    """Same answers, same default file name: what tells people apart is the response's id."""
    anonymous = {key: value for key, value in ANN.items() if key != "participant"}
    name = "matrix-project-1-2026-12-07.json"
    texts = [saved(anonymous, id="aaaa1111"), saved(anonymous, id="bbbb2222")]
    state = operate(
        {"answers": {}},
        "add-participants",
        {"files": [{"name": name, "text": text} for text in texts]},
    )["state"]
    assert [p["id"] for p in state["participants"]] == ["aaaa1111", "bbbb2222"]
    again = operate(state, "add-participants", {"text": link(anonymous)})["state"]
    assert len(again["participants"]) == 3
    same = operate(state, "add-participants", {"files": [{"name": "x.json", "text": texts[0]}]})
    assert same["state"]["participants"] == state["participants"]


def test_files_saved_before_ids_count_once_per_file() -> None:
    """Without ids, two files are two people unless they are the very same file."""
    first = saved(ANN)
    resaved = json.dumps({**json.loads(first), "saved": "2026-12-07T13:00:00.000Z"})
    payload = {"files": [{"name": n, "text": t} for n, t in (("a", first), ("b", resaved))]}
    state = operate({"answers": {}}, "add-participants", payload)["state"]
    assert [p["name"] for p in state["participants"]] == ["Ann", "Ann"]
    assert operate(state, "add-participants", payload)["state"] == state
    old = {"answers": {}, "participants": [{"name": "Ann", "answers": ANN}]}
    assert operate(old, "add-participants", {"files": payload["files"][:1]})["ok"]


def test_a_facilitators_file_brings_its_participants_along() -> None:
    facilitator = saved({}, participants=with_ann_and_bob()["participants"])
    state = operate(
        {"answers": {}},
        "add-participants",
        {"files": [{"name": "workshop.json", "text": facilitator}]},
    )["state"]
    assert [p["name"] for p in state["participants"]] == ["Ann", "Bob"]


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        ({"files": [{"name": "x.json", "text": "{"}]}, "x: The file is not valid JSON"),
        ({"files": [{"name": "empty.json", "text": saved({})}]}, "empty holds no answers"),
        (
            {"files": [{"name": "half.json", "text": saved({"planning": "together"})}]},
            "half: Choose who is responsible for production",
        ),
        (
            {"files": [{"name": "odd.json", "text": saved({"planning": "lots"})}]},
            "odd: The answer to 'planning' in the file is not one of the choices.",
        ),
        ({"files": "ann.json"}, "list of participants is damaged"),
        ({"text": "no links here"}, "No share link was found"),
        ({"text": "https://x/#share=@@@ and #share=a"}, "Link 1 could not be read"),
    ],
)
def test_bad_files_and_links_are_refused_and_change_nothing(
    payload: dict[str, Any], reason: str
) -> None:
    before = with_ann_and_bob()
    response = operate(before, "add-participants", payload)
    assert response["ok"] is False
    assert reason in response["message"]


def test_one_bad_file_refuses_the_whole_batch() -> None:
    files = [{"name": "ann.json", "text": saved(ANN)}, {"name": "bad.json", "text": "[]"}]
    response = operate({"answers": {}}, "add-participants", {"files": files})
    assert response == {"ok": False, "message": "bad: This is not a file saved by this guide."}


def test_too_many_participants_are_refused() -> None:
    people = [{"name": f"P{i}", "answers": {**ANN, "participant": f"P{i}"}} for i in range(40)]
    state = {"answers": {}, "participants": people}
    more = {"files": [{"name": "x.json", "text": saved({**ANN, "participant": "X"})}]}
    response = operate(state, "add-participants", more)
    assert (
        response["message"] == f"At most {MAX_PARTICIPANTS} participants can be compared at once."
    )


def test_everyone_is_on_one_matrix_with_where_they_disagree() -> None:
    state = with_ann_and_bob({"answers": {"planning": "together", "production": "together"}})
    result = score.report(state, MODEL)
    assert [m["name"] for m in result["group"]["members"]] == ["You", "Ann", "Bob"]
    blocks = flat(view.compute(state, MODEL, "en"))
    group_chart = next(b for b in blocks if b["type"] == "figure" and "participant" in b["caption"])
    svg = ElementTree.fromstring(group_chart["svg"])
    description = svg.find("{http://www.w3.org/2000/svg}desc").text
    assert "Co-production (thick collaboration): 1, 2" in description
    assert "Professional services planned with civil society (thin co-creation): 3" in description
    said = words_of(blocks)
    assert (
        "Production and delivery: Professionals and civil society together (1. You, 2. Ann); "
        "Professionals alone (3. Bob)." in said
    )
    assert "Decisions: Decisions are made together" in said  # Ann against Bob
    assert "Everyone who answered agrees on: Planning and design" in said


def test_without_own_answers_the_group_is_the_whole_result() -> None:
    blocks = flat(view.compute(with_ann_and_bob(), MODEL, "en"))
    assert blocks[0] == {"type": "heading", "text": "Several views"}
    assert [b["label"] for b in blocks if b["type"] == "button"] == [
        "Remove 1. Ann",
        "Remove 2. Bob",
        "Remove all participants",
    ]


def test_remove_one_and_remove_all() -> None:
    state = with_ann_and_bob()
    after = operate(state, "remove-participant", {"index": 0})["state"]
    assert [p["name"] for p in after["participants"]] == ["Bob"]
    assert operate(state, "remove-participant", {"index": 5})["ok"] is False
    assert operate(state, "remove-participant", {"index": True})["ok"] is False
    assert "participants" not in operate(state, "remove-participants", {})["state"]


def test_csv_has_a_row_per_person_and_is_safe_in_spreadsheets() -> None:
    hostile = {**ANN, "participant": '=HYPERLINK("http://x")'}
    state = operate(
        {"answers": BOB},
        "add-participants",
        {"files": [{"name": "h.json", "text": saved(hostile)}]},
    )["state"]
    header, rows = export.table(state, MODEL, "en")
    assert header[:6] == [
        "Name",
        "Planning and design",
        "Production and delivery",
        "Cell",
        "Position (lowest)",
        "Position (highest)",
    ]
    assert rows[0][:6] == [
        "Bob",
        "Professionals and civil society together",
        "Professionals alone",
        "Professional services planned with civil society (thin co-creation)",
        8,  # planning shared; one party decides (0)
        64,  # + the open questions at their most; the duration at most 14 without shared delivery
    ]
    # The goal keeps today's "one party decides": 16 + 0, up to 70 more for the open questions.
    assert rows[0][-3:] == ["Co-production (thick collaboration)", 16, 86]
    response = handle({"action": "csv", "tool": "matrix", "state": state}, MODEL)
    assert response["ok"]
    assert response["csv"] == to_csv(header, rows, Numbers.of(MODEL, "en"))
    assert "'=HYPERLINK(" in response["csv"]
    assert '"=HYPERLINK' not in response["csv"] and ",=HYPERLINK" not in response["csv"]


@given(st.lists(st.text(min_size=1, max_size=200), min_size=1, max_size=12))
def test_any_names_give_a_well_formed_group_chart(names: list[str]) -> None:
    people = [{"name": name, "answers": ANN} for name in names]
    blocks = flat(view.compute({"answers": {}, "participants": people}, MODEL, "en"))
    for block in blocks:
        if block["type"] == "figure":
            ElementTree.fromstring(block["svg"])


def test_unticked_roles_are_no_agreement() -> None:
    """An unticked box is no choice: people who ticked no role agree on no role."""
    state = with_ann_and_bob({"answers": {"planning": "together", "production": "together"}})
    compared = score.report(state, MODEL)["group"]["comparisons"]
    assert not [entry for entry in compared if entry["question"].startswith("roles.")]
    said = words_of(view.compute(state, MODEL, "en"))
    assert "Residents as" not in said
    assert "Everyone who answered agrees on: Planning and design." in said


def test_a_role_everyone_ticked_is_agreement_and_one_ticked_is_not() -> None:
    roles = score.role_ids(MODEL)
    people = [
        {"name": "Ann", "answers": {**ANN, "roles": roles[:2]}},
        {"name": "Bob", "answers": {**ANN, "participant": "Bob", "roles": roles[:1]}},
    ]
    compared = score.report({"answers": {}, "participants": people}, MODEL)["group"]
    by_question = {entry["question"]: entry for entry in compared["comparisons"]}
    assert by_question[f"roles.{roles[0]}"]["agree"] is True
    assert by_question[f"roles.{roles[1]}"]["agree"] is False
    assert f"roles.{roles[2]}" not in by_question
