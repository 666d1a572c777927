"""The service worker that makes the guide work offline after the first visit (``sw.js``).

On by default; a release built with the offline copy off (``sitebuild/offline.py``) ships a worker
that removes an earlier offline copy and unregisters itself.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SERVICE_WORKER = "sw.js"
NOT_PRECACHED = (".map",)
"""Source maps serve developers' tools only."""


def precache_url(path: str) -> str:
    """The address a page is asked for: ``tools/matrix/`` rather than its ``index.html``."""
    if path == "index.html":
        return "./"
    return path.removesuffix("index.html") if path.endswith("/index.html") else path


def write_service_worker(site: Path, manifest: dict, enabled: bool) -> None:
    """Write ``sw.js``: the precaching worker for this release, or the one that switches off."""
    if not enabled:
        code = (HERE / "service_worker_off.js").read_text(encoding="utf-8")
    else:
        files = [
            precache_url(path) for path in manifest["files"] if not path.endswith(NOT_PRECACHED)
        ]
        release = json.dumps({"version": manifest["version"], "files": files}, indent=1)
        template = (HERE / "service_worker.js").read_text(encoding="utf-8")
        code = f"const RELEASE = {release};\n\n{template}"
    (site / SERVICE_WORKER).write_text(code, encoding="utf-8")
