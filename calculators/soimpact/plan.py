"""A SoImpact plan, read from the worksheet's flat answers (``indicators.0.name`` …).

Reading never fails: a half-filled worksheet is the normal case, so a missing or unreadable
answer becomes an empty text, ``None`` or ``False`` and the review says what is missing.
The answer names and choices here are the worksheet's schema; ``state`` checks
imported files against them and the form template uses the same names. ``step_progress``
says how far a plan has come through the ten steps.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

LEVELS = ("output", "outcome", "impact", "social-value")
"""The SoImpact chain, nearest the activity first (handbook ch. 6, Figure 7)."""
KINDS = ("quantitative", "qualitative")
VALUE_LEVELS = ("individual", "organisation", "society")
PRIORITIES = ("high", "medium", "low")
YES = "yes"

PLAN_TEXTS = ("title", "problem", "objectives", "activities", "theory", "evaluation")
GROUP_TEXTS = ("name", "success")
INDICATOR_TEXTS = (
    "name",
    "group",
    "unit",
    "method",
    "collector",
    "frequency",
    "baseline-value",
    "target-value",
    "bank",
    "borrowed-from",
)
INDICATOR_CHOICES: dict[str, tuple[str, ...]] = {
    "level": LEVELS,
    "kind": KINDS,
    "value-level": VALUE_LEVELS,
    "priority": PRIORITIES,
    "involved": (YES,),
}
INDICATOR_DATES = ("baseline-date", "target-date")
MEASUREMENT_TEXTS = ("value", "note")
MEASUREMENT_DATES = ("date",)
BANK_PICKS = "bank"
"""The checkboxes of the indicator bank: ids chosen, not yet added to the plan."""

MAX_MAGNITUDE = 1e15
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)")
_SPACES = re.compile(r"[\s\u00a0\u202f]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_number(text: str) -> float | None:
    """A number as people type it: ``12,5``, ``1 234``, ``45 %``; anything else is ``None``.

    A comma is a decimal mark (Norwegian style), so thousands are grouped with spaces only.
    Beyond ``MAX_MAGNITUDE`` a figure is no measurement, and arithmetic on it could overflow.
    """
    compact = _SPACES.sub("", text).removesuffix("%")
    if not _NUMBER.fullmatch(compact):
        return None
    number = float(compact.replace(",", "."))
    return number if abs(number) <= MAX_MAGNITUDE else None


def read_date(text: str) -> date | None:
    """An ISO date (``2017-08-31``, what a date field sends), or ``None``."""
    if not _DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


@dataclass(frozen=True)
class Reading:
    """A value at a date: a baseline, a target or a measurement."""

    text: str
    day: date | None
    note: str = ""

    @property
    def number(self) -> float | None:
        return read_number(self.text)

    @property
    def given(self) -> bool:
        return self.text != ""


@dataclass(frozen=True)
class Indicator:
    index: int
    """Position in the answers (``indicators.<index>.…``)."""
    number: int
    """Position as the form shows it, from 1."""
    texts: dict[str, str]
    level: str | None
    kind: str | None
    value_level: str | None
    priority: str | None
    involved: bool
    baseline: Reading
    target: Reading
    measurements: tuple[Reading, ...]

    @property
    def name(self) -> str:
        return self.texts["name"]

    @property
    def quantitative(self) -> bool:
        return self.kind == "quantitative"

    @property
    def known(self) -> bool:
        """Taken from the guide's bank, or borrowed from elsewhere with its source named: the
        handbook's "search for and use known indicators" (ch. 6, p. 49)."""
        return bool(self.texts["bank"] or self.texts["borrowed-from"])


@dataclass(frozen=True)
class Group:
    name: str
    success: str


@dataclass(frozen=True)
class Plan:
    texts: dict[str, str]
    groups: tuple[Group, ...]
    indicators: tuple[Indicator, ...]


def text_of(answers: dict[str, Any], name: str) -> str:
    """The trimmed text answer, or '' when it is missing or not text."""
    value = answers.get(name)
    return value.strip() if isinstance(value, str) else ""


def _choice(answers: dict[str, Any], name: str, allowed: tuple[str, ...]) -> str | None:
    value = text_of(answers, name)
    return value if value in allowed else None


