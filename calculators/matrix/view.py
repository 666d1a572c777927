"""The matrix calculator's result in words: the blocks the page shows, in the page's language.

Everything here reads the language-neutral report of ``calculators.matrix.score`` (the person's
answers and the group's) and the texts of ``content/``; no decision is made here.
"""

from __future__ import annotations

from typing import Any

from calculators.core import blocks as block
from calculators.core import words
from calculators.core.errors import InputError
from calculators.core.numbers import Numbers
from calculators.matrix import chart, score
from calculators.matrix.score import AXES, PARTICIPANT, ROLES, Model, State, as_list, determinants

Assessment = dict[str, Any]


class Words(words.Words):
    """The matrix's messages, and the names of cells, questions and answers, in one language."""

    def __init__(self, model: Model, lang: str) -> None:
        super().__init__(model["matrix_tool"]["messages"], lang)
        self.model = model
        self.tool = model["matrix_tool"]
        self.cells = {cell["id"]: cell for cell in model["matrix"]["cells"]}
        self.questions = {q["id"]: q for q in determinants(model)}
        self.roles = {role["id"]: role for role in self.tool["roles"]}
        self.numbers = Numbers.of(model, lang)

    def cell(self, cell_id: str) -> str:
        return self.text(self.cells[cell_id]["name"])

    def question(self, name: str) -> str:
        if name in AXES:
            return self.text(self.model["matrix"][name]["title"])
        if name == ROLES:
            return self("roles-heading")
        return self.text(self.questions[name]["title"])

    def answer(self, name: str, answer: str | None) -> str:
        if answer is None:
            return self("open-answer")
        if name in AXES:
            levels = self.model["matrix"][name]["levels"]
            return self.text(next(level for level in levels if level["id"] == answer)["label"])
        if name == ROLES:
            return self.text(self.roles[answer]["name"])
        options = self.questions[name]["options"]
        return self.text(next(option for option in options if option["id"] == answer)["label"])

    def roles_list(self, ids: list[str]) -> str:
        return ", ".join(self.text(self.roles[role]["name"]) for role in ids)

    def position(self, assessment: Assessment | None) -> str:
        if assessment is None:
            return self("no-answer")
        position = assessment["position"]
        if position is None:
            return self("position-none")
        low, high = (self.numbers.written(position[end]) for end in ("low", "high"))
        return low if low == high else f"{low}–{high}"

    def pages(self, ids: list[str]) -> block.Block:
        """Links to the guide's pages named by id, each once."""
        pages = [self.tool["pages"][page] for page in dict.fromkeys(ids)]
        return block.links(
            [(self.text(page["label"]), block.doc_url(page["page"])) for page in pages]
        )


def _where(now: Assessment, words: Words) -> str:
    """The position in words: a number or a range, and its half when the range has one."""
    position, scale = now["position"], now["scale"]
    low, high = position["low"], position["high"]
    if position["half"] is None:
        return words("continuum-across", low=low, high=high, top=scale)
    half = words(f"{position['half']}-half")
    if low == high:
        return words("continuum-position", position=low, top=scale, half=half)
    return words("continuum-range", low=low, high=high, top=scale, half=half)


def _headline(now: Assessment, words: Words) -> list[block.Block]:
    """The cell, what it is (its grey area, or why it is off the continuum), the position,
    and whether the sharing is in form only."""
    cell = words.cells[now["cell"]]
    lines = [words.text(cell["description"])]
    if now["position"] is None:
        outside = words.tool["cell_advice"][now["cell"]]["outside"]
        lines += [words("continuum-none"), words.text(outside)]
    else:
        lines += [words("area-" + "-".join(now["shared_axes"])), _where(now, words)]
    if now["form_only"]:
        lines.append(words.text(words.tool["form_only"]["text"]))
    return [block.heading(words.cell(now["cell"])), *(block.paragraph(line) for line in lines)]


def _charts(report: dict[str, Any], words: Words) -> list[block.Block]:
    now, goal = report["now"], report["goal"]
    path = [step["cell"] for step in report["steps"] if step["kind"] == "axis"]
    title = words.text(words.model["matrix"]["messages"]["chart-title"])
    matrix = chart.draw_matrix(
        words.model, words.lang, now["cell"], goal["cell"] if goal else None, path
    )
    blocks = [block.figure(matrix, title)]
    goal_position = goal["position"] if goal else None
    if now["position"] or goal_position:
        continuum = chart.draw_continuum(
            words.model, words.lang, now["position"], goal_position, now["scale"]
        )
        blocks.append(block.figure(continuum, words("continuum-title")))
    return blocks


