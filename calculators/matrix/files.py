"""The matrix's saved work: checking an imported state, and gathering a group of participants.

Each participant answers on their own device and saves a file or copies a share link; whoever
leads the discussion adds them (the operations below). The state keeps them under
``participants`` as ``[{"name": str, "answers": {...}, "id": str}]``, each checked like any
import. The person's own answers, when given, count as one more member ("You").

Who is who is decided by the response's id (``calculators.core.savefile.RESPONSE_ID``), never by
the name or the answers: two people with the same view are two participants. The same id with
the same answers is the same file or link added again, and is kept once. A file saved
before responses had ids gets an id from its content, so each such file counts once unless the
very same file is added again. Participants gathered before ids keep having none.

State: ``{"answers": {name: text | [text]}, "id": str, "participants": [...]}`` where the
answers are the form's: ``planning``, ``production``, one per determinant, ``roles``, the same
with the ``desired.`` prefix for the goal, and ``participant`` (the person's name or role); the
``id`` is the own response's, given by the page when the work is first kept.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from calculators.core.savefile import (
    RESPONSE_ID,
    SHARE,
    ImportProblem,
    content_id,
    open_envelope,
    response_id,
    shared_files,
)
from calculators.matrix import score

NAME = "matrix"
VERSION = 1
"""Version of the saved state; raise it (and migrate in ``clean``) when the state changes."""
MAX_PARTICIPANTS = 40
"""Enough for a large workshop; the chart still has room for every mark."""
MAX_NAME = 200

State = dict[str, Any]


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
            and {"name", "answers"} <= set(entry) <= {"name", "answers", RESPONSE_ID}
            and isinstance(entry["name"], str)
            and 0 < len(entry["name"]) <= MAX_NAME
            and (RESPONSE_ID not in entry or response_id(entry))
        ):
            raise _refuse(model, lang, "bad-participants")
        answers = score.check_saved(entry["answers"], model, lang)
        if problem_with(answers, model, lang):
            raise _refuse(model, lang, "bad-participants")
        cleaned.append({**entry, "answers": answers})
    return cleaned


def _same_response(known: dict[str, Any], entry: dict[str, Any]) -> bool:
    return response_id(known) == entry[RESPONSE_ID] and known["answers"] == entry["answers"]


def joined(
    participants: list[dict[str, Any]], new: list[dict[str, Any]], model: score.Model, lang: str
) -> list[dict[str, Any]]:
    """The list with the new participants added; the same response added twice is kept once.

    The same response means the same id with the same answers (its name may come from the file's
    name, which differs between copies); the same answers under two ids are two people who see
    it alike, and both are kept.
    """
    result = list(participants)
    for entry in new:
        if not any(_same_response(known, entry) for known in result):
            result.append(entry)
    if len(result) > MAX_PARTICIPANTS:
        raise _refuse(model, lang, "too-many", limit=MAX_PARTICIPANTS)
    return result


def clean(state: State, model: score.Model, lang: str) -> State:
    """A saved state from a file or link, checked: known answers with valid choices only."""
    cleaned: State = {"answers": score.check_saved(state.get("answers", {}), model, lang)}
    if own_id := response_id(state):
        cleaned[RESPONSE_ID] = own_id
    participants = clean_participants(state.get("participants"), model, lang)
    if participants:
        cleaned["participants"] = participants
    return cleaned


def _participants_from(
    source: str, text: str, model: score.Model, lang: str
) -> list[dict[str, Any]]:
    """The people in one saved file or link: its own answers, then any participants it holds.

    Each gets its id: the one it was saved with, else one from the file's content and its place.
    """
    try:
        state = clean(open_envelope(text, NAME, VERSION, model, lang), model, lang)
    except ImportProblem as problem:
        reason = score.say(model, "file-refused", lang, file=source, reason=problem)
        raise ImportProblem(reason) from None
    found = []
    answers = state["answers"]
    if score.has_answers(answers, model):
        problem = problem_with(answers, model, lang)
        if problem:
            raise ImportProblem(score.say(model, "file-refused", lang, file=source, reason=problem))
        name = answers.get(score.PARTICIPANT) or source
        who = response_id(state) or content_id(text, 0)
        found.append({"name": name, "answers": answers, RESPONSE_ID: who})
    found += [
        {**entry, RESPONSE_ID: response_id(entry) or content_id(text, number)}
        for number, entry in enumerate(state.get("participants", []), 1)
    ]
    if not found:
        raise ImportProblem(score.say(model, "no-own-answers", lang, file=source))
    return found


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
    text = str(payload.get("text", ""))
    if SHARE not in text:
        raise ImportProblem(score.say(model, "no-links", lang))
    sources: list[tuple[str | None, str]] = []
    for number, decoded in enumerate(shared_files(text), 1):
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
    participants = joined(state.get("participants", []), new, model, lang)
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
