"""Several projects side by side, in every calculator: create, fill, switch, reload, rename,
duplicate, delete (confirmed, undoable); old single-slot work migrates; imports and share links
open beside existing work; full storage and the project cap lose nothing; axe in each state."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.a11y import axe_violations
from tests.support.calculators import TENDERING, THICK, choose, open_ready, result_heading
from tests.support.projects import PREFIX, open_project, stored_projects

MATRIX = "tools/matrix/"
SOIMPACT = "tools/soimpact/"
TOOLS = ["matrix", "assessment", "soimpact"]


def current_name(page: Page) -> Locator:
    return page.locator(".guide-project-name")


def project_notice(page: Page) -> Locator:
    return page.locator(".guide-project-notice")


def listed(page: Page) -> Locator:
    return page.get_by_label("Your projects").locator("option")


def open_named(page: Page, name: str) -> None:
    page.get_by_label("Your projects").select_option(label=name)
    page.get_by_role("button", name="Open project").click()


def name_in_dialog(page: Page, button: str, name: str) -> Locator:
    """Open the naming dialog with ``button``, enter ``name`` and save; returns the dialog."""
    page.get_by_role("button", name=button, exact=True).click()
    dialog = page.locator(".guide-project-naming")
    dialog.get_by_label("Name of the project").fill(name)
    dialog.get_by_role("button", name="Save").click()
    return dialog


def effort(page: Page) -> Locator:
    return page.get_by_label("Name of the effort", exact=True)


def seed(visit, items: dict[str, object]) -> None:
    """Put entries in the site's localStorage before a calculator page has run."""
    visit.open("about/").evaluate(
        "items => { for (const [key, value] of Object.entries(items))"
        " localStorage.setItem(key, JSON.stringify(value)); }",
        items,
    )


def envelope(tool: str, answers: dict[str, object], project: str | None = None) -> dict:
    saved = {"format": "samskaping-guide", "tool": tool, "version": 1, "data": {"answers": answers}}
    return saved if project is None else {**saved, "project": project}


def test_two_projects_side_by_side(visit, axe_script: Path) -> None:
    page = open_ready(visit, MATRIX)
    expect(current_name(page)).to_have_text("Project 1")
    assert axe_violations(page, axe_script) == []  # the picker on a first visit
    choose(page, "together", "together")
    expect(result_heading(page)).to_have_text(THICK)

    name_in_dialog(page, "New project", "Tendering")
    expect(project_notice(page)).to_have_text("New project “Tendering” is open. The form is empty.")
    expect(page.locator('#field-planning input[value="together"]')).not_to_be_checked()
    expect(page.locator(".guide-result")).to_be_empty()
    choose(page, "professionals", "civil-society")
    expect(result_heading(page)).to_have_text(TENDERING)

    open_named(page, "Project 1")
    expect(project_notice(page)).to_have_text("You are now working on “Project 1”.")
    expect(page.locator('#field-planning input[value="together"]')).to_be_checked()
    expect(result_heading(page)).to_have_text(THICK)
    open_named(page, "Tendering")
    expect(result_heading(page)).to_have_text(TENDERING)

    page.reload()  # back to the project used last
    expect(current_name(page)).to_have_text("Tendering")
    expect(result_heading(page)).to_have_text(TENDERING, timeout=60_000)
    stored = stored_projects(page, "matrix")
    assert stored["Project 1"]["data"]["answers"]["planning"] == "together"
    assert stored["Tendering"]["data"]["answers"]["planning"] == "professionals"

    dialog = name_in_dialog(page, "Rename", "project 1")  # taken, whatever the case
    expect(dialog.get_by_role("heading")).to_have_text("Rename the project")
    expect(dialog.locator(".guide-error")).to_have_text(
        "Another project is already called “project 1”. Choose another name."
    )
    expect(dialog.get_by_label("Name of the project")).to_have_attribute("aria-invalid", "true")
    expect(dialog.get_by_label("Name of the project")).to_be_focused()
    assert axe_violations(page, axe_script) == []  # the naming dialog with an error
    dialog.get_by_label("Name of the project").fill("   ")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog.locator(".guide-error")).to_have_text("Give the project a name.")
    dialog.get_by_label("Name of the project").fill("Buying services")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("button", name="Rename")).to_be_focused()
    expect(project_notice(page)).to_have_text("The project is now called “Buying services”.")
    expect(listed(page)).to_have_text(["Buying services", "Project 1"])
    assert set(stored_projects(page, "matrix")) == {"Buying services", "Project 1"}

    page.get_by_role("button", name="Duplicate").click()
    expect(project_notice(page)).to_have_text(
        "You are now working on “Copy of Buying services”, a copy. The original is unchanged."
    )
    expect(result_heading(page)).to_have_text(TENDERING)
    choose(page, "together", "together")
    expect(result_heading(page)).to_have_text(THICK)
    stored = stored_projects(page, "matrix")
    assert stored["Buying services"]["data"]["answers"]["planning"] == "professionals"
    assert stored["Copy of Buying services"]["data"]["answers"]["planning"] == "together"

    page.get_by_role("button", name="Delete", exact=True).click()
    confirm = page.get_by_role("alertdialog", name="Delete the project?")
    expect(confirm).to_contain_text("“Copy of Buying services” and all its answers")
    expect(confirm.get_by_role("button", name="Cancel")).to_be_focused()
    assert axe_violations(page, axe_script) == []  # the confirmation
    confirm.get_by_role("button", name="Cancel").click()
    expect(listed(page)).to_have_count(3)
    page.get_by_role("button", name="Delete", exact=True).click()
    confirm.get_by_role("button", name="Delete the project").click()
    expect(project_notice(page)).to_have_text(
        "“Copy of Buying services” is deleted. You are now working on “Buying services”."
    )
    expect(result_heading(page)).to_have_text(TENDERING)
    assert set(stored_projects(page, "matrix")) == {"Buying services", "Project 1"}
    assert axe_violations(page, axe_script) == []  # deleted, "bring back" offered
    page.get_by_role("button", name="Bring back “Copy of Buying services”").click()
    expect(current_name(page)).to_have_text("Copy of Buying services")
    expect(result_heading(page)).to_have_text(THICK)
    expect(page.get_by_role("button", name="Bring back “Copy of Buying services”")).to_be_hidden()
    assert len(stored_projects(page, "matrix")) == 3


