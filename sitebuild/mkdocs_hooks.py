"""MkDocs hooks: validate the content, then ship Pyodide and the calculators with the site.

Wired in ``mkdocs.yml`` under ``hooks:``. ``on_config`` runs before the macros plugin so that a
content error stops the build with one clean line, and the macros find the model ready.
"""

from __future__ import annotations

import mimetypes
import shutil
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from macros.content import ContentError, load_content
from macros.schema import Model
from sitebuild.bundle import Bundle, build_bundle
from sitebuild.checks import check_site
from sitebuild.npm import PYODIDE, VendorError, vendored
from sitebuild.offline import add_register_script, offline_enabled
from sitebuild.publish import finish_site

BUNDLE_DIR = "calculators"
PYODIDE_DIR = f"pyodide/{PYODIDE.version}"
"""Versioned path: a new Pyodide gets a new URL, so old copies may be cached forever."""


@dataclass(frozen=True)
class SiteBuild:
    """What the macros and the post-build step share: the model and where assets go."""

    model: Model
    bundle: Bundle

    @property
    def bundle_path(self) -> str:
        return f"{BUNDLE_DIR}/{self.bundle.name}"

    @property
    def pyodide_path(self) -> str:
        return f"{PYODIDE_DIR}/"


def _register_mime_types() -> None:
    # Hack: Python 3.11's table lacks .mjs, and `mkdocs serve` serves by this table.
    mimetypes.add_type("text/javascript", ".mjs")
    mimetypes.add_type("application/wasm", ".wasm")


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _register_mime_types()
    try:
        model = load_content(Path(config.config_file_path).parent / "content")
    except ContentError as error:
        raise PluginError(str(error)) from None
    config.extra["build"] = SiteBuild(model=model, bundle=build_bundle(model))
    add_register_script(config)
    return config


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    build: SiteBuild = config.extra["build"]
    try:
        source = vendored(PYODIDE)
    except VendorError as error:
        raise PluginError(str(error)) from None
    target = site / PYODIDE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE.files:
        shutil.copyfile(source / name, target / name)
    bundle = site / build.bundle_path
    bundle.parent.mkdir(parents=True, exist_ok=True)
    bundle.write_bytes(build.bundle.data)
    problems = check_site(site)
    if problems:
        raise PluginError("the built site has problems:\n" + "\n".join(problems))
    finish_site(site, PYODIDE_DIR, offline_enabled(config))
