"""The built matrix page: its advice links lead to pages of the site, its examples are there."""

from __future__ import annotations

from pathlib import Path

from calculators.core.blocks import doc_url
from tests.support.content import guide_model
from tests.support.site import built_pages

TOOL = guide_model().matrix_tool


def test_every_advice_link_leads_to_a_built_page_and_anchor(site: Path) -> None:
    """The result's links are made in the browser, so the build's link check never sees them."""
    pages = set(built_pages(site))
    for link in TOOL.pages.values():
        path, _, anchor = doc_url(link.page).partition("#")
        assert path in pages, link.page
        if anchor:
            html = (site / path / "index.html").read_text(encoding="utf-8")
            assert f'id="{anchor}"' in html, link.page


def test_the_page_shows_the_rule_and_every_example(site: Path) -> None:
    html = (site / "tools/matrix/index.html").read_text(encoding="utf-8")
    assert "Points for each answer" in html
    assert "this guide&#39;s own construction" in html  # said where the rule is explained
    for example in TOOL.examples:
        assert f'id="example-{example.id}"' in html
        assert f"""data-payload='{{"example": "{example.id}"}}'""" in html
