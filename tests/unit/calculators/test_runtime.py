"""The browser's one entry point: a table of tools, an explicit warm-up, plain errors."""

from __future__ import annotations

from calculators.runtime import TOOLS, handle, tool_named
from tests.support.matrix import MODEL

STATE = {"answers": {"planning": "together", "production": "together"}}


def test_warm_up_needs_no_tool() -> None:
    assert handle({"action": "warm-up"}, MODEL) == {"ok": True}


def test_every_tool_in_the_table_is_named_as_in_its_saved_files() -> None:
    for name in TOOLS:
        tool = tool_named(name)
        assert tool is not None and tool.name == name and tool.tables
    assert tool_named("nothing") is None


def test_unknown_tools_and_actions_are_plain_errors() -> None:
    assert handle({"action": "compute", "tool": "", "state": {}}, MODEL) == {
        "ok": False,
        "message": "Unknown tool ''.",
    }
    assert handle({"action": "print", "tool": "matrix", "state": STATE}, MODEL) == {
        "ok": False,
        "message": "Unknown action 'print'.",
    }


def test_a_csv_request_without_a_table_exports_the_first() -> None:
    request = {"action": "csv", "tool": "matrix", "state": STATE}
    assert handle(request, MODEL) == handle({**request, "table": "people"}, MODEL)
    assert handle(request, MODEL)["csv"].startswith("\ufeffName,")
