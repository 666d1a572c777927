"""The matrix calculator computes in real Pyodide, in a worker, from keyboard input."""

from __future__ import annotations

from playwright.sync_api import expect

PAGE = "tools/matrix/"
READY_TIMEOUT_MS = 60_000


def open_ready(visit):
    page = visit.open(PAGE)
    expect(page.locator("form[data-calculator]")).to_have_attribute(
        "data-ready", "true", timeout=READY_TIMEOUT_MS
    )
    return page


def test_two_answers_give_the_thick_collaboration_cell(visit) -> None:
    page = open_ready(visit)
    page.get_by_role("radio", name="Professionals and civil society together").first.check()
    page.locator("#field-production").get_by_role(
        "radio", name="Professionals and civil society together"
    ).check()
    result = page.locator(".guide-result")
    expect(result.get_by_role("heading")).to_have_text("Co-production (thick collaboration)")
    expect(result.locator("svg[role=img] title")).to_have_text(
        "The thin/thick collaboration matrix"
    )
    assert any(url.endswith("pyodide.asm.wasm") for url in visit.requests)


def test_keyboard_only_submit_shows_errors_then_result(visit) -> None:
    page = open_ready(visit)
    submit = page.get_by_role("button", name="Show the result")
    submit.focus()
    page.keyboard.press("Enter")  # submit with nothing chosen
    production_error = page.locator("#production-error")
    expect(production_error).to_be_visible()
    expect(production_error).to_contain_text("production and delivery")
    expect(page.locator("#field-production")).to_have_attribute("aria-invalid", "true")
    # Pick "civil society alone" for production with arrow keys, then submit.
    page.locator("#field-production input").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.locator("#field-planning input").first.focus()
    page.keyboard.press("Space")
    submit.focus()
    page.keyboard.press("Enter")
    result = page.locator(".guide-result")
    expect(result.get_by_role("heading")).to_have_text("Orders and tendering services")
    expect(result).to_be_focused()
    expect(production_error).to_be_hidden()
