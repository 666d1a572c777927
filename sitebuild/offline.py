"""The service worker that makes the guide work offline after the first visit (``sw.js``).

Switched on by default; ``extra.offline: false`` in ``mkdocs.yml`` (or ``GUIDE_OFFLINE=false``
when building) ships a worker that removes an earlier offline copy and unregisters itself, and
leaves the page script that registers it out of the pages.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig

HERE = Path(__file__).resolve().parent
REGISTER_SCRIPT = "assets/js/site/offline.js"
SERVICE_WORKER = "sw.js"
NOT_PRECACHED = (".map",)
"""Source maps serve developers' tools only."""


def offline_enabled(config: MkDocsConfig) -> bool:
    return bool(config.extra.get("offline", True))


def add_register_script(config: MkDocsConfig) -> None:
    """Put the registering module in every page when the offline copy is on (once: each
    language's build passes the configuration through ``on_config`` again)."""
    listed = {str(script) for script in config.extra_javascript}
    if offline_enabled(config) and REGISTER_SCRIPT not in listed:
        script = ExtraScriptValue(REGISTER_SCRIPT)
        script.type = "module"
        config.extra_javascript.append(script)


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
