"""The built site holds the whole model: every part on its page, cited, and every link working."""

from __future__ import annotations

import posixpath
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from macros import translate
from macros.links import doc_url
from sitebuild.languages import Language, language_of
from tests.support.html import Page, read_page
from tests.support.inventory import Entry, inventory
from tests.support.model import content_model
from tests.support.site import LANGUAGES, built_pages

MODEL = content_model()
ENTRIES = inventory(MODEL)
CHECKLIST_SIZES = {1: 3, 2: 6, 3: 4, 4: 9, 6: 10}
"""The handbook's "Advice and recommendations" lists: chapter → number of items."""


@cache
def page_at(site: Path, url: str) -> Page:
    return read_page((site / url / "index.html").read_text(encoding="utf-8"))


def test_the_inventory_covers_every_part_of_the_model() -> None:
    """The test below is only as good as the list it walks: spot-check that it is complete."""
    anchors = {(entry.doc, entry.anchor) for entry in ENTRIES}
    assert len(ENTRIES) > 250
    assert ("matrix.md", "cell-co-production") in anchors
    assert ("fields/anchoring.md", "point-mooring-upwards") in anchors
    assert ("soimpact.md", "impact-step-zero-point") in anchors
    assert ("chapters/on-a-trip-together.md", "box-wicked-problems") in anchors
    assert sum(1 for entry in ENTRIES if entry.anchor and entry.anchor.startswith("case-")) == len(
        MODEL.cases.cases
    )


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: f"{entry.doc}#{entry.anchor}")
def test_every_part_of_the_model_is_on_its_page(
    site: Path, entry: Entry, language: Language
) -> None:
    page = page_at(site, language.prefix + doc_url(entry.doc))
    name = translate(entry.name, language.code)
    if entry.anchor is None:
        assert name in page.h1
    else:
        assert entry.anchor in page.texts, f"no element with id {entry.anchor!r}"
        assert name in page.texts[entry.anchor]


def test_every_advice_list_is_a_checklist_with_all_its_items() -> None:
    sizes = {checklist.chapter: len(checklist.items) for checklist in MODEL.checklists.checklists}
    assert sizes == CHECKLIST_SIZES


GUIDE_PAGES = {"accessibility/", "privacy/"}
"""Pages about the guide itself (accessibility, storage): they draw nothing from the book."""


def test_every_page_cites_the_handbook_in_its_language(site: Path) -> None:
    citation = MODEL.ui.labels["citation"]
    uncited = [
        url
        for url in built_pages(site)
        if url.removeprefix(language_of(url, LANGUAGES).prefix) not in GUIDE_PAGES
        and translate(citation, language_of(url, LANGUAGES).code).split("{")[0]
        not in _html(site, url)
    ]
    assert uncited == []


def test_no_internal_link_is_broken(site: Path) -> None:
    broken = []
    for url in built_pages(site):
        for href in page_at(site, url).links:
            problem = _check_link(site, url, href)
            if problem:
                broken.append(f"{url or '/'}: {href}: {problem}")
    assert broken == []


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_soimpact_is_named_right_and_the_old_spelling_once(site: Path, language: Language) -> None:
    pages = {
        url: _html(site, url)
        for url in built_pages(site)
        if language_of(url, LANGUAGES) == language
    }
    assert sum(html.count("SolImpact") for html in pages.values()) == 1
    assert "SoCentral" in pages[f"{language.prefix}soimpact/"]


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _check_link(site: Path, url: str, href: str) -> str | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("mailto:"):
        return None  # external links are checked by the offline tests, not here
    target = posixpath.normpath(posixpath.join(url, unquote(parts.path))) if parts.path else url
    target = "" if target == "." else target
    if target.startswith(".."):
        return "leaves the site"
    file = site / target
    if file.is_dir():
        file = file / "index.html"
    if not file.is_file():
        return "no such page"
    if parts.fragment and file.name == "index.html":
        ids = page_at(site, file.parent.relative_to(site).as_posix().removeprefix("."))
        if parts.fragment not in ids.texts:
            return f"no anchor #{parts.fragment}"
    return None
