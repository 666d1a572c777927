"""Where a collaboration sits: its cell in the matrix and its place on the thin ↔ thick continuum.

Handbook ch. 1, p. 10–15 (Figure 2) and ch. 6, p. 53–54 (the residents' three roles). The
scoring rule, which the page shows as "How this is computed" from the same content:

1. The cell comes from two answers: who plans and designs the service, and who produces and
   delivers it (professionals alone, professionals and civil society together, civil society
   alone). Sharing an axis ("together") puts the work in one of the handbook's two grey areas.
2. A cell that shares neither axis has no place on the continuum: nothing is done together.
3. Otherwise the position is a sum: each shared axis adds ``shared_axis_points``, and each answer
   on the three factors (relationship, duration, power and obligations; ch. 1, p. 14) adds its
   points from ``content/matrix_tool.yml``. The factors can add far more than the axes, so they
   decide, as the handbook's "main factors" should; the weights are the guide's own. A question
   left open gives a range (0 at the low end, its highest points at the high end). An answer
   that contradicts the axes (a conflict in the content) is not taken at its word: it counts as
   the nearest answer that fits them, and the result says so.
4. The position's half (below or from the middle of the scale) names it thin or thick; a range
   across the middle has no half until the open questions are answered.

So sharing more responsibility never moves the position thinner and a thicker answer never
lowers it, but a shared cell whose factors are thin stays thin. A goal takes today's answer for
every question it leaves open. With participants (gathered by ``calculators.matrix.files``),
``summary`` says who placed the collaboration where and where they differ. All results are
language neutral (ids and numbers); ``calculators.matrix.view`` puts them into words.
"""

from __future__ import annotations

from typing import Any

from calculators.core.errors import InputError
from calculators.core.savefile import Answer, ImportProblem, clean_answers
from calculators.core.words import Words, in_language

AXES = ("planning", "production")
SHARED = "together"
"""The axis level that is a grey area: professionals and civil society together."""
ROLES = "roles"
PARTICIPANT = "participant"
GOAL = "desired."
"""Prefix of the answers that say where the group wants to be."""

Model = dict[str, Any]
State = dict[str, Any]
View = dict[str, Any]
"""One set of answers, checked: ``planning``, ``production``, ``determinants``, ``roles``; a
goal also ``taken``, the questions it keeps from today."""


def say(model: Model, key: str, lang: str, **values: object) -> str:
    """One of the calculator's messages (``content/matrix_tool.yml``) with its values filled in."""
    return Words(model["matrix_tool"]["messages"], lang)(key, **values)


def level_ids(model: Model, axis: str) -> list[str]:
    return [level["id"] for level in model["matrix"][axis]["levels"]]


def determinants(model: Model) -> list[dict[str, Any]]:
    return model["matrix_tool"]["determinants"]


def role_ids(model: Model) -> list[str]:
    return [role["id"] for role in model["matrix_tool"]["roles"]]


def question_names(model: Model) -> list[str]:
    """The answer names of one view, in the order the form asks them."""
    return [*AXES, *(question["id"] for question in determinants(model)), ROLES]


def answer_names(model: Model) -> set[str]:
    """Every answer name the form can send: both views and the participant's name."""
    names = question_names(model)
    return {PARTICIPANT, *names, *(GOAL + name for name in names)}


def choices(model: Model, name: str) -> list[str]:
    """The valid answers to one question (without its prefix); roles are a list of these."""
    if name in AXES:
        return level_ids(model, name)
    if name == ROLES:
        return role_ids(model)
    question = next(q for q in determinants(model) if q["id"] == name)
    return [option["id"] for option in question["options"]]


def as_list(answer: str | list[str] | None) -> list[str]:
    if answer is None or answer == "":
        return []
    return [answer] if isinstance(answer, str) else list(answer)


