"""What the assessment shows: a participant's profile and the group's result, as view blocks.

Every word comes from ``content/assessment.yml`` in the page's language; numbers are written with
one decimal and the language's decimal mark.
"""

from __future__ import annotations

from typing import Any

from calculators.assessment.chart import ChartRow, Legend, draw
from calculators.assessment.files import earlier_round, participants
from calculators.assessment.score import (
    DONT_KNOW,
    MAX_NAME,
    OTHER_ROLES,
    PRIVACY_THRESHOLD,
    STATEMENTS,
    Group,
    Response,
    Row,
    Survey,
    aggregate,
    compare,
    disagreements,
    gives_answers,
    largest_gaps,
    largest_moves,
    mostly_unknown,
    read_response,
    role_groups,
    summarise,
    weakest,
)
from calculators.core import blocks as block
from calculators.core import words
from calculators.core.errors import InputError
from calculators.core.numbers import Numbers
from calculators.core.savefile import ImportProblem

GAPS = 3
"""How many of the largest gaps between roles are spelled out, for areas and for statements."""


class Words(words.Words):
    """The assessment's messages in one language, and numbers written for that language."""

    def __init__(self, model: dict[str, Any], lang: str) -> None:
        super().__init__(model["assessment"]["messages"], lang)
        self.assessment = model["assessment"]
        self.steps = model["innovation"]["steps"]
        self.numbers = Numbers.of(model, lang)

    def number(self, value: float | None) -> str:
        if value is None:
            return self("no-score")
        return self.numbers.written(value, 1, keep_zeros=True)

    def signed(self, value: float) -> str:
        text = self.number(abs(value))
        if round(value, 1) == 0:
            return text
        return ("+" if value > 0 else "−") + text

    def cite(self, source: dict[str, Any]) -> str:
        return self("cite", chapter=source["chapter"], pages=source["pages"])

    def role(self, role_id: str) -> str:
        """A role's name, or the name of the group the small roles are shown in."""
        if role_id == OTHER_ROLES:
            return self("other-roles")
        return next(self.text(r["label"]) for r in self.assessment["roles"] if r["id"] == role_id)

    def step(self, step_id: str) -> str:
        return next(self.text(s["name"]) for s in self.steps if s["id"] == step_id)

    def scale_label(self, point: float) -> str:
        return self.text(self.assessment["scale"][int(point) - 1])


def name_of(survey: Survey, words: Words, row_id: str) -> str:
    if survey.is_area(row_id):
        return words.text(survey.area(row_id)["name"])
    return words.text(survey.statement(row_id)["text"])


def own_response(answers: dict[str, Any], survey: Survey, words: Words) -> Response | None:
    """The form's own answers as a response; None when the form holds none; InputError if wrong."""
    if not gives_answers(answers, survey):
        return None
    response, problems = read_response(answers, survey)
    if problems:
        raise InputError([(field, words(key, limit=MAX_NAME)) for field, key in problems])
    return response


def _sections(
    survey: Survey, words: Words, group: Group, earlier: Group | None
) -> list[tuple[str, list[ChartRow]]]:
    before = {row.id: row.overall.mean for row in earlier.areas} if earlier else {}
    sections = []
    for kind, heading in (("value", "section-values"), ("field", "section-fields")):
        rows = [
            ChartRow(
                name=name_of(survey, words, row.id),
                mean=row.overall.mean,
                low=row.overall.low,
                high=row.overall.high,
                earlier=before.get(row.id),
            )
            for row in group.areas
            if survey.area(row.id)["kind"] == kind
        ]
        sections.append((words(heading), rows))
    return sections


