"""A SoImpact worksheet's saved form and its operations: add indicators from the bank, load a
worked example (``state`` checks an imported worksheet).

Both operations return a new state for the page to adopt; the page keeps the one before, so
"restore earlier answers" undoes them. Texts copied into the worksheet are in the page's language.
"""

from __future__ import annotations

from typing import Any

from calculators.core.savefile import ImportProblem
from calculators.soimpact.plan import BANK_PICKS, items, read_number, state_answers
from calculators.soimpact.state import MAX_INDICATORS
from calculators.soimpact.words import Words

NAME = "soimpact"
VERSION = 1
"""Version of the saved state; raise it (and migrate in ``clean``) when the answers change."""

State = dict[str, Any]
Model = dict[str, Any]


def _bank_entries(model: Model) -> dict[str, dict[str, Any]]:
    return {
        entry["id"]: entry
        for domain in model["indicator_bank"]["domains"]
        for entry in domain["indicators"]
    }


def add_from_bank(state: State, payload: dict[str, Any], model: Model, lang: str) -> State:
    """The indicators ticked in the bank, added after the plan's own, ready to adapt."""
    words = Words(model, lang)
    answers = dict(state_answers(state))
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


def example_answers(example: dict[str, Any], model: Model, words: Words) -> dict[str, str]:
    """A worked example as the worksheet's answers; each indicator is a row of Figure 8.

    The figure gives the indicator, its level and its final result; a result that is no
    number ("not yet measured") leaves the indicator without a measurement.
    """
    answers = {
        field: words.text(example[field])
        for field in ("title", "problem", "objectives", "activities", "theory")
    }
    for index, group in enumerate(example["groups"]):
        answers[f"groups.{index}.name"] = words.text(group["name"])
        answers[f"groups.{index}.success"] = words.text(group["success"])
    rows = {row["id"]: row for row in model["impact"]["boost"]}
    for index, indicator in enumerate(example["indicators"]):
        row = rows[indicator["row"]]
        prefix = f"indicators.{index}."
        answers.update(
            {
                prefix + "name": words.text(row["indicator"]),
                prefix + "level": row["kind"],
                prefix + "kind": indicator["kind"],
                prefix + "group": words.text(indicator["group"]),
                prefix + "unit": words.text(indicator["unit"]),
                prefix + "borrowed-from": words.text(example["borrowed_from"]),
            }
        )
        if baseline := indicator.get("baseline"):
            answers[prefix + "baseline-value"] = baseline["value"]
            answers[prefix + "baseline-date"] = baseline["date"]
        result = words.text(row["result"])
        if read_number(result) is not None:
            answers[prefix + "measurements.0.value"] = result
            answers[prefix + "measurements.0.date"] = example["results_date"]
            answers[prefix + "measurements.0.note"] = words.text(example["results_note"])
    return answers


def load_example(state: State, payload: dict[str, Any], model: Model, lang: str) -> State:
    """Replace the worksheet with a worked example (the page keeps the earlier answers)."""
    words = Words(model, lang)
    examples = {example["id"]: example for example in model["soimpact_examples"]["examples"]}
    example = examples.get(payload.get("example"))
    if example is None:
        raise ImportProblem(words("example-unknown"))
    return {**state, "answers": example_answers(example, model, words)}


OPERATIONS = {"add-from-bank": add_from_bank, "load-example": load_example}
