"""Whether this release keeps an offline copy, and the page script that registers its worker.

Switched on by default; ``extra.offline: false`` in ``mkdocs.yml`` (or ``GUIDE_OFFLINE=false``
when building) leaves the registering script out of the pages, and the build ships the service
worker that switches off (``sitebuild/publish/service_worker.py``).
"""

from __future__ import annotations

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig

REGISTER_SCRIPT = "assets/js/site/offline.js"


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
