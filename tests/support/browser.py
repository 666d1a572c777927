"""Pages whose traffic is recorded: every request, every answer refused or redirected, every
console error. Tests judge from the record that the site stays on its own origin."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, ConsoleMessage, Page, Response

LOCAL_SCHEMES = {"data", "blob", "about"}
NOT_MODIFIED = 304
CONTEXT_TIMEOUT_MS = 60_000
"""Two cores shared with Pyodide's start-up."""


class RecordedPage:
    """A page whose every request is kept, for the offline check and for tests that count, and
    every answer the server refused (status 400 or more) or redirected, and every console error."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.requests: list[str] = []
        self.refused: list[str] = []
        self.redirected: list[str] = []
        self.console_errors: list[str] = []
        self._listeners: dict[str, Any] = {
            "request": lambda request: self.requests.append(request.url),
            "response": self._keep_status,
            "console": self._keep_console_error,
            "pageerror": lambda error: self.console_errors.append(f"uncaught: {error}"),
        }
        for event, listener in self._listeners.items():
            page.on(event, listener)

    def stop(self) -> None:
        """Record nothing more: the tab goes on to another page, recorded anew."""
        for event, listener in self._listeners.items():
            self.page.remove_listener(event, listener)

    def _keep_status(self, response: Response) -> None:
        if response.status >= 400:
            self.refused.append(f"{response.status} {response.url}")
        elif 300 <= response.status < 400 and response.status != NOT_MODIFIED:
            self.redirected.append(f"{response.status} {response.url}")

    def _keep_console_error(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

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
    context.set_default_timeout(CONTEXT_TIMEOUT_MS)
    recorded = RecordedPage(context.new_page(), base_url)
    yield recorded
    context.close()
    assert recorded.foreign_requests() == [], "requests left the local origin"
