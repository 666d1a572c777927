"""Two languages in the browser: the switcher, the first visit, the remembered choice, search.

The site is served under a sub-path, as on a municipal intranet; every link is relative.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from calculators.core.savefile import envelope
from tests.support.calculators import READY_TIMEOUT_MS, open_ready
from tests.support.content import guide_model
from tests.support.projects import open_project

MODEL = guide_model()
KEY = "samskaping-guide:language"
PAGES = ["", "fields/anchoring/", "values/openness/", "chapters/impact-measurement/"]
OPENNESS = next(value for value in MODEL.values.values if value.id == "openness")


def stored_language(page) -> str | None:
    return page.evaluate(f"localStorage.getItem('{KEY}')")


@pytest.mark.parametrize("path", PAGES)
def test_switcher_lands_on_the_same_page_in_the_other_language(visit, path: str) -> None:
    """Straight there, and nothing on the way is refused or redirected (Material's own language
    script once fetched a sitemap.xml beside each page and sent the switcher through a redirect,
    which an offline copy cannot follow)."""
    answered: list[tuple[int, str]] = []
    visit.page.on("response", lambda response: answered.append((response.status, response.url)))
    page = visit.open(path)
    english_heading = page.locator("h1").inner_text()
    page.locator("a[data-language=nb]").click()
    expect(page).to_have_url(visit.base_url + "nb/" + path)
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    assert page.locator("h1").inner_text() != english_heading
    switch = page.locator("a[data-language=en]")
    expect(switch).to_have_attribute("hreflang", "en")
    switch.focus()
    page.keyboard.press("Enter")  # the switcher works from the keyboard too
    expect(page).to_have_url(visit.base_url + path)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.locator("h1").inner_text() == english_heading
    page.wait_for_load_state("networkidle")
    assert [(status, url) for status, url in answered if status >= 300 and status != 304] == []


@pytest.mark.parametrize("locale", ["nb-NO", "nn-NO", "no"])
def test_first_visit_from_a_norwegian_browser_opens_the_norwegian_site(visit_as, locale) -> None:
    visit = visit_as(locale)
    page = visit.open()
    expect(page).to_have_url(visit.base_url + "nb/")
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    assert stored_language(page) == "nb"


@pytest.mark.parametrize("locale", ["en-GB", "de-DE"])
def test_first_visit_from_another_browser_stays_english(visit_as, locale) -> None:
    visit = visit_as(locale)
    page = visit.open()
    page.wait_for_load_state("load")
    expect(page).to_have_url(visit.base_url)
    assert stored_language(page) == "en"


def test_the_readers_choice_wins_over_the_browser_and_is_remembered(visit_as) -> None:
    norwegian_browser = visit_as("nb-NO")
    page = norwegian_browser.open()
    expect(page).to_have_url(norwegian_browser.base_url + "nb/")
    page.locator("a[data-language=en]").click()
    expect(page).to_have_url(norwegian_browser.base_url)
    norwegian_browser.open()
    page.wait_for_load_state("load")
    expect(page).to_have_url(norwegian_browser.base_url)
    assert stored_language(page) == "en"

    english_browser = visit_as("en-US")
    page = english_browser.open()
    page.locator("a[data-language=nb]").click()
    expect(page).to_have_url(english_browser.base_url + "nb/")
    english_browser.open()
    expect(page).to_have_url(english_browser.base_url + "nb/")


def test_going_home_from_an_english_page_stays_in_english(visit_as) -> None:
    """Even when the choice remembered is Norwegian (the switcher's click was not recorded, say,
    because it came before the page's scripts ran): where a reader goes inside the guide wins."""
    visit = visit_as("nb-NO")
    page = visit.open("about/")
    page.evaluate(f"localStorage.setItem('{KEY}', 'nb')")
    page.locator(".md-header__button.md-logo").click()  # the site's home, from its header
    expect(page).to_have_url(visit.base_url)
    page.wait_for_load_state("load")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert stored_language(page) == "en"
    expect(page).to_have_url(visit.base_url)


def test_deep_links_are_never_redirected(visit_as) -> None:
    visit = visit_as("nb-NO")
    page = visit.open("values/openness/")
    page.wait_for_load_state("load")
    expect(page).to_have_url(visit.base_url + "values/openness/")
    assert stored_language(page) is None


def search(page, words: str):
    page.keyboard.press("/")
    page.keyboard.type(words)
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    return results


def test_norwegian_search_finds_the_norwegian_pages(visit) -> None:
    page = visit.open("nb/")
    results = search(page, "forankring")
    first = results.first.locator("a").first
    expect(first).to_have_attribute("href", re.compile(r"nb/fields/anchoring/"))
    # Retried: results are replaced as each typed letter's answer comes back.
    expect(results.locator("a")).not_to_have_count(0)
    expect(results.locator("a:not([href*='/nb/'])")).to_have_count(0)


def test_english_search_finds_the_english_pages(visit) -> None:
    page = visit.open("values/")
    results = search(page, "co-production")
    # Results come while the words are typed: wait for those of the whole query.
    expect(results.first).to_contain_text("co-production", ignore_case=True)
    expect(results.locator("a")).not_to_have_count(0)
    expect(results.locator("a[href*='/nb/']")).to_have_count(0)


def test_norwegian_letters_survive_on_pages_and_in_search(visit) -> None:
    page = visit.open("nb/values/openness/")
    expect(page.locator("h1")).to_have_text(re.compile(f"^{OPENNESS.name.nb}"))
    assert OPENNESS.name.nb in page.title()
    body = page.locator("body").inner_text()
    assert {"æ", "ø", "å"} <= set(body)
    assert "Ã" not in body  # UTF-8 read as Latin-1 would show as Ã¥, Ã¸, ...
    results = search(page, OPENNESS.name.nb.lower())
    expect(results.first.locator("a").first).to_have_attribute(
        "href", re.compile(r"nb/values/openness/")
    )
    expect(results.first).to_contain_text(OPENNESS.name.nb)


MATRIX_EXAMPLES = MODEL.matrix_tool.examples
CELLS = {cell.id: cell.name for cell in MODEL.matrix.cells}


def figures(text: str) -> list[int]:
    """The numbers a result shows, in any order (sentences order them by language)."""
    return sorted(int(number) for number in re.findall(r"\d+", text))


def open_tool(visit, language: str, tool: str):
    prefix = "" if language == "en" else f"{language}/"
    return open_ready(visit, f"{prefix}tools/{tool}/")


def matrix_examples(visit, language: str) -> dict[str, tuple[str, list[int], dict]]:
    """Each worked example of the matrix loaded by its button: the cell named in the result, the
    figures the result shows (points, positions, pages cited), and the saved state."""
    page = open_tool(visit, language, "matrix")
    result = page.locator(".guide-result")
    found = {}
    for example in MATRIX_EXAMPLES:
        page.locator(f"#example-{example.id} button").click()
        heading = result.get_by_role("heading", level=2).first
        expect(heading).to_have_text(getattr(CELLS[example.expected], language))
        saved = open_project(page, "matrix")["data"]
        found[example.id] = (heading.inner_text(), figures(result.inner_text()), saved)
    return found


def test_the_matrix_tools_worked_examples_give_the_same_results_in_both_languages(visit) -> None:
    english = matrix_examples(visit, "en")
    norwegian = matrix_examples(visit, "nb")
    for example in MATRIX_EXAMPLES:
        cell = CELLS[example.expected]
        (en_cell, en_figures, en_state), (nb_cell, nb_figures, nb_state) = (
            english[example.id],
            norwegian[example.id],
        )
        assert (en_cell, nb_cell) == (cell.en, cell.nb)
        assert en_figures == nb_figures, example.id
        # Answers saved as ids, never words; beside them only the response's own id.
        assert en_state["answers"] == nb_state["answers"] == example.answers
        assert set(en_state) | set(nb_state) <= {"answers", "id"}
    status = visit.page.locator(".guide-status-text")
    expect(status).to_have_text(MODEL.ui.calculator["ready"].nb)


def test_work_saved_on_a_norwegian_page_opens_on_the_english_one(visit, tmp_path) -> None:
    example = next(example for example in MATRIX_EXAMPLES if example.expected != "co-production")
    page = open_tool(visit, "nb", "matrix")
    page.locator(f"#example-{example.id} button").click()
    result = page.locator(".guide-result")
    # The example comes back from Python; answers changed before that it would replace.
    expect(result.get_by_role("heading", level=2).first).to_have_text(CELLS[example.expected].nb)
    page.locator('#field-desired\\.planning input[value="together"]').check()
    page.locator('#field-desired\\.production input[value="together"]').check()
    expect(result.locator("ol li")).not_to_have_count(0)
    with page.expect_download() as download:
        page.get_by_role("button", name=MODEL.ui.calculator["save-file"].nb).click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    with page.expect_download() as download:
        page.get_by_role("button", name=MODEL.ui.calculator["csv"].nb).click()
    assert download.value.suggested_filename.startswith("matrise-prosjekt-1-")
    norwegian_csv = Path(download.value.path()).read_text(encoding="utf-8-sig")
    visit.page.evaluate("localStorage.clear()")

    page = open_tool(visit, "en", "matrix")
    page.get_by_label(MODEL.ui.calculator["open-file"].en).set_input_files(saved)
    expect(page.locator(".guide-notice")).to_contain_text(f"Opened {saved.name}")
    expect(page.locator(".guide-result").get_by_role("heading", level=2).first).to_have_text(
        CELLS[example.expected].en
    )
    with page.expect_download() as download:
        page.get_by_role("button", name=MODEL.ui.calculator["csv"].en).click()
    english_csv = Path(download.value.path()).read_text(encoding="utf-8-sig")
    english_rows, norwegian_rows = (
        list(csv.reader(io.StringIO(text), delimiter=delimiter))
        for text, delimiter in ((english_csv, ","), (norwegian_csv, ";"))
    )
    assert len(norwegian_rows[0]) == len(english_rows[0]) > 1  # fields, not one column
    assert english_rows[0] != norwegian_rows[0]  # the headers are in each page's language
    assert {"æ", "ø", "å"} & set(norwegian_csv)
    figures = [[cell for cell in row if cell.isdigit()] for row in english_rows[1:]]
    assert figures == [[cell for cell in row if cell.isdigit()] for row in norwegian_rows[1:]]


STATEMENTS = [statement.id for statement in MODEL.assessment.statements]
GROUP = {
    "answers": {"role": "municipality", **dict.fromkeys(STATEMENTS, "4")},
    "participants": [
        {
            "role": role,
            **{
                statement: str(1 + (index + shift) % 5)
                for index, statement in enumerate(STATEMENTS)
            },
        }
        for shift, role in enumerate(["municipality", "civil-society", "politician"])
    ],
}
"""A facilitator's saved group of three, with their own answers too."""


def worked_example_figures(visit, language: str, tool: str, tmp_path: Path) -> list[int]:
    """The figures of a tool's result for its worked example: SoImpact's Boost Refugee plan,
    loaded with its button, or a group of answers opened from a saved file (assessment)."""
    visit.open().evaluate("localStorage.clear()")
    page = open_tool(visit, language, tool)
    result = page.locator(".guide-result")
    if tool == "soimpact":
        page.locator('button[data-operation="load-example"]').click()
    else:
        saved = tmp_path / "group.json"
        saved.write_text(json.dumps(envelope(tool, 1, GROUP)), encoding="utf-8")
        page.locator("input[data-open]").set_input_files(saved)
    expect(result.locator("h2").first).to_be_visible(timeout=READY_TIMEOUT_MS)
    return figures(result.inner_text())


@pytest.mark.parametrize("tool", ["assessment", "soimpact"])
def test_the_other_calculators_give_the_same_figures_in_both_languages(
    visit, tool: str, tmp_path: Path
) -> None:
    english = worked_example_figures(visit, "en", tool, tmp_path)
    norwegian = worked_example_figures(visit, "nb", tool, tmp_path)
    assert english and english == norwegian
    assert visit.page.locator("html").get_attribute("lang") == "nb"
