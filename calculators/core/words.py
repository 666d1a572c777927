"""Text in the page's language: the one place a calculator turns content ``Text`` into words.

The build refuses content with a missing translation (``model.load``), so every text exists
in every language of the site and there is no fallback to English here.
"""

from __future__ import annotations

from typing import Any

Text = dict[str, str]


def in_language(value: Text, lang: str) -> str:
    """A content text in ``lang``."""
    return value[lang]


class Words:
    """A tool's messages (``{key: Text}``) in one language, with their placeholders filled in.

    Tools subclass it for the names of their own things (cells, roles, options).
    """

    def __init__(self, messages: dict[str, Text], lang: str) -> None:
        self.messages = messages
        self.lang = lang

    def text(self, value: Text) -> str:
        return in_language(value, self.lang)

    def __call__(self, key: str, **values: Any) -> str:
        """A message with its ``{placeholders}`` filled in; values are never read as templates."""
        return self.text(self.messages[key]).format(**values)

    def count(self, key: str, count: int, **values: Any) -> str:
        """A message about ``count`` things; ``<key>-one`` is its singular form."""
        return self(f"{key}-one" if count == 1 else key, count=count, **values)
