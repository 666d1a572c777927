"""One way of writing numbers per language, for every tool's results and CSV files."""

from __future__ import annotations

import pytest

from calculators.core.numbers import MINUS, Numbers
from tests.support.content import guide_data

MODEL = guide_data()


@pytest.mark.parametrize(
    ("lang", "value", "written"),
    [
        ("en", 12.5, "12.5"),
        ("nb", 12.5, "12,5"),
        ("nb", 41.5, "41,5"),
        ("nb", 3.0, "3"),
        ("nb", 2 / 3, "0,67"),
        ("nb", -2, f"{MINUS}2"),
        ("nb", -0.001, "0"),
        ("en", 1234.5, "1234.5"),
    ],
)
def test_people_read_numbers_in_their_language(lang: str, value: float, written: str) -> None:
    assert Numbers.of(MODEL, lang).written(value) == written


def test_one_decimal_kept_where_a_tool_shows_scores() -> None:
    assert Numbers.of(MODEL, "nb").written(4, 1, keep_zeros=True) == "4,0"
    assert Numbers.of(MODEL, "en").written(4.25, 1, keep_zeros=True) == "4.2"


def test_spreadsheets_get_every_digit_and_a_minus_they_parse() -> None:
    norwegian = Numbers.of(MODEL, "nb")
    assert norwegian.for_spreadsheet(-0.125) == "-0,125"
    assert norwegian.for_spreadsheet(534) == "534"
    assert Numbers.of(MODEL, "en").for_spreadsheet(41.5) == "41.5"


def test_each_language_separates_csv_fields_with_something_else_than_its_decimal_mark() -> None:
    for lang in ("en", "nb"):
        numbers = Numbers.of(MODEL, lang)
        assert numbers.csv_delimiter != numbers.decimal_mark
    assert Numbers.of(MODEL, "nb").csv_delimiter == ";"
