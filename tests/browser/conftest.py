"""The browser layer: the built site on a local server under a sub-path, driven in Chromium.

Every test runs three times: against the project's own test server, and against Debian's nginx
and Apache httpd configured with the files the guide ships for them. Every request the page (and
its workers) makes is recorded; a test fails if any of them goes anywhere but the local server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Response, sync_playwright

from sitebuild.npm import AXE_CORE, VNU_JAR, vendored
from sitebuild.static_server import DEFAULT_PREFIX
from tests.browser.a11y import REFLOW_SCALE, REFLOW_VIEWPORT
from tests.support.chromium import launch
from tests.support.servers import SERVERS

LOCAL_SCHEMES = {"data", "blob", "about"}


@pytest.fixture(scope="session", params=SERVERS)
def base_url(request: pytest.FixtureRequest, site: Path) -> Iterator[str]:
    with SERVERS[request.param](site, DEFAULT_PREFIX) as url:
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
    """A page whose every request is kept, for the offline check and for tests that count, and
    every answer the server refused (status 400 or more)."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.requests: list[str] = []
        self.refused: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("response", self._keep_refused)

    def _keep_refused(self, response: Response) -> None:
        if response.status >= 400:
            self.refused.append(f"{response.status} {response.url}")

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


@contextmanager
def recorded_page(browser: Browser, base_url: str, **options: Any) -> Iterator[RecordedPage]:
    """A page in a fresh browser context (``options`` as for ``new_context``), checked offline."""
    context = browser.new_context(**options)
    context.set_default_timeout(60_000)  # two cores shared with Pyodide's start-up
    recorded = RecordedPage(context.new_page(), base_url)
    yield recorded
    context.close()
    assert recorded.foreign_requests() == [], "requests left the local origin"


@pytest.fixture
def visit(browser: Browser, base_url: str) -> Iterator[RecordedPage]:
    with recorded_page(browser, base_url) as recorded:
        yield recorded


@pytest.fixture
def visit_as(browser: Browser, base_url: str) -> Iterator[Callable[[str], RecordedPage]]:
    """Like ``visit``, for a reader whose browser prefers ``locale`` ('nb-NO', 'en-GB', ...)."""
    with ExitStack() as stack:
        yield lambda locale: stack.enter_context(recorded_page(browser, base_url, locale=locale))


@pytest.fixture
def visit_zoomed(browser: Browser, base_url: str) -> Iterator[RecordedPage]:
    """A page as seen on a 1280 × 1024 screen at 400 % zoom: 320 CSS px wide (WCAG 1.4.10)."""
    with recorded_page(
        browser, base_url, viewport=REFLOW_VIEWPORT, device_scale_factor=REFLOW_SCALE
    ) as recorded:
        yield recorded


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    return vendored(VNU_JAR) / "build" / "dist" / "vnu.jar"
