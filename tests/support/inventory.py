"""Where each part of the handbook's model is shown: page, anchor and the name a reader sees.

Built from the content, so the build test that proves every part of the model is on the site
needs no hand-typed list: a part added to ``content/`` is checked as soon as it exists.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from macros.links import chapter_doc, field_doc, value_doc
from model.base import Text
from model.schema import Model, Point


@dataclass(frozen=True)
class Entry:
    """One part of the model: shown on ``doc`` in the element with id ``anchor``."""

    doc: str
    anchor: str | None
    """None: the part is the page itself, named by its main heading."""
    name: Text


def _points(doc: str, prefix: str, points: list[Point]) -> Iterator[Entry]:
    for point in points:
        yield Entry(doc, f"{prefix}-{point.id}", point.name)


def _chapters(model: Model) -> Iterator[Entry]:
    for chapter in model.chapters.chapters:
        doc = chapter_doc(chapter.id)
        yield Entry(doc, None, chapter.title)
        yield from _points(doc, "point", chapter.points)
    for box in model.boxes.boxes:
        yield Entry(chapter_doc(_chapter_id(model, box.chapter)), f"box-{box.id}", box.title)


def _chapter_id(model: Model, number: int) -> str:
    return model.chapters.chapters[number - 1].id


def _values_and_fields(model: Model) -> Iterator[Entry]:
    for value in model.values.values:
        yield Entry(value_doc(value.id), None, value.name)
        yield from _points(value_doc(value.id), "point", value.points)
    leadership = value_doc("leadership")
    yield from _points(leadership, "function", model.leadership.functions)
    yield from _points(leadership, "attention", model.leadership.attention)
    for field in model.fields.fields:
        yield Entry(field_doc(field.id), None, field.name)
        yield from _points(field_doc(field.id), "point", field.points)
    resources = field_doc("focus-on-resources")
    for room in model.rooms.rooms:
        yield Entry(resources, f"room-{room.id}", room.name)


def _matrix_and_circles(model: Model) -> Iterator[Entry]:
    matrix = model.matrix
    for axis in (matrix.planning, matrix.production):
        for level in axis.levels:
            yield Entry("matrix.md", "figure-matrix", level.label)
    for cell in matrix.cells:
        yield Entry("matrix.md", f"cell-{cell.id}", cell.name)
    for area in matrix.grey_areas:
        yield Entry("matrix.md", f"grey-{area.id}", area.name)
    collaboration = model.collaboration
    yield from _points("matrix.md", "factor", collaboration.factors)
    for row in collaboration.characteristics:
        yield Entry("matrix.md", f"trait-{row.id}", row.aspect)
    for circle in (model.circles.talk_action, model.circles.spiral):
        for stage in circle.stages:
            yield Entry("circle.md", f"stage-{stage.id}", stage.name)
    target = model.circles.double_target
    yield Entry("circle.md", f"point-{target.id}", target.name)


def _roles_and_impact(model: Model) -> Iterator[Entry]:
    roles = chapter_doc(_chapter_id(model, 5))
    innovation = model.innovation
    yield from _points(roles, "kind", innovation.kinds)
    yield from _points(roles, "trait", innovation.characteristics)
    yield from _points(roles, "logic", innovation.logics)
    yield from _points(roles, "role", innovation.roles)
    yield from _points(roles, "step", innovation.steps)
    yield from _points(roles, "balance", innovation.balance)
    impact = model.impact
    measuring = chapter_doc(_chapter_id(model, 6))
    yield from _points(measuring, "recommendation", impact.recommendations)
    yield from _points(measuring, "method", impact.methods)
    yield from _points(measuring, "resident-role", impact.roles)
    yield from _points(measuring, "tool", impact.tools)
    for link in impact.chain:
        yield Entry("soimpact.md", f"chain-{link.id}", link.name)
    for step in impact.steps:
        yield Entry("soimpact.md", f"impact-step-{step.id}", step.name)
    for row in impact.boost:
        yield Entry("soimpact.md", f"boost-{row.id}", row.indicator)


def _workshop(model: Model) -> Iterator[Entry]:
    for checklist in model.checklists.checklists:
        doc = chapter_doc(_chapter_id(model, checklist.chapter))
        for page in (doc, "checklists.md"):
            yield Entry(page, f"checklist-{checklist.id}", checklist.title)
            for item in checklist.items:
                yield Entry(page, f"{checklist.id}-{item.id}", item.text)
    for case in model.cases.cases:
        yield Entry("cases.md", f"case-{case.id}", case.title)
    for term in model.glossary.terms:
        yield Entry("glossary.md", f"term-{term.id}", term.term)


def inventory(model: Model) -> list[Entry]:
    """Every part of the model with the page and anchor where the guide shows it."""
    return [
        *_chapters(model),
        *_values_and_fields(model),
        *_matrix_and_circles(model),
        *_roles_and_impact(model),
        *_workshop(model),
    ]
