"""Advice checklists remember ticks in the browser, across reloads, pages and the workshop view."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

CHAPTER_4 = "chapters/seven-fields-of-action/"
FIELD_PAGE = "fields/anchoring/"
ALL = "checklists/"
KEY = "samskaping-guide:checklist:chapter-4"


def checklist(page, checklist_id="chapter-4"):
    return page.locator(f"[data-checklist={checklist_id}]")


def test_ticks_survive_reload_and_navigation(visit) -> None:
    page = visit.open(CHAPTER_4)
    advice = checklist(page)
    expect(advice.locator(".guide-checklist-progress")).to_have_text("0 of 9 done")
    advice.get_by_label("Make equality a topic of its own", exact=False).check()
    advice.get_by_label("If you have a website", exact=False).check()
    expect(advice.locator(".guide-checklist-progress")).to_have_text("2 of 9 done")
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert saved == {"version": 1, "checked": ["equality-as-topic", "website"]}

    page.reload()
    expect(advice.get_by_label("Make equality a topic of its own", exact=False)).to_be_checked()
    expect(advice.locator(".guide-checklist-progress")).to_have_text("2 of 9 done")

    # The same checklist on a field page, then on the workshop page: same ticks.
    visit.open(FIELD_PAGE)
    expect(checklist(page).get_by_label("If you have a website", exact=False)).to_be_checked()
    visit.open(ALL)
    expect(page.locator(".guide-checklists-total-text")).to_have_text(
        "All checklists: 2 of 32 done"
    )
    page.go_back()
    page.go_back()
    expect(checklist(page).locator(".guide-checklist-progress")).to_have_text("2 of 9 done")
    # Every key the guide writes carries its prefix (Material keeps its own, scoped by base path).
    ours = [key for key in page.evaluate("Object.keys(localStorage)") if ".__" not in key]
    assert ours == [KEY]


def test_keyboard_ticks_and_reset_clears(visit) -> None:
    page = visit.open(CHAPTER_4)
    first = checklist(page).locator("input[type=checkbox]").first
    first.focus()
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    reset = checklist(page).get_by_role("button", name="Clear the ticks")
    reset.focus()
    page.keyboard.press("Enter")
    expect(first).not_to_be_checked()
    expect(checklist(page).locator(".guide-checklist-progress")).to_contain_text("0 of 9 done")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    page.reload()
    expect(first).not_to_be_checked()


def test_every_checkbox_has_a_label(visit) -> None:
    page = visit.open(ALL)
    boxes = page.locator("[data-checklist] input[type=checkbox]")
    assert boxes.count() == 32
    for index in range(boxes.count()):
        box = boxes.nth(index)
        label = page.locator(f"label[for='{box.get_attribute('id')}']")
        assert label.inner_text().strip(), box.get_attribute("id")


def test_saved_data_of_another_version_is_ignored_not_fatal(visit) -> None:
    page = visit.open(CHAPTER_4)
    page.evaluate(f"localStorage.setItem('{KEY}', JSON.stringify({{version: 99, checked: 1}}))")
    page.reload()
    expect(checklist(page).locator(".guide-checklist-progress")).to_have_text("0 of 9 done")
    page.evaluate(f"localStorage.setItem('{KEY}', 'not json')")
    page.reload()
    expect(checklist(page).locator(".guide-checklist-progress")).to_have_text("0 of 9 done")


def test_print_hides_navigation_and_printing_one_hides_the_rest(visit) -> None:
    page = visit.open(CHAPTER_4)
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(checklist(page).locator(".guide-checklist-actions")).to_be_hidden()
    expect(checklist(page).locator(".guide-notes").first).to_be_visible()
    # What "Print this checklist" does before it opens the print dialog.
    page.evaluate(
        "document.documentElement.classList.add('guide-printing');"
        "document.querySelector('[data-checklist=chapter-4]').classList.add('guide-print-target')"
    )
    expect(checklist(page)).to_be_visible()
    expect(page.locator("#key-ideas")).to_be_hidden()


def test_checklists_work_without_javascript(browser, base_url) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + CHAPTER_4)
    items = checklist(page).locator("li")
    assert items.count() == 9
    expect(items.first).to_contain_text("Make equality a topic of its own")
    expect(checklist(page).locator(".guide-checklist-actions")).to_be_hidden()
    context.close()


@pytest.mark.parametrize("term", ["co-production", "anchoring", "SoImpact"])
def test_search_finds_the_model_terms(visit, term) -> None:
    page = visit.open()
    page.keyboard.press("/")
    page.keyboard.type(term)
    # Results update per keystroke: wait for the first result of the whole term, not of "co".
    expect(page.locator(".md-search-result__item").first).to_contain_text(term, ignore_case=True)
