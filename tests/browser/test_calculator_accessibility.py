"""The matrix calculator passes every accessibility check in each state, and the keyboard alone
completes it with focus always visible and moved to the result or the first error.

The pattern to copy for a new calculator: reach each state, then run ``state_problems`` on it and
keep ``rendered_html`` for one Nu HTML Checker run at the end.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.a11y import (
    chart_contrast_in_both_schemes,
    focus_problem,
    rendered_html,
    report,
    state_problems,
    tab_to,
    vnu_errors,
    write_documents,
)
from tests.support.calculators import open_ready
from tests.support.content import guide_model

MATRIX = guide_model().matrix
PAGE = "tools/matrix/"
SUBMIT = "form[data-calculator] button[type=submit]"


def cell_name(planning: str, production: str) -> str:
    """The English name of the matrix cell for two level ids of content/matrix.yml."""
    cell = next(c for c in MATRIX.cells if (c.planning, c.production) == (planning, production))
    return cell.name.en


def choose(page: Page, planning: str, production: str) -> None:
    """Pick one answer per question and wait for the result."""
    page.locator(f"#field-planning input[value='{planning}']").check()
    page.locator(f"#field-production input[value='{production}']").check()
    expect(page.locator(".guide-result h2")).to_have_text(cell_name(planning, production))


def test_every_state_passes_every_check(
    visit, axe_script: Path, vnu_jar: Path, tmp_path: Path
) -> None:
    page = open_ready(visit, PAGE)
    found: dict[str, list[str]] = {}
    documents: dict[str, str] = {}

    def check(state: str) -> None:
        documents[f"matrix-{state}.html"] = rendered_html(page)
        found[state] = state_problems(page, axe_script)

    check("empty")
    page.locator(SUBMIT).click()
    expect(page.locator("#planning-error")).to_be_visible()
    check("error")
    page.locator("#field-planning input").first.check()
    page.locator(SUBMIT).click()
    expect(page.locator("#planning-error")).to_be_hidden()
    expect(page.locator("#production-error")).to_be_visible()
    check("one-error")
    choose(page, "together", "together")
    check("filled")
    # Each of the nine results draws the chart differently (where the star and outline fall).
    for planning, production in itertools.product(
        [level.id for level in MATRIX.planning.levels],
        [level.id for level in MATRIX.production.levels],
    ):
        choose(page, planning, production)
        found[f"chart {planning}/{production}"] = chart_contrast_in_both_schemes(page)
    found["html"] = [
        problem
        for problems in vnu_errors(vnu_jar, write_documents(tmp_path, documents)).values()
        for problem in problems
    ]
    found = {state: problems for state, problems in found.items() if problems}
    assert not found, report(found)


def test_keyboard_alone_completes_the_calculator_and_focus_follows_errors_and_result(
    visit,
) -> None:
    page = open_ready(visit, PAGE)
    tab_to(page, SUBMIT)
    page.keyboard.press("Enter")  # nothing chosen yet
    first_question = page.locator("#field-planning")
    expect(first_question).to_have_attribute("aria-invalid", "true")
    # Focus is on the first question with an error (the group, or an answer in it) and shows.
    assert page.evaluate(
        "document.querySelector('#field-planning').contains(document.activeElement)"
    )
    assert focus_problem(page) is None
    # The error is tied to the question, says what to do, and is the question's description.
    message = MATRIX.messages["choose-planning"].en
    expect(first_question).to_have_accessible_description(f"Error: {message}")

    tab_to(page, "#field-planning input")  # the first answer of the first question
    page.keyboard.press("Space")  # choose it
    page.keyboard.press("ArrowDown")  # arrows move the choice within the group
    tab_to(page, "#field-production input")
    page.keyboard.press("Space")
    tab_to(page, SUBMIT)
    page.keyboard.press("Enter")
    result = page.locator(".guide-result")
    expect(result).to_be_focused()
    assert focus_problem(page) is None
    expect(first_question).not_to_have_attribute("aria-invalid", "true")
    chosen = cell_name(MATRIX.planning.levels[1].id, MATRIX.production.levels[0].id)
    expect(result.locator("h2")).to_have_text(chosen)
