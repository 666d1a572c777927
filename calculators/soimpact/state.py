"""Check a SoImpact state that comes from outside (a saved file or a share link).

The browser's own state is trusted to have the form's names; an imported one is not. Every
answer must be one the worksheet knows, with a value its field can hold, within limits that
keep the page usable. All problems are collected, so the person sees what to fix at once.
"""

from __future__ import annotations

import re
from typing import Any

from calculators.core.savefile import ImportProblem, clean_answers
from calculators.soimpact.plan import (
    BANK_PICKS,
    GROUP_TEXTS,
    INDICATOR_CHOICES,
    INDICATOR_DATES,
    INDICATOR_TEXTS,
    MEASUREMENT_DATES,
    MEASUREMENT_TEXTS,
    PLAN_TEXTS,
    read_date,
)
from calculators.soimpact.words import Words

MAX_GROUPS = 50
MAX_INDICATORS = 100
MAX_MEASUREMENTS = 200
"""Per indicator. Far above a real plan (monthly for 15 years), low enough to stay fast."""
SHOWN_PROBLEMS = 5

_NUMBER = r"(0|[1-9][0-9]{0,5})"
_GROUP = re.compile(rf"groups\.{_NUMBER}\.([a-z-]+)")
_INDICATOR = re.compile(rf"indicators\.{_NUMBER}\.([a-z-]+)")
_MEASUREMENT = re.compile(rf"indicators\.{_NUMBER}\.measurements\.{_NUMBER}\.([a-z-]+)")


def bank_ids(model: dict[str, Any]) -> set[str]:
    return {
        indicator["id"]
        for domain in model["indicator_bank"]["domains"]
        for indicator in domain["indicators"]
    }


def _shown(value: str) -> str:
    return value if len(value) <= 40 else value[:39] + "…"


def _field_problem(name: str, field: str, value: str, words: Words) -> str | None:
    """What is wrong with one field's value, by the kind of field it is."""
    if field in INDICATOR_CHOICES and value not in ("", *INDICATOR_CHOICES[field]):
        return words("import-bad-choice", name=name, value=_shown(value))
    if field in (*INDICATOR_DATES, *MEASUREMENT_DATES) and value and read_date(value) is None:
        return words("import-bad-date", name=name, value=_shown(value))
    return None


def _limit_problem(name: str, words: Words) -> str | None:
    """A problem when an item number is beyond what the worksheet holds."""
    checks = [
        (_MEASUREMENT, 2, MAX_MEASUREMENTS, "import-too-many-measurements"),
        (_INDICATOR, 1, MAX_INDICATORS, "import-too-many-indicators"),
        (_GROUP, 1, MAX_GROUPS, "import-too-many-groups"),
    ]
    for pattern, group, limit, message in checks:
        match = pattern.fullmatch(name)
        if match and int(match.group(group)) >= limit:
            return words(message, limit=limit)
    return None


def _known_field(name: str) -> str | None:
    """The field an answer name stands for, or ``None`` when the worksheet has no such answer."""
    if name in PLAN_TEXTS:
        return name
    if match := _MEASUREMENT.fullmatch(name):
        field = match.group(3)
        return field if field in (*MEASUREMENT_TEXTS, *MEASUREMENT_DATES) else None
    if match := _INDICATOR.fullmatch(name):
        field = match.group(2)
        return field if field in (*INDICATOR_TEXTS, *INDICATOR_CHOICES, *INDICATOR_DATES) else None
    if match := _GROUP.fullmatch(name):
        return match.group(2) if match.group(2) in GROUP_TEXTS else None
    return None


def _problems(answers: dict[str, Any], model: dict[str, Any], words: Words) -> list[str]:
    problems = []
    known_bank = bank_ids(model)
    for name, value in answers.items():
        if name == BANK_PICKS:
            picks = value if isinstance(value, list) else [value]
            problems += [
                words("import-bad-choice", name=name, value=_shown(pick))
                for pick in picks
                if pick not in known_bank
            ]
            continue
        field = _known_field(name)
        if field is None:
            problems.append(words("import-unknown-answer", name=_shown(name)))
        elif isinstance(value, list):
            problems.append(words("import-not-one-text", name=name))
        elif problem := _limit_problem(name, words) or _field_problem(name, field, value, words):
            problems.append(problem)
    return list(dict.fromkeys(problems))


def clean(state: dict[str, Any], model: dict[str, Any], lang: str) -> dict[str, Any]:
    """The imported state, unchanged, once every answer has passed; otherwise the problems."""
    answers = clean_answers(state.get("answers", {}), model, lang)
    words = Words(model, lang)
    problems = _problems(answers, model, words)
    if problems:
        shown = " ".join(problems[:SHOWN_PROBLEMS])
        more = len(problems) - SHOWN_PROBLEMS
        summary = words("import-problems", count=len(problems), problems=shown)
        raise ImportProblem(summary + (" " + words("import-more", count=more) if more > 0 else ""))
    return {"answers": answers}
