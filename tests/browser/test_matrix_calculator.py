"""The matrix calculator in real Pyodide, in a worker: keyboard-only answers for each worked
example, goal and steps, several participants, and axe in every state (its print: test_print.py).

Most tests share one page (``calculator``), emptied with "Start over" before each, so Python
starts once for the module; the tests of reloads and of fresh browsers open their own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.a11y import axe_violations
from tests.support.browser import RecordedPage
from tests.support.calculators import READY_TIMEOUT_MS, open_ready, result_heading, wait_ready
from tests.support.content import guide_data
from tests.support.projects import open_project

PAGE = "tools/matrix/"
MODEL = guide_data()
EXAMPLES = MODEL["matrix_tool"]["examples"]
CELL_NAMES = {cell["id"]: cell["name"]["en"] for cell in MODEL["matrix"]["cells"]}


@pytest.fixture(scope="module")
def calculator(browser, base_url: str) -> Iterator[Page]:
    """One calculator page for the module; every request it makes must stay local."""
    context = browser.new_context()
    recorded = RecordedPage(context.new_page(), base_url)
    page = open_ready(recorded, PAGE)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield page
    context.close()
    assert any(url.endswith("pyodide.asm.wasm") for url in recorded.requests)
    assert recorded.foreign_requests() == [], "requests left the local origin"


@pytest.fixture
def page(calculator: Page) -> Page:
    """The shared calculator page, emptied: on screen, ready, no answers, no participants, and
    on its questions (the view a test of the group left it in is kept in the tab)."""
    calculator.emulate_media(media="screen")
    wait_ready(calculator)
    calculator.get_by_role("button", name="Answer for yourself").click()
    calculator.get_by_role("button", name="Start over").click()
    expect(calculator.locator(".guide-result")).to_be_empty()
    return calculator


FOCUSED = """() => {
  const e = document.activeElement;
  const group = e.name ? [...e.form.elements].filter((x) => x.name === e.name) : [];
  return {type: e.type, name: e.name, value: e.value, checked: e.checked,
          values: group.map((x) => x.value), chosen: group.findIndex((x) => x.checked)};
}"""


def fill_by_keyboard(page: Page, answers: dict[str, Any]) -> None:
    """Answer the form with Tab, arrow keys, Space and typing only, from its first field on."""
    page.locator("#input-participant").focus()
    for _ in range(200):
        field = page.evaluate(FOCUSED)
        if field["type"] == "submit":
            page.keyboard.press("Enter")
            return
        wanted = answers.get(field["name"])
        if field["type"] == "text" and wanted:
            page.keyboard.type(wanted)
        elif field["type"] == "radio" and wanted is not None:
            if field["chosen"] == -1 and field["value"] == wanted:
                page.keyboard.press("Space")
            for _ in range(len(field["values"])):
                if page.evaluate(FOCUSED)["value"] == wanted:
                    break
                page.keyboard.press("ArrowDown")  # moves to the next choice and chooses it
        elif field["type"] == "checkbox" and (field["value"] in (wanted or [])) != field["checked"]:
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
    raise AssertionError("the submit button was never reached with Tab")


def try_example(page: Page, example: str) -> None:
    """Load a worked example with its button, as a reader would, and wait until it is in place."""
    page.locator(f"#example-{example}").get_by_role("button", name="Load the example").click()
    expect(page.locator(".guide-notice")).to_contain_text("The example is loaded.")


def state_in_browser(page: Page) -> dict[str, Any]:
    return open_project(page, "matrix")["data"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[example["id"] for example in EXAMPLES])
def test_keyboard_only_answers_give_each_worked_examples_cell(page: Page, example) -> None:
    """The same cases as the unit tests, now through the form and Pyodide."""
    fill_by_keyboard(page, example["answers"])
    expect(result_heading(page)).to_have_text(
        CELL_NAMES[example["expected"]], timeout=READY_TIMEOUT_MS
    )
    expect(page.locator(".guide-result")).to_be_focused()
    given = {name: value for name, value in state_in_browser(page)["answers"].items() if value}
    assert given == example["answers"]


def test_errors_are_shown_by_field_then_cleared(page: Page, axe_script: Path) -> None:
    assert axe_violations(page, axe_script) == []  # empty, ready
    submit = page.get_by_role("button", name="Show the result")
    submit.focus()
    page.keyboard.press("Enter")
    production_error = page.locator("#production-error")
    expect(production_error).to_contain_text("production and delivery")
    expect(page.locator("#field-production")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#field-planning input").first).to_be_focused()
    page.locator('#field-desired\\.duration input[value="lasting"]').check()
    page.locator('#field-planning input[value="together"]').check()
    expect(production_error).to_contain_text("production and delivery")
    expect(page.locator("#desired\\.planning-error")).to_be_hidden()  # a goal may be partial
    expect(page.locator(".guide-result")).to_be_empty()
    assert axe_violations(page, axe_script) == []  # error state
    page.locator('#field-production input[value="civil-society"]').check()
    page.locator('#field-desired\\.duration input[value=""]').check()  # "No goal set"
    expect(result_heading(page)).to_have_text(CELL_NAMES["thin-production"])
    expect(production_error).to_be_hidden()
    expect(page.locator("#field-production")).not_to_have_attribute("aria-invalid", "true")


def test_goal_is_drawn_with_steps_and_every_state_passes_axe(page: Page, axe_script: Path) -> None:
    page.locator('#field-planning input[value="professionals"]').check()
    page.locator('#field-production input[value="professionals"]').check()
    expect(page.locator(".guide-result")).to_contain_text(
        "has no place on the thin ↔ thick continuum"
    )
    page.locator('#field-desired\\.planning input[value="together"]').check()
    page.locator('#field-desired\\.production input[value="civil-society"]').check()
    result = page.locator(".guide-result")
    expect(result.locator("ol li")).to_have_count(2)
    expect(result.locator("ol li").first).to_contain_text("You would then be in: Professional")
    matrix_chart = result.locator("figure svg").first
    expect(matrix_chart.locator("desc")).to_contain_text(
        "Goal: Produced outside the professions, planned with their help"
    )
    expect(matrix_chart.locator(".mark-label")).to_have_text(["Now", "Goal"])
    expect(result.locator("table").first).to_contain_text("Where you want to be")
    assert axe_violations(page, axe_script) == []  # filled, with a goal


def test_a_worked_example_loads_and_earlier_answers_can_be_restored(page: Page) -> None:
    page.locator('#field-planning input[value="civil-society"]').check()
    page.locator('#field-production input[value="civil-society"]').check()
    expect(result_heading(page)).to_have_text(CELL_NAMES["self-organised"])
    try_example(page, "sisters-in-business")
    expect(result_heading(page)).to_have_text(CELL_NAMES["co-production"])
    expect(page.locator('#field-duration input[value="lasting"]')).to_be_checked()
    expect(page.locator(".guide-notice")).to_have_text(
        "The example is loaded. Your earlier answers can be restored."
    )
    page.get_by_role("button", name="Restore earlier answers").click()
    expect(result_heading(page)).to_have_text(CELL_NAMES["self-organised"])


def test_a_half_goal_follows_todays_answers_and_survives_a_reload(visit) -> None:
    """Issue 18: a goal for one axis only used to freeze the result (and leave it blank after a
    reload); now it takes today's other answer, says so, and follows every change."""
    page = open_ready(visit, PAGE)
    page.locator('#field-planning input[value="together"]').check()
    page.locator('#field-production input[value="professionals"]').check()
    page.locator('#field-desired\\.production input[value="together"]').check()
    result = page.locator(".guide-result")
    expect(result).to_contain_text(
        "Goal: Co-production (thick collaboration).", timeout=READY_TIMEOUT_MS
    )
    expect(result).to_contain_text("You set no goal for: Planning and design.")
    page.locator('#field-planning input[value="civil-society"]').check()
    expect(result_heading(page)).to_have_text(CELL_NAMES["no-activity"])
    goal = f"Goal: {CELL_NAMES['civil-with-help']}."
    expect(result).to_contain_text(goal)
    page.reload()
    wait_ready(page)
    expect(result_heading(page)).to_have_text(CELL_NAMES["no-activity"])
    expect(result).to_contain_text(goal)
    expect(result).to_contain_text("You set no goal for: Planning and design.")