def _counted(assessment: Assessment, words: Words) -> list[tuple[str, str | int]]:
    """(answer, points) for each row of the why-table: cell, responsibility, questions, roles,
    position. Each shared axis and each answer adds its points; off the continuum none count."""
    start = assessment["position"]["start"] if assessment["position"] else None
    empty = words("no-answer")
    pairs: list[tuple[str, str | int]] = [
        (words.cell(assessment["cell"]), empty),
        *((words.answer(axis, assessment[axis]), empty) for axis in AXES),
        (words(f"shared-{len(assessment['shared_axes'])}"), empty if start is None else start),
    ]
    for entry in assessment["answers"]:
        if entry["points"] is None:
            points = words("open-points", max=entry["max"])
        elif start is None:
            points = words("not-counted", points=entry["points"])
        elif entry["counted_as"]:
            answer = words.answer(entry["question"], entry["counted_as"])
            points = words("counted-as", points=entry["points"], answer=answer)
        else:
            points = f"+{entry['points']}"
        pairs.append((words.answer(entry["question"], entry["answer"]), points))
    present = assessment["roles"]["present"]
    pairs.append((words.roles_list(present) if present else empty, empty))
    pairs.append((empty, words.position(assessment)))
    return pairs


def _why(now: Assessment, goal: Assessment | None, words: Words) -> list[block.Block]:
    """Every answer, now and for the goal, with its share of the position: no black box.

    This table is also the data behind both charts (the cells and the positions)."""
    labels = [
        words("col-cell"),
        *(words.question(axis) for axis in AXES),
        words("responsibility-row"),
        *(words.question(entry["question"]) for entry in now["answers"]),
        words.question(ROLES),
        words("position-row"),
    ]
    columns = [_counted(now, words)] + ([_counted(goal, words)] if goal else [])
    head = [words("col-question"), words("now"), words("col-points")]
    if goal:
        head += [words("goal"), words("col-points")]
    rows: list[list[str | int | float]] = [
        [label, *(value for column in columns for value in column[index])]
        for index, label in enumerate(labels)
    ]
    return [
        block.heading(words("why-heading"), 3),
        block.paragraph(words("why-intro"), tone="screen-only"),
        block.table(words("why-caption"), head, rows),
    ]


def _checks(now: Assessment, words: Words) -> list[block.Block]:
    if not now["conflicts"]:
        return []
    found = []
    for conflict in now["conflicts"]:
        if conflict["question"] == ROLES:
            source = words.roles[conflict["answer"]]
        else:
            options = words.questions[conflict["question"]]["options"]
            source = next(o for o in options if o["id"] == conflict["answer"])
        found.append(words.text(source["conflict"]["message"]))
    return [block.heading(words("check-heading"), 3), block.items(found)]


def _roles(now: Assessment, words: Words) -> list[block.Block]:
    present, missing = now["roles"]["present"], now["roles"]["missing"]
    blocks = [block.heading(words("roles-result-heading"), 3)]
    if present:
        blocks.append(block.paragraph(words("roles-present", roles=words.roles_list(present))))
    else:
        blocks.append(block.paragraph(words("roles-none-present")))
    if not missing:
        blocks.append(block.paragraph(words("roles-all")))
        return blocks
    blocks.append(block.items([words.text(words.roles[role]["missing"]) for role in missing]))
    blocks.append(words.pages([words.roles[role]["read"] for role in missing]))
    return blocks


def _advice(now: Assessment, words: Words) -> list[block.Block]:
    """The cell's advice, then advice for each answer that is its question's thinnest."""
    cell_advice = words.tool["cell_advice"][now["cell"]]
    advice, read = [words.text(cell_advice["text"])], list(cell_advice["read"])
    for entry in now["answers"]:
        question = words.questions[entry["question"]]
        if entry["answer"] == question["options"][0]["id"]:
            advice.append(words.text(question["advice"]))
            read.append(question["read"])
    return [
        block.heading(words("advice-heading"), 3),
        block.items(advice),
        block.paragraph(words("read-more")),
        words.pages(read),
    ]


