"""SoImpact: the worked example, the review's checks, progress, charts, operations and CSV."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from typing import Any

import pytest

from calculators.core.savefile import ImportProblem
from calculators.runtime import handle
from calculators.soimpact import score, view
from calculators.soimpact.export import indicators_table, measurements_table
from calculators.soimpact.files import add_from_bank, load_example
from calculators.soimpact.plan import read_number, read_plan
from calculators.soimpact.progress import progress
from calculators.soimpact.review import FINDING_IDS, guidance, review
from calculators.soimpact.state import clean
from calculators.soimpact.words import Words
from tests.support.content import guide_data
from tests.support.matrix import flat

MODEL: dict[str, Any] = guide_data()
EXAMPLES = MODEL["soimpact_examples"]["examples"]
FIELDS = MODEL["soimpact"]["fields"]
SVG = "{http://www.w3.org/2000/svg}"


def example_state(example_id: str = "boost-refugee") -> dict[str, Any]:
    return load_example({"answers": {}}, {"example": example_id}, MODEL, "en")


def findings(answers: dict[str, str]) -> dict[str, tuple[int, ...]]:
    return {finding.id: finding.indicators for finding in review(read_plan(answers))}


def indicator(number: int = 0, **fields: str) -> dict[str, str]:
    return {f"indicators.{number}.{name}": value for name, value in fields.items()}


GOOD = {
    **indicator(
        0,
        **{
            "name": "Jobs after a year",
            "level": "impact",
            "kind": "quantitative",
            "value-level": "individual",
            "priority": "high",
            "involved": "yes",
            "bank": "employment-in-work-year",
            "collector": "Ana",
            "frequency": "yearly",
            "baseline-value": "10",
            "baseline-date": "2024-01-01",
            "target-value": "40",
            "target-date": "2026-01-01",
            "measurements.0.value": "25",
            "measurements.0.date": "2025-01-01",
        },
    ),
    **indicator(
        1,
        **{
            "name": "How safe people feel",
            "level": "outcome",
            "kind": "qualitative",
            "value-level": "organisation",
            "priority": "medium",
            "collector": "Bo",
            "frequency": "twice a year",
            "baseline-value": "Unsure",
            "baseline-date": "2024-01-01",
            "target-value": "Confident",
            "measurements.0.value": "Better",
            "measurements.0.date": "2024-06-01",
        },
    ),
    "groups.0.name": "Young adults outside work",
}


# The worked example (handbook ch. 6, Figure 8)


@pytest.mark.parametrize("example", EXAMPLES, ids=[example["id"] for example in EXAMPLES])
def test_every_example_loads_and_computes(example: dict[str, Any]) -> None:
    state = example_state(example["id"])
    assert clean(state, MODEL, "en") == state
    blocks = view.compute(state, MODEL, "en")
    assert [block["text"] for block in blocks if block["type"] == "heading"][:4] == [
        "Your way through the ten steps",
        "Review",
        "Your indicators along the chain",
        "Progress",
    ]


def test_boost_refugee_has_the_indicators_and_results_of_figure_8() -> None:
    plan = read_plan(example_state()["answers"])
    assert [i.level for i in plan.indicators] == [
        "output",
        "output",
        "outcome",
        "outcome",
        "outcome",
        "impact",
    ]
    finals = [[m.text for m in i.measurements] for i in plan.indicators]
    assert finals == [["534"], ["349"], ["212"], ["46"], ["48"], []]
    assert all(i.kind == "quantitative" for i in plan.indicators)


def test_boost_refugee_review_flags_the_unmeasured_impact_indicator() -> None:
    found = findings(example_state()["answers"])
    assert found["not-measured"] == (6,)
    assert "no-qualitative" in found and "not-involved" in found
    assert "output-only" not in found
    report = score.report(example_state(), MODEL, "en")
    unmeasured = next(f for f in report["review"] if f["id"] == "not-measured")
    assert "three years after arriving in Oslo" in unmeasured["message"]
    assert unmeasured["href"] == "tools/soimpact/#soimpact-step-regular-measurements"
    assert unmeasured["guidance"] == "Step 9: Measure regularly"


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_boost_refugee_review_knows_its_borrowed_indicators(lang: str) -> None:
    state = load_example({"answers": {}}, {"example": "boost-refugee"}, MODEL, lang)
    assert "no-known-indicators" not in findings(state["answers"])
    source = EXAMPLES[0]["borrowed_from"][lang]
    plan = read_plan(state["answers"])
    assert all(i.texts["borrowed-from"] == source and i.known for i in plan.indicators)
    header, rows = indicators_table(state, MODEL, lang)
    assert {
        row[header.index(Words(MODEL, lang).text(FIELDS["borrowed-from"]["label"]))] for row in rows
    } == {source}


def test_an_indicator_is_known_from_the_bank_or_a_named_source_only() -> None:
    unknown = {**GOOD, "indicators.0.bank": ""}
    assert "no-known-indicators" in findings(unknown)
    assert "no-known-indicators" not in findings(
        {**unknown, "indicators.1.borrowed-from": "NAV's follow-up survey, 2023"}
    )
    assert "no-known-indicators" in findings({**unknown, "indicators.1.borrowed-from": "   "})


def test_the_finding_calls_the_bank_the_guides_own_suggestions_never_tested() -> None:
    message = MODEL["soimpact"]["findings"]["no-known-indicators"]["message"]
    assert "tested" not in message["en"] and "utprøvd" not in message["nb"]
    assert "Borrowed from" in message["en"] and "Lånt fra" in message["nb"]
    assert "own suggestions" in message["en"]


def test_boost_refugee_steps_and_progress() -> None:
    report = score.report(example_state(), MODEL, "en")
    steps = {step["step"]: (step["done"], step["of"]) for step in report["steps"]}
    assert steps["describe-problem"] == (1, 1) and steps["evaluate-and-adapt"] == (0, 1)
    assert steps["regular-measurements"] == (5, 6) and steps["target-figures"] == (0, 6)
    first = report["progress"][0]
    assert first["latest"] == {"date": "2017-08-31", "value": 534.0}
    assert first["share"] is None  # Figure 8 gives no target


# The review


def test_a_well_drafted_plan_has_nothing_to_point_out() -> None:
    assert findings(GOOD) == {}


def test_an_empty_plan_asks_for_groups_and_indicators() -> None:
    assert list(findings({})) == ["no-groups", "no-indicators"]
    assert list(findings({"indicators.0.name": ""})) == ["no-groups", "no-indicators"]


@pytest.mark.parametrize(
    ("change", "finding", "concerned"),
    [
        ({"indicators.0.level": "output", "indicators.1.level": "output"}, "output-only", ()),
        ({"indicators.1.kind": "quantitative"}, "no-qualitative", ()),
        ({"indicators.0.target-value": ""}, "no-target", (1,)),
        ({"indicators.1.baseline-date": ""}, "no-baseline", (2,)),
        ({"indicators.0.involved": ""}, "not-involved", ()),
        ({"indicators.1.value-level": "individual"}, "one-value-level", ()),
        ({"indicators.0.value-level": "", "indicators.1.value-level": ""}, "no-value-level", ()),
        ({"indicators.0.priority": "", "indicators.1.priority": ""}, "no-priorities", ()),
        ({"indicators.1.priority": "high"}, "same-priority", ()),
        ({"indicators.0.target-value": "many more"}, "target-not-number", (1,)),
        ({"indicators.0.target-value": "10"}, "target-equals-baseline", (1,)),
        ({"indicators.0.target-date": "2023-12-31"}, "target-before-baseline", (1,)),
        ({"indicators.0.measurements.0.date": "2023-05-01"}, "measured-before-baseline", (1,)),
        ({"indicators.0.measurements.0.date": ""}, "undated-measurement", (1,)),
        ({"indicators.0.measurements.0.value": "about 20"}, "value-not-number", (1,)),
        (
            {"indicators.1.measurements.0.value": "", "indicators.1.measurements.0.date": ""},
            "not-measured",
            (2,),
        ),
        ({"indicators.1.level": ""}, "missing-level", (2,)),
        ({"indicators.0.frequency": ""}, "no-collection-plan", (1,)),
        ({"indicators.0.bank": ""}, "no-known-indicators", ()),
        ({"groups.0.name": ""}, "no-groups", ()),
    ],
)
def test_each_check_finds_its_problem(
    change: dict[str, str], finding: str, concerned: tuple[int, ...]
) -> None:
    found = findings({**GOOD, **change})
    assert finding in found
    assert found[finding] == concerned


def test_a_qualitative_target_in_words_is_fine() -> None:
    assert "target-not-number" not in findings(GOOD)  # indicator 2's target is "Confident"


def test_every_finding_has_a_sentence_and_guidance_that_exists() -> None:
    assert set(MODEL["soimpact"]["findings"]) == set(FINDING_IDS)
    words = Words(MODEL, "en")
    for finding in MODEL["soimpact"]["findings"].values():
        title, href = guidance(finding["guide"], MODEL, words)
        page, _, anchor = href.partition("#")
        assert title and anchor
        assert page in {"tools/soimpact/", "soimpact/", "chapters/impact-measurement/"}


def test_findings_link_to_their_guidance_in_the_result() -> None:
    blocks = view.compute({"answers": {**GOOD, "indicators.0.involved": ""}}, MODEL, "en")
    review_list = next(b for b in blocks if b["type"] == "list")
    assert review_list["items"] == [
        {
            "text": "Recommendation: Involve the interested parties",
            "href": "chapters/impact-measurement/#recommendation-involve-interested-parties",
            "note": "No indicator is marked as defined together with the people concerned.",
        }
    ]


# Progress


@pytest.mark.parametrize(
    ("baseline", "target", "latest", "share"),
    [
        ("10", "40", "25", 0.5),
        ("100", "50", "75", 0.5),
        ("100", "50", "120", -0.4),
        ("0", "20", "30", 1.5),
        ("1 000,5", "2000,5", "1500,5", 0.5),
    ],
)
def test_share_of_the_way_follows_the_target_up_or_down(
    baseline: str, target: str, latest: str, share: float
) -> None:
    answers = indicator(
        0,
        **{
            "kind": "quantitative",
            "baseline-value": baseline,
            "target-value": target,
            "measurements.0.value": latest,
            "measurements.0.date": "2025-01-01",
        },
    )
    item = progress(read_plan(answers).indicators[0])
    assert item is not None and item.share == pytest.approx(share)


def test_the_latest_measurement_is_the_latest_by_date_not_by_order() -> None:
    answers = indicator(
        0,
        **{
            "kind": "quantitative",
            "baseline-value": "0",
            "target-value": "10",
            "measurements.0.value": "8",
            "measurements.0.date": "2025-06-01",
            "measurements.1.value": "3",
            "measurements.1.date": "2025-01-01",
        },
    )
    item = progress(read_plan(answers).indicators[0])
    assert item.latest.value == 8 and item.share == pytest.approx(0.8)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("12", 12),
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("1 234", 1234),
        ("45 %", 45),
        ("-3", -3),
        (",5", 0.5),
        ("", None),
        ("twelve", None),
        ("1e5", None),
        ("nan", None),
        ("1,2,3", None),
    ],
)
def test_numbers_are_read_as_people_type_them(text: str, number: float | None) -> None:
    assert read_number(text) == number


def test_overview_and_timeline_are_accessible_svg_beside_tables() -> None:
    blocks = flat(view.compute({"answers": GOOD}, MODEL, "en"))
    figures = [b for b in blocks if b["type"] == "figure"]
    titles = []
    for figure in figures:
        chart = ElementTree.fromstring(figure["svg"])
        assert chart.get("role") == "img"
        titles.append(chart.find(f"{SVG}title").text)
        assert chart.find(f"{SVG}desc").text
    assert titles == [
        "The SoImpact chain and your indicators",
        "How far each indicator has come",
        "Measurements of Jobs after a year",
    ]
    overview = next(b for b in blocks if b["type"] == "table" and b["caption"] == titles[1])
    assert overview["rows"] == [["Jobs after a year", "10", "40", "25", "50 %"]]
    readings = next(b for b in blocks if b.get("caption", "").startswith("Baseline, measure"))
    assert [row[:4] for row in readings["rows"]] == [
        ["2024-01-01", "Baseline", "10", "0 %"],
        ["2025-01-01", "Measurement", "25", "50 %"],
        ["2026-01-01", "Target", "40", "100 %"],
    ]


def test_user_text_in_charts_is_escaped() -> None:
    hostile = {**GOOD, "indicators.0.name": "<script>alert(1)</script>"}
    for block in view.compute({"answers": hostile}, MODEL, "en"):
        if block["type"] == "figure":
            assert "<script>" not in block["svg"]
            ElementTree.fromstring(block["svg"])


# Operations


def test_bank_picks_are_added_after_the_plans_own_indicators() -> None:
    state = {"answers": {**GOOD, "bank": ["youth-neet", "housing-visits"]}}
    added = add_from_bank(state, {}, MODEL, "en")["answers"]
    assert "bank" not in added
    assert added["indicators.2.bank"] == "youth-neet"
    assert added["indicators.2.level"] == "social-value"
    assert added["indicators.3.name"] == "Home visits made"
    assert added["indicators.0.name"] == "Jobs after a year"
    plan = read_plan(added)
    assert (
        Words(MODEL, "en").known_from(plan.indicators[2]).startswith("The guide's indicator bank")
    )


def test_bank_refuses_when_nothing_is_ticked_or_the_plan_is_full() -> None:
    with pytest.raises(ImportProblem, match="Tick one or more"):
        add_from_bank({"answers": {}}, {}, MODEL, "en")
    full = {f"indicators.{n}.name": "x" for n in range(100)}
    with pytest.raises(ImportProblem, match="at most 100"):
        add_from_bank({"answers": {**full, "bank": "youth-neet"}}, {}, MODEL, "en")


def test_unknown_example_is_refused_through_the_runtime() -> None:
    request = {
        "action": "operate",
        "tool": "soimpact",
        "op": "load-example",
        "payload": {"example": "nowhere"},
        "state": {"answers": {}},
    }
    assert handle(request, MODEL) == {"ok": False, "message": "That example is not in this guide."}


# Import checks


@pytest.mark.parametrize(
    ("answers", "reason"),
    [
        ({"colour": "red"}, "does not know (colour)"),
        ({"indicators.0.level": "sideways"}, "indicators.0.level holds “sideways”"),
        ({"indicators.0.measurements.0.date": "31.08.2017"}, "not a date (YYYY-MM-DD)"),
        ({"indicators.0.target-date": "2017-02-30"}, "not a date"),
        ({"indicators.0.name": ["a", "b"]}, "holds a list where one text belongs"),
        ({"indicators.100.name": "x"}, "more than 100 indicators"),
        ({"indicators.0.measurements.200.value": "1"}, "more than 200 measurements"),
        ({"groups.50.name": "x"}, "more than 50 target groups"),
        ({"indicators.01.name": "x"}, "does not know"),
        ({"bank": ["youth-neet", "made-up"]}, "bank holds “made-up”"),
        ({"indicators.0.name": 5}, "is not text"),
    ],
)
def test_an_import_that_does_not_fit_is_refused_with_reasons(
    answers: dict[str, Any], reason: str
) -> None:
    with pytest.raises(ImportProblem) as raised:
        clean({"answers": answers}, MODEL, "en")
    assert reason in str(raised.value)
    assert str(raised.value).endswith(".")


def test_every_problem_is_counted_and_the_first_five_are_named() -> None:
    answers = {f"x{n}": "" for n in range(7)}
    with pytest.raises(ImportProblem) as raised:
        clean({"answers": answers}, MODEL, "en")
    message = str(raised.value)
    assert message.startswith("The file does not fit this worksheet (7 problems):")
    assert "(x4)" in message and "(x5)" not in message and message.endswith("And 2 more.")


# CSV


def test_indicator_and_measurement_tables() -> None:
    header, rows = indicators_table(example_state(), MODEL, "en")
    assert header[:3] == ["No.", "Indicator", "Level on the chain"]
    assert rows[0][:3] == [1, "Refugees who received help", "Output (result)"]
    latest = header.index("Latest value")
    assert [row[latest] for row in rows] == [534, 349, 212, 46, 48, None]
    header, rows = measurements_table(example_state(), MODEL, "en")
    assert header == ["No.", "Indicator", "Date", "Value", "Share of the way (%)", "Note"]
    assert rows[-1] == [
        5,
        "Dialogue with employers: signed employment contracts",
        "2017-08-31",
        48,
        None,
        "Final result (Figure 8)",
    ]


def test_csv_through_the_runtime_names_its_table() -> None:
    request = {"action": "csv", "tool": "soimpact", "state": example_state(), "lang": "en"}
    result = handle({**request, "table": "measurements"}, MODEL)
    assert result["ok"] and result["csv"].startswith("\ufeffNo.,Indicator,Date")
    assert handle({**request, "table": "people"}, MODEL) == {
        "ok": False,
        "message": "This tool has no table 'people'.",
    }
    default = handle(request, MODEL)  # without a name, the first table
    assert default == handle({**request, "table": "indicators"}, MODEL) and default["ok"]


def test_words_are_in_the_language_and_write_numbers_in_it() -> None:
    words = Words(MODEL, "nb")
    assert words.number(1234.5) == "1234,5" and words.number(-2) == "−2"
    assert words.reading("12.5") == "12,5" and words.reading("45.25 %") == "45,25 %"
    assert words.reading("about 12.5") == "about 12.5"
    assert words("step-done") == MODEL["soimpact"]["messages"]["step-done"]["nb"]


def test_a_vanishingly_small_way_to_go_shows_no_share_instead_of_failing() -> None:
    answers = indicator(
        0,
        **{
            "kind": "quantitative",
            "baseline-value": "0",
            "target-value": "0," + "0" * 318 + "1",
            "measurements.0.value": "1000",
            "measurements.0.date": "2025-01-01",
        },
    )
    item = progress(read_plan(answers).indicators[0])
    assert item.share is None
    assert view.compute({"answers": answers}, MODEL, "en")


def test_the_result_ends_with_the_plan_in_brief_for_the_printed_report() -> None:
    blocks = view.compute(example_state(), MODEL, "en")
    each = next(b for b in blocks if b["type"] == "section")  # each indicator: screen only
    assert each["name"] == "screen-only" and each["blocks"][0]["level"] == 3
    note = blocks[blocks.index(each) + 1]
    assert note == {
        "type": "paragraph",
        "text": "Each indicator's measurements, with dates and notes, are in the measurements"
        " download (CSV).",
        "tone": "print-only",
    }
    start = blocks.index({"type": "heading", "text": "Your plan in brief"})
    plan, groups, indicators = blocks[start + 1 :]
    assert plan["rows"][0] == ["Name of the effort", "Boost Refugee (Oslo, 2016–2017)"]
    assert len(groups["rows"]) == 2
    assert indicators["rows"][0][:3] == [
        "Refugees who received help",
        "Output (result)",
        "Quantitative (a number)",
    ]
    # The unit beside the values; no indicator of the example has a target: no empty column.
    assert indicators["head"][-2:] == ["Unit", "Baseline value"]
    assert indicators["rows"][0][-2:] == ["people", "0 (2016-11-01)"]
    targeted = {**example_state()["answers"], "indicators.1.target-value": "600"}
    indicators = view.compute({"answers": targeted}, MODEL, "en")[-1]
    assert indicators["head"][-1] == "Target value"
    assert [row[-1] for row in indicators["rows"][:2]] == ["", "600"]
