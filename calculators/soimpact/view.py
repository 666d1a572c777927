"""What SoImpact shows, in the page's language.

``compute`` shows how far the plan has come through the steps, a review built from the five
recommendations for indicators (p. 48–49) and the chain of Figure 7, each indicator's progress
from baseline to target, and the plan in brief (what a printout shows).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from calculators.core import blocks as block
from calculators.soimpact.chart import chain, describe, overview, timeline
from calculators.soimpact.plan import (
    LEVELS,
    Indicator,
    Plan,
    Reading,
    read_plan,
    state_answers,
    step_progress,
)
from calculators.soimpact.progress import Progress, progress
from calculators.soimpact.review import finding_text, guidance, review
from calculators.soimpact.words import Words

State = dict[str, Any]
Model = dict[str, Any]


def _step_status(done: int, total: int, words: Words) -> str:
    if total and done == total:
        return words("step-done")
    if done == 0:
        return words("step-open")
    return words("step-partly", done=done, total=total)


def _steps_blocks(plan: Plan, model: Model, words: Words) -> list[block.Block]:
    progress_by_step = step_progress(plan, model)
    rows: list[list[str | int | float]] = [
        [words.step_title(step, number), _step_status(done, total, words)]
        for number, (step, done, total) in enumerate(progress_by_step, 1)
    ]
    finished = sum(1 for _, done, total in progress_by_step if total and done == total)
    return [
        block.heading(words("steps-heading")),
        block.paragraph(words("steps-count", done=finished, total=len(rows))),
        block.table(words("steps-caption"), [words("steps-step"), words("steps-status")], rows),
    ]


def _review_blocks(plan: Plan, model: Model, words: Words) -> list[block.Block]:
    findings = review(plan)
    blocks = [block.heading(words("review-heading"))]
    if not findings:
        return [*blocks, block.paragraph(words("review-clear"))]
    entries = [
        (
            *guidance(model["soimpact"]["findings"][f.id]["guide"], model, words),
            finding_text(f, plan, words),
        )
        for f in findings
    ]
    return [
        *blocks,
        block.paragraph(words("review-count", count=len(findings))),
        block.linked_notes(entries),
    ]


def _chain_blocks(plan: Plan, model: Model, words: Words) -> list[block.Block]:
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
        for level in model["impact"]["chain"]
        if level["id"] in counts
    ]
    head = [
        words("chain-level"),
        words("chain-certainty-column"),
        words("chain-number"),
        words("chain-names"),
    ]
    return [
        block.heading(words("chain-heading")),
        block.figure(chain(counts, words), words("chain-caption")),
        block.table(words("chain-title"), head, rows),
    ]


def _reading_row(kind: str, reading: Reading, item: Progress | None, words: Words) -> list[Any]:
    number = reading.number
    share = item.share_of(number) if item and number is not None else None
    day = reading.day.isoformat() if reading.day else words("no-date")
    return [day, words(kind), words.reading(reading.text), words.percent(share), reading.note]


def _readings_table(indicator: Indicator, item: Progress | None, words: Words) -> block.Block:
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
    return block.table(caption, head, rows)


def _overview_table(items: list[Progress], words: Words) -> block.Block:
    def value(reading: Reading) -> str:
        return words.reading(reading.text) or words("not-available")

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
    return block.table(words("overview-title"), head, rows)


def _progress_blocks(plan: Plan, words: Words) -> list[block.Block]:
    items = {i.number: item for i in plan.indicators if (item := progress(i))}
    blocks = [block.heading(words("progress-heading"))]
    with_share = [item for item in items.values() if item.share is not None]
    if with_share:
        blocks.append(block.figure(overview(with_share, words), words("overview-caption")))
    else:
        blocks.append(block.paragraph(words("progress-none")))
    if items:
        blocks.append(_overview_table(list(items.values()), words))
    each: list[block.Block] = []
    for indicator in plan.indicators:
        item = items.get(indicator.number)
        if not (
            item or indicator.baseline.given or indicator.target.given or indicator.measurements
        ):
            continue
        each.append({**block.heading(words.indicator(indicator)), "level": 3})
        if item:
            each.append(block.figure(timeline(item, words), describe(item, words)))
        each.append(_readings_table(indicator, item, words))
    if each:
        # A printed plan keeps to two pages: the overview above, each indicator's readings in
        # the measurements CSV.
        blocks += [
            block.section("screen-only", each),
            block.paragraph(words("readings-print-note"), tone="print-only"),
        ]
    return blocks


def _dated(reading: Reading, words: Words) -> str:
    if not reading.given:
        return ""
    value = words.reading(reading.text)
    return words("dated", value=value, date=reading.day.isoformat()) if reading.day else value


INDICATOR_COLUMNS = (
    "name",
    "level",
    "kind",
    "value-level",
    "priority",
    "group",
    "borrowed-from",
    "method",
    "collector",
    "frequency",
    "unit",
    "baseline-value",
    "target-value",
)
"""The indicators table's columns, by field: the unit sits beside the values it counts in."""