def read_view(
    answers: dict[str, Any], prefix: str, model: Model, lang: str
) -> tuple[View | None, list[tuple[str, str]]]:
    """The checked answers of one view (now: no prefix; goal: ``GOAL``) and the problems found.

    Now needs both axes. The goal is optional and may leave any question open (``keep_today``
    fills it); with no goal answer at all it is None. An empty answer ("Not sure", "No goal
    set") counts as not given.
    """
    problems: list[tuple[str, str]] = []
    view: View = {"determinants": {}, ROLES: []}
    given = False
    for name in question_names(model):
        values = as_list(answers.get(prefix + name))
        valid = choices(model, name)
        if any(value not in valid for value in values) or (name != ROLES and len(values) > 1):
            problems.append((prefix + name, say(model, "not-a-choice", lang)))
            continue
        given = given or bool(values)
        if name == ROLES:
            view[ROLES] = [role for role in valid if role in values]
        elif name in AXES:
            view[name] = values[0] if values else None
        elif values:
            view["determinants"][name] = values[0]
    if prefix:
        return (view if given and not problems else None), problems
    named = {field for field, _ in problems}
    choose = model["matrix"]["messages"]
    for axis in AXES:
        if view.get(axis) is None and axis not in named:
            problems.append((axis, in_language(choose[f"choose-{axis}"], lang)))
    return (None if problems else view), problems


def keep_today(goal: View, now: View, model: Model) -> View:
    """The goal with today's answer wherever it sets none, and ``taken`` naming those: half a
    goal (one axis, say) is still a goal for the answers as they are now."""
    kept: View = {**goal, "determinants": dict(goal["determinants"]), "taken": []}
    for name in question_names(model):
        if name in AXES and kept[name] is None:
            kept[name] = now[name]
            kept["taken"].append(name)
        elif name in now["determinants"] and name not in kept["determinants"]:
            kept["determinants"][name] = now["determinants"][name]
            kept["taken"].append(name)
    return kept


def read_views(answers: dict[str, Any], model: Model, lang: str) -> tuple[View, View | None]:
    """Now and goal (today's answers where it sets none), or InputError naming every field
    that needs fixing."""
    now, problems = read_view(answers, "", model, lang)
    goal, goal_problems = read_view(answers, GOAL, model, lang)
    if problems or goal_problems:
        raise InputError(problems + goal_problems)
    assert now is not None
    return now, (keep_today(goal, now, model) if goal else None)


def find_cell(model: Model, planning: str, production: str) -> dict[str, Any]:
    """The cell for a pair of levels."""
    for cell in model["matrix"]["cells"]:
        if cell["planning"] == planning and cell["production"] == production:
            return cell
    raise KeyError((planning, production))


def top(model: Model) -> int:
    """The top of the scale: both axes shared and the thickest answer to every question."""
    axes = len(AXES) * model["matrix_tool"]["shared_axis_points"]
    return axes + sum(max(option["points"] for option in q["options"]) for q in determinants(model))


def _points(question: dict[str, Any], option_id: str) -> int:
    return next(o["points"] for o in question["options"] if o["id"] == option_id)


def _clashes(conflict: dict[str, Any] | None, view: View) -> bool:
    return bool(conflict) and view[conflict["axis"]] in conflict["levels"]


def counted(question: dict[str, Any], answer: str, view: View) -> dict[str, Any]:
    """The option an answer counts as: itself, or, if it contradicts the axes, the nearest
    option that does not (a contradiction is named, never taken at its word)."""
    options = question["options"]
    index = next(i for i, option in enumerate(options) if option["id"] == answer)
    fitting = [i for i, option in enumerate(options) if not _clashes(option.get("conflict"), view)]
    nearest = min(fitting, key=lambda i: (abs(i - index), i)) if fitting else index
    return options[nearest]


def _conflicts(view: View, model: Model) -> list[dict[str, str]]:
    """Answers that contradict the axes: shown as things to check, never silently fixed."""
    found = []
    for question in determinants(model):
        answer = view["determinants"].get(question["id"])
        for option in question["options"]:
            if option["id"] == answer and _clashes(option.get("conflict"), view):
                found.append({"question": question["id"], "answer": answer})
    for role in model["matrix_tool"]["roles"]:
        if role["id"] in view[ROLES] and _clashes(role.get("conflict"), view):
            found.append({"question": ROLES, "answer": role["id"]})
    return found


