"""The SoImpact worksheet's form and content: the form's names are the calculator's, the steps
and chain come from impact.yml, and broken links into impact.yml fail with file, key and line."""

from __future__ import annotations

import json
import re

from calculators.soimpact.plan import (
    BANK_PICKS,
    GROUP_TEXTS,
    INDICATOR_CHOICES,
    INDICATOR_DATES,
    INDICATOR_TEXTS,
    LEVELS,
    MEASUREMENT_DATES,
    MEASUREMENT_TEXTS,
    PLAN_TEXTS,
    STEP_CHECKS,
)
from calculators.soimpact.state import bank_ids
from macros import render
from tests.support.content import guide_model

MODEL = guide_model()


FORM = render("forms/soimpact/form.j2", model=MODEL, lang="en", labels=MODEL.ui.labels)


def test_form_names_are_the_calculators_names() -> None:
    names = set(re.findall(r' name="([^"]+)"', FORM))
    relative = set(re.findall(r' data-name="([^"]+)"', FORM))
    assert names == {*PLAN_TEXTS, BANK_PICKS}
    assert relative == {
        *GROUP_TEXTS,
        *INDICATOR_TEXTS,
        *INDICATOR_CHOICES,
        *INDICATOR_DATES,
        *MEASUREMENT_TEXTS,
        *MEASUREMENT_DATES,
    }


def test_every_label_points_at_a_field() -> None:
    ids = set(re.findall(r' id="(input-[^"]+)"', FORM))
    assert set(re.findall(r' for="([^"]+)"', FORM)) == ids
    labelled = len(re.findall(r"<label data-for=", FORM))
    assert labelled == len(re.findall(r" data-name=", FORM)) - 1  # all but the hidden bank id


def test_the_ten_steps_of_impact_yml_with_their_questions() -> None:
    headings = re.findall(r'<h2 id="soimpact-step-[a-z-]+-title">([^<]+)</h2>', FORM)
    assert len(headings) == 10
    assert headings[0] == "Step 1: Describe the social problem"
    assert headings[7] == "Step 8: Measure the starting point"
    assert FORM.count('<ul class="soimpact-questions"') == 10
    assert [step.id for step in MODEL.impact.steps] == list(STEP_CHECKS)


def test_levels_offered_are_the_chain_after_its_contribution_factors() -> None:
    select = re.search(r'<select data-name="level">(.*?)</select>', FORM, flags=re.DOTALL)
    assert re.findall(r'<option value="([a-z-]*)">', select.group(1)) == ["", *LEVELS]


def test_bank_offers_every_indicator_once() -> None:
    ticked = re.findall(r'<input type="checkbox" name="bank" value="([^"]+)">', FORM)
    assert sorted(ticked) == sorted(bank_ids(MODEL.model_dump(mode="json")))


def test_operation_buttons_wait_for_the_script_and_carry_json() -> None:
    """The page's language travels with every request, so payloads carry ids only."""
    buttons = re.findall(r"<button[^>]*data-operation=[^>]*>", FORM, flags=re.DOTALL)
    assert len(buttons) == 2
    for button in buttons:
        assert " hidden" in button
    payloads = [json.loads(found) for found in re.findall(r"data-payload='([^']+)'", FORM)]
    assert payloads == [{"example": "boost-refugee"}]
