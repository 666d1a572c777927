"""CSV exports open in spreadsheets with Norwegian letters intact and run no formula."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from calculators.core.csvfile import BOM, FORMULA_STARTS, safe_cell, to_csv


def test_bom_and_norwegian_letters() -> None:
    text = to_csv(["Område", "Verdi"], [["Åpenhet", 4.5], ["Medvirkning", 3]])
    assert text.startswith(BOM)
    assert text == BOM + "Område,Verdi\r\nÅpenhet,4.5\r\nMedvirkning,3\r\n"


def test_formula_cells_are_defused_numbers_are_not() -> None:
    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert safe_cell("+1") == "'+1"
    assert safe_cell("-2+3") == "'-2+3"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("\t=1") == "'\t=1"
    assert safe_cell(-2) == "-2"
    assert safe_cell(None) == ""


@given(st.lists(st.lists(st.text() | st.integers() | st.none(), min_size=2, max_size=2)))
def test_no_text_cell_ever_starts_a_formula(rows: list[list[str | int | None]]) -> None:
    text = to_csv(["a", "b"], rows)
    parsed = list(csv.reader(io.StringIO(text.removeprefix(BOM), newline="")))
    for row, original in zip(parsed[1:], rows, strict=True):
        for cell, value in zip(row, original, strict=True):
            if isinstance(value, str):
                assert not cell.startswith(FORMULA_STARTS)
