"""Macros render small, escaped HTML from the model."""

from __future__ import annotations

import re

import pytest

from macros import TEMPLATES, cite, render, render_markdown, translate
from macros.figures import circle_layout, model_layout
from macros.pages import Pages
from model.base import Source, Text
from model.schema import ValuesFile
from tests.support.content import guide_model

MODEL = guide_model()


def pages_at(url: str, model=MODEL, lang: str = "en") -> Pages:
    pages = Pages(model, render, render_markdown, translate)
    pages.page_url = url
    pages.lang = lang
    return pages


def test_value_cards_show_each_value_with_its_source_and_link() -> None:
    html = pages_at("values/").value_cards()
    assert html.count('<section class="guide-card"') == 4
    assert "Handbook ch. 3, p. 24–25" in html
    assert '<a href="openness/">Openness</a>' in html
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
    model = MODEL.model_copy(update={"values": ValuesFile(values=values)})
    html = pages_at("values/", model).value_cards()
    assert "<b>bold</b>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "a &amp; b" in html


def test_matrix_table_has_headers_for_both_axes() -> None:
    html = pages_at("matrix/").matrix_table()
    assert html.count('scope="col"') == 3
    assert html.count('scope="row"') == 3
    assert html.count("<td class=") == 9


def test_missing_translation_is_an_error_not_a_fallback() -> None:
    assert translate(Text(en="Openness", nb="Åpenhet"), "nb") == "Åpenhet"
    with pytest.raises(ValueError, match="missing 'nb' translation"):
        translate(Text(en="Openness"), "nb")


def test_cite_format() -> None:
    assert cite(Source(chapter=6, pages="49–51"), "ch. {chapter}, p. {pages}") == "ch. 6, p. 49–51"


@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "Handbook ch. 6, p. 49–51"), ("nb", "Håndboka kap. 6, s. 49–51")]
)
def test_citations_and_labels_follow_the_page_language(lang: str, expected: str) -> None:
    template = TEMPLATES.from_string("{{ source | cite }}")
    source = Source(chapter=6, pages="49–51")
    assert template.render(source=source, lang=lang, labels=MODEL.ui.labels) == expected
    assert pages_at("", lang=lang).label("citation") == translate(MODEL.ui.labels["citation"], lang)


def test_checklist_is_a_labelled_list_that_needs_no_script() -> None:
    html = pages_at("checklists/").checklist("chapter-4")
    boxes = re.findall(r'<input type="checkbox" id="([^"]+)"', html)
    assert len(boxes) == 9
    for box in boxes:
        assert f'<label for="{box}">' in html
    assert 'data-checklist="chapter-4"' in html
    assert '<div class="guide-checklist-actions" hidden>' in html  # buttons only with JS
    assert "<noscript>" in html
    assert html.count("Handbook ch. 4, p. 39") == 9


def test_workshop_view_holds_every_checklist_and_the_total() -> None:
    html = pages_at("checklists/").all_checklists()
    assert html.count("data-checklist=") == 5
    assert "All checklists: {done} of {total} done" in html


def test_chapter_outro_has_questions_checklist_cases_and_related_links() -> None:
    markdown = pages_at("chapters/seven-fields-of-action/").chapter_outro(4)
    for heading in ("## Cases from the handbook", "## Questions to discuss", "## Advice checklist"):
        assert heading in markdown
    assert 'id="case-sisters-in-business"' in markdown
    assert 'href="../../fields/"' in markdown


def test_value_page_links_to_the_fields_it_supports() -> None:
    markdown = pages_at("values/democracy/").value_outro("democracy")
    supported = [field for field in MODEL.fields.fields if "democracy" in field.values]
    assert supported
    for field in supported:
        assert f'href="../../fields/{field.id}/"' in markdown


def test_model_figure_is_an_image_with_text_and_a_table() -> None:
    html = pages_at("model/").model_figure()
    assert re.search(
        r'<svg role="img" aria-labelledby="figure-model-title figure-model-desc"', html
    )
    assert html.count('<text class="band-label"') == 7
    assert html.count('<text class="pillar-label"') == 4
    assert html.count('scope="row"') == 7


def test_circle_has_one_arrow_per_stage_and_its_stages_in_words() -> None:
    html = pages_at("circle/").circle_figure("spiral", 4)
    assert html.count('class="arc"') == 5
    for name in ("Map it", "Focus it", "People it", "Market it", "Grow it"):
        assert name in html
    assert '<ol class="guide-stages"' in html


def test_rooms_are_a_table_with_time_across_and_tone_down() -> None:
    html = pages_at("fields/focus-on-resources/").rooms_figure()
    assert html.count('scope="col"') == 2
    assert html.count('scope="row"') == 2
    assert 'id="room-desired-solutions" class="room-future-good"' in html


def test_layouts_place_every_label_inside_the_figure() -> None:
    layout = model_layout(["a"] * 4, ["b"] * 7)
    assert all(0 < band.y < layout.height for band in layout.bands)
    long = model_layout(["a"] * 4, ["Working with several competencies simultaneously"])
    band = long.bands[0]
    assert band.lines == ["Working with several", "competencies simultaneously"]
    last = band.baseline + long.line_height * (len(band.lines) - 1)
    assert band.y - band.height / 2 < band.baseline - long.line_height + 4
    assert last < band.y + band.height / 2
    circle = circle_layout(["s"] * 5)
    for node in circle.nodes:
        assert node.width / 2 <= node.x <= circle.size - node.width / 2
        assert node.height / 2 <= node.y <= circle.size - node.height / 2


def test_glossary_is_alphabetical_and_links_relative() -> None:
    html = pages_at("glossary/").glossary()
    terms = re.findall(r'<dt id="term-[^"]+">([^<]+)</dt>', html)
    assert terms == sorted(terms, key=str.casefold)
    assert 'href="../fields/anchoring/"' in html


def test_abbreviations_come_from_the_glossary() -> None:
    lines = pages_at("").abbreviations().splitlines()
    assert "*[SROI]: Social Return on Investment" in lines
    assert all(line.startswith("*[") for line in lines)
