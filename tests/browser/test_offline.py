"""The site makes no request outside its own origin, reading pages never load Pyodide, and
calculator pages start it at once."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from tests.support.calculators import calculator_pages
from tests.support.site import built_pages

# Whether the browser had already read the calculator's form when the first worker started.
RECORD_WORKER_START = """
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(...args) {
    window.__formReadFirst ??= document.querySelector("form[data-calculator]") !== null;
    super(...args);
  }
};
"""


def test_every_page_stays_local_and_reading_pages_load_no_python(site: Path, visit) -> None:
    pages = built_pages(site)
    assert len(pages) >= 5
    for path in pages:
        before = len(visit.requests)
        visit.open(path).wait_for_load_state("networkidle")
        # Calculator pages start Python; the server self-check downloads it to check it.
        if visit.page.locator("form[data-calculator], #server-check-results").count():
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


def test_calculator_pages_start_python_before_the_form_is_read(site: Path, visit) -> None:
    visit.page.context.add_init_script(RECORD_WORKER_START)
    for path in sorted(calculator_pages(site)):
        assert visit.open(path).evaluate("window.__formReadFirst") is False, path
