"""One project open in two tabs of one browser: each tab shows what the other typed, the field
someone is typing in stays theirs, and a reload after edits in both tabs has lost nothing."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.support.calculators import open_ready, wait_ready
from tests.support.projects import PREFIX, open_project

UPDATED = "This project is also open in another tab"
FIELDS = {
    "matrix": ("#field-planning input[value=together]", "#field-production input[value=together]"),
    "assessment": ("#field-role input[value=municipality]", ".guide-statement input[value='4']"),
    "soimpact": ("#input-title", "#input-problem"),
}
"""Per tool: a first and a second answer in its form, by selector."""


def second_tab(first: Page) -> Page:
    """The same calculator page in a new tab of the first tab's browser (same localStorage)."""
    tab = first.context.new_page()
    tab.goto(first.url)
    return wait_ready(tab)


def give(page: Page, selector: str, text: str = "") -> None:
    field = page.locator(selector).first
    if text:
        field.fill(text)
    else:
        field.check()


def shows(page: Page, selector: str, text: str = "") -> None:
    field = page.locator(selector).first
    if text:
        expect(field).to_have_value(text)
    else:
        expect(field).to_be_checked()


@pytest.mark.parametrize("tool", FIELDS)
def test_each_tab_shows_the_others_answers_and_a_reload_keeps_both(visit, tool: str) -> None:
    first, second_answer = FIELDS[tool]
    typed = ("Typed in tab A", "Typed in tab B") if tool == "soimpact" else ("", "")
    tab_a = open_ready(visit, f"tools/{tool}/")
    give(tab_a, first, typed[0])
    tab_b = second_tab(tab_a)  # the tab opened second, as in the reported loss
    shows(tab_b, first, typed[0])

    give(tab_b, second_answer, typed[1])  # B's change reaches A, whose own answer stays
    shows(tab_a, second_answer, typed[1])
    shows(tab_a, first, typed[0])
    expect(tab_a.locator(".guide-notice")).to_contain_text(UPDATED)

    tab_a.reload()
    wait_ready(tab_a)
    shows(tab_a, first, typed[0])
    shows(tab_a, second_answer, typed[1])


def test_a_title_typed_in_one_tab_survives_typing_in_the_other(visit) -> None:
    tab_a = open_ready(visit, "tools/soimpact/")
    tab_b = second_tab(tab_a)  # both open before anything is typed
    tab_a.locator("#input-title").fill("Our effort")
    expect(tab_b.locator("#input-title")).to_have_value("Our effort")

    problem = tab_b.locator("#input-problem")
    problem.click()
    problem.press_sequentially("Too few ")
    tab_a.locator("#input-objectives").fill("More meeting places")  # while B types
    expect(tab_b.locator("#input-objectives")).to_have_value("More meeting places")
    expect(problem).to_be_focused()  # the field B types in was not taken away
    problem.press_sequentially("meeting places")
    expect(problem).to_have_value("Too few meeting places")

    tab_a.reload()
    wait_ready(tab_a)
    expect(tab_a.locator("#input-title")).to_have_value("Our effort")
    expect(tab_a.locator("#input-problem")).to_have_value("Too few meeting places")
    expect(tab_a.locator("#input-objectives")).to_have_value("More meeting places")
    answers = open_project(tab_a, "soimpact")["data"]["answers"]
    assert (answers["title"], answers["problem"]) == ("Our effort", "Too few meeting places")


STORED_ELSEWHERE = """([key, changes]) => {
  const saved = JSON.parse(localStorage.getItem(key));
  Object.assign(saved.data.answers, changes);
  localStorage.setItem(key, JSON.stringify(saved));
}"""
"""What another tab stores when this tab has not heard of it yet: a page's own write is not
announced to itself, so this tab learns of it only when it next writes."""


def test_a_tab_behind_the_stored_project_merges_before_it_writes_and_says_so(visit) -> None:
    page = open_ready(visit, "tools/soimpact/")
    title = page.locator("#input-title")
    title.fill("Our effort")
    project = open_project(page, "soimpact")
    key = f"{PREFIX}soimpact:project:" + page.evaluate(
        "key => JSON.parse(localStorage.getItem(key))", f"{PREFIX}soimpact:open"
    )
    assert project["data"]["answers"]["title"] == "Our effort"

    page.evaluate(STORED_ELSEWHERE, [key, {"problem": "Written elsewhere"}])
    page.locator("#input-objectives").fill("Typed here")  # its write keeps both
    expect(page.locator("#input-problem")).to_have_value("Written elsewhere")
    answers = open_project(page, "soimpact")["data"]["answers"]
    assert (answers["problem"], answers["objectives"]) == ("Written elsewhere", "Typed here")

    page.evaluate(STORED_ELSEWHERE, [key, {"title": "Their title"}])
    title.fill("My title")  # both changed the title: this tab is told before anything is lost
    notice = page.locator(".guide-notice")
    expect(notice).to_contain_text("changed in another tab at the same moment")
    expect(notice).to_have_attribute("role", "alert")
    expect(title).to_have_value("Their title")
    assert open_project(page, "soimpact")["data"]["answers"]["title"] == "Their title"
