"""The site makes no request outside its own origin, nor one its server refuses or redirects,
and logs no error; reading pages never load Pyodide, and calculator pages start it at once.

Judged on every server from its walk (tests/support/walk.py): every page on the readers' server,
and there every request must be for a file of the site, which every other server sends alike
(test_served_alike.py).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import expect

from sitebuild.languages import Language
from tests.support.calculators import FIRST_RESULT
from tests.support.served import file_for
from tests.support.servers import READERS_SERVER
from tests.support.walk import (
    EVERY_LANGUAGE,
    EVERY_WALK,
    WALKING,
    PageRecord,
    Walk,
    Walked,
    Walks,
)


def _site_walked_on(walks: Walks, walked: Walked) -> Walk:
    walk = walks.of(walked)
    assert len(walk.pages) >= 5
    return walk


@WALKING
@EVERY_WALK
def test_every_page_stays_local(walks: Walks, walked: Walked) -> None:
    walk = _site_walked_on(walks, walked)
    assert walk.found(lambda record: record.tab.foreign_requests()) == {}


@WALKING
@EVERY_WALK
def test_no_page_asks_for_anything_the_server_refuses_or_redirects(
    walks: Walks, walked: Walked
) -> None:
    """A refused answer is a missing file (as the sitemap.xml Material once fetched beside every
    page); a redirect is a detour an offline copy cannot follow."""
    walk = _site_walked_on(walks, walked)
    assert walk.found(lambda record: record.tab.refused + record.tab.redirected) == {}


@WALKING
@EVERY_WALK
def test_no_page_logs_an_error(walks: Walks, walked: Walked) -> None:
    walk = _site_walked_on(walks, walked)
    assert walk.found(lambda record: record.tab.console_errors) == {}


@WALKING
@EVERY_WALK
def test_reading_pages_load_no_python(walks: Walks, walked: Walked) -> None:
    def python_to_read(record: PageRecord) -> list[str]:
        return [] if record.runs_python else record.python_requests()

    assert _site_walked_on(walks, walked).found(python_to_read) == {}


@WALKING
@EVERY_WALK
def test_calculator_pages_start_python_before_the_form_is_read(
    walks: Walks, walked: Walked
) -> None:
    walk = _site_walked_on(walks, walked)
    calculators = {path: record for path, record in walk.pages.items() if record.tool}
    assert {record.tool for record in calculators.values()} == set(FIRST_RESULT)
    read_first = {path: record.form_read_first for path, record in calculators.items()}
    assert {path: read for path, read in read_first.items() if read is not False} == {}


@WALKING
@EVERY_LANGUAGE
def test_pages_ask_their_server_for_files_of_the_site_only(
    site: Path, walks: Walks, language: Language
) -> None:
    """What the other servers are shown to send alike (test_served_alike.py) is all a page
    asks for: no generated answer, query or address outside the site's folder."""

    def not_files(record: PageRecord) -> list[str]:
        base = urlsplit(record.tab.base_url)
        asked = [urlsplit(url) for url in record.tab.requests]
        return [
            url.geturl()
            for url in asked
            if url.netloc == base.netloc
            and not (
                url.path.startswith(base.path)
                and not url.query
                and file_for(site, url.path.removeprefix(base.path))
            )
        ]

    assert walks.of(Walked(READERS_SERVER, language)).found(not_files) == {}


def test_search_works_offline(visit) -> None:
    page = visit.open()
    page.keyboard.press("/")
    page.keyboard.type("democracy")
    expect(page.locator(".md-search-result__item").first).to_contain_text(
        "democracy", ignore_case=True
    )
