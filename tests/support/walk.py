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
Python loaded. The accessibility checks judge the pages' bytes, the same from any server: they
walk the readers' server once more, one language at a time (so that the suite's processes can
share the work), each page as loaded and at rest (calculators still starting Python), and loaded
again at 400 % zoom in a context of that size.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

import pytest
from playwright.sync_api import Browser, BrowserContext, Error, expect

from sitebuild.languages import Language
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
from tests.support.site import LANGUAGES, built_pages

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


@dataclass
class PageRecord:
    """What one page did while it was open."""

    tab: RecordedPage
    tool: str | None
    """The calculator on the page, if any."""
    runs_python: bool
    violations: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    """Steps of the walk that could not be done (a calculator that gave no result, ...)."""
    form_read_first: bool | None = None
    """Calculator pages: whether their form was read before Python's worker started."""

    def python_requests(self) -> list[str]:
        return [url for url in self.tab.requests if "/pyodide/" in url or ".zip" in url]


@dataclass
class AccessibilityRecord:
    """What the accessibility checks found on one page, and what they read of it."""

    lang: str
    rendered: str
    """The live DOM after the page's scripts ran."""
    found: dict[str, list[str]]
    """Findings of each check by its name."""


Record = TypeVar("Record")


@dataclass(frozen=True)
class Walk(Generic[Record]):
    pages: dict[str, Record]

    def found(self, judge: Callable[[Record], list[str]]) -> dict[str, list[str]]:
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


def _left_the_origin(tab: RecordedPage) -> list[str]:
    return [f"a request left the local origin: {url}" for url in tab.foreign_requests()]


def _check_desktop(
    context: BrowserContext, base_url: str, path: str, axe_script: Path
) -> AccessibilityRecord:
    """The page loaded and at rest at desktop width: its language, its live DOM (read before axe
    adds anything), axe in every look, focus along the tab order."""
    tab = RecordedPage(context.new_page(), base_url)
    page = tab.open(path)
    settle(page)
    record = AccessibilityRecord(
        lang=page.evaluate("document.documentElement.lang"), rendered=rendered_html(page), found={}
    )
    record.found["axe"] = _findings(lambda: axe_in_every_look(page, axe_script))
    record.found["focus"] = _findings(lambda: focus_problems_along_tab_order(page))
    page.close()
    record.found["axe"] += _left_the_origin(tab)
    return record


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
    return found + _left_the_origin(tab)


def _visit(context: BrowserContext, base_url: str, path: str, tool: str | None) -> PageRecord:
    tab = RecordedPage(context.new_page(), base_url)
    page = tab.open(path)
    record = PageRecord(tab, tool, runs_python=page.locator(RUNS_PYTHON).count() > 0)
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


def _new_context(browser: Browser, **options: object) -> BrowserContext:
    context = browser.new_context(**options)
    context.set_default_timeout(CONTEXT_TIMEOUT_MS)
    return context


def walk_site(browser: Browser, site: Path, base_url: str) -> Walk[PageRecord]:
    """Every page of ``site`` served at ``base_url``, visited in one browser context (as one
    reader goes from page to page)."""
    calculators = calculator_pages(site)
    context = _new_context(browser)
    context.add_init_script(RECORD_VIOLATIONS)
    context.add_init_script(RECORD_WORKER_START)
    try:
        return Walk(
            {
                path: _visit(context, base_url, path, calculators.get(path))
                for path in built_pages(site)
            }
        )
    finally:
        context.close()


def _check_each_page(
    browser: Browser,
    paths: list[str],
    check: Callable[[BrowserContext, str], Record],
    **options: object,
) -> Walk[Record]:
    context = _new_context(browser, **options)
    try:
        return Walk({path: check(context, path) for path in paths})
    finally:
        context.close()


class Walks:
    """The walk of each server, and the accessibility checks of each language (at desktop width,
    and at 400 % zoom), each made the first time a test reads it."""

    def __init__(
        self, browser: Browser, site: Path, servers: RunningServers, axe_script: Path
    ) -> None:
        self._browser = browser
        self._site = site
        self._servers = servers
        self._axe_script = axe_script
        self._walks: dict[str, Walk[PageRecord]] = {}
        self._desktop: dict[Language, Walk[AccessibilityRecord]] = {}
        self._zoomed: dict[Language, Walk[list[str]]] = {}

    def of(self, server: str) -> Walk[PageRecord]:
        if server not in self._walks:
            url = self._servers.url(server)
            self._walks[server] = walk_site(self._browser, self._site, url)
        return self._walks[server]

    def accessibility(self, language: Language) -> Walk[AccessibilityRecord]:
        """Every page in ``language`` checked at desktop width, on the readers' server."""
        if language not in self._desktop:
            url, axe = self._servers.url(READERS_SERVER), self._axe_script
            self._desktop[language] = _check_each_page(
                self._browser,
                built_pages(self._site, language),
                lambda context, path: _check_desktop(context, url, path, axe),
            )
        return self._desktop[language]

    def zoomed(self, language: Language) -> Walk[list[str]]:
        """What the checks at 400 % zoom find on every page in ``language``."""
        if language not in self._zoomed:
            url, axe = self._servers.url(READERS_SERVER), self._axe_script
            self._zoomed[language] = _check_each_page(
                self._browser,
                built_pages(self._site, language),
                lambda context, path: _check_zoomed(context, url, path, axe),
                **ZOOMED,
            )
        return self._zoomed[language]


def _each_language(look: str) -> pytest.MarkDecorator:
    return pytest.mark.parametrize(
        "language",
        [
            pytest.param(
                language, id=language.code, marks=pytest.mark.xdist_group(f"{language.code}-{look}")
            )
            for language in LANGUAGES
        ],
    )


EVERY_LANGUAGE = _each_language("desktop")
"""For a test that reads ``walks.accessibility``: once per language. The tests of one language
run in one process when the suite runs in several, so that its pages are checked once."""
EVERY_LANGUAGE_ZOOMED = _each_language("zoomed")
"""The same for a test that reads ``walks.zoomed``; its pages are checked in a process of their
own, beside the desktop checks."""
