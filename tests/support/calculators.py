"""Steps on the calculator pages that several browser tests share: wait for Python, answer a
little, and see the result Python computed. ``FIRST_RESULT`` has one step per calculator page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

READY_TIMEOUT_MS = 60_000
TOGETHER = "Professionals and civil society together"


def wait_ready(page: Page) -> Page:
    expect(page.locator("form[data-calculator]")).to_have_attribute(
        "data-ready", "true", timeout=READY_TIMEOUT_MS
    )
    return page


def answer_co_production(page: Page) -> None:
    """The matrix: "together" twice gives the thick-collaboration cell."""
    wait_ready(page)
    page.locator("#field-planning").get_by_role("radio", name=TOGETHER).check()
    page.locator("#field-production").get_by_role("radio", name=TOGETHER).check()
    expect(page.locator(".guide-result").get_by_role("heading", level=2)).to_have_text(
        "Co-production (thick collaboration)"
    )


def answer_one_statement(page: Page) -> None:
    """The assessment: a role and one statement rated give a profile."""
    wait_ready(page)
    page.locator("#field-role").get_by_role("radio", name="Municipal staff").check()
    page.locator(".guide-statement input[value='4']").first.check()
    result = page.locator(".guide-result")
    expect(result.get_by_role("heading", level=2).first).to_have_text("Your profile")
    expect(result).to_contain_text("You rated 1 of 33 statements")


def load_the_example(page: Page) -> None:
    """SoImpact: the worked example fills the worksheet and gives a review with charts."""
    wait_ready(page)
    page.get_by_role("button", name="Load the Boost Refugee example").click()
    result = page.locator(".guide-result")
    expect(result.get_by_role("heading", name="Review")).to_be_visible()
    expect(result.locator("figure svg").first).to_be_visible()


FIRST_RESULT: dict[str, Callable[[Page], None]] = {
    "tools/matrix/": answer_co_production,
    "tools/assessment/": answer_one_statement,
    "tools/soimpact/": load_the_example,
}
"""Every calculator page of the site, with a step that reaches its first result."""


def calculator_pages(site: Path) -> set[str]:
    """The pages of a built site that hold a calculator form."""
    return {
        page.parent.relative_to(site).as_posix() + "/"
        for page in site.rglob("index.html")
        if "data-calculator=" in page.read_text(encoding="utf-8")
    }