def _indicators_table(
    indicators: list[Indicator], label: Callable[[str], str], words: Words
) -> block.Block:
    """Each indicator's answers, one row each. A column no indicator answers is left out: the
    review already names what is missing, and thirteen columns do not fit a printed page."""
    rows = [
        [
            words.indicator(i),
            words.option("level", i.level),
            words.option("kind", i.kind),
            words.option("value_level", i.value_level),
            words.option("priority", i.priority),
            i.texts["group"],
            words.known_from(i),
            i.texts["method"],
            i.texts["collector"],
            i.texts["frequency"],
            i.texts["unit"],
            _dated(i.baseline, words),
            _dated(i.target, words),
        ]
        for i in indicators
    ]
    kept = [0] + [c for c in range(1, len(INDICATOR_COLUMNS)) if any(row[c] for row in rows)]
    return block.table(
        words("plan-indicators"),
        [label(INDICATOR_COLUMNS[c]) for c in kept],
        [[row[c] for c in kept] for row in rows],
    )


def _plan_blocks(plan: Plan, words: Words) -> list[block.Block]:
    """The plan itself in brief: what the printed report shows in place of the form."""
    fields = words.content["fields"]

    def label(field: str) -> str:
        return words.text(fields[field]["label"])

    answered: list[list[str | int | float]] = [
        [label(field), plan.texts[field]]
        for field in ("title", "problem", "objectives", "activities", "theory", "evaluation")
        if plan.texts[field]
    ]
    blocks = [block.heading(words("plan-heading"))]
    if answered:
        blocks.append(
            block.table(
                words("plan-caption"), [words("plan-question"), words("plan-answer")], answered
            )
        )
    if plan.groups:
        head = [label("group-name"), label("group-success")]
        blocks.append(
            block.table(words("plan-groups"), head, [[g.name, g.success] for g in plan.groups])
        )
    if plan.indicators:
        blocks.append(_indicators_table(plan.indicators, label, words))
    return blocks


def compute(state: State, model: Model, lang: str) -> list[block.Block]:
    """Steps, review, the chain, progress and the plan in brief, for whatever it holds so far."""
    plan = read_plan(state_answers(state))
    words = Words(model, lang)
    return [
        *_steps_blocks(plan, model, words),
        *_review_blocks(plan, model, words),
        *_chain_blocks(plan, model, words),
        *_progress_blocks(plan, words),
        *_plan_blocks(plan, words),
    ]


def summary(state: State, model: Model, lang: str) -> block.Summary:
    """Steps done of ten; once anything is written, how many indicators can be followed from
    a baseline to a target, and how many points the review raises."""
    plan = read_plan(state_answers(state))
    words = Words(model, lang)
    steps = step_progress(plan, model)
    finished = sum(1 for _, done, total in steps if total and done == total)
    count = words("summary-count", done=finished, total=len(steps))
    if not any(done for _, done, _ in steps):
        return block.summary(count, [])
    ready = sum(1 for i in plan.indicators if i.baseline.given and i.target.given)
    findings = len(review(plan))
    return block.summary(
        count,
        [
            words("summary-indicators", count=len(plan.indicators), ready=ready),
            words("summary-review", count=findings) if findings else words("summary-clear"),
        ],
    )
