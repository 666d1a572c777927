"""Write where Pyodide and the calculators are into the built Python worker.

The worker (docs/assets/js/pyodide-worker.mjs) starts Python the moment it is loaded, so it must
know these paths without asking the page: a message from the page reaches a new worker only once
the page's main thread is free, ≈0.3 s later on a first visit. Its source holds an empty
``SITE_PATHS`` line; the build fills it in, and stops if the line is gone.
"""

from __future__ import annotations

import json
from pathlib import Path

WORKER = "assets/js/pyodide-worker.mjs"
EMPTY = 'const SITE_PATHS = { pyodide: "", bundle: "" };'


class WorkerPathsError(Exception):
    """The built worker has no line to write the paths into."""


def write_worker_paths(site: Path, pyodide: str, bundle: str) -> None:
    """Fill in ``SITE_PATHS`` in ``site``'s worker; both paths are from the site's root."""
    worker = site / WORKER
    code = worker.read_text(encoding="utf-8")
    if code.count(EMPTY) != 1:
        raise WorkerPathsError(f"docs/{WORKER} must hold the line {EMPTY!r} exactly once")
    paths = json.dumps({"pyodide": pyodide, "bundle": bundle})
    worker.write_text(code.replace(EMPTY, f"const SITE_PATHS = {paths};"), encoding="utf-8")
