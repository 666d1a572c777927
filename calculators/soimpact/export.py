"""A SoImpact plan leaving the browser: CSV tables for spreadsheets.

Cells hold numbers where the worksheet holds figures, so spreadsheets can calculate with them;
``calculators.core.csvfile`` neutralises any text a spreadsheet would run as a formula.
"""

from __future__ import annotations

from typing import Any

from calculators.core.csvfile import Cell
from calculators.core.tool import Table
from calculators.soimpact.plan import read_number, read_plan, state_answers
from calculators.soimpact.progress import progress
from calculators.soimpact.words import Words

State = dict[str, Any]
Model = dict[str, Any]


def _number_cell(number: float) -> Cell:
    return int(number) if number.is_integer() and abs(number) < 1e15 else number


def _cell(text: str) -> Cell:
    """A typed value for a spreadsheet: a number when it reads as one, else the text."""
    number = read_number(text)
    return text if number is None else _number_cell(number)


def _share_cell(share: float | None) -> Cell:
    return None if share is None else round(share * 100, 1)


def indicators_table(state: State, model: Model, lang: str) -> Table:
    """One row per indicator: what it is, how it is measured, where it stands."""
    words = Words(model, lang)
    plan = read_plan(state_answers(state))
    fields = words.content["fields"]
    columns = [
        "name",
        "level",
        "group",
        "unit",
        "kind",
        "method",
        "collector",
        "frequency",
        "involved",
        "borrowed-from",
        "value-level",
        "priority",
        "baseline-value",
        "baseline-date",
        "target-value",
        "target-date",
    ]
    header = [
        words("column-number"),
        *(words.text(fields[c]["label"]) for c in columns),
        words("column-latest"),
        words("column-latest-date"),
        words("column-share-percent"),
    ]
    rows: list[list[Cell]] = []
    for indicator in plan.indicators:
        item = progress(indicator)
        latest = item.latest if item else None
        rows.append(
            [
                indicator.number,
                indicator.name,
                words.option("level", indicator.level),
                indicator.texts["group"],
                indicator.texts["unit"],
                words.option("kind", indicator.kind),
                indicator.texts["method"],
                indicator.texts["collector"],
                indicator.texts["frequency"],
                words("yes") if indicator.involved else words("no"),
                words.known_from(indicator),
                words.option("value_level", indicator.value_level),
                words.option("priority", indicator.priority),
                _cell(indicator.baseline.text),
                indicator.baseline.day.isoformat() if indicator.baseline.day else "",
                _cell(indicator.target.text),
                indicator.target.day.isoformat() if indicator.target.day else "",
                _number_cell(latest.value) if latest else None,
                latest.day.isoformat() if latest else "",
                _share_cell(item.share if item else None),
            ]
        )
    return header, rows


def measurements_table(state: State, model: Model, lang: str) -> Table:
    """One row per measurement, with the indicator it belongs to."""
    words = Words(model, lang)
    plan = read_plan(state_answers(state))
    header = [
        words("column-number"),
        words("column-indicator"),
        words("column-date"),
        words("column-value"),
        words("column-share-percent"),
        words("column-note"),
    ]
    rows: list[list[Cell]] = []
    for indicator in plan.indicators:
        item = progress(indicator)
        for measurement in indicator.measurements:
            number = measurement.number
            share = item.share_of(number) if item and number is not None else None
            day = measurement.day.isoformat() if measurement.day else ""
            rows.append(
                [
                    indicator.number,
                    indicator.name,
                    day,
                    _cell(measurement.text),
                    _share_cell(share),
                    measurement.note,
                ]
            )
    return header, rows


TABLES = {"indicators": indicators_table, "measurements": measurements_table}


def file_words(table: str, model: Model, lang: str) -> tuple[str, str]:
    """The file name in the page's language: ``soimpact``, ``indikatorer`` (or ``målinger``)."""
    words = Words(model, lang)
    return words("csv-file"), words(f"csv-file-{table}")
