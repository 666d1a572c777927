"""The self-assessment's part of the model (``content/assessment.yml``) and its links into
the values and fields of action it scores."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from pydantic import Field, StringConstraints, model_validator

from model.base import Problem, Slug, Source, Strict, Text

if TYPE_CHECKING:
    from model.schema import Model


class Role(Strict):
    """A role a participant takes part in the collaboration as (the guide's own list)."""

    id: Slug
    label: Text


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
    """The self-assessment of a collaboration against the model (standing in for SAMSON)."""

    source: Source
    scale: list[Text] = Field(min_length=3, max_length=7)
    """Labels of the agreement scale from lowest to highest; answers are their positions 1…n."""
    dont_know: Text
    roles: list[Role] = Field(min_length=2)
    areas: list[AssessedArea] = Field(min_length=1)
    statements: list[Statement] = Field(min_length=1)
    messages: dict[Slug, Text]

    @model_validator(mode="after")
    def _statements_fit_areas(self) -> AssessmentFile:
        areas = [area.id for area in self.areas]
        ids = [statement.id for statement in self.statements]
        if len(set(ids)) != len(ids) or len(set(areas)) != len(areas):
            raise ValueError("two statements or two areas share an id")
        for statement in self.statements:
            if statement.area not in areas or not statement.id.startswith(f"{statement.area}-"):
                raise ValueError(
                    f"statement {statement.id!r} must belong to a listed area and start with its id"
                )
        for area in areas:
            if sum(statement.area == area for statement in self.statements) < 2:
                raise ValueError(f"area {area!r} needs at least two statements")
        return self


def references(model: Model) -> list[Problem]:
    """Each assessed area must be a value or field of action the guide has."""
    values = {value.id for value in model.values.values}
    fields = {field.id for field in model.fields.fields}
    return [
        ("assessment.yml", ("areas", i, "id"), f"unknown {area.kind} {area.id!r}")
        for i, area in enumerate(model.assessment.areas)
        if area.id not in (values if area.kind == "value" else fields)
    ]
