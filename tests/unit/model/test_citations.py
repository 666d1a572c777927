"""Every handbook page the guide cites lies inside the part it names (the table of contents).

The extracted handbook has no page numbers, so a citation can only be checked against the
table of contents in ``content/handbook.yml``: structured ``source:`` keys when the content
loads, and citations written into prose (pages and texts) here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from model.load import CONTENT_DIR, texts
from model.schema import Model
from tests.support.content import edit, error_of, guide_model, line_of

DOCS = CONTENT_DIR.parent / "docs"

INLINE = re.compile(r"\b(?:ch|kap)\.\s+([0-6]),\s+(?:p|s)\.\s+(\d+)(?:–(\d+))?")
"""'ch. 4, p. 34' or 'kap. 1, s. 13–14', also across a line break."""


def _out_of_range(model: Model, text: str) -> list[str]:
    parts = {part.number: part for part in model.handbook.parts}
    wrong = []
    for match in INLINE.finditer(text):
        part = parts[int(match[1])]
        first, last = int(match[2]), int(match[3] or match[2])
        if not part.first <= first <= last <= part.last:
            wrong.append(" ".join(match[0].split()))
    return wrong


def test_the_table_of_contents_covers_the_foreword_and_six_chapters() -> None:
    parts = guide_model().handbook.parts
    assert [(part.number, part.first, part.last) for part in parts] == [
        (0, 2, 4),
        (1, 5, 15),
        (2, 16, 21),
        (3, 22, 29),
        (4, 30, 39),
        (5, 40, 45),
        (6, 46, 55),
    ]


def test_a_page_outside_its_chapter_fails_with_file_and_line(content: Path) -> None:
    file = content / "values.yml"
    edit(file, 'source: {chapter: 3, pages: "26"}', 'source: {chapter: 3, pages: "21–26"}')
    line = line_of(file, 'pages: "21–26"')
    assert error_of(content) == (
        f"{file}:{line}: values[1].points[0].source: p. 21–26 is not in chapter 3 (p. 22–29)"
    )


def test_the_foreword_is_held_to_its_own_pages(content: Path) -> None:
    file = content / "glossary.yml"
    edit(file, 'source: {chapter: 0, pages: "2"}', 'source: {chapter: 0, pages: "15"}')
    assert error_of(content).endswith("source: p. 15 is not in the foreword (p. 2–4)")


def test_slips_the_reader_found_are_fixed() -> None:
    model = guide_model()
    ks = next(term for term in model.glossary.terms if term.id == "ks")
    assert (ks.source.chapter, ks.source.pages) == (0, "2")
    democracy = next(value for value in model.values.values if value.id == "democracy")
    assert democracy.source.page_range[0] == 26


@pytest.mark.parametrize(
    "page", sorted(DOCS.rglob("*.md")), ids=lambda path: str(path.relative_to(DOCS))
)
def test_citations_in_a_page_lie_in_their_chapter(page: Path) -> None:
    assert _out_of_range(guide_model(), page.read_text(encoding="utf-8")) == []


def test_citations_in_content_texts_lie_in_their_chapter() -> None:
    model = guide_model()
    wrong = [
        (path, cited)
        for name in type(model).model_fields
        for path, text in texts(getattr(model, name), (name,))
        for language in ("en", "nb")
        for cited in _out_of_range(model, getattr(text, language) or "")
    ]
    assert wrong == []


def test_the_inline_pattern_reads_both_languages_and_line_breaks() -> None:
    model = guide_model()
    assert _out_of_range(model, "(Handbook ch. 1,\np. 16)") == ["ch. 1, p. 16"]
    assert _out_of_range(model, "(Håndboka kap. 6, s. 47–56)") == ["kap. 6, s. 47–56"]
    assert _out_of_range(model, "(ch. 1, p. 14; kap. 3–5)") == []
