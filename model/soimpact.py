"""The SoImpact worksheet's part of the model (``content/soimpact.yml``, ``indicator_bank.yml``,
``soimpact_examples.yml``) and its links into ``impact.yml``."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from model.base import Problem, Slug, Source, Strict, Text

if TYPE_CHECKING:
    from model.schema import Model

# The SoImpact worksheet (tools/soimpact). The chain, the ten steps, the five recommendations
# and Figure 8 are in impact.yml; these files add what the worksheet needs on top of them. The
# Literal ids are vocabularies the calculator reasons with (``calculators/soimpact/plan.py``).
ChainLevel = Literal["output", "outcome", "impact", "social-value"]
IndicatorKind = Literal["quantitative", "qualitative"]
ValueLevel = Literal["individual", "organisation", "society"]
Priority = Literal["high", "medium", "low"]
Guide = Annotated[str, StringConstraints(pattern=r"^(step|recommendation|level)-[a-z-]+$")]
"""What a review finding links to: a step, a recommendation or a chain level in impact.yml."""


class Option(Strict):
    id: Slug
    name: Text


class Options(Strict):
    """The choices offered for each indicator besides its chain level."""

    kind: list[Option]
    value_level: list[Option]
    priority: list[Option]

    @model_validator(mode="after")
    def _every_choice(self) -> Options:
        for name, vocabulary in (
            ("kind", IndicatorKind),
            ("value_level", ValueLevel),
            ("priority", Priority),
        ):
            ids = tuple(option.id for option in getattr(self, name))
            if ids != vocabulary.__args__:
                raise ValueError(f"{name} must be, in this order: {', '.join(vocabulary.__args__)}")
        return self


class FieldText(Strict):
    """A form field's label, and a short hint shown with it."""

    label: Text
    hint: Text | None = None


class FindingText(Strict):
    """What the review says for one finding, and the guidance it links to."""

    message: Text
    guide: Guide


class SoimpactFile(Strict):
    """The worksheet's own words: guiding questions per step, form, review and results."""

    source: Source
    questions: dict[Slug, list[Text]]
    """Guiding questions, keyed by the ids of the ten steps in impact.yml."""
    options: Options
    fields: dict[Slug, FieldText]
    findings: dict[Slug, FindingText]
    messages: dict[Slug, Text]


class BankIndicator(Strict):
    """An indicator to start from, written by the project (not from the handbook)."""

    id: Slug
    level: ChainLevel
    kind: IndicatorKind
    value_level: ValueLevel
    name: Text
    unit: Text
    method: Text


class BankDomain(Strict):
    id: Slug
    name: Text
    indicators: list[BankIndicator] = Field(min_length=1)

    @field_validator("indicators")
    @classmethod
    def _every_level(cls, indicators: list[BankIndicator]) -> list[BankIndicator]:
        missing = set(ChainLevel.__args__) - {indicator.level for indicator in indicators}
        if missing:
            raise ValueError(f"no indicator at level {', '.join(sorted(missing))}")
        return indicators


class IndicatorBankFile(Strict):
    intro: Text
    domains: list[BankDomain] = Field(min_length=1)

    @field_validator("domains")
    @classmethod
    def _unique_ids(cls, domains: list[BankDomain]) -> list[BankDomain]:
        ids = [indicator.id for domain in domains for indicator in domain.indicators]
        repeated = sorted({found for found in ids if ids.count(found) > 1})
        if repeated:
            raise ValueError(f"indicator ids used twice: {', '.join(repeated)}")
        return domains


class ExampleReading(Strict):
    value: Annotated[str, StringConstraints(min_length=1)]
    date: datetime.date


class ExampleIndicator(Strict):
    """One indicator of a worked example: a row of Figure 8, with what the worksheet adds."""

    row: Slug
    """The row of impact.yml's ``boost`` table: its indicator, level and result."""
    kind: IndicatorKind
    group: Text
    unit: Text
    baseline: ExampleReading | None = None


class ExampleGroup(Strict):
    name: Text
    success: Text


class Example(Strict):
    """A worked example that loads into the worksheet (Boost Refugee, Figure 8)."""

    id: Slug
    name: Text
    summary: Text
    source: Source
    title: Text
    problem: Text
    objectives: Text
    activities: Text
    theory: Text
    groups: list[ExampleGroup] = Field(min_length=1)
    results_date: datetime.date
    """The day the figure's results are dated in the worksheet."""
    results_note: Text
    borrowed_from: Text
    """Where a worksheet that loads the example borrowed its indicators from."""
    indicators: list[ExampleIndicator] = Field(min_length=1)


class SoimpactExamplesFile(Strict):
    examples: list[Example] = Field(min_length=1)


def references(model: Model) -> list[Problem]:
    """The SoImpact worksheet's links into impact.yml: steps, guidance, chain and Figure 8."""
    impact = model.impact
    steps = [step.id for step in impact.steps]
    guides = {
        *(f"step-{step}" for step in steps),
        *(f"recommendation-{point.id}" for point in impact.recommendations),
        *(f"level-{link.id}" for link in impact.chain),
    }
    chain = {link.id for link in impact.chain}
    rows = {row.id for row in impact.boost}
    soimpact = model.soimpact
    problems = [
        ("soimpact.yml", ("questions",), f"no questions for step {step!r}")
        for step in steps
        if step not in soimpact.questions
    ]
    problems += [
        ("soimpact.yml", ("questions", step), "not a step in impact.yml")
        for step in soimpact.questions
        if step not in steps
    ]
    problems += [
        ("soimpact.yml", ("findings", name, "guide"), f"unknown guidance {finding.guide!r}")
        for name, finding in soimpact.findings.items()
        if finding.guide not in guides
    ]
    problems += [
        ("impact.yml", ("chain",), f"the SoImpact worksheet needs the level {level!r}")
        for level in ChainLevel.__args__
        if level not in chain
    ]
    for i, example in enumerate(model.soimpact_examples.examples):
        problems += [
            ("soimpact_examples.yml", ("examples", i, "indicators", j, "row"), f"no row {row!r}")
            for j, row in enumerate(indicator.row for indicator in example.indicators)
            if row not in rows
        ]
    return problems
