"""The build writes Pyodide's and the calculators' paths into the Python worker, or stops."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitebuild.worker_paths import EMPTY, WORKER, WorkerPathsError, write_worker_paths

SOURCE = Path(__file__).resolve().parents[2] / "docs" / WORKER


def _site(tmp_path: Path, code: str) -> Path:
    (tmp_path / WORKER).parent.mkdir(parents=True)
    (tmp_path / WORKER).write_text(code, encoding="utf-8")
    return tmp_path


def test_the_worker_source_holds_the_line_to_fill_in_once() -> None:
    assert SOURCE.read_text(encoding="utf-8").count(EMPTY) == 1


def test_the_paths_are_written_in_as_json(tmp_path: Path) -> None:
    site = _site(tmp_path, f"// start\n{EMPTY}\nboot();\n")
    write_worker_paths(site, "pyodide/1.0/", 'calculators/c"1.zip')
    start, line, end = (site / WORKER).read_text(encoding="utf-8").splitlines()
    assert (start, end) == ("// start", "boot();")
    assert line.startswith("const SITE_PATHS = ") and line.endswith(";")
    written = json.loads(line.removeprefix("const SITE_PATHS = ").removesuffix(";"))
    assert written == {"pyodide": "pyodide/1.0/", "bundle": 'calculators/c"1.zip'}


@pytest.mark.parametrize("code", ["boot();\n", f"{EMPTY}\n{EMPTY}\n"])
def test_without_exactly_one_line_to_fill_the_build_stops(tmp_path: Path, code: str) -> None:
    site = _site(tmp_path, code)
    with pytest.raises(WorkerPathsError, match="SITE_PATHS"):
        write_worker_paths(site, "pyodide/1.0/", "calculators/c.zip")
    assert (site / WORKER).read_text(encoding="utf-8") == code
