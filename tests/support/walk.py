"""One visit of every page of the site (both languages) on a server, recorded for the tests.

Opening the pages is what costs; what each test judges of a page is cheap to record. So the site
is walked once per server, and each judgement stays a test of its own that reads the record and
names the pages that fail it.

Every page opens in a tab of its own, closed after: a calculator page's worker may still be busy
when the page is left, and its late requests must not be counted as the next page's. A reading
page is watched until the network has been quiet for a while; a calculator is brought to its
first result (with its charts), the server self-check page until its checks are done.

On every server the walk records what a server can change: each request and where it went,
answers refused or redirected, Content-Security-Policy violations, console errors, whether
Python loaded. On the readers' server it also runs the accessibility checks of every page, which
judge the pages' bytes, the same from any server: the page as loaded and at rest (calculators
still starting Python), then at 320 CSS px.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Error, Page, expect

from tests.browser.a11y import (
    REFLOW_VIEWPORT,
    axe_in_every_look,
    axe_violations,
    focus_problems_along_tab_order,
    overflowing_text,
    overflowing_text_with_spacing,
    rendered_html,
    settle,
)
from tests.support.browser import CONTEXT_TIMEOUT_MS, RecordedPage
from tests.support.calculators import FIRST_RESULT, READY_TIMEOUT_MS, calculator_pages
from tests.support.servers import READERS_SERVER, RunningServers
from tests.support.site import built_pages

WALKING = pytest.mark.timeout(3600)
"""For a test that may be the first to read a walk: it waits for the whole walk (the default
timeout only stops a test that hangs)."""

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""
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
RUNS_PYTHON = "form[data-calculator], #server-check-results"
"""Calculator pages start Python; the server self-check downloads it to check it."""
SERVER_CHECK_RUN = "#server-check-run"


@dataclass
class PageRecord:
    """What one page did while it was open, and what the checks found on it."""

    tab: RecordedPage
    tool: str | None
    """The calculator on the page, if any."""
    runs_python: bool
    violations: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    """Steps of the walk that could not be done (a calculator that gave no result, ...)."""
    form_read_first: bool | None = None
    """Calculator pages: whether their form was read before Python's worker started."""
    lang: str = ""
    rendered: str = ""
    """The live DOM after the page's scripts ran (readers' server only)."""
    accessibility: dict[str, list[str]] = field(default_factory=dict)
    """Findings of each accessibility check by its name (readers' server only)."""

    def python_requests(self) -> list[str]:
        return [url for url in self.tab.requests if "/pyodide/" in url or ".zip" in url]


@dataclass(frozen=True)
class Walk:
    pages: dict[str, PageRecord]

    def found(self, judge: Callable[[PageRecord], list[str]]) -> dict[str, list[str]]:
        """What ``judge`` finds on each page, for the pages on which it finds anything."""
        return {path: found for path, record in self.pages.items() if (found := judge(record))}


def _attempt(step: Callable[[], object], failed: list[str], name: str) -> None:
    try:
        step()
    except (AssertionError, Error) as error:
        failed.append(f"{name}: {error}")


def _findings(check: Callable[[], list[str]]) -> list[str]:
    """The check's findings, or why it could not finish (focus trapped, say)."""
    try:
        return check()
    except (AssertionError, Error) as error:
        return [f"the check could not finish: {error}"]


def _check_accessibility(page: Page, record: PageRecord, axe_script: Path) -> None:
    """Every per-page accessibility check, at desktop width, then at 320 CSS px (WCAG 1.4.10's
    1280 px screen at 400 % zoom), the viewport restored after."""
    settle(page)
    record.lang = page.evaluate("document.documentElement.lang")
    record.rendered = rendered_html(page)  # before axe adds anything
    found = record.accessibility
    found["axe"] = _findings(lambda: axe_in_every_look(page, axe_script))
    found["focus"] = _findings(lambda: focus_problems_along_tab_order(page))
    desktop = page.viewport_size
    page.set_viewport_size(REFLOW_VIEWPORT)
    try:
        settle(page)
        found["zoomed"] = _findings(
            lambda: (
                axe_violations(page, axe_script)
                + overflowing_text(page)
                + overflowing_text_with_spacing(page)
                + focus_problems_along_tab_order(page)
            )
        )
    finally:
        if desktop:
            page.set_viewport_size(desktop)


def _visit(
    context: BrowserContext, base_url: str, path: str, tool: str | None, axe_script: Path | None
) -> PageRecord:
    tab = RecordedPage(context.new_page(), base_url)
    page = tab.open(path)
    record = PageRecord(tab, tool, runs_python=page.locator(RUNS_PYTHON).count() > 0)
    if axe_script is not None:
        _check_accessibility(page, record, axe_script)
    if tool is not None:
        _attempt(lambda: FIRST_RESULT[tool](page), record.failed, f"{tool}'s first result")
        record.form_read_first = page.evaluate("window.__formReadFirst")
    if page.locator(SERVER_CHECK_RUN).count():
        _attempt(
            lambda: expect(page.locator(SERVER_CHECK_RUN)).to_be_enabled(timeout=READY_TIMEOUT_MS),
            record.failed,
            "the server self-check",
        )
    if not record.runs_python:
        page.wait_for_load_state("networkidle")
    record.violations = page.evaluate("window.__violations")
    page.close()
    return record


def walk_site(browser: Browser, site: Path, base_url: str, axe_script: Path | None) -> Walk:
    """Every page of ``site`` served at ``base_url``, visited in one browser context (as one
    reader goes from page to page); with ``axe_script``, each page's accessibility checked."""
    calculators = calculator_pages(site)
    context = browser.new_context()
    context.set_default_timeout(CONTEXT_TIMEOUT_MS)
    context.add_init_script(RECORD_VIOLATIONS)
    context.add_init_script(RECORD_WORKER_START)
    try:
        pages = {
            path: _visit(context, base_url, path, calculators.get(path), axe_script)
            for path in built_pages(site)
        }
    finally:
        context.close()
    return Walk(pages)


class Walks:
    """The walk of each server, made the first time a test reads it."""

    def __init__(
        self, browser: Browser, site: Path, servers: RunningServers, axe_script: Path
    ) -> None:
        self._browser = browser
        self._site = site
        self._servers = servers
        self._axe_script = axe_script
        self._walks: dict[str, Walk] = {}

    def of(self, server: str) -> Walk:
        if server not in self._walks:
            axe = self._axe_script if server == READERS_SERVER else None
            self._walks[server] = walk_site(
                self._browser, self._site, self._servers.url(server), axe
            )
        return self._walks[server]

    def readers(self) -> Walk:
        """The walk on the readers' server, the one with the accessibility checks."""
        return self.of(READERS_SERVER)
