"""Steps on the calculator pages that several browser tests share: wait for Python, answer a
little, and see the result Python computed. ``FIRST_RESULT`` has one step per calculator; each
works on the tool's page in every language (fields by value, expected words from content/)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from macros import translate
from model.base import Text
from tests.support.browser import RecordedPage
from tests.support.content import guide_model

READY_TIMEOUT_MS = 60_000
"""How long Python may take to start, or to answer, on two cores shared with other work."""
MODEL = guide_model()
CALCULATOR = re.compile(r'data-calculator="([^"]+)"')


def wait_ready(page: Page) -> Page:
    """``page`` once its calculator is ready: Python has started and the form answers."""
    expect(page.locator("form[data-calculator]")).to_have_attribute(
        "data-ready", "true", timeout=READY_TIMEOUT_MS
    )
    return page


def open_ready(visit: RecordedPage, path: str) -> Page:
    """The calculator page at ``path`` opened and ready."""
    return wait_ready(visit.open(path))


def _in_page_language(page: Page, text: Text) -> str:
    return translate(text, page.locator("html").get_attribute("lang"))


def answer_co_production(page: Page) -> None:
    """The matrix: "together" twice gives the thick-collaboration cell."""
    wait_ready(page)
    page.locator("#field-planning input[value='together']").check()
    page.locator("#field-production input[value='together']").check()
    cell = next(c for c in MODEL.matrix.cells if c.planning == c.production == "together")
    expect(result_heading(page)).to_have_text(
        _in_page_language(page, cell.name), timeout=READY_TIMEOUT_MS
    )


def answer_one_statement(page: Page) -> None:
    """The assessment: a role and one statement rated give a profile with its chart."""
    wait_ready(page)
    page.locator("#field-role input[value='municipality']").check()
    page.locator(".guide-statement input[value='4']").first.check()
    result = page.locator(".guide-result")
    heading = MODEL.assessment.messages["profile-heading"]
    expect(result.get_by_role("heading", level=2).first).to_have_text(
        _in_page_language(page, heading), timeout=READY_TIMEOUT_MS
    )
    expect(result.locator("figure svg").first).to_be_visible(timeout=READY_TIMEOUT_MS)


def load_the_example(page: Page) -> None:
    """SoImpact: the worked example fills the worksheet and gives a review with charts."""
    wait_ready(page)
    page.locator("button[data-operation='load-example']").click()
    expect(page.locator("#input-title")).not_to_have_value("")
    expect(page.locator(".guide-result figure svg").first).to_be_visible(timeout=READY_TIMEOUT_MS)


THICK = "Co-production (thick collaboration)"
"""The matrix's cell for "together" twice, by its English name."""
TENDERING = "Orders and tendering services"
"""The matrix's cell for planning by professionals and production by civil society."""


def choose(page: Page, planning: str, production: str) -> None:
    """The matrix: one answer (a level id of content/matrix.yml) to each of its two questions."""
    page.locator(f'#field-planning input[value="{planning}"]').check()
    page.locator(f'#field-production input[value="{production}"]').check()


def result_heading(page: Page) -> Locator:
    """The heading of the result a calculator shows (the matrix: the cell's name)."""
    return page.locator(".guide-result").get_by_role("heading", level=2)


FIRST_RESULT: dict[str, Callable[[Page], None]] = {
    "matrix": answer_co_production,
    "assessment": answer_one_statement,
    "soimpact": load_the_example,
}
"""Every calculator of the site, by tool name, with a step that reaches its first result."""


def calculator_pages(site: Path) -> dict[str, str]:
    """The pages of a built site that hold a calculator form (in every language), with the name
    of the tool each holds."""
    pages = {}
    for index in sorted(site.rglob("index.html")):
        found = CALCULATOR.search(index.read_text(encoding="utf-8"))
        if found:
            pages[index.parent.relative_to(site).as_posix() + "/"] = found.group(1)
    return pages
