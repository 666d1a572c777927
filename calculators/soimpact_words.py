"""The SoImpact tool's words in one language, from ``content/soimpact.yml`` and, for the
chain, the steps and the recommendations, ``content/impact.yml``.

Every sentence, label and unit the tool shows comes from content, so a new language is new
text in content and no change here. Numbers are written with the language's decimal mark.
"""

from __future__ import annotations

from typing import Any

from calculators.soimpact_plan import Indicator


class Words:
    def __init__(self, model: dict[str, Any], lang: str) -> None:
        self.content = model["soimpact"]
        self.impact = model["impact"]
        self.lang = lang
        self.messages: dict[str, dict[str, str]] = self.content["messages"]

    def text(self, value: dict[str, str]) -> str:
        """A content ``Text`` in this language, or in English while it is untranslated."""
        return value.get(self.lang) or value["en"]

    def __call__(self, key: str, **values: object) -> str:
        """A message with its ``{placeholders}`` filled in; values are never read as templates."""
        return self.text(self.messages[key]).format(**values)

    def number(self, value: float) -> str:
        rounded = round(value, 2)
        text = f"{rounded:.2f}".rstrip("0").rstrip(".") if rounded % 1 else f"{rounded:.0f}"
        return text.replace(".", self("decimal-mark")).replace("-", "−")

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
