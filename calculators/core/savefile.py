"""Saved work as files and share links: the envelope every tool's export uses, the checks an
import passes, and the one reader of pasted share links.

A file is refused with a reason a person can act on, in the page's language (``content/ui.yml``,
``files``); nothing of the current work is touched until a file has passed every check (the page
only replaces its state on success).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from typing import Any

from calculators.core.errors import MAX_NESTING, too_deep
from calculators.core.words import in_language

FORMAT = "samskaping-guide"
MAX_BYTES = 2_000_000
"""Far above any real answer file; a larger file is refused before it is parsed."""


Model = dict[str, Any]


class ImportProblem(Exception):
    """A file that cannot be imported; ``str()`` says why in plain words."""


def refusal(model: Model, lang: str, key: str, **values: object) -> ImportProblem:
    """A refusal of the file checks, worded in ``lang``."""
    return ImportProblem(in_language(model["ui"]["files"][key], lang).format(**values))


def envelope(tool: str, version: int, data: dict[str, Any]) -> dict[str, Any]:
    """The exported file: the format, the tool and the state version, then the state."""
    return {"format": FORMAT, "tool": tool, "version": version, "data": data}


def open_envelope(text: str, tool: str, version: int, model: Model, lang: str) -> dict[str, Any]:
    """The state inside an exported file, after checking it is one of ours, for this tool."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise refusal(model, lang, "too-large", limit=MAX_BYTES // 1_000_000)
    if too_deep(text):
        raise refusal(model, lang, "too-deep", limit=MAX_NESTING)
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as error:
        raise refusal(model, lang, "not-json", line=error.lineno, column=error.colno) from None
    if not isinstance(parsed, dict) or parsed.get("format") != FORMAT:
        raise refusal(model, lang, "not-ours")
    if parsed.get("tool") != tool:
        raise refusal(model, lang, "other-tool", tool=repr(parsed.get("tool")))
    saved_version = parsed.get("version")
    if not isinstance(saved_version, int) or isinstance(saved_version, bool):
        raise refusal(model, lang, "no-version")
    if saved_version > version:
        raise refusal(model, lang, "newer")
    data = parsed.get("data")
    if not isinstance(data, dict):
        raise refusal(model, lang, "no-data")
    return data


RESPONSE_ID = "id"
"""Key of a response's id: beside a saved state's answers (the person's own response) and in each
gathered participant. The page gives a response its id when the work is first kept, so its file
and share link carry the same one; an added key, which readers before it ignore."""
_RESPONSE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def response_id(saved: object) -> str | None:
    """The id a saved state or participant carries; None when it has none (files saved before
    responses had ids) or one the page never writes, which is then treated as none."""
    value = saved.get(RESPONSE_ID) if isinstance(saved, dict) else None
    return value if isinstance(value, str) and _RESPONSE_ID.fullmatch(value) else None


def content_id(content: str, number: int) -> str:
    """The id of response ``number`` of content saved without ids: the very same content gives
    the same id, so a file imported twice counts once; any other content, such as the same
    answers saved by someone else (the saved time differs), gives another."""
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]
    return f"old-{digest}-{number}"


MAX_TEXT = 10_000
"""Longest text kept from one answer; longer values are refused, not cut."""

Answer = str | list[str]


def clean_answers(value: object, model: Model, lang: str) -> dict[str, Answer]:
    """Form answers from an untrusted file: names to text (or lists of text), nothing else."""
    if not isinstance(value, dict):
        raise refusal(model, lang, "not-named")
    cleaned: dict[str, Answer] = {}
    for name, answer in value.items():
        texts = answer if isinstance(answer, list) else [answer]
        if not all(isinstance(text, str) for text in texts):
            raise refusal(model, lang, "not-text", name=repr(name))
        if any(len(text) > MAX_TEXT for text in texts):
            raise refusal(model, lang, "too-long", name=repr(name), limit=MAX_TEXT)
        cleaned[str(name)] = answer
    return cleaned


SHARE = "#share="
SHARED_STATE = re.compile(r"[A-Za-z0-9_-]+")
"""A share link's state, as the page writes it: base64url of the saved file, unpadded."""


def share_link_states(text: str) -> list[str | None]:
    """The encoded state of each pasted share link, one a line; None for a damaged line.

    The rule and its cases are ``tests/cases/share_links.json``, which the page's parser follows
    too: blank lines are skipped; a line is read when it holds ``#share=`` exactly once, followed
    by the state up to its end; any other line is damaged (a pasted list holds links only).
    """
    found: list[str | None] = []
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        _, mark, state = line.partition(SHARE)
        read = mark and SHARE not in state and SHARED_STATE.fullmatch(state)
        found.append(state if read else None)
    return found


def shared_file(state: str) -> str | None:
    """The saved file's text inside a share link's state; None when it cannot be decoded."""
    try:
        return base64.urlsafe_b64decode(state + "=" * (-len(state) % 4)).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None


def shared_files(text: str) -> list[str | None]:
    """The saved file's text of each pasted share link, one a line; None for a damaged one."""
    return [shared_file(state) if state else None for state in share_link_states(text)]
