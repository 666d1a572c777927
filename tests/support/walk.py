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
still starting Python), and loaded again at 400 % zoom in a context of that size.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pytest
from playwright.sync_api import Browser, BrowserContext, Error, Page, expect

from tests.browser.a11y import (
    REFLOW_SCALE,
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


ZOOMED = {"viewport": REFLOW_VIEWPORT, "device_scale_factor": REFLOW_SCALE}
"""A 1280 × 1024 screen at 400 % zoom: 320 CSS px wide (WCAG 1.4.10)."""


class _Contexts(NamedTuple):
    reader: BrowserContext
    """The one reader who goes from page to page; what the server-facing tests judge."""
    zoomed: BrowserContext
    """The same pages at 400 % zoom, for the accessibility checks only."""


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
    """Every per-page accessibility check at desktop width, the page loaded and at rest."""
    settle(page)
    record.lang = page.evaluate("document.documentElement.lang")
    record.rendered = rendered_html(page)  # before axe adds anything
    found = record.accessibility
    found["axe"] = _findings(lambda: axe_in_every_look(page, axe_script))
    found["focus"] = _findings(lambda: focus_problems_along_tab_order(page))


def _check_zoomed(zoomed: BrowserContext, base_url: str, path: str, axe_script: Path) -> list[str]:
    """The page loaded as on a 1280 × 1024 screen at 400 % zoom (320 CSS px, WCAG 1.4.10): axe,
    reflow with and without WCAG text spacing, focus along the tab order. The layout is the one
    a page loaded that narrow gets, not one resized from desktop width."""
    tab = RecordedPage(zoomed.new_page(), base_url)
    page = tab.open(path)
    settle(page)
    found = _findings(
        lambda: (
            axe_violations(page, axe_script)
            + overflowing_text(page)
            + overflowing_text_with_spacing(page)
            + focus_problems_along_tab_order(page)
        )
    )
    page.close()
    return found + [f"a request left the local origin: {url}" for url in tab.foreign_requests()]


def _visit(
    contexts: _Contexts, base_url: str, path: str, tool: str | None, axe_script: Path | None
) -> PageRecord:
    tab = RecordedPage(contexts.reader.new_page(), base_url)
    page = tab.open(path)
    record = PageRecord(tab, tool, runs_python=page.locator(RUNS_PYTHON).count() > 0)
    if axe_script is not None:
        _check_accessibility(page, record, axe_script)
        record.accessibility["zoomed"] = _check_zoomed(contexts.zoomed, base_url, path, axe_script)
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
    contexts = _Contexts(browser.new_context(), browser.new_context(**ZOOMED))
    for context in contexts:
        context.set_default_timeout(CONTEXT_TIMEOUT_MS)
    contexts.reader.add_init_script(RECORD_VIOLATIONS)
    contexts.reader.add_init_script(RECORD_WORKER_START)
    try:
        pages = {
            path: _visit(contexts, base_url, path, calculators.get(path), axe_script)
            for path in built_pages(site)
        }
    finally:
        for context in contexts:
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
