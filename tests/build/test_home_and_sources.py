"""The home page leads to every tool in both languages; the sources page speaks the page's language.

Issue 17 found the Norwegian home page without the accessibility and privacy links and both
without two of the three tools; issue 18 found English words and invented titles on the
Norwegian sources page.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.html import read_page

DOCS = Path(__file__).resolve().parents[2] / "docs"
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _links(page: str) -> list[str]:
    return LINK.findall((DOCS / page).read_text(encoding="utf-8"))


def test_the_home_page_links_the_same_pages_in_both_languages() -> None:
    assert _links("index.nb.md") == _links("index.md")


def test_the_home_page_leads_to_every_tool_and_to_accessibility_and_privacy() -> None:
    links = _links("index.md")
    tools = sorted(path.stem for path in (DOCS / "tools").glob("*.md") if "." not in path.stem)
    assert tools == ["assessment", "matrix", "soimpact"]
    for target in [f"tools/{tool}.md" for tool in tools] + ["accessibility.md", "privacy.md"]:
        assert target in links


def _sources(site: Path, prefix: str) -> dict[str, str]:
    return read_page((site / prefix / "about" / "index.html").read_text(encoding="utf-8")).texts


def test_the_norwegian_sources_leave_no_english_words(site: Path) -> None:
    handbook = _sources(site, "nb")["ref-handbook"]
    assert "Kobro (red.)" in handbook
    assert "Skar og Håkon Iversen" in handbook
    assert "Tegninger: Tor Erling Naas" in handbook
    for english in ("(ed.)", " and ", "Drawings", "Licence"):
        assert english not in handbook
    english = _sources(site, "")["ref-handbook"]
    assert "Kobro (ed.)" in english
    assert "Drawings: Tor Erling Naas" in english


def test_the_sources_name_the_works_the_pages_draw_on_by_their_real_titles(site: Path) -> None:
    for prefix in ("", "nb"):
        sources = _sources(site, prefix)
        assert (
            "Demokratisk innovasjon – teorier og modeller for samskapende sosial innovasjon i "
            "norske kommuner" in sources["ref-research-report"]
        )
        assert "Gjete kongens harer" in sources["ref-kobro-2015"]
        assert "Kommunikation og samarbejde" in sources["ref-hermansen-2004"]
        assert "Velferd uten grenser" in sources["ref-vike-2006"]
