"""SoImpact: draft indicators along the chain, review them, and follow them over time.

The worksheet follows the ten steps of SoCentral's SoImpact (the handbook's "SolImpact",
ch. 6, p. 49–51). ``compute`` shows how far the plan has come through the steps, a review
built from the five recommendations for indicators (p. 48–49) and the chain of Figure 7, and
each indicator's progress from baseline to target. Operations add indicators from the bank in
``content/indicator_bank.yml`` and load the handbook's Boost Refugee example (Figure 8).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from calculators import view
from calculators.csvfile import Cell
from calculators.savefile import ImportProblem
from calculators.soimpact_chart import chain, describe, overview, timeline
from calculators.soimpact_plan import (
    BANK_PICKS,
    LEVELS,
    Indicator,
    Plan,
    Reading,
    items,
    read_number,
    read_plan,
)
from calculators.soimpact_progress import Progress, progress
from calculators.soimpact_review import Finding, review
from calculators.soimpact_state import MAX_INDICATORS, clean
from calculators.soimpact_words import Words

VERSION = 1
"""Version of the saved state; raise it (and migrate in ``clean``) when the answers change."""
PAGE = "tools/soimpact/"
"""The tool's page, from the site root: the guidance that findings link to is there."""

State = dict[str, Any]
Model = dict[str, Any]

__all__ = ["OPERATIONS", "TABLES", "VERSION", "clean", "compute", "report"]


def _answers(state: State) -> dict[str, Any]:
    answers = state.get("answers")
    return answers if isinstance(answers, dict) else {}


def _indicators_done(plan: Plan, done: Callable[[Indicator], bool]) -> tuple[int, int]:
    return sum(1 for indicator in plan.indicators if done(indicator)), len(plan.indicators)


STEP_CHECKS: dict[str, Callable[[Plan], tuple[int, int]]] = {
    "problem": lambda plan: (int(bool(plan.texts["problem"])), 1),
    "objectives": lambda plan: (int(bool(plan.texts["objectives"])), 1),
    "groups": lambda plan: (int(any(g.name and g.success for g in plan.groups)), 1),
    "activities": lambda plan: (int(bool(plan.texts["activities"] and plan.texts["theory"])), 1),
    "indicators": lambda plan: _indicators_done(plan, lambda i: bool(i.name and i.level)),
    "methods": lambda plan: _indicators_done(plan, lambda i: bool(i.texts["method"])),
    "targets": lambda plan: _indicators_done(plan, lambda i: i.target.given),
    "baseline": lambda plan: _indicators_done(plan, lambda i: i.baseline.given),
    "measurements": lambda plan: _indicators_done(
        plan, lambda i: any(m.given for m in i.measurements)
    ),
    "evaluation": lambda plan: (int(bool(plan.texts["evaluation"])), 1),
}
"""Per step, how much of it has answers: (done, out of). Steps 5–9 count indicators."""


def step_progress(plan: Plan, model: Model) -> list[tuple[dict[str, Any], int, int]]:
    """Each step of the content with how much of it has answers: (step, done, out of)."""
    return [(step, *STEP_CHECKS[step["id"]](plan)) for step in model["soimpact"]["steps"]["items"]]


def _step_status(done: int, total: int, words: Words) -> str:
    if total and done == total:
        return words("step-done")
    if done == 0:
        return words("step-open")
    return words("step-partly", done=done, total=total)


def _steps_blocks(plan: Plan, model: Model, words: Words) -> list[view.Block]:
    progress_by_step = step_progress(plan, model)
    rows: list[list[str | int | float]] = [
        [words.step_title(step, number), _step_status(done, total, words)]
        for number, (step, done, total) in enumerate(progress_by_step, 1)
    ]
    finished = sum(1 for _, done, total in progress_by_step if total and done == total)
    return [
        view.heading(words("steps-heading")),
        view.paragraph(words("steps-count", done=finished, total=len(rows))),
        view.table(words("steps-caption"), [words("steps-step"), words("steps-status")], rows),
    ]


