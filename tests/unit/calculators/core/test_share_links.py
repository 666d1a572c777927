"""Pasted share links are read by the one rule the page's parser follows too
(``tests/cases/share_links.json``), and each link gives back the saved file it carries."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from calculators.core.savefile import share_link_states, shared_file, shared_files
from tests.support.paths import ROOT

CASES = json.loads((ROOT / "tests/cases/share_links.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[repr(case["text"])[:60] for case in CASES])
def test_each_line_is_read_by_the_rule(case: dict[str, Any]) -> None:
    assert share_link_states(case["text"]) == case["lines"]


def test_a_link_carries_its_saved_file_and_a_damaged_one_none() -> None:
    saved = '{"format": "samskaping-guide", "note": "æøå"}'
    state = base64.urlsafe_b64encode(saved.encode()).decode().rstrip("=")
    assert shared_file(state) == saved
    assert shared_file("a") is None  # not base64 of anything
    assert shared_file("_w") is None  # decodes, but not to UTF-8
    text = f"https://x.example/t/#share={state}\nhttps://x.example/t/"
    assert shared_files(text) == [saved, None]
