"""Saved files and share links: our own files open, anything else is refused with a reason."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.core.savefile import FORMAT, MAX_BYTES, content_id, envelope, response_id
from calculators.runtime import handle
from tests.support.content import guide_data

MODEL: dict[str, Any] = guide_data()
STATE = {"answers": {"planning": "together", "production": "civil-society"}}


def import_text(text: str, tool: str = "matrix") -> dict[str, Any]:
    return handle({"action": "import", "tool": tool, "text": text}, MODEL)


def test_an_exported_file_imports_to_the_same_state() -> None:
    text = json.dumps(envelope("matrix", 1, STATE))
    assert import_text(text) == {"ok": True, "state": STATE}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{not json", "not valid JSON (line 1, column 2)"),
        ("[]", "not a file saved by this guide"),
        (json.dumps({"format": "other", "tool": "matrix"}), "not a file saved by this guide"),
        (json.dumps(envelope("assessment", 1, STATE)), "saved by another tool ('assessment')"),
        (json.dumps(envelope("matrix", 99, STATE)), "newer version of the guide"),
        (json.dumps({"format": FORMAT, "tool": "matrix", "version": "1"}), "no valid version"),
        (json.dumps(envelope("matrix", 1, {"answers": {"planning": 3}})), "is not text"),
        (json.dumps(envelope("matrix", 1, {"answers": ["planning"]})), "not a list of named"),
        (json.dumps({**envelope("matrix", 1, STATE), "data": None}), "holds no saved answers"),
        ("x" * (MAX_BYTES + 1), "larger than 2 MB"),
    ],
)
def test_a_bad_file_is_refused_with_a_reason(text: str, reason: str) -> None:
    result = import_text(text)
    assert result["ok"] is False
    assert reason in result["message"]


def test_hostile_text_is_kept_as_text_for_the_page_to_escape() -> None:
    hostile = "<img src=x onerror=alert(1)>"
    state = {"answers": {"participant": hostile, "planning": "together", "production": "together"}}
    result = import_text(json.dumps(envelope("matrix", 1, state)))
    assert result == {"ok": True, "state": state}
    computed = handle({"action": "compute", "tool": "matrix", "state": state}, MODEL)
    assert computed["ok"] is True  # shown as text; the page inserts it with textContent
    assert hostile in json.dumps(computed, ensure_ascii=False)
    # A choice that is not a level of the matrix is refused on import, not kept.
    odd = {"answers": {"planning": hostile}}
    assert import_text(json.dumps(envelope("matrix", 1, odd)))["ok"] is False


@given(st.text(max_size=300))
def test_any_text_is_imported_or_refused_never_raises(text: str) -> None:
    result = import_text(text)
    assert result["ok"] in (True, False)
    if not result["ok"]:
        assert result["message"].endswith(".")


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
        ),
        max_leaves=10,
    )
)
def test_any_json_payload_is_imported_or_refused(data: object) -> None:
    text = json.dumps({"format": FORMAT, "tool": "matrix", "version": 1, "data": data})
    assert import_text(text)["ok"] in (True, False)


def test_unknown_actions_and_operations_are_plain_errors() -> None:
    assert handle({"action": "fly", "tool": "matrix"}, MODEL)["message"] == "Unknown action 'fly'."
    result = handle({"action": "operate", "tool": "matrix", "op": "x", "state": STATE}, MODEL)
    assert result == {"ok": False, "message": "Unknown operation 'x'."}


@pytest.mark.parametrize("tool", ["matrix", "assessment", "soimpact"])
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("{not json", "not-json"),
        (json.dumps(envelope("other", 1, STATE)), "other-tool"),
        (json.dumps({**envelope("x", 1, {"answers": {"a": 1}})}), "not-text"),
    ],
)
def test_a_refusal_is_worded_in_the_pages_language(tool: str, text: str, key: str) -> None:
    text = text.replace('"x"', json.dumps(tool))
    words = {lang: MODEL["ui"]["files"][key][lang].split("{")[0] for lang in ("en", "nb")}
    for lang, start in words.items():
        result = handle({"action": "import", "tool": tool, "text": text, "lang": lang}, MODEL)
        assert result["ok"] is False
        assert result["message"].startswith(start), (lang, result["message"])


@pytest.mark.parametrize(
    ("saved", "found"),
    [
        ({"id": "0123456789abcdef", "answers": {}}, "0123456789abcdef"),
        ({"id": "old-1a2b-3", "name": "Ann"}, "old-1a2b-3"),
        ({"answers": {}}, None),
        ({"id": ""}, None),
        ({"id": "<script>"}, None),
        ({"id": 12345}, None),
        ({"id": "x" * 65}, None),
        ("0123456789abcdef", None),
    ],
)
def test_a_response_id_is_one_the_page_writes_or_none(saved: object, found: str | None) -> None:
    assert response_id(saved) == found


def test_content_ids_tell_files_apart_by_their_very_content() -> None:
    text = json.dumps(envelope("assessment", 1, {"answers": {"role": "other"}}))
    assert content_id(text, 0) == content_id(text, 0) != content_id(text, 1)
    assert content_id(text, 0) != content_id(text + " ", 0)
    assert response_id({"id": content_id(text, 2)}) == content_id(text, 2)


@pytest.mark.parametrize(
    ("tool", "answers"), [("matrix", STATE["answers"]), ("assessment", {"role": "other"})]
)
def test_an_id_beside_the_answers_survives_an_import(tool: str, answers: dict[str, Any]) -> None:
    state = {"answers": answers, "id": "a1b2c3d4e5f60718"}
    imported = import_text(json.dumps(envelope(tool, 1, state)), tool)
    assert imported["ok"] and imported["state"]["answers"] == answers
    assert imported["state"]["id"] == "a1b2c3d4e5f60718"
