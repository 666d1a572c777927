"""Gather a group without a server: participants' files and share links, checked and de-duplicated.

A participant saves their answers to a file (or copies a share link); the facilitator imports many
at once. A response file gives one participant; a facilitator's saved group file gives all of its
participants. Who is who is decided by the response's id, never by the answers: the page gives a
response its id when the work is first kept, and its files and share links carry it. The same id
with the same answers is the same response imported again and counts once; two ids with the same
answers are two people who happen to agree, and both count (the log notes it). Files saved before
responses had ids get an id from their content (``content_id``): each such file counts once,
unless the very same file is imported again. Every import is logged in the state, so the page can
say what happened to each file; the log is in the page's language and lasts until the next
operation (``clean`` drops it from saved files). Refusal reasons of the file format itself come
from ``calculators.core.savefile``.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from calculators.assessment.score import Response, Survey, gives_answers, read_response
from calculators.core.savefile import (
    RESPONSE_ID,
    ImportProblem,
    clean_answers,
    content_id,
    open_envelope,
    response_id,
    shared_files,
)
from calculators.core.words import Words

NAME = "assessment"
VERSION = 1
"""Version of the saved state; raise it (and migrate in ``clean``) when the state changes."""
ROUND_NAME = "round-name"
MAX_LABEL = 200

State = dict[str, Any]


def message(model: dict[str, Any], lang: str, key: str, **values: object) -> str:
    """A message of the assessment in ``lang``."""
    return Words(model["assessment"]["messages"], lang)(key, **values)


def response_of(
    answers: object, who: str, survey: Survey, model: dict[str, Any], lang: str
) -> Response:
    """A saved participant's answers as the response of ``who`` (its id), or why it cannot be."""
    cleaned = clean_answers(answers, model, lang)
    if not gives_answers(cleaned, survey):
        raise ImportProblem(message(model, lang, "no-answers"))
    response, problems = read_response(cleaned, survey)
    if response is None:
        raise ImportProblem(message(model, lang, f"import-{problems[0][1]}"))
    if not response.answers:
        raise ImportProblem(message(model, lang, "no-answers"))
    return replace(response, id=who)


