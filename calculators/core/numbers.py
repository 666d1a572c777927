"""Numbers as the page's language writes them: the one formatter of every tool's results and
CSV files, so that a table never shows "12,5" beside "41.5".

The marks come from content (``ui.yml``, ``numbers``); a new language is new text there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from calculators.core.words import in_language

MINUS = "\u2212"
"""The minus sign people read; a spreadsheet gets the ASCII hyphen it parses."""


@dataclass(frozen=True)
class Numbers:
    decimal_mark: str
    csv_delimiter: str

    @classmethod
    def of(cls, model: dict[str, Any], lang: str) -> Numbers:
        style = model["ui"]["numbers"]
        return cls(
            in_language(style["decimal_mark"], lang), in_language(style["csv_delimiter"], lang)
        )

    def written(self, value: float, places: int = 2, *, keep_zeros: bool = False) -> str:
        """For people: rounded to ``places`` decimals (trailing zeros dropped unless kept)."""
        text = f"{value:.{places}f}"
        if not keep_zeros and "." in text:
            text = text.rstrip("0").rstrip(".")
        if float(text) == 0:
            text = text.removeprefix("-")  # -0.001 rounds to 0, which has no sign
        return text.replace("-", MINUS).replace(".", self.decimal_mark)

    def for_spreadsheet(self, value: float) -> str:
        """For a CSV cell: every digit, so the spreadsheet calculates with the value itself."""
        text = repr(value) if isinstance(value, float) else str(value)
        return text.replace(".", self.decimal_mark)