def test_what_is_typed_while_an_example_loads_is_kept(visit) -> None:
    """The example's answer (no participant) must not overwrite a name typed right after the
    click. Clicked before Python is ready, the answer is seconds away: the form waits for it,
    says so, and the typing lands once the example is in place."""
    page = visit.open(PAGE)
    page.locator("#example-sisters-in-business").get_by_role(
        "button", name="Load the example"
    ).click()
    participant = page.locator("#input-participant")
    expect(participant).to_be_disabled()
    expect(page.locator(".guide-notice")).to_contain_text("Putting the answers in place")
    participant.fill("Kari, NAV", timeout=READY_TIMEOUT_MS)
    expect(page.locator(".guide-notice")).to_contain_text("The example is loaded.")
    expect(page.locator(".guide-result")).to_contain_text("Answers of: Kari, NAV")
    expect(participant).to_have_value("Kari, NAV")
    expect(page.locator('#field-duration input[value="lasting"]')).to_be_checked()
    expect(page.locator(".guide-result")).not_to_have_attribute("aria-busy", "true")
    assert state_in_browser(page)["answers"]["participant"] == "Kari, NAV"


def test_the_share_link_reproduces_the_whole_result_in_a_fresh_context(
    page: Page, browser, base_url: str
) -> None:
    try_example(page, "larvik-social-housing")
    page.locator('#field-desired\\.planning input[value="together"]').check()
    page.locator('#field-desired\\.production input[value="together"]').check()
    expect(page.locator(".guide-result ol li")).to_have_count(1)
    expected = page.locator(".guide-result").inner_text()
    page.get_by_role("button", name="Copy a share link").click()
    link = page.get_by_label("Share link").input_value()
    receiver = browser.new_context()
    try:
        recorded = RecordedPage(receiver.new_page(), base_url)
        other = recorded.open(link.removeprefix(base_url))
        expect(other.locator(".guide-result ol li")).to_have_count(1, timeout=READY_TIMEOUT_MS)
        assert other.locator(".guide-result").inner_text() == expected
        assert recorded.foreign_requests() == []
    finally:
        receiver.close()


