"""Saved matrix work: export → import is exact, anything else is refused, the CLI reads files."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.__main__ import main
from calculators.core.errors import InputError
from calculators.core.savefile import ImportProblem, envelope
from calculators.matrix import files, view
from calculators.runtime import handle
from sitebuild.bundle import MODEL_FILE, build_bundles
from tests.support.content import guide_model
from tests.support.matrix import ANN, ANSWERS, BOB, MODEL, saved

FULL = {
    "answers": {**BOB, "roles": ["co-designer"], "desired.roles": ["co-designer", "co-initiator"]},
    "participants": [{"name": "Ann", "answers": ANN}],
}


def import_text(text: str) -> dict[str, Any]:
    return handle({"action": "import", "tool": "matrix", "text": text}, MODEL)


def test_an_exported_state_imports_identically() -> None:
    assert import_text(json.dumps(envelope("matrix", 1, FULL))) == {"ok": True, "state": FULL}


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"answers": {"colour": "red"}}, "an answer this calculator does not know ('colour')"),
        ({"answers": {"planning": "everyone"}}, "The answer to 'planning' in the file is not"),
        ({"answers": {"duration": ["lasting", "project"]}}, "The answer to 'duration'"),
        ({"answers": {"roles": ["co-dreamer"]}}, "The answer to 'roles'"),
        ({"answers": {"participant": ["Ann"]}}, "The answer to 'participant'"),
        ({"answers": {}, "participants": "Ann"}, "list of participants is damaged"),
        ({"answers": {}, "participants": [{"name": "Ann"}]}, "list of participants is damaged"),
        ({"answers": {}, "participants": [{"name": "", "answers": ANN}]}, "is damaged"),
        (
            {"answers": {}, "participants": [{"name": "A", "answers": {"planning": "together"}}]},
            "list of participants is damaged",
        ),
        (
            {"answers": {}, "participants": [{"name": "A", "answers": {"x": "y"}}]},
            "does not know ('x')",
        ),
    ],
)
def test_a_file_with_unknown_or_invalid_answers_is_refused(
    data: dict[str, Any], reason: str
) -> None:
    response = import_text(json.dumps(envelope("matrix", 1, data)))
    assert response["ok"] is False
    assert reason in response["message"]


@given(ANSWERS)
def test_clean_keeps_every_valid_answer_and_is_idempotent(answers: dict[str, Any]) -> None:
    state = {"answers": answers}
    cleaned = files.clean(state, MODEL, "en")
    assert cleaned == state
    assert files.clean(cleaned, MODEL, "en") == cleaned


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(st.dictionaries(st.sampled_from(["answers", "participants", "x"]), JSON))
def test_any_imported_data_is_refused_or_safe_to_compute(data: dict[str, Any]) -> None:
    try:
        state = files.clean(data, MODEL, "en")
    except ImportProblem as problem:
        assert str(problem)
        return
    try:
        view.compute(state, MODEL, "en")
    except InputError as error:
        assert error.problems


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_command_line_prints_one_json_line_per_file(tmp_path: Path, capsys) -> None:
    good = write(tmp_path, "ann.json", saved(ANN))
    half = write(tmp_path, "half.json", saved({"planning": "together"}))
    broken = write(tmp_path, "broken.json", "{")
    assert main(["matrix", str(good), str(half), str(broken), str(tmp_path / "gone.json")]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[0]["ok"] is True
    assert lines[0]["result"]["now"]["cell"] == "co-production"
    # Both axes shared (2 × 8) + power shared (14); four questions open (up to 70 more).
    position = {"start": 16, "low": 30, "high": 100, "half": None}
    assert lines[0]["result"]["now"]["position"] == position
    assert lines[1]["errors"] == [
        {"field": "production", "message": "Choose who is responsible for production and delivery."}
    ]
    assert lines[2]["message"] == "The file is not valid JSON (line 1, column 2)."
    assert lines[3]["ok"] is False and "gone.json" in lines[3]["message"]


def test_the_command_line_reads_the_model_the_site_ships(tmp_path: Path, capsys) -> None:
    bundle = build_bundles(guide_model()).calculators
    with zipfile.ZipFile(io.BytesIO(bundle.data)) as archive:
        shipped = write(tmp_path, MODEL_FILE, archive.read(MODEL_FILE).decode("utf-8"))
    file = write(tmp_path, "full.json", json.dumps(envelope("matrix", 1, FULL)))
    assert main(["matrix", str(file), "--model", str(shipped)]) == 0
    result = json.loads(capsys.readouterr().out)["result"]
    assert result["now"]["cell"] == "thin-planning"
    assert result["goal"]["cell"] == "co-production"
    assert [m["name"] for m in result["group"]["members"]] == ["Bob", "Ann"]


def test_python_dash_m_calculators_runs(tmp_path: Path) -> None:
    file = write(tmp_path, "ann.json", saved(ANN))
    done = subprocess.run(
        [sys.executable, "-m", "calculators", "matrix", str(file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["result"]["now"]["cell"] == "co-production"
