"""The schema of ``content/``: what each file may hold, refusing anything it does not know.

Every text a reader sees is a ``Text`` with one entry per language, so a second language is a
new key in the same place, not a new structure. This module holds the site-wide files; each
calculator's own files are in ``model/<tool>.py``, and ``Model`` gathers them all.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints, field_validator, model_validator

from model.assessment import AssessmentFile
from model.base import LANGUAGES, DocPath, Link, Prose, Slug, Source, Strict, Text
from model.matrix import MatrixToolFile
from model.soimpact import IndicatorBankFile, SoimpactExamplesFile, SoimpactFile


class Point(Strict):
    """One idea of the handbook, put in the guide's words, with where it stands in the book."""

    id: Slug
    name: Text
    text: Text
    source: Source


class Value(Strict):
    """One of the four common values (handbook ch. 3)."""

    id: Slug
    name: Text
    summary: Text
    why: Text
    points: list[Point] = Field(default_factory=list)
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


class Chapter(Strict):
    """One chapter of the handbook, as a page: what it says, why it matters, what to ask."""

    id: Slug
    number: int = Field(ge=1, le=6)
    title: Text
    summary: Text
    why: Text
    points: list[Point] = Field(min_length=1)
    questions: list[Text] = Field(min_length=1)
    related: list[Link] = Field(default_factory=list)
    source: Source


class ChaptersFile(Strict):
    chapters: list[Chapter] = Field(min_length=6, max_length=6)

    @field_validator("chapters")
    @classmethod
    def _numbered_in_order(cls, chapters: list[Chapter]) -> list[Chapter]:
        if [chapter.number for chapter in chapters] != list(range(1, len(chapters) + 1)):
            raise ValueError("chapters must be numbered 1, 2, 3, ... in order")
        return chapters


class FieldOfAction(Strict):
    """One of the seven fields of action (handbook ch. 4); ``values`` are its closest values."""

    id: Slug
    name: Text
    summary: Text
    why: Text
    points: list[Point] = Field(default_factory=list)
    questions: list[Text] = Field(min_length=1)
    values: list[Slug] = Field(min_length=1)
    source: Source


class FieldsFile(Strict):
    fields: list[FieldOfAction] = Field(min_length=7, max_length=7)


class ChecklistItem(Strict):
    """One piece of advice; its ``id`` is the key a reader's tick is saved under."""

    id: Slug
    text: Text
    source: Source


class Checklist(Strict):
    """An "Advice and recommendations" list of the handbook, as a checklist."""

    id: Slug
    chapter: int = Field(ge=1, le=6)
    title: Text
    intro: Text
    items: list[ChecklistItem] = Field(min_length=1)
    source: Source


class ChecklistsFile(Strict):
    checklists: list[Checklist] = Field(min_length=1)


class Case(Strict):
    """A case story the handbook tells, with the lesson the guide draws from it."""

    id: Slug
    title: Text
    place: Text
    chapter: int = Field(ge=1, le=6)
    story: Text
    lesson: Text
    values: list[Slug] = Field(default_factory=list)
    fields: list[Slug] = Field(default_factory=list)
    source: Source


class CasesFile(Strict):
    cases: list[Case] = Field(min_length=1)


class Box(Strict):
    """A text box of the handbook: a concept explained beside the main text."""

    id: Slug
    title: Text
    chapter: int = Field(ge=1, le=6)
    text: Text
    items: list[Text] = Field(default_factory=list)
    source: Source


class BoxesFile(Strict):
    boxes: list[Box] = Field(min_length=1)


class Characteristic(Strict):
    """One row of Figure 1: how thin and thick collaboration differ on one aspect."""

    id: Slug
    aspect: Text
    thin: Text
    thick: Text


class CollaborationFile(Strict):
    """Thin and thick collaboration: what decides where a collaboration sits (handbook ch. 1)."""

    factors: list[Point] = Field(min_length=3, max_length=3)
    nesting: Text
    characteristics: list[Characteristic] = Field(min_length=1)
    characteristics_note: Text
    source: Source


class Stage(Strict):
    """One stage of a circular process: a figure's label and what it means."""

    id: Slug
    name: Text
    text: Text


