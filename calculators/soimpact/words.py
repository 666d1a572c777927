"""The SoImpact tool's words in one language, from ``content/soimpact.yml`` and, for the
chain, the steps and the recommendations, ``content/impact.yml``.

Every sentence, label and unit the tool shows comes from content, so a new language is new
text in content and no change here. Numbers are written with the language's decimal mark.
"""

from __future__ import annotations

from typing import Any

from calculators.core import words
from calculators.soimpact.plan import Indicator


class Words(words.Words):
    def __init__(self, model: dict[str, Any], lang: str) -> None:
        super().__init__(model["soimpact"]["messages"], lang)
        self.content = model["soimpact"]
        self.impact = model["impact"]

    def number(self, value: float) -> str:
        rounded = round(value, 2)
        return self.decimal(
            f"{rounded:.2f}".rstrip("0").rstrip(".") if rounded % 1 else f"{rounded:.0f}"
        )

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

    def indicator(self, indicator: Indicator) -> str:
        return indicator.name or self("unnamed-indicator", number=indicator.number)

    def step_title(self, step: dict[str, Any], number: int) -> str:
        return self("step-title", number=number, title=self.text(step["name"]))
