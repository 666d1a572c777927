"""Each calculator brought, step by step, into the states its readers meet it in.

``STATES[tool]`` lists a tool's states in the order a test can reach them on one page: each step
starts from the state before it and returns once its own state is in place (never after a fixed
wait). Steps find fields by name, value and data attributes and read expected words from
``content/``, so they work on the tool's page in every language. Files a step adds (participants'
responses, a refused file) are written to the folder it is given.

The states, by tool:

- matrix: empty, error (sent without its two required answers), required (the two answers),
  example (a worked example loaded), goal (its second look: where the partners want to go),
  group (seven participants' files).
- assessment: empty, error, required (a role and one statement), filled (every statement),
  group (seven participants' files, one of them the only politician), second-round (a new round
  with seven more files, the first kept for comparison).
- soimpact: empty, required (the effort named and its problem described), several (two target
  groups and three indicators), error (a damaged file refused; the work stays), example (the
  worked example), second-round (a new measurement of an indicator).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from calculators.core.savefile import envelope
from macros import translate
from model.base import Text
from tests.support.calculators import READY_TIMEOUT_MS, choose, result_heading, wait_ready
from tests.support.content import guide_model

Step = Callable[[Page, Path], None]

MODEL = guide_model()
STATEMENTS = [statement.id for statement in MODEL.assessment.statements]
GROUP_ROLES = ["resident"] * 3 + ["municipality"] * 3 + ["politician"]
"""A group of seven where one role is held by one person: their scores must never be shown."""
PEOPLE = ["Ada", "Bjørn", "Cecilie", "Dag", "Eva", "Finn", "Gro"]
"""The group's names; a privacy test looks for them where they must not be."""


def say(page: Page, text: Text, **values: object) -> str:
    """``text`` in the page's language, with its ``{placeholders}`` filled in."""
    said = translate(text, page.locator("html").get_attribute("lang") or "en")
    return said.format(**values) if values else said


def _result(page: Page):
    return page.locator(".guide-result")


def _send(page: Page, folder: Path) -> None:
    """The form sent as it is (what "Show the result" or Enter does): its errors appear by field."""
    page.locator("form[data-calculator]").evaluate("form => form.requestSubmit()")
    expect(page.locator("form[data-calculator] [aria-invalid='true']").first).to_be_attached(
        timeout=READY_TIMEOUT_MS
    )


def _empty(page: Page, folder: Path) -> None:
    wait_ready(page)


def _add_files(page: Page, files: list[Path]) -> None:
    page.locator("input[type=file][data-operation='add-participants']").set_input_files(files)


def _json_file(folder: Path, name: str, tool: str, answers: dict[str, object]) -> Path:
    path = folder / name
    path.write_text(json.dumps(envelope(tool, 1, {"answers": answers})), encoding="utf-8")
    return path


# The matrix


def _matrix_required(page: Page, folder: Path) -> None:
    choose(page, "together", "together")
    cell = next(c for c in MODEL.matrix.cells if c.planning == c.production == "together")
    expect(result_heading(page)).to_have_text(say(page, cell.name), timeout=READY_TIMEOUT_MS)


def _matrix_example(page: Page, folder: Path) -> None:
    example = MODEL.matrix_tool.examples[0].id
    page.locator(f"#example-{example} button[data-operation='load-example']").click()
    loaded = say(page, MODEL.matrix_tool.messages["example-loaded"])
    expect(page.locator(".guide-notice")).to_contain_text(loaded, timeout=READY_TIMEOUT_MS)


def _matrix_goal(page: Page, folder: Path) -> None:
    page.locator('#field-desired\\.planning input[value="together"]').check()
    page.locator('#field-desired\\.production input[value="civil-society"]').check()
    expect(_result(page).locator("ol li").first).to_be_visible(timeout=READY_TIMEOUT_MS)


