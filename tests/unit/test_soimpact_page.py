"""The SoImpact page: the form's names are the calculator's, every finding's guidance exists,
and the content schema refuses a broken chain, step list, bank or guidance link."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest
from pydantic import ValidationError

from calculators.soimpact_plan import (
    BANK_PICKS,
    GROUP_TEXTS,
    INDICATOR_CHOICES,
    INDICATOR_DATES,
    INDICATOR_TEXTS,
    MEASUREMENT_DATES,
    MEASUREMENT_TEXTS,
    PLAN_TEXTS,
)
from calculators.soimpact_state import bank_ids
from macros import render
from macros.content import load_content
from macros.schema import IndicatorBankFile, SoimpactFile

MODEL = load_content()
FORM = render("forms/soimpact.j2", model=MODEL, lang="en")
GUIDANCE = render("soimpact_guidance.j2", soimpact=MODEL.soimpact, lang="en")


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
    assert len(re.findall(r"<label data-for=", FORM)) == len(re.findall(r" data-name=", FORM)) - 1
    # (the hidden bank id has no label)


def test_ten_steps_in_order_with_their_questions() -> None:
    headings = re.findall(r'<h2 id="soimpact-step-[a-z-]+-title">([^<]+)</h2>', FORM)
    assert len(headings) == 10
    assert headings[0] == "Step 1: The social problem"
    assert headings[7] == "Step 8: Zero-point measurement"
    assert FORM.count('<ul class="soimpact-questions"') == 10


def test_bank_offers_every_indicator_once() -> None:
    ticked = re.findall(r'<input type="checkbox" name="bank" value="([^"]+)">', FORM)
    assert sorted(ticked) == sorted(bank_ids(MODEL.model_dump(mode="json")))


def test_operation_buttons_wait_for_the_script_and_carry_json() -> None:
    buttons = re.findall(r"<button[^>]*data-operation=[^>]*>", FORM, flags=re.DOTALL)
    assert len(buttons) == 2
    for button in buttons:
        assert " hidden" in button
        payload = json.loads(re.search(r"data-payload='([^']+)'", button).group(1))
        assert payload["lang"] == "en"


def test_every_finding_links_to_an_anchor_on_the_page() -> None:
    anchors = set(re.findall(r' id="([^"]+)"', FORM + GUIDANCE))
    for finding in MODEL.soimpact.findings.values():
        assert f"soimpact-{finding.guide}" in anchors
    assert "soimpact-chain" in anchors  # the form's "How the chain works" link


def test_guidance_credits_the_handbook() -> None:
    assert "Handbook ch. 6, p. 49–50, Figure 7." in GUIDANCE
    assert "Handbook ch. 6, p. 48–49." in GUIDANCE
    assert GUIDANCE.count('id="soimpact-recommendation-') == 5


def dumped(name: str) -> dict[str, Any]:
    return copy.deepcopy(getattr(MODEL, name).model_dump(mode="json", exclude_none=True))


def test_schema_refuses_a_chain_out_of_order() -> None:
    data = dumped("soimpact")
    data["chain"]["levels"].reverse()
    with pytest.raises(ValidationError, match="the chain's levels must be, in this order"):
        SoimpactFile.model_validate(data)


def test_schema_refuses_a_missing_step() -> None:
    data = dumped("soimpact")
    del data["steps"]["items"][7]
    with pytest.raises(ValidationError, match="the steps must be"):
        SoimpactFile.model_validate(data)


def test_schema_refuses_a_finding_without_guidance() -> None:
    data = dumped("soimpact")
    data["findings"]["no-target"]["guide"] = "step-nowhere"
    with pytest.raises(ValidationError, match="links to unknown guidance 'step-nowhere'"):
        SoimpactFile.model_validate(data)


def test_schema_refuses_a_bank_domain_without_every_level_and_repeated_ids() -> None:
    data = dumped("indicator_bank")
    data["domains"][0]["indicators"] = [
        i for i in data["domains"][0]["indicators"] if i["level"] != "impact"
    ]
    with pytest.raises(ValidationError, match="no indicator at level impact"):
        IndicatorBankFile.model_validate(data)
    data = dumped("indicator_bank")
    data["domains"][1]["indicators"].append(data["domains"][0]["indicators"][0])
    with pytest.raises(ValidationError, match="used twice: employment-started"):
        IndicatorBankFile.model_validate(data)