def test_keyboard_only_rename_create_switch_and_delete(visit, axe_script: Path) -> None:
    page = open_ready(visit, SOIMPACT)
    effort(page).focus()
    page.keyboard.type("First")
    page.get_by_label("Your projects").focus()  # where the keyboard path starts
    for _ in range(3):  # Open project, New project, Rename
        page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Rename")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Name of the project")).to_be_focused()
    page.keyboard.type("First effort")  # replaces the selected old name
    page.keyboard.press("Enter")
    expect(current_name(page)).to_have_text("First effort")
    page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("button", name="New project")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Name of the project")).to_have_value("Project 1")
    assert axe_violations(page, axe_script) == []  # the naming dialog, open
    page.keyboard.type("Second effort")
    page.keyboard.press("Enter")
    expect(project_notice(page)).to_have_text(
        "New project “Second effort” is open. The form is empty."
    )
    expect(effort(page)).to_have_value("")
    effort(page).focus()
    page.keyboard.type("Second")

    page.get_by_label("Your projects").focus()
    page.keyboard.press("ArrowUp")  # the list is sorted: First effort, Second effort
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(effort(page)).to_have_value("First")
    expect(current_name(page)).to_have_text("First effort")

    for _ in range(4):  # New project, Rename, Duplicate, Delete
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Cancel")).to_be_focused()
    page.keyboard.press("Escape")  # no: nothing changes
    expect(page.get_by_role("button", name="Delete", exact=True)).to_be_focused()
    expect(listed(page)).to_have_count(2)
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # "Delete the project"
    expect(project_notice(page)).to_have_text(
        "“First effort” is deleted. You are now working on “Second effort”."
    )
    expect(effort(page)).to_have_value("Second")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Bring back “First effort”")).to_be_focused()
    page.keyboard.press("Enter")
    expect(effort(page)).to_have_value("First")
    expect(page.get_by_label("Your projects")).to_be_focused()
    expect(project_notice(page)).to_have_text("“First effort” is back and open.")


@pytest.mark.parametrize("tool", TOOLS)
def test_every_tool_keeps_a_second_project_apart(visit, tool: str) -> None:
    page = open_ready(visit, f"tools/{tool}/")
    first_text = page.locator('form[data-calculator] input[type="text"]').first
    first_text.fill("Alpha")
    name_in_dialog(page, "New project", "Beta")
    expect(first_text).to_have_value("")
    first_text.fill("Beta's answer")
    open_named(page, "Project 1")
    expect(first_text).to_have_value("Alpha")
    page.reload()
    expect(first_text).to_have_value("Alpha")
    expect(listed(page)).to_have_text(["Beta", "Project 1"])


