"""The one entry point the browser calls: JSON answers in, JSON result out.

Errors in the answers come back as ``{"ok": false, "errors": [...]}`` with the field each one
belongs to, so the page can show them next to that field.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from calculators import matrix
from calculators.errors import InputError

MODEL_FILE = Path(__file__).resolve().parent.parent / "guide_model.json"
"""Placed beside the package by the site's calculator bundle (``sitebuild.bundle``)."""

CALCULATORS: dict[str, Callable[[dict[str, Any], dict[str, Any]], list[dict[str, Any]]]] = {
    "matrix": matrix.position,
}


def compute(name: str, answers: dict[str, Any], model: dict[str, Any]) -> dict[str, Any]:
    """Run calculator ``name``; bad answers give ``ok: false`` with per-field messages."""
    try:
        calculator = CALCULATORS[name]
    except KeyError:
        return {"ok": False, "errors": [{"field": "", "message": f"unknown calculator {name!r}"}]}
    try:
        return {"ok": True, "blocks": calculator(answers, model)}
    except InputError as error:
        return {
            "ok": False,
            "errors": [{"field": field, "message": message} for field, message in error.problems],
        }


_model_cache: dict[str, Any] = {}


def run(name: str, answers_json: str) -> str:
    """Browser entry point: the bundled model is read once, then reused for every call."""
    if not _model_cache:
        _model_cache.update(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
    return json.dumps(compute(name, json.loads(answers_json), _model_cache), ensure_ascii=False)
