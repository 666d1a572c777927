"""The schema of ``content/``: what each file may hold, refusing anything it does not know.

Every text a reader sees is a ``Text`` with one entry per language, so a second language is a
new key in the same place, not a new structure.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

LANGUAGES = ("en", "nb")
"""English is the reference; Norwegian bokmål follows it key by key."""

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$")]
Prose = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Unknown keys are errors: a typo in YAML must never become a silent default."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """One user-visible string in every language the guide offers."""

    en: Prose
    nb: Prose | None = None


class Source(Strict):
    """Where in the handbook a piece of the guide comes from."""

    chapter: int = Field(ge=1, le=6)
    pages: Annotated[str, StringConstraints(pattern=r"^\d+(–\d+)?$")]


class Value(Strict):
    """One of the four common values (handbook ch. 3)."""

    id: Slug
    name: Text
    summary: Text
    why: Text
    questions: list[Text] = Field(min_length=1)
    source: Source


class ValuesFile(Strict):
    values: list[Value] = Field(min_length=1)


class Level(Strict):
    """Who carries a responsibility: one step on an axis of the matrix."""

    id: Slug
    label: Text


class Axis(Strict):
    title: Text
    question: Text
    levels: list[Level] = Field(min_length=3, max_length=3)


class Cell(Strict):
    """One of the nine cells of the thin/thick matrix (handbook Figure 2)."""

    id: Slug
    planning: Slug
    production: Slug
    name: Text
    kind: Annotated[str, StringConstraints(pattern=r"^(professional|thin|thick|civil|none)$")]
    description: Text


class GreyArea(Strict):
    id: Slug
    axis: Annotated[str, StringConstraints(pattern=r"^(planning|production)$")]
    name: Text
    description: Text


class MatrixFile(Strict):
    """The thin/thick collaboration matrix (handbook ch. 1, p. 13–14)."""

    planning: Axis
    production: Axis
    cells: list[Cell] = Field(min_length=9, max_length=9)
    grey_areas: list[GreyArea] = Field(min_length=2, max_length=2)
    messages: dict[Slug, Text]
    source: Source

    @field_validator("cells")
    @classmethod
    def _one_cell_per_pair(cls, cells: list[Cell]) -> list[Cell]:
        pairs = [(cell.planning, cell.production) for cell in cells]
        if len(set(pairs)) != len(pairs):
            raise ValueError("two cells share the same planning and production levels")
        return cells


# SoImpact (handbook ch. 6, p. 48–51). The ids below are vocabularies the calculator reasons
# with (``calculators/soimpact_plan.py``), so content may word them but not add to them.
ChainLevel = Literal["output", "outcome", "impact", "social-value"]
IndicatorKind = Literal["quantitative", "qualitative"]
ValueLevel = Literal["individual", "organisation", "society"]
Priority = Literal["high", "medium", "low"]
StepId = Literal[
    "problem",
    "objectives",
    "groups",
    "activities",
    "indicators",
    "methods",
    "targets",
    "baseline",
    "measurements",
    "evaluation",
]
Guide = Annotated[str, StringConstraints(pattern=r"^(step|recommendation|level)-[a-z-]+$")]
"""What a review finding links to: ``step-<id>``, ``recommendation-<id>`` or ``level-<id>``."""


def _in_order(ids: list[str], expected: tuple[str, ...], what: str) -> None:
    if tuple(ids) != expected:
        raise ValueError(f"{what} must be, in this order: {', '.join(expected)}")


class ChainStep(Strict):
    """One level of the SoImpact chain and how sure the link from the effort to it is."""

    id: ChainLevel
    name: Text
    explanation: Text
    certainty: Text
    certainty_short: Text


class Contribution(Strict):
    name: Text
    explanation: Text


class Chain(Strict):
    """Figure 7: contribution factors, then output, outcome, impact and social value."""

    source: Source
    contribution: Contribution
    levels: list[ChainStep]

    @field_validator("levels")
    @classmethod
    def _whole_chain(cls, levels: list[ChainStep]) -> list[ChainStep]:
        _in_order([level.id for level in levels], ChainLevel.__args__, "the chain's levels")
        return levels


class Recommendation(Strict):
    id: Slug
    title: Text
    advice: Text


class Recommendations(Strict):
    source: Source
    credit: Text
    items: list[Recommendation] = Field(min_length=5, max_length=5)


class Step(Strict):
    id: StepId
    title: Text
    questions: list[Text] = Field(min_length=1)


class Steps(Strict):
    """The ten steps, in the handbook's order."""

    source: Source
    items: list[Step]

    @field_validator("items")
    @classmethod
    def _ten_steps(cls, items: list[Step]) -> list[Step]:
        _in_order([step.id for step in items], StepId.__args__, "the steps")
        return items


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
            _in_order([option.id for option in getattr(self, name)], vocabulary.__args__, name)
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
    """The SoImpact worksheet: chain, recommendations, steps, form words and review."""

    source: Source
    chain: Chain
    recommendations: Recommendations
    steps: Steps
    options: Options
    fields: dict[Slug, FieldText]
    findings: dict[Slug, FindingText]
    messages: dict[Slug, Text]

    @model_validator(mode="after")
    def _guides_exist(self) -> SoimpactFile:
        known = {
            *(f"step-{step.id}" for step in self.steps.items),
            *(f"recommendation-{item.id}" for item in self.recommendations.items),
            *(f"level-{level.id}" for level in self.chain.levels),
        }
        for finding_id, finding in self.findings.items():
            if finding.guide not in known:
                raise ValueError(
                    f"finding {finding_id!r} links to unknown guidance {finding.guide!r}"
                )
        return self


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
    note: Text | None = None


class ExampleIndicator(Strict):
    name: Text
    level: ChainLevel
    kind: IndicatorKind
    group: Text
    unit: Text
    baseline: ExampleReading | None = None
    target: ExampleReading | None = None
    measurements: list[ExampleReading] = []


class ExampleGroup(Strict):
    name: Text
    success: Text


class Example(Strict):
    """A worked example that loads into the worksheet (e.g. Boost Refugee, Figure 8)."""

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
    indicators: list[ExampleIndicator] = Field(min_length=1)


class SoimpactExamplesFile(Strict):
    examples: list[Example] = Field(min_length=1)


class UiFile(Strict):
    """Words of the guide's own controls (not from the handbook), keyed for the page scripts."""

    calculator: dict[Slug, Text]


class Model(Strict):
    """The whole handbook model, as the macros and calculators see it."""

    values: ValuesFile
    matrix: MatrixFile
    ui: UiFile
    soimpact: SoimpactFile
    indicator_bank: IndicatorBankFile
    soimpact_examples: SoimpactExamplesFile


CONTENT_FILES: dict[str, type[BaseModel]] = {
    "values.yml": ValuesFile,
    "matrix.yml": MatrixFile,
    "ui.yml": UiFile,
    "soimpact.yml": SoimpactFile,
    "indicator_bank.yml": IndicatorBankFile,
    "soimpact_examples.yml": SoimpactExamplesFile,
}
"""Each file in ``content/`` and the part of the model it holds."""