def test_export_then_import_gives_the_identical_state(
    page: Page, tmp_path: Path, axe_script
) -> None:
    try_example(page, "sisters-in-business")
    page.locator("#input-participant").fill("Kari, NAV")
    page.locator('#field-desired\\.planning input[value="together"]').check()
    page.locator('#field-desired\\.production input[value="together"]').check()
    page.locator('#field-desired\\.roles input[value="co-initiator"]').check()
    expect(page.locator(".guide-result")).to_contain_text("Residents as Co-initiator")
    before = state_in_browser(page)
    shown = page.locator(".guide-result").inner_text()
    with page.expect_download() as download:
        page.get_by_role("button", name="Save to a file").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert re.fullmatch(r"matrix-project-1-kari-nav-\d{4}-\d\d-\d\d\.json", saved.name)
    assert json.loads(saved.read_text(encoding="utf-8"))["data"] == before
    page.get_by_role("button", name="Start over").click()
    expect(page.locator(".guide-result")).to_be_empty()
    page.get_by_label("Open a saved file").set_input_files(saved)
    expect(page.locator(".guide-notice")).to_contain_text(f"Opened {saved.name}")
    expect(page.locator(".guide-result")).to_contain_text("Answers of: Kari, NAV")
    assert state_in_browser(page) == before
    assert page.locator(".guide-result").inner_text() == shown
    assert axe_violations(page, axe_script) == []  # imported


