"""The build writes what only it knows into the scripts the site ships, or stops."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitebuild.publish import FILLED_IN
from sitebuild.publish.fill_in import FillInError, empty_line, fill_in

DOCS = Path(__file__).resolve().parents[2] / "docs"
SCRIPT = "assets/js/worker.mjs"


def _site(tmp_path: Path, code: str) -> Path:
    (tmp_path / SCRIPT).parent.mkdir(parents=True)
    (tmp_path / SCRIPT).write_text(code, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("script", "name"), FILLED_IN)
def test_each_script_source_holds_its_line_to_fill_in_once(script: str, name: str) -> None:
    assert (DOCS / script).read_text(encoding="utf-8").count(empty_line(name)) == 1


def test_the_value_is_written_in_as_json(tmp_path: Path) -> None:
    site = _site(tmp_path, f"// start\n{empty_line('SITE_PATHS')}\nboot();\n")
    value = {"pyodide": "pyodide/1.0/", "bundle": 'calculators/c"1.zip'}
    fill_in(site, SCRIPT, "SITE_PATHS", value)
    start, line, end = (site / SCRIPT).read_text(encoding="utf-8").splitlines()
    assert (start, end) == ("// start", "boot();")
    assert line.startswith("const SITE_PATHS = ") and line.endswith(";")
    assert json.loads(line.removeprefix("const SITE_PATHS = ").removesuffix(";")) == value


@pytest.mark.parametrize("code", ["boot();\n", f"{empty_line('A')}\n{empty_line('A')}\n"])
def test_without_exactly_one_line_to_fill_the_build_stops(tmp_path: Path, code: str) -> None:
    site = _site(tmp_path, code)
    with pytest.raises(FillInError, match="const A = null;"):
        fill_in(site, SCRIPT, "A", "x")
    assert (site / SCRIPT).read_text(encoding="utf-8") == code