def _content(value: object) -> str:
    """Saved data as text, for ``content_id`` of what was saved without ids."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def own_in(state: State, survey: Survey, model: dict[str, Any], lang: str) -> Response:
    """The response in a state's own answers, under the state's id."""
    answers = state.get("answers", {})
    who = response_id(state) or content_id(_content(answers), 0)
    return response_of(answers, who, survey, model, lang)


def responses_in(
    data: dict[str, Any], text: str, survey: Survey, model: dict[str, Any], lang: str
) -> list[Response]:
    """A group file's participants, or else the one response a participant's file holds.

    ``text`` is the file as saved: what tells apart files saved before responses had ids.
    """
    if data.get("participants"):
        return _read_all(data["participants"], text, survey, model, lang)
    who = response_id(data) or content_id(text, 0)
    return [response_of(data.get("answers", {}), who, survey, model, lang)]


def _place(group: list[Response], response: Response, source: str) -> dict[str, Any]:
    """Add a response to the group unless it is already there; its log entry.

    Already there means the same id and the same answers. The same id with other answers is
    added with a note (the person may have saved again after a change; the facilitator decides
    which counts), as are the same answers under another id (two people who agree).
    """
    same_id = [n for n, known in enumerate(group, 1) if known.id == response.id]
    for number in same_id:
        if group[number - 1].same_answers(response):
            return {"source": source, "outcome": "duplicate", "number": number}
    alike = [n for n, known in enumerate(group, 1) if known.same_answers(response)]
    group.append(response)
    entry: dict[str, Any] = {"source": source, "outcome": "added", "number": len(group)}
    if same_id:
        entry["same-id"] = same_id[0]
    elif alike:
        entry["alike"] = alike[0]
    return entry


def merge(
    current: list[Response],
    incoming: list[tuple[str, str | None]],
    survey: Survey,
    model: dict[str, Any],
    lang: str,
) -> tuple[list[Response], list[dict[str, Any]]]:
    """The group with ``(source, text)`` files added, and one log entry per response or file.

    A text of None is a share link that could not be read.
    """
    group = list(current)
    log: list[dict[str, Any]] = []
    for source, text in incoming:
        try:
            if text is None:
                raise ImportProblem(message(model, lang, "damaged-link"))
            data = open_envelope(text, NAME, VERSION, model, lang)
            found = responses_in(data, text, survey, model, lang)
        except ImportProblem as problem:
            log.append({"source": source, "outcome": "refused", "reason": str(problem)})
            continue
        log += [_place(group, response, source) for response in found]
    return group, log


def _read_all(
    saved: object, content: str, survey: Survey, model: dict[str, Any], lang: str
) -> list[Response]:
    """Saved participants (from a file or this browser) as responses, each checked.

    A participant saved without an id gets one from ``content`` (what holds the list) and its
    place in it.
    """
    if not isinstance(saved, list):
        raise ImportProblem(message(model, lang, "no-participants"))
    responses = []
    for number, answers in enumerate(saved, 1):
        who = response_id(answers) or content_id(content, number)
        try:
            responses.append(response_of(answers, who, survey, model, lang))
        except ImportProblem as problem:
            raise ImportProblem(
                message(model, lang, "participant-refused", number=number, reason=problem)
            ) from None
    return responses


def participants(state: State, survey: Survey, model: dict[str, Any], lang: str) -> list[Response]:
    saved = state.get("participants", [])
    return _read_all(saved, _content(saved), survey, model, lang)


def earlier_round(state: State, survey: Survey, model: dict[str, Any], lang: str) -> list[Response]:
    earlier = state.get("earlier") or {}
    if not isinstance(earlier, dict):
        raise ImportProblem(message(model, lang, "no-participants"))
    saved = earlier.get("participants", [])
    return _read_all(saved, _content(saved), survey, model, lang)


def _label(value: object, model: dict[str, Any], lang: str) -> str:
    if not isinstance(value, str) or len(value) > MAX_LABEL:
        raise ImportProblem(message(model, lang, "bad-round-name", limit=MAX_LABEL))
    return value.strip()


def _saved(responses: list[Response]) -> list[dict[str, Any]]:
    return [response.to_answers() for response in responses]


def _add(
    state: State, incoming: list[tuple[str, str | None]], model: dict[str, Any], lang: str
) -> State:
    survey = Survey.of(model)
    group, log = merge(participants(state, survey, model, lang), incoming, survey, model, lang)
    return {**state, "participants": _saved(group), "imports": log}


def add_participants(
    state: State, payload: dict[str, Any], model: dict[str, Any], lang: str
) -> State:
    """Add every response in the chosen files; refused files are logged, not fatal."""
    files = [(str(file["name"]), str(file["text"])) for file in payload.get("files", [])]
    return _add(state, files, model, lang)


def add_links(state: State, payload: dict[str, Any], model: dict[str, Any], lang: str) -> State:
    """Add the responses carried by pasted share links, one link a line."""
    texts = shared_files(str(payload.get("text", "")))
    sources = [
        message(model, lang, "link-source", number=number) for number in range(1, len(texts) + 1)
    ]
    return _add(state, list(zip(sources, texts, strict=True)), model, lang)


def add_own(state: State, payload: dict[str, Any], model: dict[str, Any], lang: str) -> State:
    """Add the answers in this browser's form to the group (the facilitator's own response)."""
    survey = Survey.of(model)
    own = own_in(state, survey, model, lang)
    group = participants(state, survey, model, lang)
    log = [_place(group, own, message(model, lang, "own-source"))]
    return {**state, "participants": _saved(group), "imports": log}


def remove_participant(
    state: State, payload: dict[str, Any], model: dict[str, Any], lang: str
) -> State:
    """Remove the participant at ``index`` (from 0): by place, as two may share an id."""
    survey = Survey.of(model)
    group = participants(state, survey, model, lang)
    index = payload.get("index")
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(group):
        raise ImportProblem(message(model, lang, "no-such-participant"))
    del group[index]
    return {**state, "participants": _saved(group), "imports": []}


def new_round(state: State, payload: dict[str, Any], model: dict[str, Any], lang: str) -> State:
    """Keep this round's group as the earlier round to compare with, and start an empty one.

    The new round starts without a name: its old name now labels the earlier round, and two
    rounds of the same name would make "what moved since <name>" read as a comparison with itself.
    """
    answers = state.get("answers", {})
    label = _label(answers.get(ROUND_NAME, ""), model, lang)
    earlier = {"label": label, "participants": state.get("participants", [])}
    fresh = {**answers, ROUND_NAME: ""}
    return {**state, "answers": fresh, "earlier": earlier, "participants": [], "imports": []}


def open_earlier_round(
    state: State, payload: dict[str, Any], model: dict[str, Any], lang: str
) -> State:
    """Use a saved group file as the earlier round to compare with."""
    survey = Survey.of(model)
    files = payload.get("files", [])
    if len(files) != 1:
        raise ImportProblem(message(model, lang, "one-earlier-file"))
    text = str(files[0]["text"])
    data = open_envelope(text, NAME, VERSION, model, lang)
    found = responses_in(data, text, survey, model, lang)
    label = _label(
        clean_answers(data.get("answers", {}), model, lang).get(ROUND_NAME, ""), model, lang
    )
    return {**state, "earlier": {"label": label, "participants": _saved(found)}, "imports": []}


OPERATIONS = {
    "add-participants": add_participants,
    "add-links": add_links,
    "add-own": add_own,
    "remove-participant": remove_participant,
    "new-round": new_round,
    "open-earlier-round": open_earlier_round,
}


def clean(state: State, model: dict[str, Any], lang: str) -> State:
    """A saved state from a file or link: answers as text, every participant a valid response."""
    survey = Survey.of(model)
    cleaned: State = {
        "answers": clean_answers(state.get("answers", {}), model, lang),
        "participants": _saved(participants(state, survey, model, lang)),
    }
    if own_id := response_id(state):
        cleaned[RESPONSE_ID] = own_id
    earlier = state.get("earlier")
    if earlier:
        cleaned["earlier"] = {
            "label": _label(
                earlier.get("label", "") if isinstance(earlier, dict) else None, model, lang
            ),
            "participants": _saved(earlier_round(state, survey, model, lang)),
        }
    return cleaned
