"""The SoImpact worksheet's part of the model: broken links into impact.yml fail with file, key
and line, and the indicator bank refuses a domain that skips a level or repeats an id."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from model.soimpact import IndicatorBankFile
from tests.support.content import edit, error_of, guide_model, line_of

MODEL = guide_model()


def test_a_finding_linking_to_unknown_guidance_names_file_key_and_line(content: Path) -> None:
    file = content / "soimpact.yml"
    edit(file, "guide: step-zero-point\n", "guide: step-nowhere\n")
    line = line_of(file, "guide: step-nowhere")
    assert error_of(content) == (
        f"{file}:{line}: findings.no-baseline.guide: unknown guidance 'step-nowhere'"
    )


def test_questions_must_follow_the_steps_of_impact_yml(content: Path) -> None:
    file = content / "soimpact.yml"
    edit(file, "  zero-point:\n", "  starting-point:\n")
    assert error_of(content).endswith("questions: no questions for step 'zero-point'")


def test_an_example_row_must_be_in_figure_8(content: Path) -> None:
    file = content / "soimpact_examples.yml"
    edit(file, "row: job-offers", "row: job-ofers")
    line = line_of(file, "row: job-ofers")
    assert error_of(content) == (
        f"{file}:{line}: examples[0].indicators[3].row: no row 'job-ofers'"
    )


def test_bank_refuses_a_domain_without_every_level_and_repeated_ids() -> None:
    data = MODEL.indicator_bank.model_dump(mode="json", exclude_none=True)
    data["domains"][0]["indicators"] = [
        i for i in data["domains"][0]["indicators"] if i["level"] != "impact"
    ]
    with pytest.raises(ValidationError, match="no indicator at level impact"):
        IndicatorBankFile.model_validate(data)
    data = MODEL.indicator_bank.model_dump(mode="json", exclude_none=True)
    data["domains"][1]["indicators"].append(data["domains"][0]["indicators"][0])
    with pytest.raises(ValidationError, match="used twice: employment-started"):
        IndicatorBankFile.model_validate(data)
