"""Calculator pages build the search index once Python has answered; search works all along."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from tests.support.calculators import answer_co_production, open_ready

MATERIAL_WORKER = re.compile(r"/assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")


def _material_worker_requested(visit) -> bool:
    return any(MATERIAL_WORKER.search(url) for url in visit.requests)


def test_the_index_waits_for_pythons_first_answer(visit) -> None:
    page = open_ready(visit, "tools/matrix/")
    assert not _material_worker_requested(visit), "the index was built while Python started"
    answer_co_production(page)
    deadline = time.monotonic() + 30
    while not _material_worker_requested(visit) and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert _material_worker_requested(visit), "the index was never built"


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
    first = page.locator(".md-search-result__item").first.locator("a").first
    expect(first).to_have_attribute("href", re.compile(found))
