"""What a calculator page keeps in localStorage, read the way the page itself lays it out.

Each tool keeps its projects under ``samskaping-guide:tool:<tool>:project:<id>`` (the saved
file's envelope, with the project's name) and names the one used last in ``…:open``.
"""

from __future__ import annotations

import json
from typing import Any

from playwright.sync_api import Page

PREFIX = "samskaping-guide:tool:"

PROJECTS = """tool => {
  const base = `samskaping-guide:tool:${tool}:project:`;
  return Object.keys(localStorage)
    .filter((key) => key.startsWith(base) && !key.endsWith(":previous"))
    .map((key) => JSON.parse(localStorage.getItem(key)));
}"""


def stored_projects(page: Page, tool: str) -> dict[str, dict[str, Any]]:
    """Every stored project of ``tool``: its name to its saved envelope."""
    return {saved["project"]: saved for saved in page.evaluate(PROJECTS, tool)}


def open_project(page: Page, tool: str) -> dict[str, Any]:
    """The envelope of the project the page shows (the one a reload returns to)."""
    key = page.evaluate("key => localStorage.getItem(key)", f"{PREFIX}{tool}:open")
    saved = page.evaluate(
        "key => localStorage.getItem(key)", f"{PREFIX}{tool}:project:{json.loads(key)}"
    )
    return json.loads(saved)
