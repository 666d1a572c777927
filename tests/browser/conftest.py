"""The browser layer: the built site on a local server under a sub-path, driven in Chromium.

Every request the page (and its workers) makes is recorded; a test fails if any of them goes
anywhere but the local server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from sitebuild.npm import AXE_CORE, vendored
from sitebuild.static_server import serving
from tests.support.chromium import launch

LOCAL_SCHEMES = {"data", "blob", "about"}


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serving(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    return vendored(AXE_CORE) / "axe.min.js"


class RecordedPage:
    """A page whose every request is kept, for the offline check and for tests that count."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.requests: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))

    def open(self, path: str = "") -> Page:
        self.page.goto(self.base_url + path)
        return self.page

    def foreign_requests(self) -> list[str]:
        origin = urlsplit(self.base_url)
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).netloc != origin.netloc
        ]


@pytest.fixture
def visit(browser: Browser, base_url: str) -> Iterator[RecordedPage]:
    context = browser.new_context()
    recorded = RecordedPage(context.new_page(), base_url)
    yield recorded
    context.close()
    assert recorded.foreign_requests() == [], "requests left the local origin"


@pytest.fixture
def visit_as(browser: Browser, base_url: str) -> Iterator[Callable[[str], RecordedPage]]:
    """Like ``visit``, for a reader whose browser prefers ``locale`` ('nb-NO', 'en-GB', ...)."""
    visits: list[tuple[object, RecordedPage]] = []

    def open_as(locale: str) -> RecordedPage:
        context = browser.new_context(locale=locale)
        recorded = RecordedPage(context.new_page(), base_url)
        visits.append((context, recorded))
        return recorded

    yield open_as
    for context, recorded in visits:
        context.close()
        assert recorded.foreign_requests() == [], "requests left the local origin"
