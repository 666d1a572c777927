"""Write what only the build knows into a script the site ships.

A worker starts before any message from its page can reach it (the page's main thread is busy
laying out the page on a first visit), so what it needs is written into its code: the Python
worker learns where Pyodide and the calculators are, the deferred search worker learns the
hash-named file of Material's. The source holds the line ``const NAME = null;`` exactly once;
the build writes the value there as JSON, and stops if the line is gone.
"""

from __future__ import annotations

import json
from pathlib import Path


class FillInError(Exception):
    """The built script has no line to write the value into."""


def empty_line(name: str) -> str:
    return f"const {name} = null;"


def fill_in(site: Path, script: str, name: str, value: object) -> None:
    """Write ``value`` into the ``const name`` line of ``site/script``."""
    path = site / script
    code = path.read_text(encoding="utf-8")
    empty = empty_line(name)
    if code.count(empty) != 1:
        raise FillInError(f"docs/{script} must hold the line {empty!r} exactly once")
    path.write_text(code.replace(empty, f"const {name} = {json.dumps(value)};"), encoding="utf-8")
