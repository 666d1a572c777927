"""The SoImpact tool's words in one language, from ``content/soimpact.yml`` and, for the
chain, the steps and the recommendations, ``content/impact.yml``.

Every sentence, label and unit the tool shows comes from content, so a new language is new
text in content and no change here. Numbers are written with the language's decimal mark.
"""

from __future__ import annotations

from typing import Any

from calculators.core import words
from calculators.core.numbers import Numbers
from calculators.soimpact.plan import Indicator, read_number

TYPED_PLACES = 6
"""Decimals kept of a typed value: more than anyone types, fewer than a float's noise."""


class Words(words.Words):
    def __init__(self, model: dict[str, Any], lang: str) -> None:
        super().__init__(model["soimpact"]["messages"], lang)
        self.content = model["soimpact"]
        self.impact = model["impact"]
        self.numbers = Numbers.of(model, lang)

    def number(self, value: float) -> str:
        return self.numbers.written(value)

    def reading(self, text: str) -> str:
        """A value as typed, written the page's way when it reads as a number (every digit
        kept), so that "12,5" typed never stands beside "41.5" computed."""
        number = read_number(text)
        if number is None:
            return text
        written = self.numbers.written(number, TYPED_PLACES)
        return self("percent", value=written) if text.endswith("%") else written

    def percent(self, share: float | None) -> str:
        if share is None:
            return self("not-available")
        return self("percent", value=self.number(round(share * 100)))

    def option(self, field: str, value: str | None) -> str:
        """The label of a chosen option (chain level, kind, value level, priority), or ''."""
        if value is None:
            return ""
        choices = self.impact["chain"] if field == "level" else self.content["options"][field]
        return next(self.text(choice["name"]) for choice in choices if choice["id"] == value)

    def known_from(self, indicator: Indicator) -> str:
        """Where a known indicator comes from: its named source, or the guide's bank; or ''."""
        if indicator.texts["borrowed-from"] or not indicator.texts["bank"]:
            return indicator.texts["borrowed-from"]
        return self("from-bank")

    def indicator(self, indicator: Indicator) -> str:
        return indicator.name or self("unnamed-indicator", number=indicator.number)

    def step_title(self, step: dict[str, Any], number: int) -> str:
        return self("step-title", number=number, title=self.text(step["name"]))
