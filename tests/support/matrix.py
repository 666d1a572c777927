"""Steps on the matrix calculator page that several browser tests share."""

from __future__ import annotations

from playwright.sync_api import Page, expect

PAGE = "tools/matrix/"
READY_TIMEOUT_MS = 60_000


def answer_co_production(page: Page) -> None:
    """Wait for Python, answer "together" twice, and see the thick-collaboration result."""
    expect(page.locator("form[data-calculator]")).to_have_attribute(
        "data-ready", "true", timeout=READY_TIMEOUT_MS
    )
    together = "Professionals and civil society together"
    page.locator("#field-planning").get_by_role("radio", name=together).check()
    page.locator("#field-production").get_by_role("radio", name=together).check()
    expect(page.locator(".guide-result").get_by_role("heading")).to_have_text(
        "Co-production (thick collaboration)"
    )
