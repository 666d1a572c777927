"""Read a built page the way the build tests need it: ids with their text, links, main heading."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Page:
    texts: dict[str, str] = field(default_factory=dict)
    """The text inside each element that has an id, whitespace collapsed."""
    links: list[str] = field(default_factory=list)
    h1: str = ""


class OpenElements(HTMLParser):
    """A reader that knows the elements open at each point, each with a note of its own."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, Any]] = []

    def handle_endtag(self, tag: str) -> None:
        """Close ``tag`` and whatever was left open inside it (HTML may omit end tags)."""
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return


class _Reader(OpenElements):
    def __init__(self) -> None:
        super().__init__()
        self.page = Page()
        self.parts: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.page.links.append(values["href"] or "")
        if tag in VOID:
            if values.get("id"):
                self.parts.setdefault(values["id"] or "", [])
            return
        keys = [key for key in (values.get("id"), "h1" if tag == "h1" else None) if key]
        for key in keys:
            self.parts.setdefault(key, [])
        self.open.append((tag, keys))

    def handle_data(self, data: str) -> None:
        for _, keys in self.open:
            for key in keys:
                self.parts[key].append(data)


def read_page(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    texts = {
        key: re.sub(r"\s+", " ", "".join(parts)).strip() for key, parts in reader.parts.items()
    }
    page = reader.page
    page.h1 = texts.pop("h1", "")
    page.texts = texts
    return page