def _half(low: int, high: int, scale: int) -> str | None:
    """thin below the middle, thick from it; None for a range across the middle."""
    if high < scale / 2:
        return "thin"
    if low >= scale / 2:
        return "thick"
    return None


def assess(view: View, model: Model) -> dict[str, Any]:
    """The cell, the position on the continuum with each answer's points, and the roles."""
    cell = find_cell(model, view["planning"], view["production"])
    shared_axes = [axis for axis in AXES if view[axis] == SHARED]
    scale = top(model)
    answers = []
    for question in determinants(model):
        chosen = view["determinants"].get(question["id"])
        entry: dict[str, Any] = {"question": question["id"], "answer": chosen, "points": None}
        entry["max"] = max(counted(question, o["id"], view)["points"] for o in question["options"])
        if chosen is not None:
            option = counted(question, chosen, view)
            entry["points"] = option["points"]
            entry["counted_as"] = None if option["id"] == chosen else option["id"]
        answers.append(entry)
    position = None
    if shared_axes:
        start = len(shared_axes) * model["matrix_tool"]["shared_axis_points"]
        low = start + sum(entry["points"] or 0 for entry in answers)
        high = low + sum(entry["max"] for entry in answers if entry["points"] is None)
        position = {"start": start, "low": low, "high": high, "half": _half(low, high, scale)}
    signs = model["matrix_tool"]["form_only"]["signs"].items()
    return {
        "cell": cell["id"],
        "kind": cell["kind"],
        "planning": view["planning"],
        "production": view["production"],
        "shared": len(shared_axes),
        "shared_axes": shared_axes,
        "collaboration": position is not None,
        "position": position,
        "form_only": bool(shared_axes)
        and all(view["determinants"].get(q) == answer for q, answer in signs),
        "scale": scale,
        "answers": answers,
        "roles": {
            "present": view[ROLES],
            "missing": [role for role in role_ids(model) if role not in view[ROLES]],
        },
        "conflicts": _conflicts(view, model),
        "taken": view.get("taken", []),
    }


def direction(now: dict[str, Any], goal: dict[str, Any]) -> str:
    """How the goal compares: thicker, thinner, level (overlapping ranges), or off the continuum."""
    if goal["position"] is None:
        return "off"
    if now["position"] is None or goal["position"]["low"] > now["position"]["high"]:
        return "thicker"
    if goal["position"]["high"] < now["position"]["low"]:
        return "thinner"
    return "level"


def steps(now: View, goal: View, model: Model) -> list[dict[str, Any]]:
    """What would change between now and the goal, in order: planning first (co-production
    contains co-creation), then delivery, then the relationship answers, then the roles."""
    found: list[dict[str, Any]] = []
    position = dict(now)
    for axis in AXES:
        if now[axis] != goal[axis]:
            position[axis] = goal[axis]
            cell = find_cell(model, position["planning"], position["production"])["id"]
            found.append(
                {
                    "kind": "axis",
                    "question": axis,
                    "from": now[axis],
                    "to": goal[axis],
                    "cell": cell,
                }
            )
    for question in determinants(model):
        before = now["determinants"].get(question["id"])
        after = goal["determinants"].get(question["id"])
        if before and after and before != after:
            change = _points(question, after) - _points(question, before)
            found.append(
                {
                    "kind": "determinant",
                    "question": question["id"],
                    "from": before,
                    "to": after,
                    "direction": "thicker" if change > 0 else "thinner" if change < 0 else "same",
                }
            )
    if goal[ROLES]:
        for role in role_ids(model):
            if (role in goal[ROLES]) != (role in now[ROLES]):
                change = "added" if role in goal[ROLES] else "dropped"
                found.append({"kind": "role", "role": role, "change": change})
    return found


