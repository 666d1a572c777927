"""Input problems reported next to the field they concern, never as a trace; and the one input
Python itself cannot survive, refused before it is read."""

from __future__ import annotations

import re


class InputError(Exception):
    """One or more answers that make no sense; each names its form field and how to fix it."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{field}: {message}" for field, message in problems))
        self.problems = problems


MAX_NESTING = 64
"""Deepest nesting of lists and objects a saved file may have. The guide's own files nest a handful
of levels; Python's JSON reader in the browser (Pyodide) runs out of stack some thousands of
levels down, which is fatal to Python there: the calculator would stop until a reload."""

_STRING = re.compile(r'"(?:[^"\\]+|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")


def too_deep(text: str, limit: int = MAX_NESTING) -> bool:
    """Whether the JSON in ``text`` nests lists and objects more than ``limit`` levels deep
    (brackets inside strings do not count). Checked without recursion, before any parser."""
    if text.count("[") + text.count("{") <= limit:
        return False  # so few brackets cannot nest deeper, whatever their order
    depth = 0
    for bracket in _BRACKET.findall(_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        if depth > limit:
            return True
    return False
