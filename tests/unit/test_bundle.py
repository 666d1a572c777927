"""The calculators bundle is reproducible and runs from its own files, as in Pyodide.

``-I -S`` keep the installed checkout out of reach, so only the zip's files can be imported.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from sitebuild.bundle import MODEL_FILE, build_bundles
from tests.support.content import guide_model
from tests.support.matrix import flat


def test_bundles_are_reproducible_and_named_by_their_hash() -> None:
    model = guide_model()
    first, second = build_bundles(model), build_bundles(model)
    assert first == second
    assert re.fullmatch(r"calculators\.[0-9a-f]{12}\.zip", first.calculators.name)
    assert re.fullmatch(r"python_stdlib\.[0-9a-f]{12}\.zip", first.stdlib.name)


ASSESSMENT_GROUP = {
    "answers": {},
    "participants": [
        {"role": "resident", "openness-odd-ideas": "2"},
        {"role": "municipality", "openness-odd-ideas": "5"},
    ],
}


def run_in_bundle(folder: Path, code: str) -> str:
    """Output of ``code`` run by a bare Python in the unpacked site bundle, as Pyodide runs it
    (``json``, ``sys`` and ``run`` imported)."""
    zipfile.ZipFile(io.BytesIO(build_bundles(guide_model()).calculators.data)).extractall(folder)
    assert (folder / MODEL_FILE).exists()
    script = (
        f"import json, sys; sys.path.insert(0, '.'); from calculators.runtime import run; {code}"
    )
    return subprocess.run(
        [sys.executable, "-I", "-S", "-c", script],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.parametrize(
    ("tool", "state", "heading"),
    [
        (
            "matrix",
            {"answers": {"planning": "professionals", "production": "professionals"}},
            "Traditional professional services",
        ),
        ("assessment", ASSESSMENT_GROUP, "The group: 2 participants"),
    ],
)
def test_bundle_runs_standalone(
    tmp_path: Path, tool: str, state: dict[str, Any], heading: str
) -> None:
    request = json.dumps({"action": "compute", "tool": tool, "state": state})
    result = json.loads(run_in_bundle(tmp_path, f"print(run({request!r}))"))
    assert result["ok"] is True
    assert flat(result["blocks"])[0]["text"] == heading


def test_a_page_imports_only_its_own_calculator(tmp_path: Path) -> None:
    """In Pyodide every module is compiled from source: the matrix page needs no other tool."""
    requests = [
        {"action": "warm-up"},
        {"action": "compute", "tool": ["matrix"], "state": {}},
        {"action": "compute", "tool": "matrix", "state": {"answers": {}}},
    ]
    script = (
        f"print(json.dumps([json.loads(run(json.dumps(r))) for r in {requests!r}])); "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('calculators.'))))"
    )
    responses, modules = map(json.loads, run_in_bundle(tmp_path, script).splitlines())
    assert responses[0] == {"ok": True}
    assert responses[1] == {"ok": False, "message": "Unknown tool ['matrix']."}
    assert "calculators.matrix" in modules
    others = ("calculators.soimpact", "calculators.assessment")
    assert not [name for name in modules if name.endswith(".cli")]
    assert not [name for name in modules if name.startswith(others)]
