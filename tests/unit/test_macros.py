"""Macros render small, escaped HTML from the model."""

from __future__ import annotations

import pytest

from macros import cite, render, translate
from macros.content import load_content
from macros.schema import Source, Text, ValuesFile

MODEL = load_content()


def test_value_cards_show_each_value_with_its_source() -> None:
    html = render("value_cards.j2", values=MODEL.values.values)
    assert html.count('<section class="guide-card"') == 4
    assert "Handbook ch. 3, p. 24–25" in html
    assert "\n\n" not in html  # one Markdown HTML block


def test_content_text_is_escaped() -> None:
    values = ValuesFile.model_validate(
        {
            "values": [
                {
                    "id": "x",
                    "name": {"en": "<b>bold</b>"},
                    "summary": {"en": "a & b"},
                    "why": {"en": "w"},
                    "questions": [{"en": "q"}],
                    "source": {"chapter": 3, "pages": "24"},
                }
            ]
        }
    ).values
    html = render("value_cards.j2", values=values)
    assert "<b>bold</b>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "a &amp; b" in html


def test_matrix_table_has_headers_for_both_axes() -> None:
    html = render("matrix_table.j2", matrix=MODEL.matrix)
    assert html.count('scope="col"') == 3
    assert html.count('scope="row"') == 3
    assert html.count("<td class=") == 9


def test_missing_translation_is_an_error_not_a_fallback() -> None:
    assert translate(Text(en="Openness", nb="Åpenhet"), "nb") == "Åpenhet"
    with pytest.raises(ValueError, match="missing 'nb' translation"):
        translate(Text(en="Openness"), "nb")


def test_cite_format() -> None:
    assert cite(Source(chapter=6, pages="49–51")) == "Handbook ch. 6, p. 49–51"
