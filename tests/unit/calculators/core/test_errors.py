"""A too deeply nested file or share link is refused in the guide's words before Python parses
it (in the browser the parser's overflow is fatal to Python), and the work in hand is kept."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from calculators.core.errors import MAX_NESTING, too_deep
from calculators.core.savefile import FORMAT
from calculators.runtime import TOOLS, handle
from tests.support.content import guide_data

MODEL = guide_data()
DEEP = 10_000
RELEASED = Path(__file__).parents[3] / "cases" / "release-271bc45"
"""Files and links a reader saved with an earlier release: they must still open."""


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def saved(tool: str, answers: str) -> str:
    """A saved file of ``tool`` whose answers are the JSON text ``answers``."""
    envelope = f'{{"format": "{FORMAT}", "tool": "{tool}", "version": 1, "data": {{"answers": '
    return envelope + answers + "}}"


def refusal(lang: str) -> str:
    return MODEL["ui"]["files"]["too-deep"][lang].format(limit=MAX_NESTING)


def test_the_limit_counts_levels_not_brackets() -> None:
    assert not too_deep(nested(MAX_NESTING))
    assert too_deep(nested(MAX_NESTING + 1))
    assert not too_deep("[" + ",".join(["[[]]"] * 1000) + "]")  # many brackets, three deep
    assert too_deep('{"a": ' * (MAX_NESTING + 1) + "1" + "}" * (MAX_NESTING + 1))


def test_brackets_inside_text_do_not_count() -> None:
    text = json.dumps({"answers": {"title": "[" * DEEP, "quote": '\\"[[[' * DEEP}})
    assert not too_deep(text)
    assert json.loads(text)["answers"]["title"] == "[" * DEEP


def test_files_saved_by_an_earlier_release_pass() -> None:
    files = sorted(RELEASED.glob("*.json"))
    assert len(files) == 4
    for file in files:
        assert not too_deep(file.read_text(encoding="utf-8")), file.name


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_deep_file_is_refused_in_the_guides_words(tool: str, lang: str) -> None:
    for text in (nested(DEEP), saved(tool, nested(DEEP))):
        request = {"action": "import", "tool": tool, "text": text, "lang": lang}
        assert handle(request, MODEL) == {"ok": False, "message": refusal(lang)}


def test_a_deep_share_link_among_pasted_links_is_refused_and_the_state_kept() -> None:
    link = "#share=" + base64.urlsafe_b64encode(saved("matrix", nested(DEEP)).encode()).decode()
    state = {"answers": {"planning": "together", "production": "together"}}
    request = {
        "action": "operate",
        "tool": "matrix",
        "op": "add-participants",
        "payload": {"text": f"https://example.org/tools/matrix/{link.rstrip('=')}"},
        "state": state,
        "lang": "en",
    }
    answer = handle(request, MODEL)
    assert answer["ok"] is False and refusal("en") in answer["message"]
    assert state == {"answers": {"planning": "together", "production": "together"}}
