"""The one entry point the browser calls: a JSON request in, a JSON response out.

Requests name an action and, but for ``warm-up``, a tool:
- ``warm-up``: ``{"ok": true}`` once the model is read, so the page's first answer is quick;
- ``compute``: ``state`` → ``{"ok": true, "blocks": [...]}``, or ``{"ok": false, "errors":
  [{"field", "message"}]}`` so the page can show each problem next to its field; both carry
  ``summary`` (``{"count", "lines"}``, ``Tool.summary``), the result in brief beside the form;
- ``import``: ``text`` of a saved file or share link → ``{"ok": true, "state"}`` or
  ``{"ok": false, "message"}`` (the page keeps its current work);
- ``operate``: ``state``, ``op`` and ``payload`` → the new state (e.g. add participants' files);
- ``csv``: ``state`` → ``{"ok": true, "csv", "file"}``: the table named by ``table`` (a name in
  ``Tool.tables``), else the tool's first, in the dialect of ``lang``, and the words of its file
  name (``Tool.file_words``); ``{"ok": false, "message"}`` when the table raises
  ``ImportProblem`` (nothing to export yet).

Every request carries the page's ``lang``: results, messages, refusals and CSV headers are in
that language. States and saved files hold ids and the person's own text only, never words of
the guide, so a file saved from a page in one language opens in the other.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import import_module
from typing import Any

from calculators.core.csvfile import to_csv
from calculators.core.errors import InputError
from calculators.core.numbers import Numbers
from calculators.core.savefile import ImportProblem, open_envelope
from calculators.core.tool import MODEL_FILE, Model, Tool

TOOLS = {
    "matrix": "calculators.matrix",
    "assessment": "calculators.assessment",
    "soimpact": "calculators.soimpact",
}
"""Each tool's package, imported when a page first asks for it: a page uses one tool, and in
Pyodide importing all of them would delay the first result."""


@cache
def tool_named(name: str) -> Tool | None:
    """The calculator called ``name``, its modules imported on first use; None if there is none."""
    package = TOOLS.get(name)
    return import_module(package).TOOL if package else None


def _lang(request: dict[str, Any]) -> str:
    lang = request.get("lang")
    return lang if isinstance(lang, str) else "en"


def _compute(tool: Tool, request: dict[str, Any], model: Model) -> dict[str, Any]:
    """The result, or the problems beside their fields; either way the summary, so that the
    count beside the form follows the answers before the result can be shown."""
    state, lang = request["state"], _lang(request)
    summary = tool.summary(state, model, lang)
    try:
        return {"ok": True, "blocks": tool.compute(state, model, lang), "summary": summary}
    except InputError as error:
        errors = [{"field": name, "message": message} for name, message in error.problems]
        return {"ok": False, "errors": errors, "summary": summary}


def _import(tool: Tool, request: dict[str, Any], model: Model) -> dict[str, Any]:
    try:
        lang = _lang(request)
        data = open_envelope(request["text"], tool.name, tool.version, model, lang)
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
    if not tool.tables:
        return {"ok": False, "message": "This tool has no table to export."}
    name = request.get("table", next(iter(tool.tables)))
    if name not in tool.tables:
        return {"ok": False, "message": f"This tool has no table {name!r}."}
    lang = _lang(request)
    try:
        header, rows = tool.tables[name](request["state"], model, lang)
    except ImportProblem as problem:
        return {"ok": False, "message": str(problem)}
    csv = to_csv(header, rows, Numbers.of(model, lang))
    return {"ok": True, "csv": csv, "file": list(tool.file_words(name, model, lang))}


ACTIONS = {"compute": _compute, "import": _import, "operate": _operate, "csv": _csv}


def handle(request: dict[str, Any], model: Model) -> dict[str, Any]:
    """Answer one request from the page; an unknown tool or action is a plain error."""
    action = request.get("action")
    if action == "warm-up":
        return {"ok": True}
    name = request.get("tool")
    tool = tool_named(name) if isinstance(name, str) else None
    if tool is None:
        return {"ok": False, "message": f"Unknown tool {request.get('tool')!r}."}
    answer = ACTIONS.get(action) if isinstance(action, str) else None
    if answer is None:
        return {"ok": False, "message": f"Unknown action {action!r}."}
    return answer(tool, request, model)


_model_cache: Model = {}


def run(request_json: str) -> str:
    """Browser entry point: the bundled model is read once, then reused for every call."""
    if not _model_cache:
        _model_cache.update(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
    return json.dumps(handle(json.loads(request_json), _model_cache), ensure_ascii=False)
