"""The search index is built only when the reader is about to search (or, on a calculator page,
once Python has answered), in that page alone; a query typed at once is still answered."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Page, expect

from tests.support.calculators import answer_co_production, open_ready

MATERIAL_WORKER = re.compile(r"/assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")
QUIET_MS = 1500
"""How long a page is left alone after it has loaded before the test judges that nothing started."""


def _material_worker_requested(requests: list[str]) -> bool:
    return any(MATERIAL_WORKER.search(url) for url in requests)


def _wait_for_material_worker(page: Page, requests: list[str]) -> None:
    deadline = time.monotonic() + 30
    while not _material_worker_requested(requests) and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert _material_worker_requested(requests), "the index was never built"


def _first_result(page: Page):
    """The best result, once there is one: building the index may take long on a busy machine
    (the page's timeout), answering the whole query then takes a moment (expect's)."""
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    return results.first.locator("a").first


def test_a_reading_page_builds_the_index_once_the_search_field_has_focus_and_no_other_tab(
    visit,
) -> None:
    page = visit.open("fields/anchoring/")
    other = page.context.new_page()
    other_requests: list[str] = []
    other.on("request", lambda request: other_requests.append(request.url))
    other.goto(visit.base_url + "values/")
    page.bring_to_front()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(QUIET_MS)
    assert not _material_worker_requested(visit.requests), "the index was built unasked"
    page.keyboard.press("/")
    expect(page.locator(".md-search__input")).to_be_focused()
    _wait_for_material_worker(page, visit.requests)
    page.keyboard.type("anchoring")
    expect(_first_result(page)).to_have_attribute("href", re.compile(r"fields/anchoring/"))
    other.wait_for_timeout(QUIET_MS)
    assert not _material_worker_requested(other_requests), "one tab's search built another's index"


def test_a_query_typed_at_once_on_a_reading_page_is_answered(visit) -> None:
    page = visit.open("nb/values/")
    page.keyboard.press("/")
    page.keyboard.type("forankring")
    expect(_first_result(page)).to_have_attribute("href", re.compile(r"nb/fields/anchoring/"))


def test_a_calculator_page_builds_the_index_once_python_has_answered(visit) -> None:
    page = open_ready(visit, "tools/matrix/")
    assert not _material_worker_requested(visit.requests), "built while Python started"
    answer_co_production(page)
    _wait_for_material_worker(page, visit.requests)


@pytest.mark.parametrize(
    ("path", "words", "found"),
    [
        ("tools/soimpact/", "anchoring", r"fields/anchoring/"),
        ("nb/tools/assessment/", "forankring", r"nb/fields/anchoring/"),
    ],
)
def test_search_on_a_calculator_page_answers_at_once(visit, path, words, found) -> None:
    page = visit.open(path)
    page.keyboard.press("/")
    page.keyboard.type(words)
    expect(_first_result(page)).to_have_attribute("href", re.compile(found))
