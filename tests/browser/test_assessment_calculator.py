"""The assessment in Chromium: participants fill in and save, a facilitator gathers the group.

Each participant uses a browser context of their own, as on their own device; the facilitator
starts from a fresh one. Every context's requests are recorded and must stay on the local server.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from calculators.core.savefile import envelope
from tests.browser.a11y import axe_violations
from tests.support.browser import RecordedPage
from tests.support.calculators import READY_TIMEOUT_MS, open_ready, wait_ready
from tests.support.content import guide_model

PAGE = "tools/assessment/"
STATEMENTS = [statement.id for statement in guide_model().assessment.statements]


def reload_ready(page: Page) -> Page:
    page.reload()
    return wait_ready(page)


@contextmanager
def own_browser(browser: Browser, base_url: str) -> Iterator[RecordedPage]:
    """A participant's own device: a new context whose requests must all stay local."""
    context = browser.new_context()
    recorded = RecordedPage(context.new_page(), base_url)
    try:
        yield recorded
    finally:
        context.close()
    assert recorded.foreign_requests() == []


def result(page: Page):
    return page.locator(".guide-result")


def save_file(page: Page, folder: Path, press: str | None = None) -> Path:
    """Save the response as the page names it."""
    with page.expect_download() as download:
        if press:
            page.keyboard.press(press)
        else:
            page.get_by_role("button", name="Save to a file").click()
    path = folder / download.value.suggested_filename
    download.value.save_as(path)
    return path


def fill_with_keyboard(page: Page, rating: int) -> None:
    """Role, name, every statement and one step, with Tab, arrows and Space only."""
    page.locator("#field-role input").first.focus()  # the first field of the form
    page.keyboard.press("Space")  # Municipal staff
    page.keyboard.press("Tab")
    page.keyboard.type("Anne")
    for _ in STATEMENTS:
        page.keyboard.press("Tab")  # into the statement's scale, on its first answer
        for _ in range(rating - 1):
            page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # the second step: inviting
    page.keyboard.press("Space")


def fill_with_mouse(page: Page, role: str, ratings: list[str]) -> None:
    page.locator(f'#field-role input[value="{role}"]').check()
    for statement, rating in zip(STATEMENTS, ratings, strict=True):
        page.locator(f'#field-{statement} input[value="{rating}"]').check()


