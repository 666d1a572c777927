"""The site runs under the strict Content-Security-Policy the shipped server configs send.

Every page is opened, every calculator started and asked for a result, and the browser's
``securitypolicyviolation`` events are collected: there must be none.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from sitebuild.policy import CONTENT_SECURITY_POLICY
from tests.support.site import built_pages

READY_TIMEOUT_MS = 60_000
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""
CHOOSE_FIRST_OPTIONS = """form => {
  for (const radio of form.querySelectorAll("input[type=radio]")) {
    if (form.querySelector(`input[name="${radio.name}"]:checked`)) continue;
    radio.checked = true;
    for (const type of ["input", "change"]) radio.dispatchEvent(new Event(type, { bubbles: true }));
  }
}"""


def exercise_calculator(page: Page) -> None:
    """Start the calculator, then ask for a result with the first option of every question."""
    form = page.locator("form[data-calculator]")
    expect(form).to_have_attribute("data-ready", "true", timeout=READY_TIMEOUT_MS)
    form.evaluate(CHOOSE_FIRST_OPTIONS)
    form.locator("button[type=submit]").click()
    expect(page.locator(".guide-result")).not_to_be_empty()


def test_no_page_violates_the_policy(site: Path, visit) -> None:
    visit.page.context.add_init_script(RECORD_VIOLATIONS)
    found = {}
    for path in built_pages(site):
        page = visit.open(path)
        if page.locator("form[data-calculator]").count():
            exercise_calculator(page)
        if page.locator("#server-check-run").count():
            expect(page.locator("#server-check-run")).to_be_enabled(timeout=READY_TIMEOUT_MS)
        violations = page.evaluate("window.__violations")
        if violations:
            found[path] = violations
    assert found == {}


def test_pages_are_served_with_the_policy(visit) -> None:
    response = visit.page.goto(visit.base_url)
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