class Circle(Strict):
    id: Slug
    title: Text
    caption: Text
    stages: list[Stage] = Field(min_length=2)
    source: Source


class CirclesFile(Strict):
    """Figure 3 (talk and action) and Figure 4 (Map it to Grow it), handbook ch. 2."""

    talk_action: Circle
    spiral: Circle
    double_target: Point


class Room(Strict):
    """One of the four mental rooms (Figure 6), placed by time and by tone."""

    id: Slug
    name: Text
    time: Annotated[str, StringConstraints(pattern=r"^(past|future)$")]
    tone: Annotated[str, StringConstraints(pattern=r"^(good|bad)$")]
    text: Text


class RoomsFile(Strict):
    title: Text
    caption: Text
    rooms: list[Room] = Field(min_length=4, max_length=4)
    source: Source

    @field_validator("rooms")
    @classmethod
    def _one_room_per_corner(cls, rooms: list[Room]) -> list[Room]:
        if len({(room.time, room.tone) for room in rooms}) != len(rooms):
            raise ValueError("two rooms share the same time and tone")
        return rooms


class LeadershipFile(Strict):
    """Network leadership: its four functions and where its attention goes (handbook ch. 3)."""

    functions: list[Point] = Field(min_length=4, max_length=4)
    attention: list[Point] = Field(min_length=1)


class MunicipalStep(Point):
    """One step on the stair towards a collaborative municipality (handbook ch. 5)."""

    number: int = Field(ge=1, le=5)


class InnovationFile(Strict):
    """Innovation and roles (handbook ch. 5)."""

    kinds: list[Point] = Field(min_length=2, max_length=2)
    characteristics: list[Point] = Field(min_length=4, max_length=4)
    logics: list[Point] = Field(min_length=3, max_length=3)
    roles: list[Point] = Field(min_length=1)
    steps: list[MunicipalStep] = Field(min_length=5, max_length=5)
    balance: list[Point] = Field(min_length=1)


class ChainLink(Strict):
    """One link of the SoImpact chain (Figure 7): what it measures and how sure the cause is."""

    id: Slug
    name: Text
    text: Text
    example: Text
    certainty: Text


class CompanionTool(Point):
    """A companion tool of the handbook: what the book says, cited, and what it does not."""

    beyond: Text
    """Facts the handbook does not hold, marked in their own words as the guide's."""


class ImpactStep(Strict):
    id: Slug
    name: Text
    text: Text


class BoostRow(Strict):
    """One row of Figure 8, the Boost Refugee example."""

    id: Slug
    indicator: Text
    kind: Annotated[str, StringConstraints(pattern=r"^(output|outcome|impact)$")]
    result: Text


class ImpactFile(Strict):
    """Impact measurement (handbook ch. 6): indicators, SoImpact, other methods, roles."""

    recommendations: list[Point] = Field(min_length=5, max_length=5)
    chain: list[ChainLink] = Field(min_length=5, max_length=5)
    chain_source: Source
    steps: list[ImpactStep] = Field(min_length=10, max_length=10)
    steps_source: Source
    boost: list[BoostRow] = Field(min_length=1)
    boost_source: Source
    methods: list[Point] = Field(min_length=3)
    roles: list[Point] = Field(min_length=3, max_length=3)
    tools: list[CompanionTool] = Field(min_length=2)


class Abbreviation(Strict):
    """A short form the pages explain on hover or focus wherever it is written."""

    short: Annotated[str, StringConstraints(pattern=r"^[A-ZÆØÅ][A-Za-zÆØÅæøå]+$")]
    expansion: Text


class Term(Strict):
    """A glossary entry, with the page where the guide explains it."""

    id: Slug
    term: Text
    definition: Text
    abbreviation: Abbreviation | None = None
    page: DocPath
    source: Source


class GlossaryFile(Strict):
    terms: list[Term] = Field(min_length=1)


Bibliographic = Prose | Text
"""A part of a reference: as published (one string), or per language where it holds the guide's
words ('ed.'/'red.', 'and'/'og', 'Drawings:'/'Tegninger:', a description of an untitled work)."""


