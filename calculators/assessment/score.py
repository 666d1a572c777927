"""Score a collaboration against the model, one participant or a whole group.

The guide's stand-in for the handbook's SAMSON, whose questions are not public.

The scoring rule, also explained on the tool's page (``docs/tools/assessment.md``):

- Each statement is answered on the agreement scale, 1 (lowest) to *n* (``len(scale)``, 5 now).
  "Don't know" and unanswered statements give no score; they are counted, never averaged.
- A participant's score for an area (a value or a field of action) is the mean of their scale
  answers to the area's statements; with no such answer the area has no score for them.
- The group's score for an area is the mean of the participants' area scores, so each participant
  weighs the same however many statements they answered. A statement's group score is the mean
  of its scale answers.
- Spread is the population standard deviation of those scores (0 for one participant); the range
  is the lowest and highest score.
- Privacy: no score is shown for fewer than ``PRIVACY_THRESHOLD`` people. A role held by fewer
  people is shown within "other roles" (``role_groups``); where a role's score would rest on
  fewer people who rated the item, or would let the scores of fewer be worked out from the
  others', the item is shown without role scores.
- A role gap is the highest role mean minus the lowest, among the roles shown with a score.
- Disagreement ranks the statements where participants stand on both sides of the scale (one
  answer below its middle, one above: 2 against 4 is disagreement, 4 against 5 is not) by spread,
  then by range, then in the model's order.
- Rounds: a change is this round's mean minus the earlier round's mean, where both have one.

Means use ``statistics.fmean`` (an exactly rounded sum) and spreads ``statistics.pstdev`` (exact
fractions), so the result does not depend on the order of the participants.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from calculators.core.savefile import RESPONSE_ID, Answer

DONT_KNOW = "dont-know"
ROLE = "role"
NAME = "participant-name"
STEPS = "steps"
STATEMENTS = "statements"
"""Form field names; statement ids start with their area's id, so they never clash with these."""
MAX_NAME = 80
DISCUSS = 5
"""How many statements the group is asked to discuss, most disagreement first."""
WEAKEST = 3
"""How many of the weakest areas come with advice."""


PRIVACY_THRESHOLD = 3
"""Fewest people a shown score may rest on: the guide's own choice. With two, each of them could
work out the other's ratings from the pair's mean and their own; from three on, no one can."""
OTHER_ROLES = "other-roles"
"""The group shown for the roles each held by fewer than ``PRIVACY_THRESHOLD`` people."""


@dataclass(frozen=True)
class Survey:
    """The parts of the model the assessment reads: areas with their names, statements, scale."""

    areas: tuple[dict[str, Any], ...]
    statements: tuple[dict[str, Any], ...]
    points: int
    roles: tuple[str, ...]
    steps: tuple[str, ...]

    @classmethod
    def of(cls, model: dict[str, Any]) -> Survey:
        assessment = model["assessment"]
        named = {value["id"]: value for value in model["values"]["values"]}
        named.update({field["id"]: field for field in model["fields"]["fields"]})
        areas = tuple(
            {**area, "name": named[area["id"]]["name"], "source": named[area["id"]]["source"]}
            for area in assessment["areas"]
        )
        return cls(
            areas=areas,
            statements=tuple(assessment["statements"]),
            points=len(assessment["scale"]),
            roles=tuple(role["id"] for role in assessment["roles"]),
            steps=tuple(step["id"] for step in model["innovation"]["steps"]),
        )

    def is_area(self, item_id: str) -> bool:
        return any(area["id"] == item_id for area in self.areas)

    def area(self, area_id: str) -> dict[str, Any]:
        return next(area for area in self.areas if area["id"] == area_id)

    def statement(self, statement_id: str) -> dict[str, Any]:
        return next(item for item in self.statements if item["id"] == statement_id)

    def scale_values(self) -> tuple[str, ...]:
        return (*(str(point) for point in range(1, self.points + 1)), DONT_KNOW)


@dataclass(frozen=True)
class Response:
    """One participant's answers, checked and in the model's order."""

    role: str
    name: str
    steps: tuple[str, ...]
    answers: tuple[tuple[str, str], ...]
    """(statement id, "1"…"n" or "dont-know") for each statement answered."""
    id: str = ""
    """The response's id (``calculators.core.savefile.response_id``): who it is, for a group."""

    def to_answers(self) -> dict[str, Answer]:
        """The answers as the form holds them, with the id; the shape of a saved participant."""
        answers: dict[str, Answer] = {ROLE: self.role, **dict(self.answers)}
        if self.name:
            answers[NAME] = self.name
        if self.steps:
            answers[STEPS] = list(self.steps)
        if self.id:
            answers[RESPONSE_ID] = self.id
        return answers

    def same_answers(self, other: Response) -> bool:
        """Whether two responses say the same (name and role included), whoever gave them."""
        return (self.role, self.name, self.steps, self.answers) == (
            other.role,
            other.name,
            other.steps,
            other.answers,
        )

    @cached_property
    def given(self) -> dict[str, str]:
        return dict(self.answers)

    def score(self, statement_id: str) -> int | None:
        value = self.given.get(statement_id)
        return None if value in (None, DONT_KNOW) else int(value)


