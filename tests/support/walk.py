"""One visit of every page of the site (both languages), recorded for the tests.

Opening the pages is what costs; what each test judges of a page is cheap to record. So each page
is opened once for every judgement, and each judgement stays a test of its own that reads the
record and names the pages that fail it.

Every page opens in a tab of its own, closed after: a calculator page's worker may still be busy
when the page is left, and its late requests must not be counted as the next page's.

On the readers' server (nginx) every page is walked once per language (so that the suite's
processes share the work): checked for accessibility as loaded and at rest (calculators still
starting Python), then, in the same tab, brought to where a server's part ends: a calculator to
its first result (with its charts), the server self-check page to the end of its checks, a
reading page to a quiet network. Each page is loaded again at 400 % zoom in a context of that
size. Every visit records what a server can change: each request and where it went, answers
refused or redirected, Content-Security-Policy violations, console errors, whether Python loaded.

The other servers send the same files: there the browser opens the home page and every page
that runs Python, in the first language (where a server's types, compression and policy matter
most), and tests/browser/test_served_alike.py shows that every file of the site comes back
from them with the status, bytes and headers the readers' server sends; the readers' walk shows
that pages ask for nothing else. A page gets the same answers on every server, so it does there
what it did on the readers' server.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, NamedTuple, TypeVar

import pytest
from playwright.sync_api import Browser, BrowserContext, Error, Page, expect

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
from tests.support.servers import READERS_SERVER, SERVERS, RunningServers
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
SERVER_CHECK_RESULTS = 'id="server-check-results"'


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
    visit: PageRecord
    """What the page did on the readers' server, for the tests of what a server changes."""


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


class _Tabs:
    """Where a walk opens its pages: in the tab of the page before, as a reader follows a link,
    unless that page runs Python. A new tab costs the browser about as much as a page loaded in
    it; but a calculator's worker may still be busy when its page is left, and its late requests
    must not be counted as the next page's, so such a page's tab is closed."""

    def __init__(self, context: BrowserContext, base_url: str) -> None:
        self._context = context
        self._base_url = base_url
        self._kept: Page | None = None

    def open(self, path: str) -> RecordedPage:
        page, self._kept = self._kept or self._context.new_page(), None
        tab = RecordedPage(page, self._base_url)
        tab.open(path)
        return tab

    def leave(self, tab: RecordedPage) -> None:
        """The page left once its network is quiet (what it asked for is recorded)."""
        if tab.page.locator(RUNS_PYTHON).count():
            tab.page.close()
            return
        tab.page.wait_for_load_state("networkidle")
        tab.stop()
        self._kept = tab.page


def _left_the_origin(tab: RecordedPage) -> list[str]:
    return [f"a request left the local origin: {url}" for url in tab.foreign_requests()]


def _check_desktop(
    tabs: _Tabs, path: str, tool: str | None, axe_script: Path
) -> AccessibilityRecord:
    """The page loaded and at rest at desktop width: its language, its live DOM (read before axe
    adds anything), axe in every look, focus along the tab order; then, in the same tab, the rest
    of a visit (``_finish``)."""
    tab = tabs.open(path)
    page = tab.page
    visit = PageRecord(tab, tool, runs_python=page.locator(RUNS_PYTHON).count() > 0)
    settle(page)
    record = AccessibilityRecord(
        lang=page.evaluate("document.documentElement.lang"),
        rendered=rendered_html(page),
        found={},
        visit=visit,
    )
    record.found["axe"] = _findings(lambda: axe_in_every_look(page, axe_script))
    record.found["focus"] = _findings(lambda: focus_problems_along_tab_order(page))
    _finish(page, visit)
    tabs.leave(tab)
    record.found["axe"] += _left_the_origin(tab)
    return record


def _check_zoomed(tabs: _Tabs, path: str, axe_script: Path) -> list[str]:
    """The page loaded as on a 1280 × 1024 screen at 400 % zoom (320 CSS px, WCAG 1.4.10): axe,
    reflow with and without WCAG text spacing, focus along the tab order. The layout is the one
    a page loaded that narrow gets, not one resized from desktop width."""
    tab = tabs.open(path)
    page = tab.page
    settle(page)
    found = _findings(
        lambda: (
            axe_violations(page, axe_script)
            + overflowing_text(page)
            + overflowing_text_with_spacing(page)
            + focus_problems_along_tab_order(page)
        )
    )
    tabs.leave(tab)
    return found + _left_the_origin(tab)