def guidance(guide: str, model: Model, words: Words) -> tuple[str, str]:
    """The title and link (from the site root) of the guidance a finding points to."""
    kind, _, name = guide.partition("-")
    content = model["soimpact"]
    if kind == "step":
        items = content["steps"]["items"]
        number = next(n for n, step in enumerate(items, 1) if step["id"] == name)
        title = words.step_title(items[number - 1], number)
    elif kind == "recommendation":
        item = next(r for r in content["recommendations"]["items"] if r["id"] == name)
        title = words("recommendation-title", title=words.text(item["title"]))
    else:
        level = next(level for level in content["chain"]["levels"] if level["id"] == name)
        title = words("level-title", level=words.text(level["name"]))
    return title, f"{PAGE}#soimpact-{guide}"


def finding_text(finding: Finding, plan: Plan, words: Words) -> str:
    names = [words.indicator(i) for i in plan.indicators if i.number in finding.indicators]
    message = words.content["findings"][finding.id]["message"]
    return words.text(message).format(indicators="; ".join(names), count=len(names))


def _review_blocks(plan: Plan, model: Model, words: Words) -> list[view.Block]:
    findings = review(plan)
    blocks = [view.heading(words("review-heading"))]
    if not findings:
        return [*blocks, view.paragraph(words("review-clear"))]
    entries = [
        (
            *guidance(model["soimpact"]["findings"][f.id]["guide"], model, words),
            finding_text(f, plan, words),
        )
        for f in findings
    ]
    return [
        *blocks,
        view.paragraph(words("review-count", count=len(findings))),
        view.linked_notes(entries),
    ]


def _chain_blocks(plan: Plan, model: Model, words: Words) -> list[view.Block]:
    counts = {level: 0 for level in LEVELS}
    for indicator in plan.indicators:
        if indicator.level:
            counts[indicator.level] += 1
    rows: list[list[str | int | float]] = [
        [
            words.text(level["name"]),
            words.text(level["certainty"]),
            counts[level["id"]],
            "; ".join(words.indicator(i) for i in plan.indicators if i.level == level["id"]),
        ]
        for level in model["soimpact"]["chain"]["levels"]
    ]
    head = [
        words("chain-level"),
        words("chain-certainty-column"),
        words("chain-number"),
        words("chain-names"),
    ]
    return [
        view.heading(words("chain-heading")),
        view.figure(chain(counts, words), words("chain-caption")),
        view.table(words("chain-title"), head, rows),
    ]


def _reading_row(kind: str, reading: Reading, item: Progress | None, words: Words) -> list[Any]:
    number = reading.number
    share = item.share_of(number) if item and number is not None else None
    day = reading.day.isoformat() if reading.day else words("no-date")
    return [day, words(kind), reading.text, words.percent(share), reading.note]


def _readings_table(indicator: Indicator, item: Progress | None, words: Words) -> view.Block:
    rows = [_reading_row("reading-measured", m, item, words) for m in indicator.measurements]
    if indicator.baseline.given:
        rows.insert(0, _reading_row("reading-baseline", indicator.baseline, item, words))
    if indicator.target.given:
        rows.append(_reading_row("reading-target", indicator.target, item, words))
    head = [
        words("column-date"),
        words("column-reading"),
        words("column-value"),
        words("column-share"),
        words("column-note"),
    ]
    caption = words("readings-caption", indicator=words.indicator(indicator))
    return view.table(caption, head, rows)


def _overview_table(items: list[Progress], words: Words) -> view.Block:
    def value(reading: Reading) -> str:
        return reading.text or words("not-available")

    rows = [
        [
            words.indicator(item.indicator),
            value(item.indicator.baseline),
            value(item.indicator.target),
            words.number(item.latest.value) if item.latest else words("not-available"),
            words.percent(item.share),
        ]
        for item in items
    ]
    head = [
        words("column-indicator"),
        words("column-baseline"),
        words("column-target"),
        words("column-latest"),
        words("column-share"),
    ]
    return view.table(words("overview-title"), head, rows)