def items(answers: dict[str, Any], path: str) -> dict[int, dict[str, Any]]:
    """A repeatable group's items in order: item number → its answers, named relative to it.

    One pass over the answers, so a plan with many indicators and measurements stays fast.
    """
    found: dict[int, dict[str, Any]] = {}
    prefix = path + "."
    for key, value in answers.items():
        if key.startswith(prefix):
            number, dot, rest = key.removeprefix(prefix).partition(".")
            if dot and number.isascii() and number.isdigit():
                found.setdefault(int(number), {})[rest] = value
    return dict(sorted(found.items()))


def _measurements(fields: dict[str, Any]) -> tuple[Reading, ...]:
    readings = []
    for reading in items(fields, "measurements").values():
        value, note = text_of(reading, "value"), text_of(reading, "note")
        day = read_date(text_of(reading, "date"))
        if value or note or day:
            readings.append(Reading(value, day, note))
    return tuple(readings)


def _indicator(fields: dict[str, Any], index: int, number: int) -> Indicator:
    def choice(field: str) -> str | None:
        return _choice(fields, field, INDICATOR_CHOICES[field])

    texts = {field: text_of(fields, field) for field in INDICATOR_TEXTS}
    return Indicator(
        index=index,
        number=number,
        texts=texts,
        level=choice("level"),
        kind=choice("kind"),
        value_level=choice("value-level"),
        priority=choice("priority"),
        involved=choice("involved") == YES,
        baseline=Reading(texts["baseline-value"], read_date(text_of(fields, "baseline-date"))),
        target=Reading(texts["target-value"], read_date(text_of(fields, "target-date"))),
        measurements=_measurements(fields),
    )


def read_plan(answers: dict[str, Any]) -> Plan:
    """The plan the answers describe; items left completely empty are skipped."""
    groups = tuple(
        Group(text_of(fields, "name"), text_of(fields, "success"))
        for fields in items(answers, "groups").values()
    )
    indicators = [
        _indicator(fields, index, number)
        for number, (index, fields) in enumerate(items(answers, "indicators").items(), 1)
    ]
    return Plan(
        texts={field: text_of(answers, field) for field in PLAN_TEXTS},
        groups=tuple(group for group in groups if group.name or group.success),
        indicators=tuple(indicator for indicator in indicators if _has_content(indicator)),
    )


def _has_content(indicator: Indicator) -> bool:
    return bool(
        any(indicator.texts.values())
        or indicator.level
        or indicator.kind
        or indicator.value_level
        or indicator.priority
        or indicator.involved
        or indicator.baseline.day
        or indicator.target.day
        or indicator.measurements
    )


def state_answers(state: dict[str, Any]) -> dict[str, Any]:
    """The answers of a state, or none when it holds something else."""
    answers = state.get("answers")
    return answers if isinstance(answers, dict) else {}


def _indicators_done(plan: Plan, done: Callable[[Indicator], bool]) -> tuple[int, int]:
    return sum(1 for indicator in plan.indicators if done(indicator)), len(plan.indicators)


STEP_CHECKS: dict[str, Callable[[Plan], tuple[int, int]]] = {
    "describe-problem": lambda plan: (int(bool(plan.texts["problem"])), 1),
    "overriding-objectives": lambda plan: (int(bool(plan.texts["objectives"])), 1),
    "target-groups": lambda plan: (int(any(g.name and g.success for g in plan.groups)), 1),
    "activities-theory-of-change": lambda plan: (
        int(bool(plan.texts["activities"] and plan.texts["theory"])),
        1,
    ),
    "indicators": lambda plan: _indicators_done(plan, lambda i: bool(i.name and i.level)),
    "measurement-methods": lambda plan: _indicators_done(plan, lambda i: bool(i.texts["method"])),
    "target-figures": lambda plan: _indicators_done(plan, lambda i: i.target.given),
    "zero-point": lambda plan: _indicators_done(plan, lambda i: i.baseline.given),
    "regular-measurements": lambda plan: _indicators_done(
        plan, lambda i: any(m.given for m in i.measurements)
    ),
    "evaluate-and-adapt": lambda plan: (int(bool(plan.texts["evaluation"])), 1),
}
"""Per step of impact.yml, how much of it has answers: (done, out of). Steps 5–9 count
indicators."""


def step_progress(plan: Plan, model: dict[str, Any]) -> list[tuple[dict[str, Any], int, int]]:
    """Each step of the content with how much of it has answers: (step, done, out of)."""
    return [(step, *STEP_CHECKS[step["id"]](plan)) for step in model["impact"]["steps"]]
