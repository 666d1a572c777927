"""The site makes no request outside its own origin, nor one its server refuses or redirects,
and logs no error; reading pages never load Pyodide, and calculator pages start it at once.

Judged on every server from the one walk of the whole site (tests/support/walk.py).
"""

from __future__ import annotations

from playwright.sync_api import expect

from tests.support.calculators import FIRST_RESULT
from tests.support.servers import EVERY_SERVER
from tests.support.walk import WALKING, PageRecord, Walk, Walks


def _site_walked_on(walks: Walks, server: str) -> Walk:
    walk = walks.of(server)
    assert len(walk.pages) >= 5
    return walk


@WALKING
@EVERY_SERVER
def test_every_page_stays_local(walks: Walks, server: str) -> None:
    walk = _site_walked_on(walks, server)
    assert walk.found(lambda record: record.tab.foreign_requests()) == {}


@WALKING
@EVERY_SERVER
def test_no_page_asks_for_anything_the_server_refuses_or_redirects(
    walks: Walks, server: str
) -> None:
    """A refused answer is a missing file (as the sitemap.xml Material once fetched beside every
    page); a redirect is a detour an offline copy cannot follow."""
    walk = _site_walked_on(walks, server)
    assert walk.found(lambda record: record.tab.refused + record.tab.redirected) == {}


@WALKING
@EVERY_SERVER
def test_no_page_logs_an_error(walks: Walks, server: str) -> None:
    walk = _site_walked_on(walks, server)
    assert walk.found(lambda record: record.tab.console_errors) == {}


@WALKING
@EVERY_SERVER
def test_reading_pages_load_no_python(walks: Walks, server: str) -> None:
    def python_to_read(record: PageRecord) -> list[str]:
        return [] if record.runs_python else record.python_requests()

    assert _site_walked_on(walks, server).found(python_to_read) == {}


@WALKING
@EVERY_SERVER
def test_calculator_pages_start_python_before_the_form_is_read(walks: Walks, server: str) -> None:
    walk = _site_walked_on(walks, server)
    calculators = {path: record for path, record in walk.pages.items() if record.tool}
    assert {record.tool for record in calculators.values()} == set(FIRST_RESULT)
    read_first = {path: record.form_read_first for path, record in calculators.items()}
    assert {path: read for path, read in read_first.items() if read is not False} == {}


def test_search_works_offline(visit) -> None:
    page = visit.open()
    page.keyboard.press("/")
    page.keyboard.type("democracy")
    expect(page.locator(".md-search-result__item").first).to_contain_text(
        "democracy", ignore_case=True
    )
