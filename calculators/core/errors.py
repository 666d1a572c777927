"""Input problems reported next to the field they concern, never as a trace."""

from __future__ import annotations


class InputError(Exception):
    """One or more answers that make no sense; each names its form field and how to fix it."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{field}: {message}" for field, message in problems))
        self.problems = problems