def _progress_blocks(plan: Plan, words: Words) -> list[view.Block]:
    items = {i.number: item for i in plan.indicators if (item := progress(i))}
    blocks = [view.heading(words("progress-heading"))]
    with_share = [item for item in items.values() if item.share is not None]
    if with_share:
        blocks.append(view.figure(overview(with_share, words), words("overview-caption")))
    else:
        blocks.append(view.paragraph(words("progress-none")))
    if items:
        blocks.append(_overview_table(list(items.values()), words))
    for indicator in plan.indicators:
        item = items.get(indicator.number)
        if not (
            item or indicator.baseline.given or indicator.target.given or indicator.measurements
        ):
            continue
        blocks.append({**view.heading(words.indicator(indicator)), "level": 3})
        if item:
            blocks.append(view.figure(timeline(item, words), describe(item, words)))
        blocks.append(_readings_table(indicator, item, words))
    return blocks


def _dated(reading: Reading, words: Words) -> str:
    if not reading.given:
        return ""
    return (
        words("dated", value=reading.text, date=reading.day.isoformat())
        if reading.day
        else reading.text
    )


def _plan_blocks(plan: Plan, words: Words) -> list[view.Block]:
    """The plan itself in brief: what the printed report shows in place of the form."""
    fields = words.content["fields"]

    def label(field: str) -> str:
        return words.text(fields[field]["label"])

    answered: list[list[str | int | float]] = [
        [label(field), plan.texts[field]]
        for field in ("title", "problem", "objectives", "activities", "theory", "evaluation")
        if plan.texts[field]
    ]
    blocks = [view.heading(words("plan-heading"))]
    if answered:
        blocks.append(
            view.table(
                words("plan-caption"), [words("plan-question"), words("plan-answer")], answered
            )
        )
    if plan.groups:
        head = [label("group-name"), label("group-success")]
        blocks.append(
            view.table(words("plan-groups"), head, [[g.name, g.success] for g in plan.groups])
        )
    if plan.indicators:
        columns = [
            "name",
            "level",
            "kind",
            "value-level",
            "priority",
            "group",
            "method",
            "collector",
            "frequency",
            "baseline-value",
            "target-value",
        ]
        rows: list[list[str | int | float]] = [
            [
                words.indicator(i),
                words.option("level", i.level),
                words.option("kind", i.kind),
                words.option("value_level", i.value_level),
                words.option("priority", i.priority),
                i.texts["group"],
                i.texts["method"],
                i.texts["collector"],
                i.texts["frequency"],
                _dated(i.baseline, words),
                _dated(i.target, words),
            ]
            for i in plan.indicators
        ]
        blocks.append(view.table(words("plan-indicators"), [label(c) for c in columns], rows))
    return blocks


def compute(state: State, model: Model, lang: str) -> list[view.Block]:
    """Steps, review, the chain, progress and the plan in brief, for whatever it holds so far."""
    plan = read_plan(_answers(state))
    words = Words(model, lang)
    return [
        *_steps_blocks(plan, model, words),
        *_review_blocks(plan, model, words),
        *_chain_blocks(plan, model, words),
        *_progress_blocks(plan, words),
        *_plan_blocks(plan, words),
    ]


def _words(payload: dict[str, Any], model: Model) -> Words:
    lang = payload.get("lang")
    return Words(model, lang if isinstance(lang, str) else "en")


def _bank_entries(model: Model) -> dict[str, dict[str, Any]]:
    return {
        entry["id"]: entry
        for domain in model["indicator_bank"]["domains"]
        for entry in domain["indicators"]
    }


def add_from_bank(state: State, payload: dict[str, Any], model: Model) -> State:
    """The indicators ticked in the bank, added after the plan's own, ready to adapt."""
    words = _words(payload, model)
    answers = dict(_answers(state))
    picks = answers.pop(BANK_PICKS, [])
    bank = _bank_entries(model)
    chosen = [bank[pick] for pick in ([picks] if isinstance(picks, str) else picks) if pick in bank]
    if not chosen:
        raise ImportProblem(words("bank-none-chosen"))
    start = max(items(answers, "indicators"), default=-1) + 1
    if start + len(chosen) > MAX_INDICATORS:
        raise ImportProblem(words("bank-too-many", limit=MAX_INDICATORS))
    for index, entry in enumerate(chosen, start):
        prefix = f"indicators.{index}."
        answers.update(
            {
                prefix + "name": words.text(entry["name"]),
                prefix + "level": entry["level"],
                prefix + "kind": entry["kind"],
                prefix + "value-level": entry["value_level"],
                prefix + "unit": words.text(entry["unit"]),
                prefix + "method": words.text(entry["method"]),
                prefix + "bank": entry["id"],
            }
        )
    return {**state, "answers": answers}