Problem = tuple[str, str]
"""(form field, message key) for an answer that makes no sense."""


def _listed(value: object) -> list[object]:
    return value if isinstance(value, list) else [value]


def read_response(answers: dict[str, Any], survey: Survey) -> tuple[Response | None, list[Problem]]:
    """A response from form answers (other keys are ignored), or the problems that stop it."""
    problems: list[Problem] = []
    role = answers.get(ROLE, "")
    if role in ("", None):
        problems.append((ROLE, "choose-role"))
    elif role not in survey.roles:
        problems.append((ROLE, "unknown-role"))
    name = answers.get(NAME, "")
    if not isinstance(name, str) or len(name.strip()) > MAX_NAME:
        problems.append((NAME, "name-too-long"))
    steps = [step for step in _listed(answers.get(STEPS, [])) if step != ""]
    if any(step not in survey.steps for step in steps):
        problems.append((STEPS, "unknown-step"))
    given = []
    for statement in survey.statements:
        value = answers.get(statement["id"], "")
        if value == "":
            continue
        if value not in survey.scale_values():
            problems.append((statement["id"], "not-on-scale"))
        given.append((statement["id"], value))
    if problems:
        return None, problems
    chosen = tuple(step for step in survey.steps if step in steps)
    return Response(role, name.strip(), chosen, tuple(given)), []


def gives_answers(answers: dict[str, Any], survey: Survey) -> bool:
    """Whether the form holds any part of a response (the facilitator's own fields do not count)."""
    keys = {ROLE, NAME, STEPS, *(statement["id"] for statement in survey.statements)}
    return any(answers.get(key) not in (None, "", []) for key in keys)


@dataclass(frozen=True)
class Summary:
    """Scores of one statement or area across participants."""

    count: int
    mean: float | None
    spread: float | None
    low: float | None
    high: float | None


def summarise(scores: list[float]) -> Summary:
    if not scores:
        return Summary(0, None, None, None, None)
    return Summary(
        len(scores), statistics.fmean(scores), statistics.pstdev(scores), min(scores), max(scores)
    )


@dataclass(frozen=True)
class Gap:
    """The roles that score an item highest and lowest."""

    high_role: str
    high: float
    low_role: str
    low: float

    @property
    def size(self) -> float:
        return self.high - self.low


@dataclass(frozen=True)
class Row:
    """One statement or area of the group result."""

    id: str
    overall: Summary
    dont_know: int
    by_role: dict[str, Summary]
    """The shown role groups (``role_groups``) with a score of at least ``PRIVACY_THRESHOLD``
    people, in the model's order; empty where showing them would expose fewer."""

    @property
    def gap(self) -> Gap | None:
        means = [(summary.mean, role) for role, summary in self.by_role.items()]
        if len(means) < 2:
            return None
        high = max(means, key=lambda pair: pair[0])
        low = min(means, key=lambda pair: pair[0])
        return Gap(high[1], high[0], low[1], low[0])


@dataclass(frozen=True)
class Group:
    """Everything the group view shows, computed from the responses alone."""

    size: int
    roles: dict[str, int]
    """People per role, in the model's order: who took part, never beside a score."""
    shown: dict[str, int]
    """People per role group whose scores may be shown: roles of their own, then ``OTHER_ROLES``."""
    steps: dict[str, int]
    areas: tuple[Row, ...]
    statements: tuple[Row, ...]


def role_groups(roles: dict[str, int], threshold: int = PRIVACY_THRESHOLD) -> dict[str, str]:
    """The group each role's people are shown in: their own role, or ``OTHER_ROLES``.

    A role with fewer than ``threshold`` people goes to the other roles; while those are fewer
    than ``threshold`` too, the smallest role shown on its own joins them, so that the group's
    score minus the shown roles' scores never gives away a few people's ratings.
    """
    own = [role for role, count in roles.items() if count >= threshold]

    def pooled() -> int:
        return sum(count for role, count in roles.items() if role not in own)

    while own and 0 < pooled() < threshold:
        own.remove(min(own, key=roles.__getitem__))
    return {role: role if role in own else OTHER_ROLES for role in roles}


def _row(item_id: str, scored: list[tuple[str, float]], dont_know: int, shown: list[str]) -> Row:
    """``scored`` is (role group, score) per person; role scores only as the threshold allows."""
    by_role = {
        group: summary
        for group in shown
        if (summary := summarise([s for who, s in scored if who == group])).count
        >= PRIVACY_THRESHOLD
    }
    hidden = len(scored) - sum(summary.count for summary in by_role.values())
    if 0 < hidden < PRIVACY_THRESHOLD:
        by_role = {}
    return Row(item_id, summarise([score for _, score in scored]), dont_know, by_role)