def test_three_participants_save_and_a_facilitator_sees_the_group(
    browser: Browser, base_url: str, visit: RecordedPage, axe_script: Path, tmp_path: Path
) -> None:
    with own_browser(browser, base_url) as anne:
        page = open_ready(anne, PAGE)
        assert axe_violations(page, axe_script) == []  # empty
        page.get_by_role("button", name="Show the result").click()
        expect(page.locator("#role-error")).to_contain_text("Choose the role")
        expect(page.locator("#field-role")).to_have_attribute("aria-invalid", "true")
        assert axe_violations(page, axe_script) == []  # errors shown
        fill_with_keyboard(page, rating=4)
        for _ in range(3 + 1):  # the other three steps (the facilitator's part is hidden)
            page.keyboard.press("Tab")
        expect(page.get_by_role("button", name="Show the result")).to_be_focused()
        page.keyboard.press("Enter")
        expect(result(page)).to_be_focused()
        expect(result(page).get_by_role("heading", level=2).first).to_have_text("Your profile")
        expect(result(page).locator("svg[role=img] title")).to_have_text(
            "Your scores for the four values and the seven fields of action"
        )
        expect(result(page)).to_contain_text("You rated 33 of 33 statements")
        page.get_by_role("button", name="Show the result").focus()
        page.keyboard.press("Tab")
        expect(page.get_by_role("button", name="Save to a file")).to_be_focused()
        files = [save_file(page, tmp_path, press="Enter")]
        assert axe_violations(page, axe_script) == []  # filled

    with own_browser(browser, base_url) as resident:
        page = open_ready(resident, PAGE)
        fill_with_mouse(page, "resident", ["2"] * (len(STATEMENTS) - 1) + ["dont-know"])
        expect(result(page)).to_contain_text("You rated 32 of 33 statements")
        reload_ready(page)
        expect(page.locator('#field-role input[value="resident"]')).to_be_checked()
        expect(result(page)).to_contain_text("You rated 32 of 33")
        files.append(save_file(page, tmp_path))

    with own_browser(browser, base_url) as volunteer:
        page = open_ready(volunteer, PAGE)
        ratings = ["5" if index % 2 == 0 else "3" for index in range(len(STATEMENTS))]
        fill_with_mouse(page, "civil-society", ratings)
        expect(result(page)).to_contain_text("You rated 33 of 33")
        files.append(save_file(page, tmp_path))

    names = [re.sub(r"-\d{4}-\d\d-\d\d\.json$", "", path.name) for path in files]
    saved = [json.loads(path.read_text(encoding="utf-8"))["data"] for path in files]
    assert names == [
        "assessment-project-1-municipality-anne",
        f"assessment-project-1-resident-{saved[1]['id'][:6]}",
        f"assessment-project-1-civil-society-{saved[2]['id'][:6]}",
    ]
    assert all(re.fullmatch(r"[0-9a-f]{16}", data["id"]) for data in saved)
    saved = {"answers": saved[0]["answers"]}
    assert saved["answers"]["participant-name"] == "Anne"
    assert saved["answers"]["steps"] == ["inviting"]
    assert saved["answers"][STATEMENTS[-1]] == "4"
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "samskaping-guide", "tool": "assessment", "data": ', "utf-8")
    foreign = tmp_path / "matrix.json"
    foreign.write_text(json.dumps(envelope("matrix", 1, {"answers": {}})), encoding="utf-8")

    page = open_ready(visit, PAGE)
    page.get_by_role("button", name="Gather the group").click()
    page.get_by_label("Add participants' files").set_input_files(
        [*files, files[0], broken, foreign]
    )
    view = result(page)
    expect(view.get_by_role("heading", name="The group: 3 participants")).to_be_visible(
        timeout=READY_TIMEOUT_MS
    )
    log = view.get_by_role("list").first
    expect(log).to_contain_text(f"{files[0].name}: added as participant 1.")
    expect(log).to_contain_text(
        f"{files[0].name}: the same response as participant 1, so it is not counted"
    )
    expect(log).to_contain_text("broken.json: not added. The file is not valid JSON")
    expect(log).to_contain_text("matrix.json: not added. This file was saved by another tool")
    participants = view.get_by_role("table").first
    expect(participants.get_by_role("rowheader")).to_have_text(
        ["Anne", "Participant 2", "Participant 3"]
    )
    # Three people of three roles: each role is one person's, so none is named beside anyone.
    expect(participants).not_to_contain_text("Municipal staff")
    expect(participants.get_by_role("row", name="Anne")).to_contain_text("Other roles")
    questions = view.locator("ol").first
    expect(questions.locator("li").first).to_contain_text(
        "Why do some of us agree and others disagree that “Anyone in our collaboration"
    )
    expect(questions.locator("li").first).to_contain_text("from 2 (Disagree) to 5 (Strongly agree)")
    expect(view).to_contain_text("scores by role are shown only for roles held by at least 3")
    expect(view).to_contain_text("Gaps between roles are shown when at least two roles")
    expect(view.get_by_role("table", name="Mean score for each area by role")).to_have_count(0)
    spread = view.get_by_role("table", name="The group's scores for each area")
    expect(spread.get_by_role("row", name="Openness")).to_contain_text("3.4")
    assert axe_violations(page, axe_script) == []  # group
    reload_ready(page)
    expect(view.get_by_role("heading", name="The group: 3 participants")).to_be_visible()