def _reading_answers(prefix: str, reading: dict[str, Any] | None, words: Words) -> dict[str, str]:
    if not reading:
        return {}
    answers = {prefix + "value": reading["value"], prefix + "date": reading["date"]}
    if reading.get("note"):
        answers[prefix + "note"] = words.text(reading["note"])
    return answers


def example_answers(example: dict[str, Any], words: Words) -> dict[str, str]:
    """A worked example from content as the worksheet's answers."""
    answers = {
        field: words.text(example[field])
        for field in ("title", "problem", "objectives", "activities", "theory")
    }
    for index, group in enumerate(example["groups"]):
        answers[f"groups.{index}.name"] = words.text(group["name"])
        answers[f"groups.{index}.success"] = words.text(group["success"])
    for index, indicator in enumerate(example["indicators"]):
        prefix = f"indicators.{index}."
        answers.update({prefix + field: indicator[field] for field in ("level", "kind")})
        answers.update(
            {prefix + field: words.text(indicator[field]) for field in ("name", "group", "unit")}
        )
        baseline = _reading_answers(prefix + "baseline-", indicator.get("baseline"), words)
        target = _reading_answers(prefix + "target-", indicator.get("target"), words)
        answers.update({**baseline, **target})
        for number, measurement in enumerate(indicator["measurements"]):
            answers.update(_reading_answers(f"{prefix}measurements.{number}.", measurement, words))
    return answers


def load_example(state: State, payload: dict[str, Any], model: Model) -> State:
    """Replace the worksheet with a worked example (the page keeps the earlier answers)."""
    words = _words(payload, model)
    examples = {example["id"]: example for example in model["soimpact_examples"]["examples"]}
    example = examples.get(payload.get("example"))
    if example is None:
        raise ImportProblem(words("example-unknown"))
    return {**state, "answers": example_answers(example, words)}


OPERATIONS = {"add-from-bank": add_from_bank, "load-example": load_example}


def _number_cell(number: float) -> Cell:
    return int(number) if number.is_integer() and abs(number) < 1e15 else number


def _cell(text: str) -> Cell:
    """A typed value for a spreadsheet: a number when it reads as one, else the text."""
    number = read_number(text)
    return text if number is None else _number_cell(number)


def _share_cell(share: float | None) -> Cell:
    return None if share is None else round(share * 100, 1)


def indicators_table(state: State, model: Model, lang: str) -> tuple[list[str], list[list[Cell]]]:
    """One row per indicator: what it is, how it is measured, where it stands."""
    words = Words(model, lang)
    plan = read_plan(_answers(state))
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


def measurements_table(state: State, model: Model, lang: str) -> tuple[list[str], list[list[Cell]]]:
    """One row per measurement, with the indicator it belongs to."""
    words = Words(model, lang)
    plan = read_plan(_answers(state))
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


def report(state: State, model: Model, lang: str) -> dict[str, Any]:
    """Steps, review and progress as data (for the command line and other programs)."""
    plan = read_plan(_answers(state))
    words = Words(model, lang)
    findings = []
    for finding in review(plan):
        guide = model["soimpact"]["findings"][finding.id]["guide"]
        title, href = guidance(guide, model, words)
        findings.append(
            {
                "id": finding.id,
                "message": finding_text(finding, plan, words),
                "indicators": list(finding.indicators),
                "guidance": title,
                "href": href,
            }
        )
    progresses = []
    for indicator in plan.indicators:
        item = progress(indicator)
        if item is None:
            continue
        progresses.append(
            {
                "indicator": indicator.number,
                "name": indicator.name,
                "baseline": indicator.baseline.number,
                "target": indicator.target.number,
                "latest": {"date": item.latest.day.isoformat(), "value": item.latest.value}
                if item.latest
                else None,
                "share": item.share,
            }
        )
    return {
        "steps": [
            {"step": step["id"], "done": done, "of": total}
            for step, done, total in step_progress(plan, model)
        ],
        "review": findings,
        "progress": progresses,
    }
