"""Several participants on one matrix: who placed the collaboration where, and where they differ.

Each participant answers on their own device and saves a file or copies a share link; whoever
leads the discussion adds them (``calculators.matrix`` operations). The state keeps them under
``participants`` as ``[{"name": str, "answers": {...}}]``, each checked like any import. The
person's own answers, when given, count as one more member ("You").
"""

from __future__ import annotations

from typing import Any

from calculators import matrix_score as score
from calculators.savefile import ImportProblem

MAX_PARTICIPANTS = 40
"""Enough for a large workshop; the chart still has room for every mark."""
MAX_NAME = 200

Member = dict[str, Any]


def _refuse(model: score.Model, lang: str, key: str, **values: object) -> ImportProblem:
    return ImportProblem(score.say(model, key, lang, **values))


def problem_with(answers: dict[str, Any], model: score.Model, lang: str) -> str | None:
    """Why these answers cannot be placed on the matrix (the first problem), or None."""
    _, problems = score.read_view(answers, "", model, lang)
    _, goal_problems = score.read_view(answers, score.GOAL, model, lang)
    found = problems + goal_problems
    return found[0][1] if found else None


def clean_participants(value: object, model: score.Model, lang: str) -> list[dict[str, Any]]:
    """The participants of an imported state; each must be placeable on the matrix."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise _refuse(model, lang, "bad-participants")
    if len(value) > MAX_PARTICIPANTS:
        raise _refuse(model, lang, "too-many", limit=MAX_PARTICIPANTS)
    cleaned = []
    for entry in value:
        if not (
            isinstance(entry, dict)
            and set(entry) == {"name", "answers"}
            and isinstance(entry["name"], str)
            and 0 < len(entry["name"]) <= MAX_NAME
        ):
            raise _refuse(model, lang, "bad-participants")
        answers = score.check_saved(entry["answers"], model, lang)
        if problem_with(answers, model, lang):
            raise _refuse(model, lang, "bad-participants")
        cleaned.append({"name": entry["name"], "answers": answers})
    return cleaned


def joined(
    participants: list[dict[str, Any]], new: list[dict[str, Any]], model: score.Model, lang: str
) -> list[dict[str, Any]]:
    """The list with the new participants added; the same person added twice is kept once."""
    result = list(participants)
    for entry in new:
        if entry not in result:
            result.append(entry)
    if len(result) > MAX_PARTICIPANTS:
        raise _refuse(model, lang, "too-many", limit=MAX_PARTICIPANTS)
    return result


def members(state: dict[str, Any], model: score.Model, lang: str) -> list[Member]:
    """Everyone to compare: the person's own answers first (if any), then the participants."""
    answers = state.get("answers", {})
    people = []
    if score.has_answers(answers, model):
        own_name = answers.get(score.PARTICIPANT) or score.say(model, "you", lang)
        people.append({"name": own_name, "you": True, "answers": answers})
    for entry in state.get("participants", []):
        people.append({"name": entry["name"], "you": False, "answers": entry["answers"]})
    for person in people:
        now, goal = score.read_views(person["answers"], model, lang)
        person["now"] = score.assess(now, model)
        person["goal"] = score.assess(goal, model) if goal else None
        person["view"] = now
    return people


def _answer_of(person: Member, question: str) -> str | None:
    view = person["view"]
    if question in score.AXES:
        return view[question]
    return view["determinants"].get(question)


def comparisons(people: list[Member], model: score.Model) -> list[dict[str, Any]]:
    """For each question, who gave which answer (only those who answered it)."""
    questions: list[tuple[str, dict[str, Any]]] = []
    for question in [*score.AXES, *(q["id"] for q in score.determinants(model))]:
        questions.append((question, {i: _answer_of(p, question) for i, p in enumerate(people)}))
    for role in score.role_ids(model):
        ticked = {
            i: ("yes" if role in p["view"][score.ROLES] else "no") for i, p in enumerate(people)
        }
        questions.append((f"{score.ROLES}.{role}", ticked))
    goals = {i: p["goal"]["cell"] if p["goal"] else None for i, p in enumerate(people)}
    questions.append(("goal-cell", goals))
    found = []
    for question, given in questions:
        groups: dict[str, list[int]] = {}
        for index, answer in given.items():
            if answer is not None:
                groups.setdefault(answer, []).append(index)
        if sum(len(group) for group in groups.values()) >= 2:
            found.append({"question": question, "answers": groups, "agree": len(groups) == 1})
    return found


def summary(state: dict[str, Any], model: score.Model, lang: str) -> dict[str, Any]:
    """Language-neutral comparison for the command line and the page."""
    people = members(state, model, lang)
    return {
        "members": [
            {"name": p["name"], "you": p["you"], "now": p["now"], "goal": p["goal"]} for p in people
        ],
        "comparisons": comparisons(people, model),
    }
