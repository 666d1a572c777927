"""The server self-check page: all green on a well-configured server, a clear problem otherwise."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from sitebuild.policy import CONTENT_SECURITY_POLICY
from sitebuild.static_server import serving

PAGE = "server-check/"
DONE_TIMEOUT_MS = 60_000
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


def test_a_well_configured_server_passes_every_check(visit) -> None:
    page = finished(visit.open(PAGE))
    expect(page.locator("#server-check-summary")).to_contain_text("All checks passed")
    checks = page.locator("#server-check-results li")
    expect(checks).to_have_count(7)
    assert page.locator("#server-check-results li[data-status=fail]").count() == 0
    assert page.locator("#server-check-results li[data-status=advice]").count() == 0


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
    item = page.locator(f"#server-check-results li[data-check={check}]")
    expect(item).to_have_attribute("data-status", "fail")
    expect(item).to_contain_text("What to do:")
