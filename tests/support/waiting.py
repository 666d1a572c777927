"""Waiting for what a page's scripts do in the background (service workers, IndexedDB).

Playwright's ``wait_for_function`` takes a returned Promise for a truthy value at once, so it
cannot wait for an asynchronous check; ``page.evaluate`` awaits one.
"""

from __future__ import annotations

import time

from playwright.sync_api import Error, Page


def eventually(page: Page, expression: str, timeout_s: float = 60) -> None:
    """Wait until ``expression`` (which may return a Promise) is true, across the reloads a
    service worker may cause."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if page.evaluate(expression):
                return
        except Error:  # the page was navigating
            pass
        time.sleep(0.2)
    raise AssertionError(f"still false after {timeout_s} s: {expression}")