def test_work_saved_before_projects_becomes_the_first_project(visit) -> None:
    seed(
        visit,
        {
            f"{PREFIX}soimpact:current": envelope("soimpact", {"title": "Old work"}),
            f"{PREFIX}soimpact:previous": envelope("soimpact", {"title": "Older work"}),
        },
    )
    page = open_ready(visit, SOIMPACT)
    expect(effort(page)).to_have_value("Old work")
    expect(current_name(page)).to_have_text("Project 1")
    expect(page.locator(".guide-notice")).to_contain_text("from your last visit")
    keys = page.evaluate("Object.keys(localStorage)")
    assert f"{PREFIX}soimpact:current" not in keys and f"{PREFIX}soimpact:previous" not in keys
    assert open_project(page, "soimpact")["data"]["answers"] == {"title": "Old work"}
    page.get_by_role("button", name="Restore earlier answers").click()
    expect(effort(page)).to_have_value("Older work")
    page.reload()
    expect(effort(page)).to_have_value("Older work")
    expect(listed(page)).to_have_text(["Project 1"])


def share_link(visit, answers: dict[str, str], project: str) -> str:
    text = json.dumps(envelope("soimpact", answers, project))
    encoded = base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")
    return f"{visit.base_url}{SOIMPACT}#share={encoded}"


def test_share_link_opens_beside_the_facilitators_work(visit, axe_script: Path) -> None:
    page = open_ready(visit, SOIMPACT)
    effort(page).fill("The facilitator's own plan")
    page.goto(share_link(visit, {"title": "A colleague's plan"}, "Colleague"))
    expect(page.locator(".guide-notice")).to_have_text(
        "The shared link is opened as a new project, “Colleague”. Your other projects are"
        " unchanged.",
        timeout=60_000,
    )
    expect(effort(page)).to_have_value("A colleague's plan")
    expect(current_name(page)).to_have_text("Colleague")
    assert "#share=" not in page.url
    assert stored_projects(page, "soimpact")["Project 1"]["data"]["answers"]["title"] == (
        "The facilitator's own plan"
    )
    assert axe_violations(page, axe_script) == []  # a link opened as a new project
    page.reload()  # the link is not opened a second time
    expect(page.locator("form[data-ready=true]")).to_have_count(1, timeout=60_000)
    expect(listed(page)).to_have_text(["Colleague", "Project 1"])


def test_share_link_fills_an_empty_project(visit) -> None:
    page = visit.open("")
    page.goto(share_link(visit, {"title": "Plan for the district"}, "District"))
    expect(page.locator(".guide-notice")).to_contain_text(
        "The answers from the shared link are loaded", timeout=60_000
    )
    expect(effort(page)).to_have_value("Plan for the district")
    expect(listed(page)).to_have_text(["District"])

    page.get_by_role("button", name="Delete", exact=True).click()  # the only project
    page.get_by_role("button", name="Delete the project").click()
    expect(project_notice(page)).to_have_text(
        "“District” is deleted. The form is empty for a new project, “Project 1”."
    )
    expect(effort(page)).to_have_value("")
    assert stored_projects(page, "soimpact") == {}  # nothing is kept until something is typed
    page.get_by_role("button", name="Bring back “District”").click()
    expect(effort(page)).to_have_value("Plan for the district")
    expect(listed(page)).to_have_text(["District"])


def test_file_opens_as_a_new_project_and_its_name_stays_text(visit, tmp_path: Path) -> None:
    page = open_ready(visit, SOIMPACT)
    effort(page).fill("Mine")
    hostile = "<img src=x onerror=alert(1)>\u202e" + "x" * 500
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(envelope("soimpact", {"title": "Theirs"}, hostile)))
    page.get_by_label("Open a saved file").set_input_files(plan)
    shown = "<img src=x onerror=alert(1)> " + "x" * 51  # one line, at most 80 characters
    expect(page.locator(".guide-notice")).to_have_text(
        f"Opened plan.json as a new project, “{shown}”. Your other projects are unchanged."
    )
    expect(current_name(page)).to_have_text(shown)
    assert page.locator(".guide-projects img").count() == 0
    expect(effort(page)).to_have_value("Theirs")

    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "samskaping-guide", "tool": "soimpact", "version": 1, "data": ')
    page.get_by_label("Open a saved file").set_input_files(broken)
    expect(page.locator(".guide-notice")).to_contain_text("broken.json was not opened")
    expect(listed(page)).to_have_count(2)
    expect(effort(page)).to_have_value("Theirs")

    with page.expect_download() as saved:
        page.get_by_role("button", name="Save to a file").click()
    assert saved.value.suggested_filename.startswith("soimpact-img-src-x-onerror-alert-1-xxx")
    exported = json.loads(Path(saved.value.path()).read_text(encoding="utf-8"))
    assert exported["project"] == shown and exported["data"]["answers"]["title"] == "Theirs"