def _step(step: dict[str, Any], words: Words) -> str:
    if step["kind"] == "axis":
        move = words.text(words.tool["moves"][step["question"]][step["to"]])
        line = words(
            "step-axis",
            question=words.question(step["question"]),
            **{"from": words.answer(step["question"], step["from"])},
            to=words.answer(step["question"], step["to"]),
            advice=move,
        )
        return f"{line} {words('step-cell', cell=words.cell(step['cell']))}"
    if step["kind"] == "determinant":
        question = words.questions[step["question"]]
        if step["direction"] == "same":
            return words(
                "step-same",
                question=words.question(step["question"]),
                **{"from": words.answer(step["question"], step["from"])},
                to=words.answer(step["question"], step["to"]),
            )
        return words(
            f"step-{step['direction']}",
            question=words.question(step["question"]),
            advice=words.text(question[step["direction"]]),
        )
    role = words.roles[step["role"]]
    if step["change"] == "added":
        return words(
            "role-added", role=words.text(role["name"]), advice=words.text(role["missing"])
        )
    return words("role-dropped", role=words.text(role["name"]))


def _goal(report: dict[str, Any], words: Words) -> list[block.Block]:
    now, goal = report["now"], report["goal"]
    blocks = [block.heading(words("goal-heading"), 3)]
    if goal is None:
        return [*blocks, block.paragraph(words("goal-none"))]
    blocks.append(block.paragraph(words("goal-summary", cell=words.cell(goal["cell"]))))
    if goal["taken"]:
        taken = ", ".join(words.question(name) for name in goal["taken"])
        blocks.append(block.paragraph(words("goal-from-now", questions=taken)))
    blocks.append(block.paragraph(words(f"goal-{report['direction']}")))
    if not report["steps"]:
        return [*blocks, block.paragraph(words("goal-no-steps"))]
    if goal["cell"] == now["cell"]:
        blocks.append(block.paragraph(words("goal-same")))
    return [
        *blocks,
        block.heading(words("steps-heading"), 4),
        block.items([_step(step, words) for step in report["steps"]], ordered=True),
    ]


def _disagreements(
    comparisons: list[dict[str, Any]], names: list[str] | None, words: Words
) -> list[str]:
    """Each question the group answered differently, with who chose what; with ``names`` None
    (the projection) with how many chose it, so that no one's own answer is shown."""
    found = []
    for entry in comparisons:
        if entry["agree"]:
            continue
        answers = "; ".join(
            words(
                "disagree-answer",
                answer=_compared_answer(entry["question"], answer, words),
                names=", ".join(names[i] for i in members),
            )
            if names is not None
            else words.count(
                "disagree-count",
                len(members),
                answer=_compared_answer(entry["question"], answer, words),
            )
            for answer, members in entry["answers"].items()
        )
        found.append(
            words(
                "disagree-item",
                question=_compared_question(entry["question"], words),
                answers=answers,
            )
        )
    return found


def _compared_question(question: str, words: Words) -> str:
    if question == "goal-cell":
        return words("goal-cell-question")
    if question.startswith(f"{ROLES}."):
        role = words.roles[question.split(".", 1)[1]]
        return words("role-question", role=words.text(role["name"]))
    return words.question(question)


def _compared_answer(question: str, answer: str, words: Words) -> str:
    if question == "goal-cell":
        return words.cell(answer)
    if question.startswith(f"{ROLES}."):
        return words("role-yes" if answer == "yes" else "role-no")
    return words.answer(question, answer)


def _agreement(
    group: dict[str, Any], names: list[str] | None, words: Words, level: int
) -> list[block.Block]:
    """Where the group disagrees (by name, or counts only for the projection) and agrees."""
    agreed = [
        _compared_question(entry["question"], words)
        for entry in group["comparisons"]
        if entry["agree"]
    ]
    disagreed = _disagreements(group["comparisons"], names, words)
    return [
        block.heading(words("disagree-heading"), level),
        block.items(disagreed) if disagreed else block.paragraph(words("disagree-none")),
        block.heading(words("agree-heading"), level),
        block.paragraph(words("agree", questions=", ".join(agreed)))
        if agreed
        else block.paragraph(words("agree-none")),
    ]


