"""The review of a SoImpact plan: the handbook's five recommendations and the chain as checks.

Each check looks at the plan and returns a finding (an id and the indicators it concerns) or
nothing. Findings are language neutral; ``content/soimpact.yml`` holds, per id, the sentence
shown and the guidance it links to. Checks never fail on partial input: what is missing is
itself a finding, or is left to the step it belongs to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from calculators.soimpact.plan import Indicator, Plan
from calculators.soimpact.words import Words

GUIDANCE = {
    "step": "tools/soimpact/#soimpact-step-{}",
    "recommendation": "chapters/impact-measurement/#recommendation-{}",
    "level": "soimpact/#chain-{}",
}
"""Where each kind of guidance is, from the site root: the worksheet's own steps, the
recommendations on the chapter 6 page, the chain on the SoImpact page."""


@dataclass(frozen=True)
class Finding:
    id: str
    indicators: tuple[int, ...] = ()
    """Numbers (as the form shows them) of the indicators the finding is about."""


def _about(check_id: str, concerned: list[Indicator]) -> Finding | None:
    if not concerned:
        return None
    return Finding(check_id, tuple(indicator.number for indicator in concerned))


def no_groups(plan: Plan) -> Finding | None:
    return None if any(group.name for group in plan.groups) else Finding("no-groups")


def missing_level(plan: Plan) -> Finding | None:
    return _about("missing-level", [i for i in plan.indicators if i.level is None])


def output_only(plan: Plan) -> Finding | None:
    """Only output indicators: the plan counts activity and cannot show change."""
    levels = {indicator.level for indicator in plan.indicators} - {None}
    return Finding("output-only") if levels == {"output"} else None


def no_qualitative(plan: Plan) -> Finding | None:
    kinds = {indicator.kind for indicator in plan.indicators}
    return None if "qualitative" in kinds else Finding("no-qualitative")


def not_involved(plan: Plan) -> Finding | None:
    involved = any(indicator.involved for indicator in plan.indicators)
    return None if involved else Finding("not-involved")


def no_known_indicators(plan: Plan) -> Finding | None:
    known = any(indicator.known for indicator in plan.indicators)
    return None if known else Finding("no-known-indicators")


def value_levels(plan: Plan) -> Finding | None:
    """Value at one level only hides what is gained or lost at the others."""
    chosen = {indicator.value_level for indicator in plan.indicators} - {None}
    if not chosen:
        return Finding("no-value-level")
    if len(chosen) == 1 and len(plan.indicators) > 1:
        return Finding("one-value-level")
    return None


def priorities(plan: Plan) -> Finding | None:
    chosen = [indicator.priority for indicator in plan.indicators if indicator.priority]
    if not chosen:
        return Finding("no-priorities")
    if len(chosen) > 1 and len(set(chosen)) == 1 and len(chosen) == len(plan.indicators):
        return Finding("same-priority")
    return None


def no_collection_plan(plan: Plan) -> Finding | None:
    return _about(
        "no-collection-plan",
        [i for i in plan.indicators if not (i.texts["collector"] and i.texts["frequency"])],
    )


def no_target(plan: Plan) -> Finding | None:
    return _about("no-target", [i for i in plan.indicators if not i.target.given])


def target_not_number(plan: Plan) -> Finding | None:
    return _about(
        "target-not-number",
        [
            i
            for i in plan.indicators
            if i.quantitative and i.target.given and i.target.number is None
        ],
    )


def _numeric_readings_unreadable(indicator: Indicator) -> bool:
    readings = [indicator.baseline, *indicator.measurements]
    return any(reading.given and reading.number is None for reading in readings)


def value_not_number(plan: Plan) -> Finding | None:
    return _about(
        "value-not-number",
        [i for i in plan.indicators if i.quantitative and _numeric_readings_unreadable(i)],
    )


def target_equals_baseline(plan: Plan) -> Finding | None:
    """A target equal to the baseline leaves no way to go, so progress cannot be shown."""
    return _about(
        "target-equals-baseline",
        [
            i
            for i in plan.indicators
            if i.quantitative
            and i.baseline.number is not None
            and i.baseline.number == i.target.number
        ],
    )


def target_before_baseline(plan: Plan) -> Finding | None:
    return _about(
        "target-before-baseline",
        [
            i
            for i in plan.indicators
            if i.baseline.day and i.target.day and i.target.day <= i.baseline.day
        ],
    )


def no_baseline(plan: Plan) -> Finding | None:
    return _about(
        "no-baseline",
        [i for i in plan.indicators if not (i.baseline.given and i.baseline.day)],
    )


def measured_before_baseline(plan: Plan) -> Finding | None:
    return _about(
        "measured-before-baseline",
        [
            i
            for i in plan.indicators
            if i.baseline.day and any(m.day and m.day < i.baseline.day for m in i.measurements)
        ],
    )


def undated_measurement(plan: Plan) -> Finding | None:
    return _about(
        "undated-measurement",
        [i for i in plan.indicators if any(m.day is None for m in i.measurements)],
    )


def not_measured(plan: Plan) -> Finding | None:
    return _about(
        "not-measured",
        [i for i in plan.indicators if not any(m.given for m in i.measurements)],
    )


CHECKS: tuple[Callable[[Plan], Finding | None], ...] = (
    no_groups,
    missing_level,
    output_only,
    not_involved,
    no_known_indicators,
    value_levels,
    no_qualitative,
    priorities,
    no_collection_plan,
    no_target,
    target_not_number,
    target_equals_baseline,
    target_before_baseline,
    no_baseline,
    value_not_number,
    measured_before_baseline,
    undated_measurement,
    not_measured,
)
"""In the order of the worksheet: who it is for, the chain, the recommendations, the numbers."""

FINDING_IDS = (
    "no-groups",
    "no-indicators",
    "missing-level",
    "output-only",
    "not-involved",
    "no-known-indicators",
    "no-value-level",
    "one-value-level",
    "no-qualitative",
    "no-priorities",
    "same-priority",
    "no-collection-plan",
    "no-target",
    "target-not-number",
    "target-equals-baseline",
    "target-before-baseline",
    "no-baseline",
    "value-not-number",
    "measured-before-baseline",
    "undated-measurement",
    "not-measured",
)
"""Every finding the checks can make; the content must hold a sentence for each."""


def review(plan: Plan) -> list[Finding]:
    """What to look at in the plan; with no indicator yet, only that and the target groups."""
    if not plan.indicators:
        return [finding for finding in (no_groups(plan), Finding("no-indicators")) if finding]
    return [finding for check in CHECKS if (finding := check(plan))]


def guidance(guide: str, model: dict[str, Any], words: Words) -> tuple[str, str]:
    """The title and link (from the site root) of the guidance a finding points to."""
    kind, _, name = guide.partition("-")
    impact = model["impact"]
    if kind == "step":
        number = next(n for n, step in enumerate(impact["steps"], 1) if step["id"] == name)
        title = words.step_title(impact["steps"][number - 1], number)
    elif kind == "recommendation":
        point = next(r for r in impact["recommendations"] if r["id"] == name)
        title = words("recommendation-title", title=words.text(point["name"]))
    else:
        link = next(link for link in impact["chain"] if link["id"] == name)
        title = words("level-title", level=words.text(link["name"]))
    return title, GUIDANCE[kind].format(name)


def finding_text(finding: Finding, plan: Plan, words: Words) -> str:
    names = [words.indicator(i) for i in plan.indicators if i.number in finding.indicators]
    message = words.content["findings"][finding.id]["message"]
    return words.text(message).format(indicators="; ".join(names), count=len(names))
