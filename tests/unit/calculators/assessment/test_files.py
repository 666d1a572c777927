"""Gathering a group: files and share links in, duplicates counted once, bad files refused."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators.__main__ import main
from calculators.assessment.files import clean, merge
from calculators.assessment.score import DONT_KNOW, Survey
from calculators.core.savefile import ImportProblem, envelope, shared_files
from calculators.runtime import handle
from tests.support.content import guide_data

MODEL: dict[str, Any] = guide_data()
SURVEY = Survey.of(MODEL)
STATEMENTS = [statement["id"] for statement in SURVEY.statements]


def answers(role: str, rating: str, **extra: Any) -> dict[str, Any]:
    return {"role": role, **dict.fromkeys(STATEMENTS[:6], rating), **extra}


def saved(data: dict[str, Any], tool: str = "assessment") -> str:
    return json.dumps(envelope(tool, 1, data))


def operate(op: str, payload: dict[str, Any], state: dict[str, Any]) -> dict[str, Any]:
    request = {"action": "operate", "tool": "assessment", "op": op, "payload": payload}
    result = handle({**request, "state": state}, MODEL)
    assert result["ok"], result
    return result["state"]


def files(*datas: dict[str, Any]) -> dict[str, Any]:
    return {"files": [{"name": f"p{n}.json", "text": saved(d)} for n, d in enumerate(datas, 1)]}


def test_many_files_at_once_with_a_duplicate_and_bad_files() -> None:
    payload = files(
        {"answers": answers("municipality", "5")},
        {"answers": answers("resident", "1", **{"participant-name": "Kari"})},
        {"answers": answers("municipality", "5")},
    )
    payload["files"] += [
        {"name": "broken.json", "text": '{"format": "samskaping-guide", "tool": '},
        {"name": "matrix.json", "text": saved({"answers": {"planning": "together"}}, "matrix")},
        {"name": "no-role.json", "text": saved({"answers": {"openness-odd-ideas": "4"}})},
        {"name": "empty.json", "text": saved({"answers": {"round-name": "Spring"}})},
    ]
    state = operate("add-participants", payload, {"answers": {}})
    assert [p["role"] for p in state["participants"]] == ["municipality", "resident"]
    assert state["participants"][1]["participant-name"] == "Kari"
    log = {entry["source"]: entry for entry in state["imports"]}
    assert log["p3.json"] == {"source": "p3.json", "outcome": "duplicate", "number": 1}
    assert log["broken.json"]["reason"].startswith("The file is not valid JSON")
    assert "another tool ('matrix')" in log["matrix.json"]["reason"]
    assert (
        log["no-role.json"]["reason"] == "The response does not say which role the participant has."
    )
    assert log["empty.json"]["reason"] == "The response holds no answers to the statements."
    again = operate(
        "add-participants",
        files({"answers": answers("resident", "1", **{"participant-name": "Kari"})}),
        state,
    )
    assert len(again["participants"]) == 2
    assert again["imports"][0]["outcome"] == "duplicate"


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(SURVEY.roles), st.sampled_from(["1", "3", "5", DONT_KNOW])),
        min_size=1,
        max_size=6,
    ),
    st.data(),
)
def test_the_same_response_imported_twice_is_detected_not_double_counted(
    people: list[tuple[str, str]], data: st.DataObject
) -> None:
    texts = [("f", saved({"answers": answers(role, rating)})) for role, rating in people]
    repeats = data.draw(st.lists(st.sampled_from(texts), min_size=1, max_size=4))
    once, _ = merge([], texts, SURVEY, MODEL, "en")
    twice, log = merge([], texts + repeats, SURVEY, MODEL, "en")
    assert twice == once
    duplicates = [entry for entry in log if entry["outcome"] == "duplicate"]
    assert len(duplicates) == len(texts) + len(repeats) - len(once)


def test_two_participants_with_identical_answers_both_count() -> None:
    """Two people, the same role and ratings: two ids, two participants, and a note."""
    same = answers("resident", "4", **{"participant-name": ""})
    payload = files(
        {"id": "a1b2c3d4e5f60718", "answers": same}, {"id": "ffee0011", "answers": same}
    )
    state = operate("add-participants", payload, {"answers": {}})
    assert [p["id"] for p in state["participants"]] == ["a1b2c3d4e5f60718", "ffee0011"]
    assert state["imports"][1] == {"source": "p2.json", "outcome": "added", "number": 2, "alike": 1}
    blocks = handle(
        {"action": "compute", "tool": "assessment", "state": state, "lang": "en"}, MODEL
    )["blocks"]
    assert "The group: 2 participants" in json.dumps(blocks)
    assert "are the same as participant 1's, but it is another person's" in json.dumps(blocks)


def test_a_response_is_known_by_its_id_never_by_its_answers() -> None:
    first = {"id": "kari0001", "answers": answers("politician", "2")}
    changed = {"id": "kari0001", "answers": answers("politician", "5")}
    state = operate("add-participants", files(first), {"answers": {}})
    state = operate("add-participants", files(first, changed), state)
    assert [p["openness-odd-ideas"] for p in state["participants"]] == ["2", "5"]
    assert state["imports"] == [
        {"source": "p1.json", "outcome": "duplicate", "number": 1},
        {"source": "p2.json", "outcome": "added", "number": 2, "same-id": 1},
    ]
    link = share_link(first)
    state = operate("add-links", {"text": link}, state)
    assert state["imports"][0]["outcome"] == "duplicate"


def test_files_saved_before_ids_count_once_per_file() -> None:
    """Today's release saved no id: the same answers saved twice are two files, two people; the
    very same file imported again is one."""
    release = Path(__file__).parents[3] / "cases/release-271bc45/assessment.json"
    text = release.read_text(encoding="utf-8")
    resaved = text.replace("2026-12-07T12:39:55.808Z", "2026-12-07T13:01:02.003Z")
    incoming = [("a.json", text), ("b.json", resaved), ("c.json", text)]
    group, log = merge([], incoming, SURVEY, MODEL, "en")
    assert [entry["outcome"] for entry in log] == ["added", "added", "duplicate"]
    assert log[1]["alike"] == 1
    assert len({response.id for response in group}) == 2
    state = operate("add-participants", {"files": [{"name": "a.json", "text": text}]}, {})
    assert state["participants"][0]["id"].startswith("old-")
    again = operate("add-participants", {"files": [{"name": "a.json", "text": text}]}, state)
    assert again["participants"] == state["participants"]


def test_the_own_response_keeps_its_id_through_a_saved_file() -> None:
    own = {"id": "own-response-1", "answers": answers("business", "3")}
    assert clean(own, MODEL, "en")["id"] == "own-response-1"
    assert "id" not in clean({**own, "id": "<script>"}, MODEL, "en")
    state = operate("add-own", {}, own)
    assert state["participants"][0]["id"] == "own-response-1"
    state = operate("add-participants", files(own), state)
    assert state["imports"][0]["outcome"] == "duplicate"


def test_a_group_file_brings_all_its_participants() -> None:
    group = {"answers": {}, "participants": [answers("resident", "2"), answers("politician", "4")]}
    state = operate("add-participants", files(group), {"answers": answers("business", "3")})
    assert [p["role"] for p in state["participants"]] == ["resident", "politician"]
    hostile = {
        "participants": [answers("resident", "2"), {"role": "other", "openness-odd-ideas": "9"}]
    }
    state = operate("add-participants", files(hostile), {"answers": {}})
    assert state["participants"] == []
    assert state["imports"][0]["reason"] == (
        "Participant 2 in the file: An answer in the response is not on the scale."
    )


def share_link(data: dict[str, Any]) -> str:
    encoded = base64.urlsafe_b64encode(saved(data).encode("utf-8")).decode("ascii").rstrip("=")
    return f"http://intranet.example/kommune/samskaping/tools/assessment/#share={encoded}"


def test_pasted_share_links_one_a_line() -> None:
    text = "\n".join(
        [
            share_link({"answers": answers("resident", "1")}),
            "",
            "  " + share_link({"answers": answers("civil-society", "4")}) + "  ",
            "https://intranet.example/tools/assessment/",
            share_link({"answers": answers("resident", "1")})[:-3] + "%%%",
        ]
    )
    assert len(shared_files(text)) == 4
    state = operate("add-links", {"text": text}, {"answers": {}})
    assert [p["role"] for p in state["participants"]] == ["resident", "civil-society"]
    outcomes = [(entry["source"], entry["outcome"]) for entry in state["imports"]]
    assert outcomes == [
        ("Link 1", "added"),
        ("Link 2", "added"),
        ("Link 3", "refused"),
        ("Link 4", "refused"),
    ]
    assert state["imports"][2]["reason"].startswith("This is not a share link of this tool")


def test_own_answers_join_once_and_participants_can_be_removed() -> None:
    own = answers("municipality", "4", **{"round-name": "Start"})
    state = operate("add-own", {}, {"answers": own})
    state = operate("add-own", {}, state)
    assert len(state["participants"]) == 1
    assert "round-name" not in state["participants"][0]
    assert state["imports"][0] == {
        "source": "Your own answers",
        "outcome": "duplicate",
        "number": 1,
    }
    state = operate("remove-participant", {"index": 0}, state)
    assert state["participants"] == []
    refused = handle(
        {
            "action": "operate",
            "tool": "assessment",
            "op": "add-own",
            "payload": {},
            "state": {"answers": {}},
        },
        MODEL,
    )
    assert refused == {"ok": False, "message": "The response holds no answers to the statements."}


def test_a_new_round_keeps_the_old_group_for_comparison() -> None:
    state = operate(
        "add-participants",
        files({"answers": answers("resident", "2")}),
        {"answers": {"round-name": "Spring"}},
    )
    state = operate("new-round", {}, state)
    assert state["participants"] == []
    assert state["earlier"]["label"] == "Spring"
    assert state["earlier"]["participants"][0]["role"] == "resident"
    assert state["answers"]["round-name"] == ""
    group_file = {"answers": {"round-name": "Autumn"}, "participants": [answers("politician", "5")]}
    state = operate("open-earlier-round", files(group_file), state)
    assert state["earlier"]["label"] == "Autumn"
    assert [p["role"] for p in state["earlier"]["participants"]] == ["politician"]


def test_clean_checks_every_saved_participant() -> None:
    good = {
        "answers": {"role": "other"},
        "participants": [answers("resident", "2"), answers("resident", "2")],
        "earlier": {"label": "Spring", "participants": [answers("politician", "1")]},
        "imports": [{"source": "<script>", "outcome": "added", "number": 1}],
    }
    cleaned = clean(good, MODEL, "en")
    saved_ids = [participant.pop("id") for participant in cleaned["participants"]]
    assert len(set(saved_ids)) == 2
    cleaned["earlier"]["participants"][0].pop("id")
    assert cleaned == {
        "answers": {"role": "other"},
        "participants": [answers("resident", "2"), answers("resident", "2")],
        "earlier": {"label": "Spring", "participants": [answers("politician", "1")]},
    }
    for bad in (
        {"participants": "all of them"},
        {"participants": [{"role": "resident", "openness-odd-ideas": ["5", "1"]}]},
        {"earlier": {"label": 7, "participants": []}},
        {"earlier": ["x"]},
    ):
        with pytest.raises(ImportProblem):
            clean(bad, MODEL, "en")


def test_command_line_prints_the_group_as_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = []
    people = [("resident", "1"), ("municipality", "5")] * 3
    for number, (role, rating) in enumerate(people):
        path = tmp_path / f"r{number}.json"
        path.write_text(saved({"id": f"p{number}", "answers": answers(role, rating)}), "utf-8")
        paths.append(str(path))
    assert main(["assessment", *paths, paths[0]]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["participants"] == 6
    assert result["roles"] == {"municipality": 3, "resident": 3}
    openness = result["areas"][0]
    assert (openness["id"], openness["mean"], openness["spread"]) == ("openness", 3.0, 2.0)
    assert openness["role_gap"] == {"size": 4.0, "highest": "municipality", "lowest": "resident"}
    assert result["discuss"][:2] == ["openness-odd-ideas", "openness-outsiders"]
    bad = tmp_path / "bad.json"
    bad.write_text("not json", encoding="utf-8")
    assert main(["assessment", paths[0], str(bad), str(tmp_path / "missing.json")]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["participants"] == 1
    assert "bad.json: The file is not valid JSON" in captured.err
    assert "missing.json" in captured.err
