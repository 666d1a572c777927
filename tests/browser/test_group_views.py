"""The group tools' two views and their projection for a workshop screen, in Chromium.

One page per tool and language: the group view is reached from the top of the page, a group of
seven (tests/support/states.py) is added, and the projection is judged at 320, 375 and 1280 px:
no participant's name in its DOM, no score of a role held by fewer than ``PRIVACY_THRESHOLD``
people, large type, tables without sideways scrolling, axe, its print, and Escape to leave.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from calculators.assessment.score import PRIVACY_THRESHOLD
from tests.browser.a11y import axe_violations
from tests.support.browser import RecordedPage
from tests.support.calculators import READY_TIMEOUT_MS, open_ready, wait_ready
from tests.support.states import GROUP_ROLES, MODEL, PEOPLE, reach, say

WIDTHS = (320, 375, 1280)
PHONE_HEIGHT = 667
DESKTOP_HEIGHT = 720
LARGE_PX = 24
UI = MODEL.ui.calculator
SMALL_ROLES = [
    role.label
    for role in MODEL.assessment.roles
    if 0 < GROUP_ROLES.count(role.id) < PRIVACY_THRESHOLD
]
NAMES = re.compile(r"\b(" + "|".join(map(re.escape, PEOPLE)) + r")\b")


def button(page: Page, key: str) -> Locator:
    return page.get_by_role("button", name=say(page, UI[key]), exact=True)


def assert_reachable_from_the_top(page: Page) -> None:
    """The link to the group view sits in the first screenful, on a phone and on a desktop."""
    link = page.locator("a[href='#gather-the-group']").first
    for width, height in ((375, PHONE_HEIGHT), (1280, DESKTOP_HEIGHT)):
        page.set_viewport_size({"width": width, "height": height})
        page.evaluate("window.scrollTo(0, 0)")
        box = link.bounding_box()
        assert box is not None and box["y"] + box["height"] <= height, (width, box)


def open_group_view(page: Page) -> None:
    """From the link at the top: the group part shows, the questions hide, and it is said."""
    page.locator("a[href='#gather-the-group']").first.click()
    expect(button(page, "view-group")).to_have_attribute("aria-pressed", "true")
    expect(button(page, "view-group")).to_be_focused()
    expect(page.locator("[data-view-part='answer']")).to_be_hidden()
    expect(page.locator("#gather-the-group")).to_be_visible()
    expect(page.locator(".guide-notice")).to_have_text(say(page, UI["view-group-shown"]))


def judge_projection(page: Page, axe_script: Path, forbidden: list[str]) -> Locator:
    """Open the projection and judge it at every width; returns the dialog, still open."""
    button(page, "projection-open").click()
    dialog = page.locator("dialog.guide-projection")
    expect(dialog).to_be_visible()
    expect(dialog.locator(".guide-projection-body h2").first).to_be_visible(
        timeout=READY_TIMEOUT_MS
    )
    text = dialog.evaluate("node => node.textContent")
    assert NAMES.findall(text) == []
    assert [word for word in forbidden if word in text] == []
    assert dialog.locator("button").count() == 1  # leaving it: no control of the result
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": DESKTOP_HEIGHT})
        wide = dialog.evaluate(
            """node => [...node.querySelectorAll('.guide-table-wrap, figure')]
                 .filter(box => box.scrollWidth > box.clientWidth + 1).length"""
        )
        if width == 1280:
            assert wide == 0
            sizes = dialog.evaluate(
                """node => [...node.querySelectorAll('p, li, td, th')]
                     .map(e => parseFloat(getComputedStyle(e).fontSize))"""
            )
            assert sizes and min(sizes) >= LARGE_PX, sorted(sizes)[:3]
        assert dialog.evaluate("node => node.scrollWidth <= node.clientWidth"), width
        assert axe_violations(page, axe_script) == [], width
    heading = dialog.locator(".guide-projection-body h2").first.inner_text()
    page.emulate_media(media="print")
    printed = page.locator("body").inner_text()
    page.emulate_media(media="screen")
    assert heading in printed
    assert NAMES.findall(printed) == []
    assert say(page, UI["projection-close"]) not in printed
    return dialog


def leave_with_escape(page: Page, dialog: Locator) -> None:
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(button(page, "projection-open")).to_be_focused()
    expect(dialog.locator(".guide-projection-body")).to_have_count(0)


@pytest.mark.parametrize("prefix", ["", "nb/"])
def test_assessment_group_view_and_projection(
    visit: RecordedPage, axe_script: Path, tmp_path: Path, prefix: str
) -> None:
    page = open_ready(visit, f"{prefix}tools/assessment/")
    assert_reachable_from_the_top(page)
    expect(page.locator("#gather-the-group")).to_be_hidden()  # the questions come first
    # Sent from the group view with nothing in it yet: the question it needs comes into sight.
    open_group_view(page)
    page.locator("form[data-calculator] button[type=submit]").click()
    expect(page.locator("#field-role input").first).to_be_focused()
    expect(button(page, "view-answer")).to_have_attribute("aria-pressed", "true")
    reach(page, "assessment", "group", tmp_path)
    open_group_view(page)
    page.reload()
    wait_ready(page)  # the view is kept in the tab
    expect(button(page, "view-group")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#field-role")).to_be_hidden()

    small = [say(page, label) for label in SMALL_ROLES]
    dialog = judge_projection(page, axe_script, small)
    body = dialog.locator(".guide-projection-body")
    expect(body.get_by_role("heading", level=2)).to_have_text(
        say(page, MODEL.assessment.messages["group-heading"], count=len(PEOPLE))
    )
    other = say(page, MODEL.assessment.messages["other-roles"])
    expect(body.locator("table").last).to_be_visible()
    expect(body).to_contain_text(f"{other} ({len(PEOPLE) - 3})")
    leave_with_escape(page, dialog)

    button(page, "view-answer").click()
    expect(page.locator("#field-role")).to_be_visible()
    expect(page.locator("#gather-the-group")).to_be_hidden()
    expect(page.locator(".guide-notice")).to_have_text(say(page, UI["view-answer-shown"]))


@pytest.mark.parametrize("prefix", ["", "nb/"])
def test_matrix_group_view_and_projection(
    visit: RecordedPage, axe_script: Path, tmp_path: Path, prefix: str
) -> None:
    page = open_ready(visit, f"{prefix}tools/matrix/")
    assert_reachable_from_the_top(page)
    reach(page, "matrix", "group", tmp_path)
    open_group_view(page)
    links = page.locator("#participant-links")
    expect(links).to_be_visible()
    result = page.locator(".guide-result")
    expect(result).to_contain_text("1. ")  # the facilitator's own view names who chose what

    dialog = judge_projection(page, axe_script, [])
    body = dialog.locator(".guide-projection-body")
    messages = MODEL.matrix_tool.messages
    expect(
        body.get_by_role("table", name=say(page, messages["projection-caption"]))
    ).to_be_visible()
    everyone = len(PEOPLE) + 1  # the facilitator's own answers (the example) count too
    expect(body).to_contain_text(say(page, messages["projection-count"], count=everyone))
    assert not re.search(r"\b\d+\. ", body.inner_text())  # no person's number either
    leave_with_escape(page, dialog)
