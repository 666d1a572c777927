"""CSV exports open in spreadsheets with Norwegian letters intact, in the dialect of the page's
language, and run no formula."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from calculators.core.csvfile import BOM, FORMULA_STARTS, safe_cell, to_csv
from calculators.core.numbers import Numbers
from tests.support.content import guide_data

MODEL = guide_data()
ENGLISH = Numbers.of(MODEL, "en")
NORWEGIAN = Numbers.of(MODEL, "nb")


def test_english_has_commas_and_points() -> None:
    text = to_csv(["Area", "Score"], [["Openness", 4.5], ["Participation", -3]], ENGLISH)
    assert text == BOM + "Area,Score\r\nOpenness,4.5\r\nParticipation,-3\r\n"


def test_the_norwegian_csv_read_back_with_semicolons() -> None:
    rows = [["Åpenhet", 4.5], ["Medvirkning, lokalt", -3], ["Deltakere", 1234.25]]
    text = to_csv(["Område", "Verdi"], rows, NORWEGIAN)
    assert text.startswith(BOM)
    assert text.splitlines()[1] == "Åpenhet;4,5"
    parsed = list(csv.reader(io.StringIO(text.removeprefix(BOM), newline=""), delimiter=";"))
    assert parsed == [
        ["Område", "Verdi"],
        ["Åpenhet", "4,5"],
        ["Medvirkning, lokalt", "-3"],  # a comma in text is no field boundary
        ["Deltakere", "1234,25"],
    ]
    assert [float(row[1].replace(",", ".")) for row in parsed[1:]] == [4.5, -3, 1234.25]


def test_formula_cells_are_defused_numbers_are_not() -> None:
    for numbers in (ENGLISH, NORWEGIAN):
        assert safe_cell('=HYPERLINK("http://x")', numbers) == '\'=HYPERLINK("http://x")'
        assert safe_cell("+1", numbers) == "'+1"
        assert safe_cell("-2+3", numbers) == "'-2+3"
        assert safe_cell("@SUM(A1)", numbers) == "'@SUM(A1)"
        assert safe_cell("\t=1", numbers) == "'\t=1"
        assert safe_cell(-2, numbers) == "-2"
        assert safe_cell(None, numbers) == ""
    assert safe_cell(-2.5, NORWEGIAN) == "-2,5"


@given(
    st.lists(st.lists(st.text() | st.integers() | st.none(), min_size=2, max_size=2)),
    st.sampled_from([ENGLISH, NORWEGIAN]),
)
def test_no_text_cell_ever_starts_a_formula(
    rows: list[list[str | int | None]], numbers: Numbers
) -> None:
    text = to_csv(["a", "b"], rows, numbers)
    reader = csv.reader(
        io.StringIO(text.removeprefix(BOM), newline=""), delimiter=numbers.csv_delimiter
    )
    parsed = list(reader)
    for row, original in zip(parsed[1:], rows, strict=True):
        for cell, value in zip(row, original, strict=True):
            if isinstance(value, str):
                assert not cell.startswith(FORMULA_STARTS)
