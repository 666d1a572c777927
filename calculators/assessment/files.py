"""Gather a group without a server: participants' files and share links, checked and de-duplicated.

A participant saves their answers to a file (or copies a share link); the facilitator imports many
at once. A response file gives one participant; a facilitator's saved group file gives all of its
participants. The same response imported twice is recognised by its fingerprint and counted once.
Every import is logged in the state, so the page can say what happened to each file; the log is
in the page's language and lasts until the next operation (``clean`` drops it from saved files).
Refusal reasons of the file format itself come from ``calculators.core.savefile``.
"""

from __future__ import annotations

from typing import Any

from calculators.assessment.score import Response, Survey, gives_answers, read_response
from calculators.core.savefile import ImportProblem, clean_answers, open_envelope, shared_files
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


def response_of(answers: object, survey: Survey, model: dict[str, Any], lang: str) -> Response:
    """A saved participant's answers as a response, or the reason it cannot be one."""
    cleaned = clean_answers(answers, model, lang)
    if not gives_answers(cleaned, survey):
        raise ImportProblem(message(model, lang, "no-answers"))
    response, problems = read_response(cleaned, survey)
    if response is None:
        raise ImportProblem(message(model, lang, f"import-{problems[0][1]}"))
    if not response.answers:
        raise ImportProblem(message(model, lang, "no-answers"))
    return response


def responses_in(
    data: dict[str, Any], survey: Survey, model: dict[str, Any], lang: str
) -> list[Response]:
    """A group file's participants, or else the one response a participant's file holds."""
    if data.get("participants"):
        return _read_all(data["participants"], survey, model, lang)
    return [response_of(data.get("answers", {}), survey, model, lang)]


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
    known = {response.fingerprint(): number for number, response in enumerate(group, 1)}
    log: list[dict[str, Any]] = []
    for source, text in incoming:
        try:
            if text is None:
                raise ImportProblem(message(model, lang, "damaged-link"))
            found = responses_in(
                open_envelope(text, NAME, VERSION, model, lang), survey, model, lang
            )
        except ImportProblem as problem:
            log.append({"source": source, "outcome": "refused", "reason": str(problem)})
            continue
        for response in found:
            fingerprint = response.fingerprint()
            if fingerprint in known:
                log.append({"source": source, "outcome": "duplicate", "number": known[fingerprint]})
                continue
            group.append(response)
            known[fingerprint] = len(group)
            log.append({"source": source, "outcome": "added", "number": len(group)})
    return group, log


def _read_all(saved: object, survey: Survey, model: dict[str, Any], lang: str) -> list[Response]:
    """Saved participants (from a file or this browser) as responses, each checked."""
    if not isinstance(saved, list):
        raise ImportProblem(message(model, lang, "no-participants"))
    responses = []
    for number, answers in enumerate(saved, 1):
        try:
            responses.append(response_of(answers, survey, model, lang))
        except ImportProblem as problem:
            raise ImportProblem(
                message(model, lang, "participant-refused", number=number, reason=problem)
            ) from None
    return responses


def participants(state: State, survey: Survey, model: dict[str, Any], lang: str) -> list[Response]:
    return _unique(_read_all(state.get("participants", []), survey, model, lang))


def earlier_round(state: State, survey: Survey, model: dict[str, Any], lang: str) -> list[Response]:
    earlier = state.get("earlier") or {}
    if not isinstance(earlier, dict):
        raise ImportProblem(message(model, lang, "no-participants"))
    return _unique(_read_all(earlier.get("participants", []), survey, model, lang))


def _label(value: object, model: dict[str, Any], lang: str) -> str:
    if not isinstance(value, str) or len(value) > MAX_LABEL:
        raise ImportProblem(message(model, lang, "bad-round-name", limit=MAX_LABEL))
    return value.strip()


def _saved(responses: list[Response]) -> list[dict[str, Any]]:
    return [response.to_answers() for response in responses]


def _unique(responses: list[Response]) -> list[Response]:
    seen: dict[str, Response] = {}
    for response in responses:
        seen.setdefault(response.fingerprint(), response)
    return list(seen.values())


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
    own = response_of(state.get("answers", {}), survey, model, lang)
    source = message(model, lang, "own-source")
    current = participants(state, survey, model, lang)
    fingerprints = [response.fingerprint() for response in current]
    if own.fingerprint() in fingerprints:
        number = fingerprints.index(own.fingerprint()) + 1
        log = [{"source": source, "outcome": "duplicate", "number": number}]
        return {**state, "imports": log}
    log = [{"source": source, "outcome": "added", "number": len(current) + 1}]
    return {**state, "participants": _saved([*current, own]), "imports": log}


def remove_participant(
    state: State, payload: dict[str, Any], model: dict[str, Any], lang: str
) -> State:
    survey = Survey.of(model)
    kept = [
        response
        for response in participants(state, survey, model, lang)
        if response.fingerprint() != payload.get("id")
    ]
    return {**state, "participants": _saved(kept), "imports": []}


def new_round(state: State, payload: dict[str, Any], model: dict[str, Any], lang: str) -> State:
    """Keep this round's group as the earlier round to compare with, and start an empty one."""
    label = _label(state.get("answers", {}).get(ROUND_NAME, ""), model, lang)
    earlier = {"label": label, "participants": state.get("participants", [])}
    return {**state, "earlier": earlier, "participants": [], "imports": []}


def open_earlier_round(
    state: State, payload: dict[str, Any], model: dict[str, Any], lang: str
) -> State:
    """Use a saved group file as the earlier round to compare with."""
    survey = Survey.of(model)
    files = payload.get("files", [])
    if len(files) != 1:
        raise ImportProblem(message(model, lang, "one-earlier-file"))
    data = open_envelope(str(files[0]["text"]), NAME, VERSION, model, lang)
    found = _unique(responses_in(data, survey, model, lang))
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
    earlier = state.get("earlier")
    if earlier:
        cleaned["earlier"] = {
            "label": _label(
                earlier.get("label", "") if isinstance(earlier, dict) else None, model, lang
            ),
            "participants": _saved(earlier_round(state, survey, model, lang)),
        }
    return cleaned
