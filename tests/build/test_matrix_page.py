"""The built matrix page: its advice links lead to pages of the site, its examples are there."""

from __future__ import annotations

import re
from pathlib import Path

from macros.content import load_content
from tests.support.site import built_pages

TOOL = load_content().matrix_tool
PLANNED = "fields/"
"""Pages for the fields of action come with the content issue; only they may be missing."""


def test_every_advice_link_leads_to_a_built_page_and_anchor(site: Path) -> None:
    pages = set(built_pages(site))
    missing = []
    for page in TOOL.pages.values():
        path, _, anchor = page.href.partition("#")
        if path not in pages:
            missing.append(page.href)
            continue
        if anchor:
            html = (site / path / "index.html").read_text(encoding="utf-8")
            assert f'id="{anchor}"' in html, page.href
    assert all(href.startswith(PLANNED) for href in missing), missing


def test_the_page_shows_the_rule_and_every_example(site: Path) -> None:
    html = (site / "tools/matrix/index.html").read_text(encoding="utf-8")
    assert "Points for each answer within the half" in html
    for example in TOOL.examples:
        assert f'id="example-{example.id}"' in html
    assert len(re.findall(r'href="#share=[A-Za-z0-9_-]+"', html)) == len(TOOL.examples)
