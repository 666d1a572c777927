"""Saved work as files: the envelope every tool's export uses, and the checks an import passes.

A file is refused with a reason a person can act on, in the page's language (``content/ui.yml``,
``files``); nothing of the current work is touched until a file has passed every check (the page
only replaces its state on success).
"""

from __future__ import annotations

import json
from typing import Any

FORMAT = "samskaping-guide"
MAX_BYTES = 2_000_000
"""Far above any real answer file; a larger file is refused before it is parsed."""


Model = dict[str, Any]


class ImportProblem(Exception):
    """A file that cannot be imported; ``str()`` says why in plain words."""


def refusal(model: Model, lang: str, key: str, **values: object) -> ImportProblem:
    """A refusal of the file checks, worded in ``lang`` (English until that text exists)."""
    text = model["ui"]["files"][key]
    return ImportProblem((text.get(lang) or text["en"]).format(**values))


def envelope(tool: str, version: int, data: dict[str, Any]) -> dict[str, Any]:
    """The exported file: the format, the tool and the state version, then the state."""
    return {"format": FORMAT, "tool": tool, "version": version, "data": data}


def open_envelope(text: str, tool: str, version: int, model: Model, lang: str) -> dict[str, Any]:
    """The state inside an exported file, after checking it is one of ours, for this tool."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise refusal(model, lang, "too-large", limit=MAX_BYTES // 1_000_000)
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