def _chart(survey: Survey, words: Words, group: Group, earlier: Group | None, own: bool) -> str:
    scored = [row for row in group.areas if row.overall.mean is not None]
    points = survey.points
    if scored:
        best = max(scored, key=lambda row: row.overall.mean)
        worst = weakest(group.areas, 1)[0]
        summary = words(
            "chart-extremes",
            best=name_of(survey, words, best.id),
            best_score=words.number(best.overall.mean),
            worst=name_of(survey, words, worst.id),
            worst_score=words.number(worst.overall.mean),
        )
    else:
        summary = words("profile-empty")
    description = " ".join(
        [
            words(
                "chart-scale",
                points=points,
                low=words.scale_label(1),
                high=words.scale_label(points),
            ),
            summary,
            words("chart-table"),
        ]
    )
    legend = Legend(
        mean=words("legend-own" if own else "legend-mean"),
        range="" if own else words("legend-range"),
        earlier=words("legend-earlier") if earlier else "",
    )
    title = words("chart-title-own" if own else "chart-title-group")
    texts = (title, description, legend, words("no-score"))
    return draw(_sections(survey, words, group, earlier), points, texts, words.number)


def _advice(survey: Survey, words: Words, rows: tuple[Row, ...]) -> list[block.Block]:
    blocks = [block.heading(words("weakest-heading"), 3), block.paragraph(words("weakest-intro"))]
    for row in weakest(rows):
        area = survey.area(row.id)
        name = words.text(area["name"])
        blocks += [
            block.heading(
                words("weakest-area", area=name, score=words.number(row.overall.mean)), 4
            ),
            block.items(
                [
                    f"{words.text(item['text'])} ({words.cite(item['source'])})"
                    for item in area["advice"]
                ]
            ),
            block.links([(words("read-more", area=name), area["page"])]),
        ]
    return blocks


def _profile(own: Response, survey: Survey, words: Words) -> list[block.Block]:
    group = aggregate([own], survey)
    answered = sum(row.overall.count for row in group.statements)
    dont_know = sum(row.dont_know for row in group.statements)
    blocks = [
        block.heading(words("profile-heading")),
        block.paragraph(
            words(
                "profile-counts",
                answered=answered,
                total=len(survey.statements),
                dont_know=dont_know,
                open=len(survey.statements) - answered - dont_know,
            )
        ),
    ]
    if answered:
        head = [words("col-area"), words("col-own-score", points=survey.points)]
        rows = [
            [name_of(survey, words, row.id), words.number(row.overall.mean)] for row in group.areas
        ]
        blocks += [
            block.figure(_chart(survey, words, group, None, own=True), words("chart-title-own")),
            block.table(words("table-own"), head, rows),
            *_advice(survey, words, group.areas),
        ]
    else:
        blocks.append(block.paragraph(words("profile-empty")))
    steps = ", ".join(words.step(step) for step in own.steps)
    blocks += [
        block.paragraph(words("steps-own", steps=steps) if steps else words("steps-own-none")),
        # How to send the answers, with its button, is for the screen, not the printed profile.
        block.section(
            "screen-only",
            [
                block.heading(words("send-heading"), 3),
                block.paragraph(words("send-help")),
                block.button(words("add-own"), "add-own", {}),
            ],
        ),
    ]
    return blocks


NOTES = ("same-id", "alike")
"""What a log entry may add to its line: the same id with other answers, or the same answers
under another id (``files._place``)."""


def _log_line(entry: dict[str, Any], words: Words) -> str:
    line = words(
        f"import-{entry.get('outcome')}",
        source=entry.get("source", ""),
        number=entry.get("number", ""),
        reason=entry.get("reason", ""),
    )
    notes = [words(f"import-{note}", number=entry[note]) for note in NOTES if note in entry]
    return " ".join([line, *notes])


def _import_log(entries: list[dict[str, Any]], words: Words) -> list[block.Block]:
    lines = [
        _log_line(entry, words)
        for entry in entries
        if entry.get("outcome") in ("added", "duplicate", "refused")
    ]
    if not lines:
        return []
    # Which files were read is for the screen: a printed report names no files.
    return [
        block.section("screen-only", [block.heading(words("imports-heading")), block.items(lines)])
    ]


