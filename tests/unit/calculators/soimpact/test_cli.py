"""``python -m calculators soimpact``: the page's saved files, reviewed and exported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from calculators.__main__ import main
from calculators.core.savefile import envelope
from calculators.soimpact.files import VERSION, load_example
from tests.support.content import guide_data
from tests.support.site import ROOT

MODEL: dict[str, Any] = guide_data()


def saved_example(folder: Path) -> Path:
    state = load_example({"answers": {}}, {"example": "boost-refugee"}, MODEL, "en")
    path = folder / "boost.json"
    path.write_text(json.dumps(envelope("soimpact", VERSION, state)), encoding="utf-8")
    return path


def test_review_prints_steps_review_and_progress_as_json(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "calculators", "soimpact", "review", str(saved_example(tmp_path))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(result.stdout)
    assert set(report) == {"steps", "review", "progress"}
    assert len(report["steps"]) == 10
    assert any(f["id"] == "not-measured" and f["indicators"] == [6] for f in report["review"])
    assert report["progress"][0]["latest"]["value"] == 534


def test_csv_writes_both_tables(tmp_path: Path, capsys) -> None:
    assert (
        main(["soimpact", "csv", str(saved_example(tmp_path)), "--out", str(tmp_path / "o")]) == 0
    )
    written = capsys.readouterr().out.split()
    assert [Path(path).name for path in written] == [
        "boost-indicators.csv",
        "boost-measurements.csv",
    ]
    data = (tmp_path / "o" / "boost-measurements.csv").read_bytes()
    assert data.startswith("\ufeffNo.,Indicator".encode())
    assert data.count(b"\r\n") == 6


def test_a_refused_file_gives_its_reason_and_status_1(tmp_path: Path, capsys) -> None:
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps(envelope("soimpact", 1, {"answers": {"colour": "red"}})))
    assert main(["soimpact", "review", str(wrong)]) == 1
    assert "does not know (colour)" in capsys.readouterr().err
    assert main(["soimpact", "review", str(tmp_path / "missing.json")]) == 1
