"""The browser layer: the built site on a local server under a sub-path, driven in Chromium.

Most tests judge what the pages and the calculators do, which is the same whichever server sends
the bytes: they run once, on nginx with the shipped ``deploy/nginx.conf`` (``READERS_SERVER``),
because that is the server readers meet, so the one run also exercises the shipped headers,
compression and caching. The tests that judge what a server sends (the policy header, refused or
redirected requests, compressed copies, the server self-check page, the offline copy's
requests) run on every server of ``SERVERS``: the project's own test server, and Debian's nginx
and Apache httpd configured with the files the guide ships for them. They take ``server`` from
``EVERY_SERVER`` and ask ``servers`` for its URL; each server starts once, when first asked.

Every page is walked once per language on the readers' server, the accessibility checks and the
server's part in one visit; on the other servers the pages that run Python are walked, and every
file is shown to come back as from the readers' server (``walks``, tests/support/walk.py): the
tests of every page read those records. Every request a
page (and its workers) makes is recorded; a test fails if any of them goes anywhere but the local
server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from sitebuild.npm import AXE_CORE, VNU_JAR, vendored
from sitebuild.static_server import DEFAULT_PREFIX
from tests.browser.a11y import REFLOW_SCALE, REFLOW_VIEWPORT
from tests.support.browser import RecordedPage, recorded_page
from tests.support.chromium import launch
from tests.support.servers import READERS_SERVER, RunningServers
from tests.support.walk import Walks


@pytest.fixture(scope="session")
def servers(site: Path) -> Iterator[RunningServers]:
    with ExitStack() as stack:
        yield RunningServers(site, DEFAULT_PREFIX, stack)


@pytest.fixture(scope="session")
def base_url(servers: RunningServers) -> str:
    """The site on the readers' server: where every test that does not judge a server runs."""
    return servers.url(READERS_SERVER)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    return vendored(AXE_CORE) / "axe.min.js"


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


@pytest.fixture(scope="session")
def walks(browser: Browser, site: Path, servers: RunningServers, axe_script: Path) -> Walks:
    """The one recorded visit of every page, per server (tests/support/walk.py)."""
    return Walks(browser, site, servers, axe_script)