def test_a_file_with_answers_the_tool_does_not_know_is_refused(page: Page, tmp_path: Path) -> None:
    page.locator('#field-planning input[value="together"]').check()
    page.locator('#field-production input[value="together"]').check()
    expect(result_heading(page)).to_have_text(CELL_NAMES["co-production"])
    odd = tmp_path / "odd.json"
    envelope = {"format": "samskaping-guide", "tool": "matrix", "version": 1}
    odd.write_text(json.dumps({**envelope, "data": {"answers": {"duration": "forever"}}}))
    page.get_by_label("Open a saved file").set_input_files(odd)
    expect(page.locator(".guide-notice")).to_contain_text(
        "odd.json was not opened: The answer to 'duration' in the file is not one of the choices."
    )
    expect(page.locator('#field-planning input[value="together"]')).to_be_checked()
    expect(result_heading(page)).to_have_text(CELL_NAMES["co-production"])


def saved_file(tmp_path: Path, name: str, answers: dict[str, Any]) -> Path:
    path = tmp_path / name
    data = {
        "format": "samskaping-guide",
        "tool": "matrix",
        "version": 1,
        "data": {"answers": answers},
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_several_participants_on_one_matrix(page: Page, tmp_path: Path, axe_script: Path) -> None:
    # A third participant's share link, made in the page itself.
    page.locator('#field-planning input[value="professionals"]').check()
    page.locator('#field-production input[value="civil-society"]').check()
    page.locator("#input-participant").fill("Cy")
    page.get_by_role("button", name="Copy a share link").click()
    link = page.get_by_label("Share link").input_value()
    page.get_by_role("button", name="Start over").click()

    ann = saved_file(
        tmp_path,
        "ann.json",
        {"participant": "Ann", "planning": "together", "production": "together"},
    )
    bob = saved_file(tmp_path, "bob.json", {"planning": "together", "production": "professionals"})
    page.get_by_role("button", name="Gather the group").click()
    page.get_by_label("Add participants' saved files").set_input_files([ann, bob])
    result = page.locator(".guide-result")
    expect(result_heading(page)).to_have_text("Several views")
    page.get_by_label("Or paste the links participants shared with you").fill(f"{link}\n")
    page.get_by_role("button", name="Add these links").click()
    expect(result.locator("table tbody tr")).to_have_count(3)
    expect(page.get_by_label("Or paste the links participants shared with you")).to_have_value("")
    expect(result.locator("table")).to_contain_text("Orders and tendering services")
    expect(result.locator("figure svg desc")).to_contain_text(
        "Co-production (thick collaboration): 1"
    )
    expect(result).to_contain_text(
        "Planning and design: Professionals and civil society together "
        "(1. Ann, 2. bob); Professionals alone (3. Cy)."
    )
    assert axe_violations(page, axe_script) == []  # group

    with page.expect_download() as download:
        page.get_by_role("button", name="Download a table (CSV)").click()
    csv = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert [line.split(",")[0] for line in csv.splitlines()] == ["Name", "Ann", "bob", "Cy"]

    page.get_by_role("button", name="Remove 2. bob").click()
    expect(result.locator("table tbody tr")).to_have_count(2)
    page.reload()  # participants are part of the saved state
    expect(result.locator("table tbody tr")).to_have_count(2, timeout=READY_TIMEOUT_MS)


def test_a_refused_participant_file_changes_nothing(page: Page, tmp_path: Path) -> None:
    half = saved_file(tmp_path, "half.json", {"planning": "together"})
    page.get_by_label("Add participants' saved files").set_input_files(half)
    expect(page.locator(".guide-notice")).to_contain_text(
        "half: Choose who is responsible for production and delivery."
    )
    expect(page.locator(".guide-result")).to_be_empty()