def response_file(folder: Path, name: str, role: str, rating: str) -> Path:
    path = folder / name
    answers = {"role": role, **dict.fromkeys(STATEMENTS, rating)}
    path.write_text(json.dumps(envelope("assessment", 1, {"answers": answers})), "utf-8")
    return path


def test_two_rounds_show_what_moved_and_export(
    visit: RecordedPage, axe_script: Path, tmp_path: Path
) -> None:
    page = open_ready(visit, PAGE)
    page.get_by_role("button", name="Gather the group").click()
    page.get_by_label("Name of this round (optional)").fill("Start, spring")
    first = [
        response_file(tmp_path, "a1.json", "resident", "2"),
        response_file(tmp_path, "b1.json", "municipality", "3"),
    ]
    page.get_by_label("Add participants' files").set_input_files(first)
    view = result(page)
    expect(view.get_by_role("heading", name="The group: 2 participants")).to_be_visible(
        timeout=READY_TIMEOUT_MS  # the first group result: Python imports the group's modules
    )
    view.get_by_role("button", name="Start a new round and keep this one for comparison").click()
    expect(view).to_contain_text("An earlier round with 2 participants is kept for comparison.")
    expect(page.get_by_label("Name of this round (optional)")).to_have_value("")
    second = [
        response_file(tmp_path, "a2.json", "resident", "4"),
        response_file(tmp_path, "b2.json", "municipality", "4"),
        response_file(tmp_path, "c2.json", "politician", "5"),
    ]
    page.get_by_label("Add participants' files").set_input_files(second)
    expect(view.get_by_role("heading", name="What moved since Start, spring")).to_be_visible()
    moved = view.get_by_role("table", name="Area means in Start, spring and now")
    expect(moved.get_by_role("row", name="Openness")).to_have_text("Openness2.54.3+1.8")
    expect(view.locator("svg polygon.assessment-earlier")).to_have_count(11 + 1)
    assert axe_violations(page, axe_script) == []  # rounds

    with page.expect_download() as download:
        page.get_by_role("button", name="Download a table (CSV)").click()
    csv_text = Path(download.value.path()).read_text(encoding="utf-8")
    assert csv_text.startswith("\ufeffLevel,Area,Statement,Mean,")
    assert "Area,Openness,,4.33,0.47,4.0,5.0,3,0," in csv_text

    page.emulate_media(media="print")
    expect(page.locator("#calculator-assessment")).to_be_hidden()
    expect(view.get_by_role("heading", name="What moved since Start, spring")).to_be_visible()
    page.emulate_media(media="screen")

    reload_ready(page)
    expect(view.get_by_role("heading", name="What moved since Start, spring")).to_be_visible()


def test_share_links_pasted_by_the_facilitator(
    browser: Browser, base_url: str, visit: RecordedPage
) -> None:
    with own_browser(browser, base_url) as participant:
        page = open_ready(participant, PAGE)
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        fill_with_mouse(page, "business", ["3"] * len(STATEMENTS))
        page.get_by_role("button", name="Copy a share link").click()
        link = page.get_by_label("Share link", exact=True).input_value()
    assert "#share=" in link

    page = open_ready(visit, PAGE)
    page.get_by_role("button", name="Gather the group").click()
    box = page.get_by_label("Participants' share links, one a line")
    box.fill(f"{link}\n{link}\nnot a link")
    page.get_by_role("button", name="Add the pasted links").click()
    view = result(page)
    expect(view.get_by_role("heading", name="The group: 1 participant")).to_be_visible(
        timeout=READY_TIMEOUT_MS
    )
    expect(view).to_contain_text("Link 2: the same response as participant 1")
    expect(view).to_contain_text("Link 3: not added. This is not a share link of this tool")
    expect(box).to_have_value("")
    expect(view).to_contain_text("Roles: Social entrepreneur or business: 1.")
    expect(view.get_by_role("table").first).to_contain_text("Other roles")
