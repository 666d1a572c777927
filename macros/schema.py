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


DocPath = Annotated[str, StringConstraints(pattern=r"^[a-z0-9/-]+\.md(#[a-z0-9-]+)?$")]
"""A page of the guide, as a path under ``docs/`` with an optional anchor."""


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
    """The self-assessment of a collaboration against the model (the SAMSON successor)."""

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


class Link(Strict):
    """A link to another part of the guide, with the words a reader clicks."""

    page: DocPath
    label: Text


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
    tools: list[Point] = Field(min_length=2)


# The SoImpact worksheet (tools/soimpact). The chain, the ten steps, the five recommendations
# and Figure 8 are in impact.yml; these files add what the worksheet needs on top of them. The
# Literal ids are vocabularies the calculator reasons with (``calculators/soimpact_plan.py``).
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
    indicators: list[ExampleIndicator] = Field(min_length=1)


class SoimpactExamplesFile(Strict):
    examples: list[Example] = Field(min_length=1)


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


class Reference(Strict):
    """A work the guide draws on. Its bibliographic parts are the same in every language."""

    id: Slug
    authors: Prose
    year: Annotated[str, StringConstraints(pattern=r"^(\d{4}[a-z]?|n\.d\.)$")]
    title: Prose
    subtitle: Prose | None = None
    published: Prose | None = None
    used_for: Text


class ReferencesFile(Strict):
    references: list[Reference] = Field(min_length=1)


class UiFile(Strict):
    """Words of the guide's own (not the handbook's): template labels and calculator controls."""

    labels: dict[Slug, Text]
    calculator: dict[Slug, Text]
    """Keyed for the page scripts, which receive them as JSON."""
    files: dict[Slug, Text]
    """Why a saved file or share link is refused (``calculators.savefile``)."""


Answer = str | list[str]


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
    """What the matrix calculator advises for one cell, and the pages to read."""

    text: Text
    read: list[Slug] = Field(min_length=1)


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
    determinants: list[Determinant] = Field(min_length=1)
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
    "ui.yml": UiFile,
    "assessment.yml": AssessmentFile,
    "soimpact.yml": SoimpactFile,
    "indicator_bank.yml": IndicatorBankFile,
    "soimpact_examples.yml": SoimpactExamplesFile,
    "matrix_tool.yml": MatrixToolFile,
}
"""Each file in ``content/`` and the part of the model it holds."""
