"""The server self-check page: all green on a well-configured server, a clear problem otherwise."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from sitebuild.policy import CONTENT_SECURITY_POLICY
from sitebuild.publish.manifest import MANIFEST
from sitebuild.static_server import serving
from tests.support.browser import recorded_page
from tests.support.servers import EVERY_SERVER, RunningServers

PAGE = "server-check/"
DONE_TIMEOUT_MS = 60_000
FIXED_CHECKS = 7
CALCULATORS = {
    "matrix": "Position your project",
    "assessment": "Assess the collaboration together",
    "soimpact": "Draft SoImpact indicators and follow them over time",
}
MISCONFIGURED = {
    "wasm-as-octet-stream": ({"mime_types": {".wasm": "application/octet-stream"}}, "wasm-type"),
    "mjs-as-octet-stream": ({"mime_types": {".mjs": "application/octet-stream"}}, "module-type"),
    "policy-without-wasm": (
        {"policy": CONTENT_SECURITY_POLICY.replace(" 'wasm-unsafe-eval'", "")},
        "wasm-policy",
    ),
}


def finished(page: Page) -> Page:
    expect(page.locator("#server-check-run")).to_be_enabled(timeout=DONE_TIMEOUT_MS)
    return page


@EVERY_SERVER
def test_a_well_configured_server_passes_every_check(
    browser: Browser, servers: RunningServers, server: str
) -> None:
    with recorded_page(browser, servers.url(server)) as visit:
        _passes_every_check(finished(visit.open(PAGE)))


def _passes_every_check(page: Page) -> None:
    expect(page.locator("#server-check-summary")).to_contain_text("All checks passed")
    checks = page.locator("#server-check-results > li")
    expect(checks).to_have_count(FIXED_CHECKS + len(CALCULATORS))
    assert page.locator("#server-check-results > li[data-status=fail]").count() == 0
    assert page.locator("#server-check-results > li[data-status=advice]").count() == 0
    for tool, title in CALCULATORS.items():
        item = page.locator(f"#server-check-results > li[data-check=calculator-{tool}]")
        expect(item).to_contain_text(f"Passed: Calculator “{title}”.")
        expect(item).to_contain_text(f"Its pages (tools/{tool}/, nb/tools/{tool}/) and the")


@pytest.fixture(params=MISCONFIGURED)
def misconfigured(request: pytest.FixtureRequest, site: Path, browser: Browser) -> Iterator:
    settings, check = MISCONFIGURED[request.param]
    with serving(site, **settings) as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(url + PAGE)
        yield finished(page), check
        context.close()


def test_a_misconfigured_server_gets_a_clear_problem(misconfigured) -> None:
    page, check = misconfigured
    expect(page.locator("#server-check-summary")).to_contain_text("problem")
    item = page.locator(f"#server-check-results > li[data-check={check}]")
    expect(item).to_have_attribute("data-status", "fail")
    expect(item).to_contain_text("What to do:")


def test_a_missing_file_is_named_for_every_calculator_that_needs_it(
    site: Path, browser: Browser, tmp_path: Path
) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    [bundle] = {
        path
        for calculator in json.loads((copy / MANIFEST).read_text())["calculators"]
        for path in calculator["files"]
        if path.endswith(".zip")
    }
    for file in copy.glob(f"{bundle}*"):  # with its compressed copies
        file.unlink()
    with serving(copy) as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(url + PAGE)
        finished(page)
        expect(page.locator("#server-check-summary")).to_contain_text("3 problems found")
        for tool in CALCULATORS:
            item = page.locator(f"#server-check-results > li[data-check=calculator-{tool}]")
            expect(item).to_have_attribute("data-status", "fail")
            expect(item).to_contain_text(f"{bundle} answered 404")
            expect(item).to_contain_text("What to do: Copy the whole site folder again")
        context.close()
