"""The result a calculator returns: a list of plain blocks the page renders as text.

Blocks hold text, never HTML, so the page can insert them with ``textContent``; the one
exception is SVG, which ``calculators.core.svg`` builds with every text escaped.
"""

from __future__ import annotations

from typing import Any

Block = dict[str, Any]
Summary = dict[str, Any]


def heading(text: str, level: int = 2) -> Block:
    """A heading; level 2 (the default, left out of the block) sits right under the page title."""
    block: Block = {"type": "heading", "text": text}
    if level != 2:
        block["level"] = level
    return block


def paragraph(text: str, tone: str | None = None) -> Block:
    """A paragraph; a ``tone`` (e.g. "warning") becomes the class ``guide-tone-<tone>``."""
    block: Block = {"type": "paragraph", "text": text}
    if tone:
        block["tone"] = tone
    return block


def items(entries: list[str], ordered: bool = False) -> Block:
    """A bulleted list, or a numbered one when the order matters (e.g. steps)."""
    block: Block = {"type": "list", "items": entries}
    if ordered:
        block["ordered"] = True
    return block


def figure(svg: str, caption: str) -> Block:
    """An SVG chart with its caption; the chart carries its own title and description."""
    return {"type": "figure", "svg": svg, "caption": caption}


def doc_url(doc: str) -> str:
    """The site URL of a page under ``docs/``: 'fields/anchoring.md#x' → 'fields/anchoring/#x'.

    Content names pages by their file; links in blocks are URLs from the site root
    (``use_directory_urls``). ``macros.links`` uses the same rule for the pages it renders.
    """
    path, _, anchor = doc.partition("#")
    stem = path.removesuffix(".md")
    if stem == "index":
        url = ""
    elif stem.endswith("/index"):
        url = stem.removesuffix("index")
    else:
        url = stem + "/"
    return url + (f"#{anchor}" if anchor else "")


def links(entries: list[tuple[str, str]]) -> Block:
    """A list of links; ``href`` is relative to the site root, resolved by the page."""
    return {"type": "list", "items": [{"text": text, "href": href} for text, href in entries]}


def linked_notes(entries: list[tuple[str, str, str]]) -> Block:
    """A list whose items each start with a link and go on with a note (link text, href, note)."""
    return {
        "type": "list",
        "items": [{"text": text, "href": href, "note": note} for text, href, note in entries],
    }


def table(caption: str, head: list[str], rows: list[list[str | int | float]]) -> Block:
    """A data table; the first cell of each row is its header."""
    return {"type": "table", "caption": caption, "head": head, "rows": rows}


def button(label: str, op: str, payload: dict[str, Any]) -> Block:
    """A button that asks the tool to change its state (e.g. remove one participant)."""
    return {"type": "button", "label": label, "op": op, "payload": payload}


def section(name: str, blocks: list[Block]) -> Block:
    """Blocks kept together in a ``<section class="guide-section-<name>">`` (e.g. for print)."""
    return {"type": "section", "name": name, "blocks": blocks}


def summary(count: str, lines: list[str]) -> Summary:
    """The short result shown beside the form (or in a bar on a phone) while one answers.

    ``count`` says how much of the form is answered ("4 of 9 questions answered"); ``lines``
    are the result in brief, empty until the answers a result needs are in.
    """
    return {"count": count, "lines": lines}
