"""The schema of ``content/``: what each file may hold, refusing anything it does not know.

Every text a reader sees is a ``Text`` with one entry per language, so a second language is a
new key in the same place, not a new structure.
"""

from __future__ import annotations

from typing import Annotated

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


class Role(Strict):
    """A role a participant takes part in the collaboration as (the guide's own list)."""

    id: Slug
    label: Text


class MunicipalStep(Strict):
    """One of the five steps of the collaborative municipality (handbook ch. 5, p. 44–45)."""

    id: Slug
    name: Text
    summary: Text


class FieldName(Strict):
    """A field of action's name and place in the handbook (stand-in until ``fields.yml``)."""

    id: Slug
    name: Text
    source: Source


class Advice(Strict):
    """One thing a group can do about a weak area, in the guide's words."""

    text: Text
    source: Source


class AssessedArea(Strict):
    """A value or field of action the assessment scores, with where to read and what to do."""

    id: Slug
    kind: Annotated[str, StringConstraints(pattern=r"^(value|field)$")]
    page: Annotated[str, StringConstraints(pattern=r"^[a-z0-9/#-]+$")]
    """A page of the site, relative to its root (``values/#value-openness``)."""
    advice: list[Advice] = Field(min_length=1)


class Statement(Strict):
    """One statement a participant rates; its id starts with its area's id."""

    id: Slug
    area: Slug
    text: Text
    source: Source


class AssessmentFile(Strict):
    """The self-assessment of a collaboration against the model (the SAMSON successor)."""

    source: Source
    scale: list[Text] = Field(min_length=3, max_length=7)
    """Labels of the agreement scale from lowest to highest; answers are their positions 1…n."""
    dont_know: Text
    roles: list[Role] = Field(min_length=2)
    steps: list[MunicipalStep] = Field(min_length=5, max_length=5)
    steps_source: Source
    fields: list[FieldName] = Field(min_length=1)
    areas: list[AssessedArea] = Field(min_length=1)
    statements: list[Statement] = Field(min_length=1)
    messages: dict[Slug, Text]

    @model_validator(mode="after")
    def _statements_fit_areas(self) -> AssessmentFile:
        areas = [area.id for area in self.areas]
        ids = [statement.id for statement in self.statements]
        if len(set(ids)) != len(ids) or len(set(areas)) != len(areas):
            raise ValueError("two statements or two areas share an id")
        field_names = {field.id for field in self.fields}
        for area in self.areas:
            if area.kind == "field" and area.id not in field_names:
                raise ValueError(f"area {area.id!r} is a field with no entry under fields")
        for statement in self.statements:
            if statement.area not in areas or not statement.id.startswith(f"{statement.area}-"):
                raise ValueError(
                    f"statement {statement.id!r} must belong to a listed area and start with its id"
                )
        for area in areas:
            if sum(statement.area == area for statement in self.statements) < 2:
                raise ValueError(f"area {area!r} needs at least two statements")
        return self


class UiFile(Strict):
    """Words of the guide's own controls (not from the handbook), keyed for the page scripts."""

    calculator: dict[Slug, Text]


class Model(Strict):
    """The whole handbook model, as the macros and calculators see it."""

    values: ValuesFile
    matrix: MatrixFile
    ui: UiFile
    assessment: AssessmentFile


CONTENT_FILES: dict[str, type[BaseModel]] = {
    "values.yml": ValuesFile,
    "matrix.yml": MatrixFile,
    "ui.yml": UiFile,
    "assessment.yml": AssessmentFile,
}
"""Each file in ``content/`` and the part of the model it holds."""
