"""The calculators bundle is reproducible and runs from its own files, as in Pyodide.

``-I -S`` keep the installed checkout out of reach, so only the zip's files can be imported.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from macros.content import load_content
from sitebuild.bundle import MODEL_FILE, build_bundle


def test_bundle_is_reproducible_and_named_by_its_hash() -> None:
    model = load_content()
    first, second = build_bundle(model), build_bundle(model)
    assert first == second
    assert first.name.startswith("calculators.") and first.name.endswith(".zip")


ASSESSMENT_GROUP = {
    "answers": {},
    "participants": [
        {"role": "resident", "openness-odd-ideas": "2"},
        {"role": "municipality", "openness-odd-ideas": "5"},
    ],
}


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
    bundle = build_bundle(load_content())
    zipfile.ZipFile(io.BytesIO(bundle.data)).extractall(tmp_path)
    assert (tmp_path / MODEL_FILE).exists()
    request = json.dumps({"action": "compute", "tool": tool, "state": state})
    script = (
        "import sys; sys.path.insert(0, '.'); from calculators.runtime import run; "
        f"print(run({request!r}))"
    )
    output = subprocess.run(
        [sys.executable, "-I", "-S", "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result = json.loads(output)
    assert result["ok"] is True
    assert result["blocks"][0]["text"] == heading
