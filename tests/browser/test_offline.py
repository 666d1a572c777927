"""The site makes no request outside its own origin, and reading pages never load Pyodide."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from tests.support.site import built_pages


def test_every_page_stays_local_and_reading_pages_load_no_python(site: Path, visit) -> None:
    pages = built_pages(site)
    assert len(pages) >= 5
    for path in pages:
        before = len(visit.requests)
        visit.open(path).wait_for_load_state("networkidle")
        if visit.page.locator("form[data-calculator]").count():
            continue
        python = [url for url in visit.requests[before:] if "/pyodide/" in url or ".zip" in url]
        assert python == [], f"reading page {path!r} fetched {python}"


def test_search_works_offline(visit) -> None:
    page = visit.open()
    page.keyboard.press("/")
    page.keyboard.type("democracy")
    expect(page.locator(".md-search-result__item").first).to_contain_text(
        "democracy", ignore_case=True
    )