def _matrix_group(page: Page, folder: Path) -> None:
    levels = ["together", "professionals", "civil-society"]
    files = [
        _json_file(
            folder,
            f"matrix-{number}.json",
            "matrix",
            {
                "participant": person,
                "planning": levels[number % 3],
                "production": levels[(number // 3) % 3],
            },
        )
        for number, person in enumerate(PEOPLE)
    ]
    _add_files(page, files)
    heading = say(page, MODEL.matrix_tool.messages["group-heading"])
    expect(_result(page).get_by_role("heading", name=heading)).to_be_visible(
        timeout=READY_TIMEOUT_MS
    )


# The assessment


def _assessment_required(page: Page, folder: Path) -> None:
    page.locator("#field-role input[value='municipality']").check()
    page.locator(f"#field-{STATEMENTS[0]} input[value='4']").check()
    heading = say(page, MODEL.assessment.messages["profile-heading"])
    expect(_result(page).get_by_role("heading", name=heading)).to_be_visible(
        timeout=READY_TIMEOUT_MS
    )


def _assessment_filled(page: Page, folder: Path) -> None:
    for number, statement in enumerate(STATEMENTS):
        page.locator(f"#field-{statement} input[value='{1 + number % 5}']").check()
    # Answers clicked in a row are computed a while after the last: wait for the last one's count.
    every = len(STATEMENTS)
    counts = MODEL.assessment.messages["profile-counts"]
    rated = say(page, counts, answered=every, total=every, dont_know=0, open=0)
    expect(_result(page)).to_contain_text(rated, timeout=READY_TIMEOUT_MS)


def _assessment_responses(folder: Path, round_name: str, lift: int) -> list[Path]:
    """Seven responses; ``lift`` moves every rating up, so a second round differs from the first."""
    return [
        _json_file(
            folder,
            f"assessment-{round_name}-{number}.json",
            "assessment",
            {
                "role": role,
                "participant-name": person,
                **{
                    statement: str(min(5, 1 + (number + index + lift) % 5))
                    for index, statement in enumerate(STATEMENTS)
                },
            },
        )
        for number, (role, person) in enumerate(zip(GROUP_ROLES, PEOPLE, strict=True))
    ]


def _group_of_seven(page: Page):
    heading = say(page, MODEL.assessment.messages["group-heading"], count=len(PEOPLE))
    return _result(page).get_by_role("heading", name=heading)


def _assessment_group(page: Page, folder: Path) -> None:
    _add_files(page, _assessment_responses(folder, "first", 0))
    expect(_group_of_seven(page)).to_be_visible(timeout=READY_TIMEOUT_MS)


def _assessment_second_round(page: Page, folder: Path) -> None:
    new_round = say(page, MODEL.assessment.messages["new-round"])
    _result(page).get_by_role("button", name=new_round).click()
    expect(_group_of_seven(page)).to_have_count(0, timeout=READY_TIMEOUT_MS)
    _add_files(page, _assessment_responses(folder, "second", 1))
    expect(_group_of_seven(page)).to_be_visible(timeout=READY_TIMEOUT_MS)
    expect(_result(page).locator("svg .assessment-earlier").first).to_be_attached()


# SoImpact


def _soimpact_required(page: Page, folder: Path) -> None:
    page.locator("#input-title").fill("Work for young adults")
    page.locator("#input-problem").fill("Young adults in the district are left outside work.")
    expect(_result(page)).to_contain_text("Work for young adults", timeout=READY_TIMEOUT_MS)


def _add_item(page: Page, repeat: str, name: str) -> None:
    """One more item in a repeated group (``groups``, ``indicators``), named ``name``."""
    items = page.locator(f"[data-repeat='{repeat}'] > .guide-repeat-items > li")
    count = items.count()
    page.locator(f"[data-repeat='{repeat}'] > button[data-repeat-add]").click()
    page.locator(f"[name='{repeat}.{count}.name']").fill(name)


def _soimpact_several(page: Page, folder: Path) -> None:
    for name in ("Young adults", "Employers"):
        _add_item(page, "groups", name)
    for name in ("Young adults in work", "Employers taking part", "Hours of mentoring"):
        _add_item(page, "indicators", name)
    expect(_result(page)).to_contain_text("Hours of mentoring", timeout=READY_TIMEOUT_MS)


def _soimpact_error(page: Page, folder: Path) -> None:
    damaged = _json_file(
        folder, "damaged-plan.json", "soimpact", {"indicators.0.baseline-date": "next spring"}
    )
    before = _result(page).inner_text()
    page.locator("input[type=file][data-open]").set_input_files(damaged)
    expect(page.locator(".guide-notice")).to_contain_text("next spring", timeout=READY_TIMEOUT_MS)
    assert _result(page).inner_text() == before


def _soimpact_example(page: Page, folder: Path) -> None:
    page.locator("button[data-operation='load-example']").first.click()
    loaded = say(page, MODEL.soimpact.messages["example-loaded"])
    expect(page.locator(".guide-notice")).to_contain_text(loaded, timeout=READY_TIMEOUT_MS)
    expect(_result(page).locator("figure svg").first).to_be_visible(timeout=READY_TIMEOUT_MS)


def _soimpact_second_round(page: Page, folder: Path) -> None:
    first = page.locator(".soimpact-indicator").first
    measurements = first.locator(".soimpact-measurement")
    count = measurements.count()
    first.locator("[data-repeat='measurements'] > button[data-repeat-add]").click()
    added = measurements.nth(count)
    added.locator("input[type=date]").fill("2026-11-30")
    added.locator("input[data-name='value']").fill("987")
    expect(_result(page)).to_contain_text("987", timeout=READY_TIMEOUT_MS)


def _in_place(step: Step) -> Step:
    """``step``, returning only once the form has taken its answer: an operation's result may be
    drawn before its controls are enabled again and focus is given back, and a test that moves
    focus meanwhile would lose it to that hand-back."""

    def done(page: Page, folder: Path) -> None:
        step(page, folder)
        expect(_result(page)).not_to_have_attribute("aria-busy", "true", timeout=READY_TIMEOUT_MS)

    return done


_STEPS: dict[str, list[tuple[str, Step]]] = {
    "matrix": [
        ("empty", _empty),
        ("error", _send),
        ("required", _matrix_required),
        ("example", _matrix_example),
        ("goal", _matrix_goal),
        ("group", _matrix_group),
    ],
    "assessment": [
        ("empty", _empty),
        ("error", _send),
        ("required", _assessment_required),
        ("filled", _assessment_filled),
        ("group", _assessment_group),
        ("second-round", _assessment_second_round),
    ],
    "soimpact": [
        ("empty", _empty),
        ("required", _soimpact_required),
        ("several", _soimpact_several),
        ("error", _soimpact_error),
        ("example", _soimpact_example),
        ("second-round", _soimpact_second_round),
    ],
}
STATES = {tool: [(name, _in_place(step)) for name, step in steps] for tool, steps in _STEPS.items()}
"""Every tool's states in the order one page can pass through them."""


def reach(page: Page, tool: str, state: str, folder: Path) -> None:
    """Bring a ready page of ``tool`` from its empty state through every state up to ``state``."""
    names = [name for name, _ in STATES[tool]]
    for _, step in STATES[tool][: names.index(state) + 1]:
        step(page, folder)
