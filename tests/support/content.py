"""The model of the real ``content/`` folder, loaded once per test process.

Every test module that reads the real content takes it from here, so a run validates the
folder once however many modules, pages or examples ask for it. The helpers below break a copy
of the folder and read the one line the loader answers with.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from calculators.core.tool import MODEL_FILE

if TYPE_CHECKING:
    from model.schema import Model

UNDER_PYODIDE = sys.platform == "emscripten"
"""The calculators' tests run there too (tests/pyodide), where pydantic does not: there the
model is the JSON the site ships, which the run puts where the calculators read it."""


@cache
def guide_model() -> Model:
    """The validated model; shared, so treat it as read-only (``model_copy`` to vary it)."""
    from model.load import load_content

    return load_content()


def guide_data() -> dict[str, Any]:
    """The model as the calculators get it (JSON data): a fresh copy, for the caller to own."""
    if UNDER_PYODIDE:
        return json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    return guide_model().model_dump(mode="json")


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def error_of(content: Path) -> str:
    from model.load import ContentError, load_content

    with pytest.raises(ContentError) as raised:
        load_content(content)
    message = str(raised.value)
    assert "\n" not in message
    return message


def line_of(file: Path, needle: str) -> int:
    lines = file.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)
