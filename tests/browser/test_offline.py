"""The site makes no request outside its own origin, nor one its server refuses; reading pages
never load Pyodide, and calculator pages start it at once."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import RecordedPage
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


def test_every_page_stays_local_asks_for_nothing_missing_and_reading_pages_load_no_python(
    site: Path, visit
) -> None:
    """Each page opens in a tab of its own, closed after: a calculator page's worker may still be
    starting Python when the page is left, and its late requests must not be counted as the next
    page's (as they were when one tab went from page to page). A reading page is watched until
    the network has been quiet for a while; a calculator page (whose worker downloads Python for
    many seconds, every request of it checked by the calculators' own tests) until it loaded."""
    pages = built_pages(site)
    assert len(pages) >= 5
    found = {}
    for path in pages:
        tab = RecordedPage(visit.page.context.new_page(), visit.base_url)
        page = tab.open(path)
        # Calculator pages start Python; the server self-check downloads it to check it.
        runs_python = page.locator("form[data-calculator], #server-check-results").count() > 0
        if not runs_python:
            page.wait_for_load_state("networkidle")
        page.close()
        python = [url for url in tab.requests if "/pyodide/" in url or ".zip" in url]
        if tab.foreign_requests() or tab.refused or (python and not runs_python):
            found[path] = tab.foreign_requests() + tab.refused + python
    assert found == {}, "pages that left the origin, were refused, or fetched Python to read"


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
