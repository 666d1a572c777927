"""The site runs under the strict Content-Security-Policy the shipped server configs send.

Every page is opened, every calculator started and brought to a result (with its charts), and
the browser's ``securitypolicyviolation`` events are collected: there must be none.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from sitebuild.policy import CONTENT_SECURITY_POLICY
from tests.support.calculators import FIRST_RESULT, calculator_pages
from tests.support.site import built_pages

READY_TIMEOUT_MS = 60_000
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""


def test_no_page_violates_the_policy(site: Path, visit) -> None:
    visit.page.context.add_init_script(RECORD_VIOLATIONS)
    calculators = calculator_pages(site)
    assert set(calculators.values()) == set(FIRST_RESULT)
    found = {}
    for path in built_pages(site):
        page = visit.open(path)
        if path in calculators:
            FIRST_RESULT[calculators[path]](page)
        if page.locator("#server-check-run").count():
            expect(page.locator("#server-check-run")).to_be_enabled(timeout=READY_TIMEOUT_MS)
        violations = page.evaluate("window.__violations")
        if violations:
            found[path] = violations
    assert found == {}


def test_pages_are_served_with_the_policy(visit) -> None:
    response = visit.page.goto(visit.base_url)
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