def _participants(responses: list[Response], survey: Survey, words: Words) -> list[block.Block]:
    """Who took part. A person is listed under their role only when at least
    ``PRIVACY_THRESHOLD`` people share it; otherwise under "other roles", so that no name stands
    beside a role only that person holds."""
    group = aggregate(responses, survey)
    shown_as = role_groups(group.roles)
    roles = ", ".join(f"{words.role(role)}: {count}" for role, count in group.roles.items())
    head = [words("col-participant"), words("col-role"), words("col-answered"), words("col-dk")]
    rows: list[list[str | int | float]] = []
    buttons = []
    for number, response in enumerate(responses, 1):
        label = response.name or words("participant-number", number=number)
        unknown = sum(value == DONT_KNOW for _, value in response.answers)
        answered = len(response.answers) - unknown
        rows.append([label, words.role(shown_as[response.role]), answered, unknown])
        remove = words("remove", participant=label)
        buttons.append(block.button(remove, "remove-participant", {"index": number - 1}))
    return [
        block.heading(words.count("group-heading", len(responses))),
        block.paragraph(words("roles-line", roles=roles)),
        block.paragraph(words("privacy-note", threshold=PRIVACY_THRESHOLD)),
        block.table(words("participants-caption"), head, rows),
        *buttons,
    ]


def _discuss(group: Group, survey: Survey, words: Words) -> list[block.Block]:
    rows = disagreements(group, survey.points)
    blocks = [block.heading(words("discuss-heading"), 3)]
    if not rows:
        return [*blocks, block.paragraph(words("discuss-none"))]
    questions = [
        words(
            "discuss-item",
            statement=name_of(survey, words, row.id),
            low=int(row.overall.low),
            low_label=words.scale_label(row.overall.low),
            high=int(row.overall.high),
            high_label=words.scale_label(row.overall.high),
            spread=words.number(row.overall.spread),
        )
        for row in rows
    ]
    return [
        *blocks,
        block.paragraph(words("discuss-intro")),
        {**block.items(questions), "ordered": True},
    ]


def _summary_cells(row: Row, words: Words) -> list[str | int | float]:
    summary = row.overall
    return [
        words.number(summary.mean),
        words.number(summary.spread),
        words.number(summary.low),
        words.number(summary.high),
        summary.count,
        row.dont_know,
    ]


def _summary_head(words: Words, first: str, count: str) -> list[str]:
    return [
        words(first),
        words("col-mean"),
        words("col-spread"),
        words("col-low"),
        words("col-high"),
        words(count),
        words("col-dk"),
    ]


def _areas(group: Group, earlier: Group | None, survey: Survey, words: Words) -> list[block.Block]:
    rows = [[name_of(survey, words, row.id), *_summary_cells(row, words)] for row in group.areas]
    return [
        block.heading(words("group-areas-heading"), 3),
        block.figure(_chart(survey, words, group, earlier, own=False), words("chart-title-group")),
        block.table(words("table-group"), _summary_head(words, "col-area", "col-scored"), rows),
        *_advice(survey, words, group.areas),
    ]


def _quoted(survey: Survey, words: Words, row_id: str) -> str:
    """An area's name as it is; a statement's text in quotation marks, as a sentence inside one."""
    name = name_of(survey, words, row_id)
    return name if survey.is_area(row_id) else words("quoted", text=name)


def _gap_text(row: Row, survey: Survey, words: Words) -> str:
    gap = row.gap
    return words(
        "gap-item",
        name=_quoted(survey, words, row.id),
        high_role=words.role(gap.high_role),
        high=words.number(gap.high),
        low_role=words.role(gap.low_role),
        low=words.number(gap.low),
        gap=words.number(gap.size),
    )


