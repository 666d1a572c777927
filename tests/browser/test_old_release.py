"""What readers kept from the release before the restructuring opens on today's site: the browser
storage, the share links and the files that release wrote (tests/cases/release-271bc45/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.calculators import wait_ready

RELEASE = Path(__file__).parents[1] / "cases" / "release-271bc45"
TOOLS = ["matrix", "assessment", "soimpact"]
TEXT_ANSWER = {"matrix": "participant", "assessment": "participant-name", "soimpact": "title"}
CHOSEN_ANSWER = {"matrix": "planning", "assessment": "openness-outsiders"}
"""For each tool, a typed answer and (where it has choices) a chosen one the old project set."""


def saved_file(tool: str) -> Path:
    return RELEASE / f"{tool}.json"


def shows_the_old_project(page: Page, tool: str) -> None:
    """The project's name and answers are in the form, and Python computed its result."""
    saved = json.loads(saved_file(tool).read_text(encoding="utf-8"))
    answers = saved["data"]["answers"]
    wait_ready(page)
    expect(page.locator(".guide-project-name")).to_have_text(saved["project"])
    text = TEXT_ANSWER[tool]
    expect(page.locator(f"#input-{text}")).to_have_value(answers[text])
    if tool in CHOSEN_ANSWER:
        chosen = CHOSEN_ANSWER[tool]
        expect(page.locator(f"#field-{chosen} input[value='{answers[chosen]}']")).to_be_checked()
    expect(page.locator(".guide-result")).not_to_be_empty()


@pytest.mark.parametrize("tool", TOOLS)
def test_work_kept_in_the_browser_is_back(visit, tool: str) -> None:
    stored = json.loads((RELEASE / "local-storage.json").read_text(encoding="utf-8"))
    visit.page.context.add_init_script(
        "const stored = " + json.dumps(stored) + ";\n"
        "for (const [key, value] of Object.entries(stored))"
        " if (localStorage.getItem(key) === null) localStorage.setItem(key, value);"
    )
    shows_the_old_project(visit.open(f"tools/{tool}/"), tool)


@pytest.mark.parametrize("tool", TOOLS)
def test_an_old_share_link_opens(visit, tool: str) -> None:
    link = (RELEASE / f"{tool}.link.txt").read_text(encoding="utf-8").strip()
    page = visit.open(f"tools/{tool}/#{link.partition('#')[2]}")
    expect(page.locator(".guide-notice")).to_contain_text(
        "The answers from the shared link are loaded", timeout=60_000
    )
    shows_the_old_project(page, tool)


@pytest.mark.parametrize("tool", TOOLS)
def test_an_old_file_opens(visit, tool: str) -> None:
    page = wait_ready(visit.open(f"tools/{tool}/"))
    page.get_by_label("Open a saved file").set_input_files(saved_file(tool))
    expect(page.locator(".guide-notice")).to_contain_text(f"Opened {tool}.json")
    shows_the_old_project(page, tool)