def projection_blocks(group: dict[str, Any] | None, words: Words) -> list[block.Block]:
    """The group for the workshop screen: how many placed the work where, and where they agree
    and disagree, in counts. No name, no number of a person, no button: a participant's own
    answers cannot be read off it, and the page never receives the names while projecting."""
    blocks = [block.heading(words("group-result-heading"), 2)]
    if not group:
        return [*blocks, block.paragraph(words("projection-none"))]
    members = group["members"]
    now: dict[str, int] = {}
    goal: dict[str, int] = {}
    for member in members:
        now[member["now"]["cell"]] = now.get(member["now"]["cell"], 0) + 1
        if member["goal"]:
            goal[member["goal"]["cell"]] = goal.get(member["goal"]["cell"], 0) + 1
    head = [words("col-cell"), words("col-count-now"), words("col-count-goal")]
    rows: list[list[str | int | float]] = [
        [words.cell(cell), now.get(cell, 0), goal.get(cell, 0)]
        for cell in words.cells
        if cell in now or cell in goal
    ]
    return [
        *blocks,
        block.paragraph(words.count("projection-count", len(members))),
        block.table(words("projection-caption"), head, rows),
        *_agreement(group, None, words, 3),
    ]


def group_blocks(group: dict[str, Any] | None, words: Words, level: int) -> list[block.Block]:
    """Everyone on one matrix, a table of who is where, where they agree and disagree."""
    blocks = [block.heading(words("group-result-heading"), level)]
    if not group:
        return [block.section("screen-only", [*blocks, block.paragraph(words("group-none"))])]
    members = group["members"]
    names = [f"{index}. {member['name']}" for index, member in enumerate(members, 1)]
    placed: dict[str, list[int]] = {}
    for number, member in enumerate(members, 1):
        placed.setdefault(member["now"]["cell"], []).append(number)
    blocks.append(
        block.figure(chart.draw_group(words.model, words.lang, placed), words("group-chart-title"))
    )
    head = [
        words("col-number"),
        words("col-name"),
        words("col-cell"),
        words("col-position"),
        words("col-goal"),
    ]
    rows: list[list[str | int | float]] = [
        [
            number,
            member["name"],
            words.cell(member["now"]["cell"]),
            words.position(member["now"]),
            words.cell(member["goal"]["cell"]) if member["goal"] else words("no-answer"),
        ]
        for number, member in enumerate(members, 1)
    ]
    blocks.append(block.table(words("group-caption"), head, rows))
    blocks += _agreement(group, names, words, level + 1)
    offset = 1 if members[0]["you"] else 0
    for index, member in enumerate(members[offset:]):
        label = words("remove-participant", name=f"{index + offset + 1}. {member['name']}")
        blocks.append(block.button(label, "remove-participant", {"index": index}))
    blocks.append(block.button(words("remove-all"), "remove-participants", {}))
    return blocks


def blocks(
    report: dict[str, Any], answers: dict[str, Any], model: Model, lang: str
) -> list[block.Block]:
    """All result blocks: position, contradictions, charts, reasons, roles, advice, goal, group."""
    words = Words(model, lang)
    now = report["now"]
    if now is None:
        return group_blocks(report["group"], words, level=2)
    name = answers.get(PARTICIPANT)
    by = [block.paragraph(words("answered-by", name=name))] if name else []
    heading, *headline = _headline(now, words)
    summary = [
        *headline,
        *by,
        *_checks(now, words),
        *_charts(report, words),
        *_why(now, report["goal"], words),
    ]
    details = [
        *_roles(now, words),
        *_advice(now, words),
        *_goal(report, words),
    ]
    # The group is a section of its own, so that its print is laid out apart from the details.
    return [
        heading,
        block.section("summary", summary),
        block.section("details", details),
        block.section("group", group_blocks(report["group"], words, level=3)),
    ]


def compute(state: State, model: Model, lang: str) -> list[block.Block]:
    """The result the page shows, in the page's language; with ``projection`` in the state,
    the group alone as the workshop screen shows it (``projection_blocks``)."""
    if state.get("projection") is True:
        group = score.summary(state, model, lang) if state.get("participants") else None
        return projection_blocks(group, Words(model, lang))
    return blocks(score.report(state, model, lang), state.get("answers", {}), model, lang)


def summary(state: State, model: Model, lang: str) -> block.Summary:
    """How many questions are answered today, and, once both axes are, the cell and position."""
    words = Words(model, lang)
    answers = state.get("answers", {})
    names = [*AXES, *words.questions]
    answered = sum(1 for name in names if as_list(answers.get(name)))
    count = words("summary-count", answered=answered, total=len(names))
    try:
        now = score.report({"answers": answers}, model, lang)["now"]
    except InputError:
        return block.summary(count, [])
    where = _where(now, words) if now["position"] else words("continuum-none")
    return block.summary(count, [words.cell(now["cell"]), where])
