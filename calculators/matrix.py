"""Position a project on the thin/thick collaboration matrix (handbook ch. 1, p. 12–15).

What the page and the command line call: ``compute`` (result blocks), ``report`` (the same result
as language-neutral data), ``clean`` (check an imported state), ``table`` (CSV rows) and the
operations that add and remove participants; each is given the page's language for its words.
The scoring rule is documented in ``calculators.matrix_score``; the words are in
``calculators.matrix_view``.

State: ``{"answers": {name: text | [text]}, "participants": [{"name", "answers"}]}`` where the
answers are the form's: ``planning``, ``production``, one per determinant, ``roles``, the same
with the ``desired.`` prefix for the goal, and ``participant`` (the person's name or role).
"""

from __future__ import annotations

import base64
import binascii
import re
from pathlib import PurePath
from typing import Any

from calculators import matrix_group as group
from calculators import matrix_score as score
from calculators import matrix_view, view
from calculators.csvfile import Cell
from calculators.savefile import ImportProblem, open_envelope

NAME = "matrix"
VERSION = 1
"""Version of the saved state; raise it (and migrate in ``clean``) when the state changes."""
SHARE_LINK = re.compile(r"#share=([A-Za-z0-9_-]*)")
"""A share link's state, as ``calculator-store.js`` writes it: base64url of the saved file."""

State = dict[str, Any]


def clean(state: State, model: score.Model, lang: str) -> State:
    """A saved state from a file or link, checked: known answers with valid choices only."""
    cleaned: State = {"answers": score.check_saved(state.get("answers", {}), model, lang)}
    participants = group.clean_participants(state.get("participants"), model, lang)
    if participants:
        cleaned["participants"] = participants
    return cleaned


def report(state: State, model: score.Model, lang: str = "en") -> dict[str, Any]:
    """The whole result as data: now, goal, the steps between, and the group if any.

    Raises InputError for answers that cannot be placed (each problem names its field).
    Without answers of one's own, a state with participants reports the group alone.
    """
    answers = state.get("answers", {})
    result: dict[str, Any] = {"now": None, "goal": None, "steps": [], "direction": None}
    if score.has_answers(answers, model) or not state.get("participants"):
        now, goal = score.read_views(answers, model, lang)
        result["now"] = score.assess(now, model)
        if goal:
            result["goal"] = score.assess(goal, model)
            result["steps"] = score.steps(now, goal, model)
            result["direction"] = score.direction(result["now"], result["goal"])
    result["group"] = group.summary(state, model, lang) if state.get("participants") else None
    return result


def compute(state: State, model: score.Model, lang: str) -> list[view.Block]:
    """The result the page shows, in the page's language."""
    return matrix_view.blocks(report(state, model, lang), state.get("answers", {}), model, lang)


def _participants_from(
    source: str, text: str, model: score.Model, lang: str
) -> list[dict[str, Any]]:
    """The people in one saved file or link: its own answers, then any participants it holds."""
    try:
        state = clean(open_envelope(text, NAME, VERSION, model, lang), model, lang)
    except ImportProblem as problem:
        reason = score.say(model, "file-refused", lang, file=source, reason=problem)
        raise ImportProblem(reason) from None
    found = []
    answers = state["answers"]
    if score.has_answers(answers, model):
        problem = group.problem_with(answers, model, lang)
        if problem:
            raise ImportProblem(score.say(model, "file-refused", lang, file=source, reason=problem))
        found.append({"name": answers.get(score.PARTICIPANT) or source, "answers": answers})
    found += state.get("participants", [])
    if not found:
        raise ImportProblem(score.say(model, "no-own-answers", lang, file=source))
    return found


def _decode_link(encoded: str) -> str | None:
    try:
        padded = encoded + "=" * (-len(encoded) % 4)
        return base64.urlsafe_b64decode(padded).decode("utf-8")
    except (binascii.Error, ValueError):
        return None


