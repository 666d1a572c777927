"""SoImpact properties: export → import is the identity, CSV cells are never formulas,
progress is 0 at the baseline and 1 at the target, and no partial input breaks the review."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.core.csvfile import FORMULA_STARTS, to_csv
from calculators.core.numbers import Numbers
from calculators.core.savefile import envelope
from calculators.runtime import handle
from calculators.soimpact import export, files, score
from calculators.soimpact.plan import (
    GROUP_TEXTS,
    INDICATOR_CHOICES,
    INDICATOR_DATES,
    INDICATOR_TEXTS,
    MAX_MAGNITUDE,
    MEASUREMENT_DATES,
    MEASUREMENT_TEXTS,
    PLAN_TEXTS,
)
from calculators.soimpact.progress import share
from calculators.soimpact.state import bank_ids
from tests.support.content import guide_data

MODEL: dict[str, Any] = guide_data()
BANK = sorted(bank_ids(MODEL))
NUMBER_CELL = re.compile(r"-?\d+([.,]\d+)?(e[+-]\d+)?")

texts = st.text(max_size=30)
figures = st.one_of(
    st.integers(-(10**16), 10**16).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(lambda x: f"{x}".replace(".", ",")),
    st.sampled_from(["", "=1+1", "-2", "+3", "@SUM(A1)", "\t4", "1 000", "45 %", "9" * 400]),
    texts,
)
dates = st.one_of(st.just(""), st.dates().map(lambda day: day.isoformat()))


def _item(fields: dict[str, st.SearchStrategy[str]]) -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries({}, optional=fields)


measurement = _item(
    {"value": figures, "note": texts, **{name: dates for name in MEASUREMENT_DATES}}
)
indicator = st.tuples(
    _item(
        {
            **{name: texts for name in INDICATOR_TEXTS if name != "bank"},
            "baseline-value": figures,
            "target-value": figures,
            "bank": st.sampled_from(["", *BANK]),
            **{
                name: st.sampled_from(("", *allowed)) for name, allowed in INDICATOR_CHOICES.items()
            },
            **{name: dates for name in INDICATOR_DATES},
        }
    ),
    st.lists(measurement, max_size=4),
)


@st.composite
def worksheets(draw: st.DrawFn) -> dict[str, Any]:
    """Any state the worksheet itself could hold: known names, values its fields allow."""
    answers: dict[str, Any] = draw(_item({name: texts for name in PLAN_TEXTS}))
    for number, group in enumerate(
        draw(st.lists(_item(dict.fromkeys(GROUP_TEXTS, texts)), max_size=3))
    ):
        answers.update({f"groups.{number}.{name}": value for name, value in group.items()})
    for number, (fields, measurements) in enumerate(draw(st.lists(indicator, max_size=4))):
        prefix = f"indicators.{number}."
        answers.update({prefix + name: value for name, value in fields.items()})
        for index, reading in enumerate(measurements):
            answers.update(
                {f"{prefix}measurements.{index}.{name}": value for name, value in reading.items()}
            )
    picks = draw(st.lists(st.sampled_from(BANK), unique=True, max_size=3))
    if picks:
        answers["bank"] = picks
    return {"answers": answers}


@settings(max_examples=150)
@given(worksheets())
def test_export_then_import_is_the_identity(state: dict[str, Any]) -> None:
    text = json.dumps(envelope("soimpact", files.VERSION, state))
    assert handle({"action": "import", "tool": "soimpact", "text": text}, MODEL) == {
        "ok": True,
        "state": state,
    }


@settings(max_examples=150)
@given(worksheets(), st.sampled_from(["en", "nb"]))
def test_no_csv_cell_starts_with_a_formula_character(state: dict[str, Any], lang: str) -> None:
    numbers = Numbers.of(MODEL, lang)
    for table in export.TABLES.values():
        text = to_csv(*table(state, MODEL, lang), numbers).removeprefix("\ufeff")
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=numbers.csv_delimiter):
            for cell in row:
                assert NUMBER_CELL.fullmatch(cell) or not cell.startswith(FORMULA_STARTS), cell


bounded = st.floats(min_value=-MAX_MAGNITUDE, max_value=MAX_MAGNITUDE, allow_nan=False)


@given(bounded, bounded)
def test_progress_is_zero_at_the_baseline_and_one_at_the_target(
    baseline: float, target: float
) -> None:
    if baseline == target:
        assert share(baseline, target, baseline) is None
    else:
        assert share(baseline, target, baseline) == 0
        assert share(baseline, target, target) == 1


names = st.one_of(
    st.sampled_from([*PLAN_TEXTS, "bank", "groups.0.name", "indicators.0.kind"]),
    st.builds(
        "indicators.{}.{}".format,
        st.integers(0, 3),
        st.sampled_from([*INDICATOR_TEXTS, *INDICATOR_CHOICES, *INDICATOR_DATES, "x"]),
    ),
    st.builds(
        "indicators.{}.measurements.{}.{}".format,
        st.integers(0, 2),
        st.integers(0, 2),
        st.sampled_from([*MEASUREMENT_TEXTS, *MEASUREMENT_DATES]),
    ),
    texts,
)
values = st.one_of(
    figures,
    dates,
    st.sampled_from(["output", "qualitative", "yes", "high"]),
    st.lists(texts),
    st.none(),
    st.integers(),
)


@settings(max_examples=300)
@given(st.dictionaries(names, values, max_size=25))
def test_no_partial_input_breaks_the_review_progress_or_tables(answers: dict[str, Any]) -> None:
    state = {"answers": answers}
    result = handle({"action": "compute", "tool": "soimpact", "state": state}, MODEL)
    assert result["ok"] is True
    assert [b["text"] for b in result["blocks"] if b["type"] == "heading"][1] == "Review"
    score.report(state, MODEL, "en")
    for table in export.TABLES.values():
        header, rows = table(state, MODEL, "en")
        assert all(len(row) == len(header) for row in rows)
