"""Every tool's CSV in the page's language: a Norwegian office's spreadsheet reads ``;`` between
fields and decimal commas, an English one ``,`` and points. Each export is read back with its
language's dialect; its numbers must read as numbers there, and its file name is in that
language."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest

from calculators.core.csvfile import BOM
from calculators.runtime import handle
from tests.support.content import guide_data

MODEL = guide_data()
RELEASE = Path(__file__).parents[2] / "cases" / "release-271bc45"

DIALECTS = {"en": (",", re.compile(r"-?\d+(\.\d+)?")), "nb": (";", re.compile(r"-?\d+(,\d+)?"))}
"""Per language: the field delimiter, and how a number is written in a field."""


def matrix_state() -> dict[str, Any]:
    text = (RELEASE / "matrix.json").read_text(encoding="utf-8")
    answer = handle({"action": "import", "tool": "matrix", "text": text, "lang": "en"}, MODEL)
    assert answer["ok"], answer
    return answer["state"]


STATES: dict[str, tuple[dict[str, Any], str | None, str | None]] = {
    "matrix": (matrix_state(), None, None),  # whole positions; their scale is the matrix's
    "assessment": (
        {"answers": {"role": "municipality", "openness-odd-ideas": "4", "openness-outsiders": "5"}},
        None,
        "4.5",
    ),
    "soimpact-indicators": (
        {
            "answers": {
                "indicators.0.name": "Jobs",
                "indicators.0.kind": "quantitative",
                "indicators.0.baseline-value": "10",
                "indicators.0.target-value": "40",
                "indicators.0.measurements.0.value": "12,5",
                "indicators.0.measurements.0.date": "2025-01-01",
            }
        },
        "indicators",
        "12.5",
    ),
}
STATES["soimpact-measurements"] = (STATES["soimpact-indicators"][0], "measurements", "8.3")
"""Per export: a state, the table's name (None: the tool's only one) and a decimal number it
holds, written in English."""

FILE_WORDS = {
    ("matrix", "en"): ["matrix", ""],
    ("matrix", "nb"): ["matrise", ""],
    ("assessment", "en"): ["assessment", ""],
    ("assessment", "nb"): ["vurdering", ""],
    ("soimpact-indicators", "en"): ["soimpact", "indicators"],
    ("soimpact-indicators", "nb"): ["soimpact", "indikatorer"],
    ("soimpact-measurements", "en"): ["soimpact", "measurements"],
    ("soimpact-measurements", "nb"): ["soimpact", "målinger"],
}


def exported(export: str, lang: str) -> dict[str, Any]:
    state, table, _ = STATES[export]
    request = {"action": "csv", "tool": export.partition("-")[0], "state": state, "lang": lang}
    answer = handle({**request, **({"table": table} if table else {})}, MODEL)
    assert answer["ok"], answer
    return answer


@pytest.mark.parametrize("lang", DIALECTS)
@pytest.mark.parametrize("export", STATES)
def test_each_export_reads_back_in_its_languages_dialect(export: str, lang: str) -> None:
    answer = exported(export, lang)
    delimiter, number = DIALECTS[lang]
    assert answer["csv"].startswith(BOM)
    text = answer["csv"].removeprefix(BOM)
    header, *rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert rows and all(len(row) == len(header) > 1 for row in rows)
    cells = [cell for row in rows for cell in row]
    if decimal := STATES[export][2]:
        assert decimal.replace(".", "," if lang == "nb" else ".") in cells
    numeric = [cell for cell in cells if re.fullmatch(r"-?[\d.,]+", cell) and cell[0] != ","]
    assert numeric and all(number.fullmatch(cell) for cell in numeric), numeric
    assert answer["file"] == FILE_WORDS[export, lang]


def test_the_norwegian_csv_read_back_with_semicolons_has_numbers_a_spreadsheet_sums() -> None:
    text = exported("soimpact-measurements", "nb")["csv"].removeprefix(BOM)
    header, row = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert header == ["Nr.", "Indikator", "Dato", "Verdi", "Andel av veien (%)", "Merknad"]
    value, share = (float(row[header.index(name)].replace(",", ".")) for name in header[3:5])
    assert (value, share) == (12.5, 8.3)