def _sources(
    payload: dict[str, Any], model: score.Model, lang: str
) -> list[tuple[str | None, str]]:
    """(name, saved-file text) pairs from uploaded files, or from pasted share links (which
    have no name of their own: their participants are numbered)."""
    if "files" in payload:
        files = payload["files"]
        if not isinstance(files, list) or not all(
            isinstance(f, dict)
            and isinstance(f.get("name"), str)
            and isinstance(f.get("text"), str)
            for f in files
        ):
            raise ImportProblem(score.say(model, "bad-participants", lang))
        return [(PurePath(f["name"]).stem or f["name"], f["text"]) for f in files]
    links = SHARE_LINK.findall(str(payload.get("text", "")))
    if not links:
        raise ImportProblem(score.say(model, "no-links", lang))
    sources = []
    for number, encoded in enumerate(links, 1):
        decoded = _decode_link(encoded) if encoded else None
        if decoded is None:
            reason = score.say(model, "link-damaged", lang)
            raise ImportProblem(
                score.say(model, "link-refused", lang, number=number, reason=reason)
            )
        sources.append((None, decoded))
    return sources


def add_participants(state: State, payload: dict[str, Any], model: score.Model, lang: str) -> State:
    """Add everyone in the given files or links; one bad file refuses the lot, changing nothing.

    Someone added from a share link, which carries no file name, is named "Participant <n>" in
    the page's language, as a person would name them.
    """
    new: list[dict[str, Any]] = []
    count = len(state.get("participants", []))
    for index, (name, text) in enumerate(_sources(payload, model, lang)):
        number = count + index + 1
        source = name or score.say(model, "participant-default", lang, number=number)
        new += _participants_from(source, text, model, lang)
    participants = group.joined(state.get("participants", []), new, model, lang)
    return {**state, "participants": participants}


def remove_participant(
    state: State, payload: dict[str, Any], model: score.Model, lang: str
) -> State:
    participants = list(state.get("participants", []))
    index = payload.get("index")
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(participants):
        raise ImportProblem(score.say(model, "bad-participant-number", lang))
    del participants[index]
    return {**state, "participants": participants}


def remove_participants(
    state: State, payload: dict[str, Any], model: score.Model, lang: str
) -> State:
    return {key: value for key, value in state.items() if key != "participants"}


def load_example(state: State, payload: dict[str, Any], model: score.Model, lang: str) -> State:
    """A worked example's answers in place of the current ones; participants stay."""
    examples = {example["id"]: example for example in model["matrix_tool"]["examples"]}
    example = examples.get(payload.get("example"))
    if example is None:
        raise ImportProblem(score.say(model, "unknown-example", lang))
    return {**state, "answers": dict(example["answers"])}


OPERATIONS = {
    "load-example": load_example,
    "add-participants": add_participants,
    "remove-participant": remove_participant,
    "remove-participants": remove_participants,
}


def table(state: State, model: score.Model, lang: str) -> tuple[list[str], list[list[Cell]]]:
    """One row per person (own answers first): cell, position range, every answer, the goal."""
    words = matrix_view.Words(model, lang)
    questions = [q["id"] for q in score.determinants(model)]
    header = [
        words.say("csv-name"),
        *(words.question(axis) for axis in score.AXES),
        words.say("csv-cell"),
        words.say("csv-position-low"),
        words.say("csv-position-high"),
        *(words.question(q) for q in questions),
        words.say("csv-roles"),
        words.say("csv-goal-cell"),
        words.say("csv-goal-low"),
        words.say("csv-goal-high"),
    ]
    rows: list[list[Cell]] = []
    for person in group.members(state, model, lang):
        now, goal = person["now"], person["goal"]
        rows.append(
            [
                person["name"],
                *(words.answer(axis, now[axis]) for axis in score.AXES),
                words.cell(now["cell"]),
                *_range(now),
                *(words.answer(e["question"], e["answer"]) for e in now["answers"]),
                words.roles_list(now["roles"]["present"]),
                words.cell(goal["cell"]) if goal else None,
                *(_range(goal) if goal else (None, None)),
            ]
        )
    return header, rows


def _range(assessment: dict[str, Any]) -> tuple[Cell, Cell]:
    position = assessment["position"]
    return (position["low"], position["high"]) if position else (None, None)
