"""Find English left on a Norwegian page: the page's text, and a test for English sentences.

What a reader meets is every text node of the page (scripts and styles aside) plus the attribute
texts a browser shows or reads aloud (``title``, ``aria-label``, ``alt``, ``placeholder``, and
phrases the page scripts show). Parts that are meant to stay as they are
say so in the HTML: ``lang="en"`` for an English term (which screen readers need anyway) and
``translate="no"`` for bibliographic data and names; those are left out.
"""

from __future__ import annotations

import re

from tests.support.html import VOID, OpenElements

SKIPPED = {"script", "style", "template"}
BLOCKS = {
    *("p", "li", "dt", "dd", "td", "th", "caption", "figcaption", "label", "legend", "button"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "title", "desc", "text", "div", "section", "nav"),
    *("header", "footer", "aside", "ul", "ol", "dl", "table", "tr", "figure", "summary", "a"),
}
SPOKEN_ATTRIBUTES = {"title", "aria-label", "alt", "placeholder"}
SCRIPT_MESSAGES = {
    *("data-progress", "data-reset-done", "data-done", "data-confirm", "data-nothing"),
    *("data-failed", "data-menu", "data-search", "data-back", "data-remove-label"),
    "data-item-label",
}
"""Phrases kept in the HTML for the page scripts (checklists, privacy, navigation, forms)."""
WORD = re.compile(r"[A-Za-zÆØÅæøåÉé]+(?:'[a-z]+)?")
ENGLISH_ONLY = frozenset(
    re.findall(
        r"\w+",
        """the and of with is are was were this that these those what which who whose your you from
        how when where it its will would should could not or on in an their they them our we us
        has had does into about each every than then there here only also but can may between
        through without within while because""",
    )
)
"""Common English words that are not Norwegian words, so Norwegian text never contains them."""


class _Reader(OpenElements):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang  # each open element notes whether it is left out
        self.segments: list[str] = []
        self.current: list[str] = []

    def _left_out(self) -> bool:
        return any(left_out for _, left_out in self.open)

    def _break(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.segments.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        left_out = (
            tag in SKIPPED
            or values.get("translate") == "no"
            or values.get("lang", self.lang) != self.lang
        )
        if tag in BLOCKS:
            self._break()
        if not (left_out or self._left_out()):
            for name, value in values.items():
                if name in SPOKEN_ATTRIBUTES | SCRIPT_MESSAGES and value.strip():
                    self.segments.append(" ".join(value.split()))
        if tag not in VOID:
            self.open.append((tag, left_out))

    def handle_endtag(self, tag: str) -> None:
        super().handle_endtag(tag)
        if tag in BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self._left_out():
            self.current.append(data)


def segments(html: str, lang: str) -> list[str]:
    """The texts of a page in language ``lang`` that a reader sees or hears, block by block."""
    reader = _Reader(lang)
    reader.feed(html)
    reader._break()
    return reader.segments


def words(text: str) -> list[str]:
    return [word.lower() for word in WORD.findall(text)]


def looks_english(text: str) -> bool:
    """At least two English-only words, and at least one word in five: an English phrase.

    A Norwegian sentence that names an English term ('Kartlegg (Map it)') has one such word in
    many, and stays Norwegian.
    """
    found = words(text)
    english = sum(1 for word in found if word in ENGLISH_ONLY)
    return english >= 2 and english * 5 >= len(found)