FILL_STORAGE = """() => {
  let size = 1 << 20, index = 0;
  while (size >= 16) {
    try { localStorage.setItem(`filler-${index++}`, "x".repeat(size)); } catch { size >>= 1; }
  }
}"""


def test_full_storage_is_reported_and_loses_nothing(visit) -> None:
    page = open_ready(visit, MATRIX)
    participant = page.locator("#input-participant")
    participant.fill("Kari")
    page.evaluate(FILL_STORAGE)
    participant.fill("Kari Nordmann from the district council")
    expect(project_notice(page)).to_contain_text("The browser's storage for this site is full.")
    expect(project_notice(page)).to_have_attribute("role", "alert")
    assert open_project(page, "matrix")["data"]["answers"]["participant"] == "Kari"
    page.get_by_role("button", name="Duplicate").click()  # refused: the copy would not fit
    expect(listed(page)).to_have_count(1)
    page.get_by_role("button", name="New project").click()  # refused before asking a name
    expect(page.locator(".guide-project-naming")).to_be_hidden()
    expect(project_notice(page)).to_contain_text("The browser's storage for this site is full.")
    expect(current_name(page)).to_have_text("Project 1")
    page.get_by_role("button", name="Start over").click()  # refused: no room for the backup
    expect(participant).to_have_value("Kari Nordmann from the district council")

    page.evaluate(
        "Object.keys(localStorage).filter(k => k.startsWith('filler-'))"
        ".forEach(k => localStorage.removeItem(k))"
    )
    participant.press("End")
    page.keyboard.type(".")
    assert open_project(page, "matrix")["data"]["answers"]["participant"] == (
        "Kari Nordmann from the district council."
    )
    expect(project_notice(page)).to_have_text("")  # saving works again: the alert is gone


def test_project_cap_is_said_and_refuses_more(visit, tmp_path: Path) -> None:
    seed(
        visit,
        {
            f"{PREFIX}soimpact:project:{number:012x}": envelope(
                "soimpact", {"title": f"Plan {number}"}, f"Plan {number}"
            )
            for number in range(30)
        },
    )
    page = open_ready(visit, SOIMPACT)
    expect(listed(page)).to_have_count(30)
    page.get_by_role("button", name="New project").click()
    expect(project_notice(page)).to_have_text(
        "This page keeps at most 30 projects. Delete one you no longer need; save it to a file"
        " first if you want to keep it."
    )
    expect(page.locator(".guide-project-naming")).to_be_hidden()
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(envelope("soimpact", {"title": "One more"}, "One more")))
    page.get_by_label("Open a saved file").set_input_files(plan)
    expect(page.locator(".guide-notice")).to_contain_text("This page keeps at most 30 projects.")
    expect(listed(page)).to_have_count(30)
    expect(effort(page)).not_to_have_value("One more")


def test_print_names_the_project_and_hides_the_picker(visit) -> None:
    page = open_ready(visit, MATRIX)
    name_in_dialog(page, "Rename", "Ward 3 pilot")
    page.emulate_media(media="print")
    expect(page.locator(".guide-project-title")).to_have_text("Project: Ward 3 pilot")
    expect(page.get_by_label("Your projects")).to_be_hidden()
    expect(page.get_by_role("button", name="New project")).to_be_hidden()


def test_another_tab_sees_projects_come_and_go(visit) -> None:
    page = open_ready(visit, SOIMPACT)
    effort(page).fill("Kept in the first tab")
    other = page.context.new_page()
    other.goto(visit.base_url + SOIMPACT)
    expect(other.get_by_label("Name of the effort", exact=True)).to_have_value(
        "Kept in the first tab"
    )
    name_in_dialog(other, "Rename", "Renamed in the second tab")
    expect(current_name(page)).to_have_text("Renamed in the second tab")
    name_in_dialog(other, "New project", "From the second tab")
    expect(listed(page)).to_have_text(["From the second tab", "Renamed in the second tab"])
    other.get_by_role("button", name="Delete", exact=True).click()
    other.get_by_role("button", name="Delete the project").click()
    expect(listed(page)).to_have_text(["Renamed in the second tab"])
    effort(page).fill("Still kept in the first tab")  # and the new name with it
    assert set(stored_projects(page, "soimpact")) == {"Renamed in the second tab"}
    other.close()
