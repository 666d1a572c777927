"""Saved work as files: the envelope every tool's export uses, and the checks an import passes.

A file is refused with a reason a person can act on; nothing of the current work is touched
until a file has passed every check (the page only replaces its state on success).
"""

from __future__ import annotations

import json
from typing import Any

FORMAT = "samskaping-guide"
MAX_BYTES = 2_000_000
"""Far above any real answer file; a larger file is refused before it is parsed."""


class ImportProblem(Exception):
    """A file that cannot be imported; ``str()`` says why in plain words."""


def envelope(tool: str, version: int, data: dict[str, Any]) -> dict[str, Any]:
    """The exported file: the format, the tool and the state version, then the state."""
    return {"format": FORMAT, "tool": tool, "version": version, "data": data}


def open_envelope(text: str, tool: str, version: int) -> dict[str, Any]:
    """The state inside an exported file, after checking it is one of ours, for this tool."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise ImportProblem(f"The file is larger than {MAX_BYTES // 1_000_000} MB.")
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportProblem(
            f"The file is not valid JSON (line {error.lineno}, column {error.colno})."
        ) from None
    if not isinstance(parsed, dict) or parsed.get("format") != FORMAT:
        raise ImportProblem("This is not a file saved by this guide.")
    if parsed.get("tool") != tool:
        raise ImportProblem(f"This file was saved by another tool ({parsed.get('tool')!r}).")
    saved_version = parsed.get("version")
    if not isinstance(saved_version, int) or isinstance(saved_version, bool):
        raise ImportProblem("The file has no valid version number.")
    if saved_version > version:
        raise ImportProblem(
            "The file was saved by a newer version of the guide. Update the guide to open it."
        )
    data = parsed.get("data")
    if not isinstance(data, dict):
        raise ImportProblem("The file holds no saved answers.")
    return data


MAX_TEXT = 10_000
"""Longest text kept from one answer; longer values are refused, not cut."""

Answer = str | list[str]


def clean_answers(value: object) -> dict[str, Answer]:
    """Form answers from an untrusted file: names to text (or lists of text), nothing else."""
    if not isinstance(value, dict):
        raise ImportProblem("The saved answers are not a list of named answers.")
    cleaned: dict[str, Answer] = {}
    for name, answer in value.items():
        texts = answer if isinstance(answer, list) else [answer]
        if not all(isinstance(text, str) for text in texts):
            raise ImportProblem(f"The answer to {name!r} is not text.")
        if any(len(text) > MAX_TEXT for text in texts):
            raise ImportProblem(f"The answer to {name!r} is longer than {MAX_TEXT} characters.")
        cleaned[str(name)] = answer
    return cleaned