def _finish(page: Page, record: PageRecord) -> None:
    """The visit brought to where a server's part ends, and the policy's violations read."""
    if record.tool is not None:
        tool = record.tool
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


def _visit(tabs: _Tabs, path: str, tool: str | None) -> PageRecord:
    tab = tabs.open(path)
    record = PageRecord(tab, tool, runs_python=tab.page.locator(RUNS_PYTHON).count() > 0)
    _finish(tab.page, record)
    tabs.leave(tab)
    return record


def _new_context(browser: Browser, **options: object) -> BrowserContext:
    """A context whose pages record policy violations and when their first worker started."""
    context = browser.new_context(**options)
    context.set_default_timeout(CONTEXT_TIMEOUT_MS)
    context.add_init_script(RECORD_VIOLATIONS)
    context.add_init_script(RECORD_WORKER_START)
    return context


def elsewhere(site: Path) -> list[str]:
    """The pages the browser opens on a server other than the readers': the home page and every
    page that runs Python, in the first language (another language's pages ask for the same
    files but their own HTML, which test_served_alike.py covers)."""
    calculators = calculator_pages(site)
    return [
        path
        for path in built_pages(site, LANGUAGES[0])
        if path == ""
        or path in calculators
        or SERVER_CHECK_RESULTS in (site / path / "index.html").read_text(encoding="utf-8")
    ]


def walk_site(browser: Browser, site: Path, base_url: str, paths: list[str]) -> Walk[PageRecord]:
    """The pages ``paths`` of ``site`` served at ``base_url``, visited in one browser context
    (as one reader goes from page to page)."""
    calculators = calculator_pages(site)
    return _check_each_page(
        browser, base_url, paths, lambda tabs, path: _visit(tabs, path, calculators.get(path))
    )


def _check_each_page(
    browser: Browser,
    base_url: str,
    paths: list[str],
    check: Callable[[_Tabs, str], Record],
    **options: object,
) -> Walk[Record]:
    context = _new_context(browser, **options)
    try:
        tabs = _Tabs(context, base_url)
        return Walk({path: check(tabs, path) for path in paths})
    finally:
        context.close()


class Walked(NamedTuple):
    """Where a walk was made: on the readers' server, one per language; elsewhere, one."""

    server: str
    language: Language | None = None


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

    def of(self, walked: Walked) -> Walk[PageRecord]:
        """The visits of a walk: on the readers' server those of the desktop checks."""
        if walked.server == READERS_SERVER:
            assert walked.language is not None
            checked = self.accessibility(walked.language).pages
            return Walk({path: record.visit for path, record in checked.items()})
        if walked.server not in self._walks:
            url = self._servers.url(walked.server)
            self._walks[walked.server] = walk_site(
                self._browser, self._site, url, elsewhere(self._site)
            )
        return self._walks[walked.server]

    def accessibility(self, language: Language) -> Walk[AccessibilityRecord]:
        """Every page in ``language`` checked at desktop width, on the readers' server."""
        if language not in self._desktop:
            url, axe = self._servers.url(READERS_SERVER), self._axe_script
            calculators = calculator_pages(self._site)
            self._desktop[language] = _check_each_page(
                self._browser,
                url,
                built_pages(self._site, language),
                lambda tabs, path: _check_desktop(tabs, path, calculators.get(path), axe),
            )
        return self._desktop[language]

    def zoomed(self, language: Language) -> Walk[list[str]]:
        """What the checks at 400 % zoom find on every page in ``language``."""
        if language not in self._zoomed:
            url, axe = self._servers.url(READERS_SERVER), self._axe_script
            self._zoomed[language] = _check_each_page(
                self._browser,
                url,
                built_pages(self._site, language),
                lambda tabs, path: _check_zoomed(tabs, path, axe),
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
EVERY_WALK = pytest.mark.parametrize(
    "walked",
    [
        pytest.param(
            Walked(server, language),
            id=f"{server}-{language.code}",
            marks=pytest.mark.xdist_group(f"{language.code}-desktop"),
        )
        for server in SERVERS
        if server == READERS_SERVER
        for language in LANGUAGES
    ]
    + [
        pytest.param(Walked(server), id=server, marks=pytest.mark.xdist_group(server))
        for server in SERVERS
        if server != READERS_SERVER
    ],
)
"""For a test that judges what a server changes, from the walks of every server (``walks.of``):
on the readers' server once per language, in the process of that language's desktop checks."""