class Reference(Strict):
    """A work the guide draws on. Titles stay as published; the guide's own words translate."""

    id: Slug
    authors: Bibliographic
    year: Annotated[str, StringConstraints(pattern=r"^(\d{4}[a-z]?|n\.d\.)$")]
    title: Prose
    subtitle: Bibliographic | None = None
    published: Bibliographic | None = None
    used_for: Text


class ReferencesFile(Strict):
    references: list[Reference] = Field(min_length=1)


class HandbookPart(Strict):
    """One part of the handbook's table of contents: the foreword (0) or a chapter."""

    number: int = Field(ge=0, le=6)
    first: int = Field(ge=1)
    last: int = Field(ge=1)


class HandbookFile(Strict):
    """The handbook's table of contents, so that every citation can be held to its pages."""

    parts: list[HandbookPart] = Field(min_length=7, max_length=7)
    foreword_citation: Text
    """The citation form for part 0, as ``citation`` in ``ui.yml`` is for the chapters."""

    @field_validator("parts")
    @classmethod
    def _in_order(cls, parts: list[HandbookPart]) -> list[HandbookPart]:
        if [part.number for part in parts] != list(range(len(parts))):
            raise ValueError("parts must be numbered 0, 1, 2, ... in order")
        for before, part in pairwise(parts):
            if not before.first <= before.last < part.first <= part.last:
                raise ValueError(f"part {part.number}'s pages overlap or run backwards")
        return parts


class NumberStyle(Strict):
    """How each language writes a number (``calculators.core.numbers``)."""

    decimal_mark: Text
    csv_delimiter: Text
    """Between a CSV file's fields: a spreadsheet reads a field with a decimal comma as one
    number only when fields are separated by something else."""

    @model_validator(mode="after")
    def _delimiter_is_not_the_mark(self) -> NumberStyle:
        for lang in LANGUAGES:
            mark, delimiter = getattr(self.decimal_mark, lang), getattr(self.csv_delimiter, lang)
            if mark is not None and mark == delimiter:
                raise ValueError(f"{lang}: the CSV delimiter must differ from the decimal mark")
        return self


class UiFile(Strict):
    """Words of the guide's own (not the handbook's): template labels and calculator controls."""

    labels: dict[Slug, Text]
    calculator: dict[Slug, Text]
    """Keyed for the page scripts, which receive them as JSON."""
    files: dict[Slug, Text]
    """Why a saved file or share link is refused (``calculators.savefile``)."""
    numbers: NumberStyle


class Model(Strict):
    """The whole handbook model, as the macros and calculators see it."""

    values: ValuesFile
    matrix: MatrixFile
    chapters: ChaptersFile
    fields: FieldsFile
    checklists: ChecklistsFile
    cases: CasesFile
    boxes: BoxesFile
    collaboration: CollaborationFile
    circles: CirclesFile
    rooms: RoomsFile
    leadership: LeadershipFile
    innovation: InnovationFile
    impact: ImpactFile
    glossary: GlossaryFile
    references: ReferencesFile
    handbook: HandbookFile
    ui: UiFile
    assessment: AssessmentFile
    soimpact: SoimpactFile
    indicator_bank: IndicatorBankFile
    soimpact_examples: SoimpactExamplesFile
    matrix_tool: MatrixToolFile


CONTENT_FILES: dict[str, type[BaseModel]] = {
    "values.yml": ValuesFile,
    "matrix.yml": MatrixFile,
    "chapters.yml": ChaptersFile,
    "fields.yml": FieldsFile,
    "checklists.yml": ChecklistsFile,
    "cases.yml": CasesFile,
    "boxes.yml": BoxesFile,
    "collaboration.yml": CollaborationFile,
    "circles.yml": CirclesFile,
    "rooms.yml": RoomsFile,
    "leadership.yml": LeadershipFile,
    "innovation.yml": InnovationFile,
    "impact.yml": ImpactFile,
    "glossary.yml": GlossaryFile,
    "references.yml": ReferencesFile,
    "handbook.yml": HandbookFile,
    "ui.yml": UiFile,
    "assessment.yml": AssessmentFile,
    "soimpact.yml": SoimpactFile,
    "indicator_bank.yml": IndicatorBankFile,
    "soimpact_examples.yml": SoimpactExamplesFile,
    "matrix_tool.yml": MatrixToolFile,
}
"""Each file in ``content/`` and the part of the model it holds."""
