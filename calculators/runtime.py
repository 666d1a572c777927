"""The one entry point the browser calls: a JSON request in, a JSON response out.

Requests name an action and a tool:
- ``compute``: ``state`` → ``{"ok": true, "blocks": [...]}``, or ``{"ok": false, "errors":
  [{"field", "message"}]}`` so the page can show each problem next to its field;
- ``import``: ``text`` of a saved file or share link → ``{"ok": true, "state"}`` or
  ``{"ok": false, "message"}`` (the page keeps its current work);
- ``operate``: ``state``, ``op`` and ``payload`` → the new state (e.g. add participants' files);
- ``csv``: ``state`` → ``{"ok": true, "csv"}`` for tools that export a table; with ``table``
  (a name in ``Tool.tables``) the named one; ``{"ok": false, "message"}`` when the table raises
  ``ImportProblem`` (nothing to export yet).

Every request carries the page's ``lang``: results, messages, refusals and CSV headers are in
that language. States and saved files hold ids and the person's own text only, never words of
the guide, so a file saved from a page in one language opens in the other.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from calculators.csvfile import Cell, to_csv
from calculators.errors import InputError
from calculators.savefile import ImportProblem, open_envelope
from calculators.view import Block

MODEL_FILE = Path(__file__).resolve().parent.parent / "guide_model.json"
"""Placed beside the package by the site's calculator bundle (``sitebuild.bundle``)."""

State = dict[str, Any]
Model = dict[str, Any]
Table = tuple[list[str], list[list[Cell]]]


@dataclass(frozen=True)
class Tool:
    """What a calculator offers the page; only ``compute`` and ``clean`` are required.

    Each function takes the page's language last.
    """

    version: int
    compute: Callable[[State, Model, str], list[Block]]
    """The result blocks for a state; bad answers raise InputError."""
    clean: Callable[[State, Model, str], State]
    """Checks an imported state and returns it tidy, or raises ``ImportProblem``."""
    operations: dict[str, Callable[[State, dict[str, Any], Model, str], State]] = field(
        default_factory=dict
    )
    table: Callable[[State, Model, str], Table] | None = None
    tables: dict[str, Callable[[State, Model, str], Table]] = field(default_factory=dict)
    """Several CSV exports, by name; the toolbar offers one button each (label: the tool's
    content message ``csv-<name>``)."""


# Each calculator's modules are imported when a page first asks for it: a page uses one, and in
# Pyodide importing all three delays the first result (≈60 ms under Node.js, from bytecode).
def _matrix() -> Tool:
    from calculators import matrix

    return Tool(
        version=matrix.VERSION,
        compute=matrix.compute,
        clean=matrix.clean,
        operations=matrix.OPERATIONS,
        table=matrix.table,
    )


def _assessment() -> Tool:
    from calculators import assessment_files, assessment_view

    return Tool(
        version=assessment_files.VERSION,
        compute=assessment_view.compute,
        clean=assessment_files.clean,
        operations=assessment_files.OPERATIONS,
        table=assessment_view.table,
    )


def _soimpact() -> Tool:
    from calculators import soimpact

    return Tool(
        version=soimpact.VERSION,
        compute=soimpact.compute,
        clean=soimpact.clean,
        operations=soimpact.OPERATIONS,
        tables=soimpact.TABLES,
    )


TOOLS: dict[str, Callable[[], Tool]] = {
    "matrix": _matrix,
    "assessment": _assessment,
    "soimpact": _soimpact,
}


@cache
def tool_named(name: str) -> Tool | None:
    """The calculator called ``name``, its modules imported on first use; None if there is none."""
    make = TOOLS.get(name)
    return make() if make else None


def _lang(request: dict[str, Any]) -> str:
    lang = request.get("lang")
    return lang if isinstance(lang, str) else "en"


def _compute(tool: Tool, request: dict[str, Any], model: Model) -> dict[str, Any]:
    try:
        blocks = tool.compute(request["state"], model, _lang(request))
        return {"ok": True, "blocks": blocks}
    except InputError as error:
        errors = [{"field": name, "message": message} for name, message in error.problems]
        return {"ok": False, "errors": errors}


def _import(name: str, tool: Tool, request: dict[str, Any], model: Model) -> dict[str, Any]:
    try:
        lang = _lang(request)
        data = open_envelope(request["text"], name, tool.version, model, lang)
        return {"ok": True, "state": tool.clean(data, model, lang)}
    except ImportProblem as problem:
        return {"ok": False, "message": str(problem)}


def _operate(tool: Tool, request: dict[str, Any], model: Model) -> dict[str, Any]:
    operation = tool.operations.get(request.get("op", ""))
    if operation is None:
        return {"ok": False, "message": f"Unknown operation {request.get('op')!r}."}
    try:
        state = operation(request["state"], request["payload"], model, _lang(request))
        return {"ok": True, "state": state}
    except ImportProblem as problem:
        return {"ok": False, "message": str(problem)}


def _csv(tool: Tool, request: dict[str, Any], model: Model) -> dict[str, Any]:
    name = request.get("table")
    if name is not None and name not in tool.tables:
        return {"ok": False, "message": f"This tool has no table {name!r}."}
    if name is None and tool.table is None:
        return {"ok": False, "message": "This tool has no table to export."}
    try:
        make = tool.tables[name] if name is not None else tool.table
        header, rows = make(request["state"], model, _lang(request))
    except ImportProblem as problem:
        return {"ok": False, "message": str(problem)}
    return {"ok": True, "csv": to_csv(header, rows)}


def handle(request: dict[str, Any], model: Model) -> dict[str, Any]:
    """Answer one request from the page; an unknown tool or action is a plain error."""
    name = request.get("tool")
    tool = tool_named(name) if isinstance(name, str) else None
    if tool is None:
        return {"ok": False, "message": f"Unknown tool {request.get('tool')!r}."}
    action = request.get("action")
    if action == "compute":
        return _compute(tool, request, model)
    if action == "import":
        return _import(request["tool"], tool, request, model)
    if action == "operate":
        return _operate(tool, request, model)
    if action == "csv":
        return _csv(tool, request, model)
    return {"ok": False, "message": f"Unknown action {action!r}."}


def load_model(path: Path | None = None) -> Model:
    """The model from ``path``, beside the package (as in the site's zip), or from ``content/``."""
    if path is None and MODEL_FILE.exists():
        path = MODEL_FILE
    if path is not None:
        return json.loads(path.read_text(encoding="utf-8"))
    from model.load import load_content  # only in a checkout: pydantic, PyYAML

    return load_content().model_dump(mode="json")


_model_cache: Model = {}


def run(request_json: str) -> str:
    """Browser entry point: the bundled model is read once, then reused for every call."""
    if not _model_cache:
        _model_cache.update(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
    return json.dumps(handle(json.loads(request_json), _model_cache), ensure_ascii=False)