def _area_score(response: Response, area_id: str, survey: Survey) -> float | None:
    scores = [
        score
        for statement in survey.statements
        if statement["area"] == area_id and (score := response.score(statement["id"])) is not None
    ]
    return statistics.fmean(scores) if scores else None


def _dont_knows(response: Response, statement_ids: set[str]) -> int:
    return sum(response.given.get(key) == DONT_KNOW for key in statement_ids)


def aggregate(responses: list[Response], survey: Survey) -> Group:
    """The group result; one response gives that participant's own profile."""
    roles = {
        role: count
        for role in survey.roles
        if (count := sum(response.role == role for response in responses))
    }
    groups = role_groups(roles)
    people: dict[str, int] = {}
    for role, group in sorted(groups.items(), key=lambda pair: pair[1] == OTHER_ROLES):
        people[group] = people.get(group, 0) + roles[role]
    shown = {group: count for group, count in people.items() if count >= PRIVACY_THRESHOLD}
    if list(shown) == [OTHER_ROLES]:
        shown = {}  # everyone together: the group's own score, no breakdown by role
    statements = []
    for statement in survey.statements:
        scored = [
            (groups[response.role], float(score))
            for response in responses
            if (score := response.score(statement["id"])) is not None
        ]
        unknown = sum(_dont_knows(response, {statement["id"]}) for response in responses)
        statements.append(_row(statement["id"], scored, unknown, list(shown)))
    areas = []
    for area in survey.areas:
        ids = {item["id"] for item in survey.statements if item["area"] == area["id"]}
        scored = [
            (groups[response.role], score)
            for response in responses
            if (score := _area_score(response, area["id"], survey)) is not None
        ]
        unknown = sum(_dont_knows(response, ids) for response in responses)
        areas.append(_row(area["id"], scored, unknown, list(shown)))
    return Group(
        size=len(responses),
        roles=roles,
        shown=shown,
        steps={
            step: sum(step in response.steps for response in responses) for step in survey.steps
        },
        areas=tuple(areas),
        statements=tuple(statements),
    )


def weakest(rows: tuple[Row, ...], limit: int = WEAKEST) -> list[Row]:
    """The lowest-scoring rows with a score, weakest first (ties in the model's order)."""
    scored = [(row.overall.mean, index, row) for index, row in enumerate(rows)]
    ranked = sorted((entry for entry in scored if entry[0] is not None), key=lambda e: e[:2])
    return [row for _, _, row in ranked[:limit]]


def disagreements(group: Group, points: int, limit: int = DISCUSS) -> list[Row]:
    """Statements some of the group agree with and others disagree with, most spread first.

    ``points`` is the scale's length: its middle ("neither") divides agreeing from disagreeing,
    so answers that differ only in how strongly they agree are not a disagreement.
    """
    middle = (points + 1) / 2
    candidates = [
        (index, row)
        for index, row in enumerate(group.statements)
        if row.overall.count >= 2 and row.overall.low < middle < row.overall.high
    ]
    candidates.sort(
        key=lambda pair: (
            -pair[1].overall.spread,
            -(pair[1].overall.high - pair[1].overall.low),
            pair[0],
        )
    )
    return [row for _, row in candidates[:limit]]


def largest_gaps(rows: tuple[Row, ...], limit: int = WEAKEST) -> list[Row]:
    """Rows where roles differ most, largest gap first (ties in the model's order)."""
    with_gap = [(index, row) for index, row in enumerate(rows) if row.gap and row.gap.size > 0]
    with_gap.sort(key=lambda pair: (-pair[1].gap.size, pair[0]))
    return [row for _, row in with_gap[:limit]]


def mostly_unknown(group: Group) -> list[Row]:
    """Statements that half the group or more could not answer on the scale (don't know)."""
    return [row for row in group.statements if row.dont_know and 2 * row.dont_know >= group.size]


@dataclass(frozen=True)
class Move:
    """How one statement's or area's mean changed between two rounds."""

    id: str
    before: float
    now: float

    @property
    def change(self) -> float:
        return self.now - self.before


def compare(before: tuple[Row, ...], now: tuple[Row, ...]) -> list[Move]:
    """The change of every row that has a mean in both rounds, in the model's order."""
    earlier = {row.id: row.overall.mean for row in before}
    return [
        Move(row.id, earlier[row.id], row.overall.mean)
        for row in now
        if row.overall.mean is not None and earlier.get(row.id) is not None
    ]


def largest_moves(moves: list[Move], limit: int = DISCUSS) -> list[Move]:
    """The moves furthest from zero, largest first (ties in the model's order)."""
    ranked = sorted(enumerate(moves), key=lambda pair: (-abs(pair[1].change), pair[0]))
    return [move for _, move in ranked[:limit] if move.change]