def _gaps(group: Group, survey: Survey, words: Words) -> list[block.Block]:
    blocks = [block.heading(words("gaps-heading"), 3)]
    if len(group.shown) < 2:
        return [*blocks, block.paragraph(words("gaps-one-role", threshold=PRIVACY_THRESHOLD))]
    largest = largest_gaps(group.areas, GAPS) + largest_gaps(group.statements, GAPS)
    if largest:
        blocks += [
            block.paragraph(words("gaps-intro")),
            block.items([_gap_text(row, survey, words) for row in largest]),
        ]
    else:
        blocks.append(block.paragraph(words("gaps-none")))
    head = [
        words("col-area"),
        *(words("role-column", role=words.role(role), count=n) for role, n in group.shown.items()),
        words("col-gap"),
    ]
    rows = [
        [
            name_of(survey, words, row.id),
            *(
                words.number(row.by_role[r].mean) if r in row.by_role else words("no-score")
                for r in group.shown
            ),
            words.number(row.gap.size) if row.gap else words("no-score"),
        ]
        for row in group.areas
    ]
    return [*blocks, block.table(words("gaps-caption"), head, rows)]


def _moves(
    now: Group, before: Group, label: str, survey: Survey, words: Words
) -> list[block.Block]:
    name = label or words("earlier-default")
    moves = compare(before.areas, now.areas)
    head = [words("col-area"), words("col-before"), words("col-now"), words("col-change")]
    rows = [
        [
            name_of(survey, words, move.id),
            words.number(move.before),
            words.number(move.now),
            words.signed(move.change),
        ]
        for move in moves
    ]
    moved = largest_moves(compare(before.statements, now.statements))
    items = [
        words(
            "moved-item",
            name=_quoted(survey, words, move.id),
            before=words.number(move.before),
            now=words.number(move.now),
            change=words.signed(move.change),
        )
        for move in moved
    ]
    return [
        block.heading(words("moved-heading", label=name), 3),
        block.paragraph(words.count("moved-intro", before.size)),
        block.table(words("moved-caption", label=name), head, rows),
        block.heading(words("moved-items-heading"), 4),
        block.items(items) if items else block.paragraph(words("moved-none")),
    ]


def _steps(group: Group, words: Words) -> list[block.Block]:
    head = [words("col-step"), words("col-count")]
    rows: list[list[str | int | float]] = [
        [words.step(step), count] for step, count in group.steps.items()
    ]
    return [
        block.heading(words("steps-heading"), 3),
        block.paragraph(words("steps-group-intro")),
        block.table(words("steps-caption"), head, rows),
    ]


def _statements(group: Group, survey: Survey, words: Words) -> list[block.Block]:
    blocks = []
    unknown = mostly_unknown(group)
    if unknown:
        blocks += [
            block.heading(words("unknown-heading"), 3),
            block.paragraph(words("unknown-intro")),
            block.items([name_of(survey, words, row.id) for row in unknown]),
        ]
    head = [*_summary_head(words, "col-statement", "col-answers"), words("col-gap")]
    rows = [
        [
            name_of(survey, words, row.id),
            *_summary_cells(row, words),
            words.number(row.gap.size) if row.gap else words("no-score"),
        ]
        for row in group.statements
    ]
    # On paper the long table would take a page of its own: the report points to the CSV.
    every = [
        block.heading(words("statements-heading-group"), 3),
        block.table(words("table-statements"), head, rows),
    ]
    return [
        *blocks,
        block.section("screen-only", every),
        block.paragraph(words("statements-print-note"), tone="print-only"),
    ]


def _rounds(
    state: dict[str, Any], survey: Survey, model: dict[str, Any], words: Words
) -> tuple[list[Response], list[Response]]:
    """This round's responses and the earlier round's; a damaged state is an error of the group."""
    try:
        return (
            participants(state, survey, model, words.lang),
            earlier_round(state, survey, model, words.lang),
        )
    except ImportProblem as problem:
        raise InputError([("group", str(problem))]) from None


def _group(state: dict[str, Any], survey: Survey, model: dict[str, Any], words: Words):
    responses, before = _rounds(state, survey, model, words)
    earlier = aggregate(before, survey) if before else None
    if not responses:
        return [block.paragraph(words.count("earlier-only", len(before)))] if before else []
    group = aggregate(responses, survey)
    label = str((state.get("earlier") or {}).get("label", ""))
    return [
        *_participants(responses, survey, words),
        *_discuss(group, survey, words),
        *_areas(group, earlier, survey, words),
        *_gaps(group, survey, words),
        *(_moves(group, earlier, label, survey, words) if earlier else []),
        *_steps(group, words),
        *_statements(group, survey, words),
        block.button(words("new-round"), "new-round", {}),
    ]


