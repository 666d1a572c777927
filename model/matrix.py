"""The matrix calculator's part of the model (``content/matrix_tool.yml``, content key
``matrix_tool``) and its links into the matrix, the collaboration factors and the cases."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from pydantic import Field, StringConstraints, field_validator, model_validator

from model.base import Link, Problem, Slug, Source, Strict, Text

if TYPE_CHECKING:
    from model.schema import Model


Answer = str | list[str]


class Conflict(Strict):
    """An answer that contradicts some levels of one axis of the matrix, and what to say."""

    axis: Annotated[str, StringConstraints(pattern=r"^(planning|production)$")]
    levels: list[Slug] = Field(min_length=1)
    message: Text


class Choice(Strict):
    """One answer to a determinant question and the points it adds to the position; ``note``
    says why, where the points need a reason (shown in "How this is computed")."""

    id: Slug
    points: int = Field(ge=0)
    label: Text
    note: Text | None = None
    conflict: Conflict | None = None


class Determinant(Strict):
    """A question on one factor that makes a collaboration thin or thick (handbook ch. 1, p. 14);
    ``factor`` is the id of that factor in ``collaboration.yml``."""

    id: Slug
    factor: Slug
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


class CellAdvice(Strict):
    """What the matrix calculator advises for one cell, and the pages to read; ``outside``
    says why a cell that shares neither planning nor delivery has no place on the continuum."""

    text: Text
    read: list[Slug] = Field(min_length=1)
    outside: Text | None = None


class FormOnly(Strict):
    """Answers that, all given together, show that a shared cell is shared in form only."""

    signs: dict[Slug, Slug] = Field(min_length=1)
    """Question id → the answer that is a sign."""
    text: Text
    source: Source


class MatrixExample(Strict):
    """A case positioned on the matrix: shown on the page and run by the tests.

    A handbook case names its ``case`` in ``cases.yml``, which gives its title, story and page;
    an illustration of the guide's own gives them here instead.
    """

    id: Slug
    case: Slug | None = None
    title: Text | None = None
    story: Text | None = None
    source: Source | None = None
    answers: dict[str, Answer]
    expected: Slug
    why: Text

    @model_validator(mode="after")
    def _told_once(self) -> MatrixExample:
        own = [self.title, self.story, self.source]
        if self.case is None and None in own:
            raise ValueError("an example without a case needs its own title, story and source")
        if self.case is not None and own != [None, None, None]:
            raise ValueError("an example of a case takes its title, story and source from it")
        return self


class MatrixToolFile(Strict):
    """The 'Position your project' calculator: questions, points, roles, advice, examples."""

    source: Source
    shared_axis_points: int = Field(ge=0)
    """Points for each axis of the matrix that is shared: the guide's own weight."""
    determinants: list[Determinant] = Field(min_length=1)
    form_only: FormOnly
    roles: list[ResidentRole] = Field(min_length=1)
    moves: dict[Slug, dict[Slug, Text]]
    """For each axis, what moving it to each level takes."""
    pages: dict[Slug, Link]
    cell_advice: dict[Slug, CellAdvice]
    examples: list[MatrixExample] = Field(min_length=1)
    messages: dict[Slug, Text]

    @model_validator(mode="after")
    def _references_exist(self) -> MatrixToolFile:
        reads = [d.read for d in self.determinants] + [r.read for r in self.roles]
        reads += [page for advice in self.cell_advice.values() for page in advice.read]
        missing = sorted(set(reads) - self.pages.keys())
        if missing:
            raise ValueError(f"links to pages not listed under pages: {', '.join(missing)}")
        return self


def references(model: Model) -> list[Problem]:
    """The matrix calculator's links: factors, cases, cells and axis levels; and each worked
    example's expected cell must be the one its two answers on responsibility pick."""
    tool = model.matrix_tool
    factors = {factor.id for factor in model.collaboration.factors}
    cases = {case.id for case in model.cases.cases}
    cells = {(cell.planning, cell.production): cell.id for cell in model.matrix.cells}
    file = "matrix_tool.yml"
    problems = [
        (file, ("determinants", i, "factor"), f"unknown factor {q.factor!r}")
        for i, q in enumerate(tool.determinants)
        if q.factor not in factors
    ]
    for i, example in enumerate(tool.examples):
        if example.case is not None and example.case not in cases:
            problems.append((file, ("examples", i, "case"), f"unknown case {example.case!r}"))
        axes = (example.answers.get("planning"), example.answers.get("production"))
        if cells.get(axes) != example.expected:
            problems.append(
                (file, ("examples", i, "expected"), f"the answers give {cells.get(axes)!r}")
            )
    if set(tool.cell_advice) != set(cells.values()):
        problems.append((file, ("cell_advice",), "needs advice for each of the nine cells"))
    for (planning, production), cell in cells.items():
        alone = "together" not in (planning, production)
        advice = tool.cell_advice.get(cell)
        if advice is not None and (advice.outside is None) == alone:
            why = "shares neither axis: say why it is" if alone else "shares an axis: it is not"
            problems.append((file, ("cell_advice", cell, "outside"), f"{why} outside"))
    options = {q.id: {o.id for o in q.options} for q in tool.determinants}
    for question, answer in tool.form_only.signs.items():
        if answer not in options.get(question, set()):
            problems.append((file, ("form_only", "signs", question), f"no answer {answer!r}"))
    for axis in ("planning", "production"):
        levels = {level.id for level in getattr(model.matrix, axis).levels}
        if set(tool.moves.get(axis, {})) != levels:
            problems.append((file, ("moves", axis), "needs a step to each level of the axis"))
    return problems
