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


Answer = str | list[str]
Href = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9/#-]*$")]
"""A path from the site root to a page of the guide, optionally with an anchor."""


class GuidePage(Strict):
    """A page of the guide that the calculator's advice links to."""

    text: Text
    href: Href


class Conflict(Strict):
    """An answer that contradicts some levels of one axis of the matrix, and what to say."""

    axis: Annotated[str, StringConstraints(pattern=r"^(planning|production)$")]
    levels: list[Slug] = Field(min_length=1)
    message: Text


class Choice(Strict):
    """One answer to a determinant question and the points it adds within its half."""

    id: Slug
    points: int = Field(ge=0)
    label: Text
    conflict: Conflict | None = None


class Determinant(Strict):
    """A question on what makes a collaboration thin or thick (handbook ch. 1, p. 13)."""

    id: Slug
    aspect: Slug
    title: Text
    question: Text
    options: list[Choice] = Field(min_length=2)
    thicker: Text
    thinner: Text
    advice: Text
    read: Slug

    @field_validator("options")
    @classmethod
    def _thin_to_thick(cls, options: list[Choice]) -> list[Choice]:
        points = [option.points for option in options]
        if points[0] != 0 or points != sorted(points):
            raise ValueError("options run from thin to thick: points start at 0 and never fall")
        return options


class ResidentRole(Strict):
    """One of the residents' three roles (handbook ch. 6, p. 53–54)."""

    id: Slug
    name: Text
    description: Text
    missing: Text
    read: Slug
    conflict: Conflict | None = None


class Advice(Strict):
    text: Text
    read: list[Slug] = Field(min_length=1)


class Example(Strict):
    """A handbook case positioned on the matrix: shown on the page and run by the tests."""

    id: Slug
    title: Text
    story: Text
    answers: dict[str, Answer]
    expected: Slug
    why: Text
    source: Source


class MatrixToolFile(Strict):
    """The 'Position your project' calculator: questions, points, roles, advice, examples."""

    source: Source
    aspects: dict[Slug, Text]
    determinants: list[Determinant] = Field(min_length=1)
    roles: list[ResidentRole] = Field(min_length=1)
    moves: dict[Slug, dict[Slug, Text]]
    """For each axis, what moving it to each level takes."""
    pages: dict[Slug, GuidePage]
    cell_advice: dict[Slug, Advice]
    examples: list[Example] = Field(min_length=1)
    messages: dict[Slug, Text]

    @model_validator(mode="after")
    def _references_exist(self) -> MatrixToolFile:
        reads = [d.read for d in self.determinants] + [r.read for r in self.roles]
        reads += [page for advice in self.cell_advice.values() for page in advice.read]
        missing = sorted(set(reads) - self.pages.keys())
        if missing:
            raise ValueError(f"links to pages not listed under pages: {', '.join(missing)}")
        aspects = sorted({d.aspect for d in self.determinants} - self.aspects.keys())
        if aspects:
            raise ValueError(f"determinants name unknown aspects: {', '.join(aspects)}")
        return self


class UiFile(Strict):
    """Words of the guide's own controls (not from the handbook), keyed for the page scripts."""

    calculator: dict[Slug, Text]


class Model(Strict):
    """The whole handbook model, as the macros and calculators see it."""

    values: ValuesFile
    matrix: MatrixFile
    ui: UiFile
    matrix_tool: MatrixToolFile


CONTENT_FILES: dict[str, type[BaseModel]] = {
    "values.yml": ValuesFile,
    "matrix.yml": MatrixFile,
    "ui.yml": UiFile,
    "matrix_tool.yml": MatrixToolFile,
}
"""Each file in ``content/`` and the part of the model it holds."""