def has_answers(answers: dict[str, Any], model: Model) -> bool:
    """Whether any question (now or goal) is answered; the participant's name does not count."""
    return any(as_list(answers.get(name)) for name in answer_names(model) - {PARTICIPANT})


def check_saved(value: object, model: Model, lang: str) -> dict[str, Answer]:
    """Answers from an untrusted file or link: known names and valid choices, nothing else.

    Refusing (rather than dropping) what it does not know keeps an import from losing answers.
    """
    answers = clean_answers(value, model, lang)
    known = answer_names(model)
    for name, answer in answers.items():
        if name not in known:
            raise ImportProblem(say(model, "unknown-answer", lang, name=repr(name)))
        question = name.removeprefix(GOAL)
        if name == PARTICIPANT:
            valid = isinstance(answer, str)
        else:
            single = question != ROLES
            valid = all(v in choices(model, question) for v in as_list(answer)) and not (
                single and isinstance(answer, list)
            )
        if not valid:
            raise ImportProblem(say(model, "bad-choice", lang, name=repr(name)))
    return answers


Member = dict[str, Any]


def members(state: dict[str, Any], model: Model, lang: str) -> list[Member]:
    """Everyone to compare: the person's own answers first (if any), then the participants."""
    answers = state.get("answers", {})
    people = []
    if has_answers(answers, model):
        own_name = answers.get(PARTICIPANT) or say(model, "you", lang)
        people.append({"name": own_name, "you": True, "answers": answers})
    for entry in state.get("participants", []):
        people.append({"name": entry["name"], "you": False, "answers": entry["answers"]})
    for person in people:
        now, goal = read_views(person["answers"], model, lang)
        person["now"] = assess(now, model)
        person["goal"] = assess(goal, model) if goal else None
        person["view"] = now
    return people


def _answer_of(person: Member, question: str) -> str | None:
    view = person["view"]
    if question in AXES:
        return view[question]
    return view["determinants"].get(question)


def comparisons(people: list[Member], model: Model) -> list[dict[str, Any]]:
    """For each question, who gave which answer (only those who answered it).

    A resident role counts only once someone ticked it: agreement is people choosing the same,
    and boxes nobody ticked say nothing. A role ticked by some is a disagreement with the rest.
    """
    questions: list[tuple[str, dict[str, Any]]] = []
    for question in [*AXES, *(q["id"] for q in determinants(model))]:
        questions.append((question, {i: _answer_of(p, question) for i, p in enumerate(people)}))
    for role in role_ids(model):
        if not any(role in p["view"][ROLES] for p in people):
            continue  # an unticked box is no choice: nobody ticking a role agrees on nothing
        ticked = {i: ("yes" if role in p["view"][ROLES] else "no") for i, p in enumerate(people)}
        questions.append((f"{ROLES}.{role}", ticked))
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


def summary(state: dict[str, Any], model: Model, lang: str) -> dict[str, Any]:
    """Language-neutral comparison for the command line and the page."""
    people = members(state, model, lang)
    return {
        "members": [
            {"name": p["name"], "you": p["you"], "now": p["now"], "goal": p["goal"]} for p in people
        ],
        "comparisons": comparisons(people, model),
    }


def report(state: State, model: Model, lang: str = "en") -> dict[str, Any]:
    """The whole result as data: now, goal, the steps between, and the group if any.

    Raises InputError for answers that cannot be placed (each problem names its field).
    Without answers of one's own, a state with participants reports the group alone.
    """
    answers = state.get("answers", {})
    result: dict[str, Any] = {"now": None, "goal": None, "steps": [], "direction": None}
    if has_answers(answers, model) or not state.get("participants"):
        now, goal = read_views(answers, model, lang)
        result["now"] = assess(now, model)
        if goal:
            result["goal"] = assess(goal, model)
            result["steps"] = steps(now, goal, model)
            result["direction"] = direction(result["now"], result["goal"])
    result["group"] = summary(state, model, lang) if state.get("participants") else None
    return result
