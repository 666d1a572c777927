"""A SoImpact plan as data: how far it has come through the steps, the review's findings and
each indicator's progress (for the command line and other programs)."""

from __future__ import annotations

from typing import Any

from calculators.soimpact.plan import read_plan, state_answers, step_progress
from calculators.soimpact.progress import progress
from calculators.soimpact.review import finding_text, guidance, review
from calculators.soimpact.words import Words

State = dict[str, Any]
Model = dict[str, Any]


def report(state: State, model: Model, lang: str) -> dict[str, Any]:
    """Steps, review and progress as data (for the command line and other programs)."""
    plan = read_plan(state_answers(state))
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