def _shown_roles(group: Group, words: Words) -> str:
    """How many people each shown role group has: a role of fewer than ``PRIVACY_THRESHOLD``
    people is counted within "other roles", never named with its own few people."""
    counts: dict[str, int] = {}
    for role, shown_as in sorted(
        role_groups(group.roles).items(), key=lambda pair: pair[1] == OTHER_ROLES
    ):
        counts[shown_as] = counts.get(shown_as, 0) + group.roles[role]
    return ", ".join(words("role-column", role=words.role(r), count=n) for r, n in counts.items())


def projection_blocks(
    state: dict[str, Any], survey: Survey, model: dict[str, Any], words: Words
) -> list[block.Block]:
    """The group for the workshop screen: no names, no buttons, no import log, roles only as
    ``role_groups`` shows them, and no score at all while fewer than ``PRIVACY_THRESHOLD`` took
    part. Made here, so the page never receives what the projection must not show."""
    responses, before = _rounds(state, survey, model, words)
    if not responses:
        return [block.paragraph(words("projection-none"))]
    group = aggregate(responses, survey)
    blocks = [
        block.heading(words.count("group-heading", len(responses))),
        block.paragraph(words("roles-line", roles=_shown_roles(group, words))),
    ]
    if len(responses) < PRIVACY_THRESHOLD:
        return [*blocks, block.paragraph(words("projection-too-few", threshold=PRIVACY_THRESHOLD))]
    earlier = aggregate(before, survey) if before else None
    label = str((state.get("earlier") or {}).get("label", ""))
    return [
        *blocks,
        *_discuss(group, survey, words),
        *_areas(group, earlier, survey, words),
        *_gaps(group, survey, words),
        *(_moves(group, earlier, label, survey, words) if earlier else []),
        *_steps(group, words),
    ]


def compute(state: dict[str, Any], model: dict[str, Any], lang: str) -> list[block.Block]:
    """The participant's own profile (if the form holds answers), then the group (if any); with
    ``projection`` in the state, the group alone as the workshop screen shows it."""
    survey = Survey.of(model)
    words = Words(model, lang)
    if state.get("projection") is True:
        return projection_blocks(state, survey, model, words)
    answers = state.get("answers", {})
    own = own_response(answers, survey, words)
    group = _group(state, survey, model, words)
    if own is None and not group:
        raise InputError([("role", words("choose-role")), (STATEMENTS, words("nothing-yet"))])
    imports = state.get("imports") if isinstance(state.get("imports"), list) else []
    # Named sections, so that a printed group report can leave the facilitator's own profile out.
    return [
        *_import_log(imports, words),
        *([block.section("own", _profile(own, survey, words))] if own else []),
        *([block.section("group", group)] if group else []),
    ]


def summary(state: dict[str, Any], model: dict[str, Any], lang: str) -> block.Summary:
    """Statements answered of all; once a role and a rating are in, the mean and the weakest
    area; the group's size once participants are added."""
    survey = Survey.of(model)
    words = Words(model, lang)
    answers = state.get("answers", {})
    statements = [statement["id"] for statement in survey.statements]
    answered = sum(answers.get(key) not in (None, "") for key in statements)
    count = words("summary-count", answered=answered, total=len(statements))
    lines = []
    own, _ = read_response(answers, survey)
    scores = [score for key in statements if (score := own.score(key)) is not None] if own else []
    if own and scores:
        worst = weakest(aggregate([own], survey).areas, 1)[0]
        lines += [
            words("summary-mean", mean=words.number(summarise(scores).mean), points=survey.points),
            words(
                "summary-weakest",
                area=name_of(survey, words, worst.id),
                score=words.number(worst.overall.mean),
            ),
        ]
    try:
        group = participants(state, survey, model, lang)
    except ImportProblem:
        group = []
    if group:
        lines.append(words.count("group-heading", len(group)))
    return block.summary(count, lines)
