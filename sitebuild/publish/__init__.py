"""The steps that turn a folder of rendered pages into the site to deploy, whatever renders them.

MkDocs renders the pages and its build hook (``sitebuild/mkdocs_hooks.py``) calls ``publish`` once,
after the last language; nothing here needs MkDocs, so another page renderer would call
``publish`` unchanged.

Order matters: Pyodide and the two zips are copied in and their paths written into the scripts
that need them, the search index is split per language and the pages are checked; then the
server configuration files are copied in, every servable file is listed (``site-files.json``), the
service worker is written from that list, and last the compressed copies are made (they are not
listed: a server sends them in place of the original). Modules whose main function has their
name are imported as modules, so that ``sitebuild.publish.<step>`` stays the module.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sitebuild.bundle import Bundles
from sitebuild.bytecode import STDLIB
from sitebuild.languages import Language
from sitebuild.npm import PYODIDE, VendorError, vendored
from sitebuild.publish import fill_in, precompress
from sitebuild.publish.checks import check_site
from sitebuild.publish.manifest import write_manifest
from sitebuild.publish.search import split_search_index
from sitebuild.publish.service_worker import write_service_worker
from sitebuild.search_later import LATER, SearchLaterError, material_worker

BUNDLE_DIR = "calculators"
PYODIDE_DIR = f"pyodide/{PYODIDE.version}"
"""Versioned path: a new Pyodide gets a new URL, so old copies may be cached forever."""
PYTHON_WORKER = "assets/js/python/pyodide-worker.mjs"
FILLED_IN = ((PYTHON_WORKER, "SITE_PATHS"), (LATER, "MATERIAL_WORKER"))
"""Scripts the build writes a value into (``fill_in.py``), and the value's name."""
DEPLOY_DIR = Path(__file__).resolve().parents[2] / "deploy"
SHIPPED_CONFIGS = {"apache.htaccess": ".htaccess", "iis.web.config": "web.config"}
"""Configuration files that work from inside the site's folder (Apache, IIS), by target name."""


class PublishError(Exception):
    """The rendered pages cannot make a complete site."""


def bundle_path(bundles: Bundles) -> str:
    """Where the calculators zip is, from the site root (calculator pages name it)."""
    return f"{BUNDLE_DIR}/{bundles.calculators.name}"


def _copy_runtime(site: Path, bundles: Bundles) -> dict[str, str]:
    """Pyodide (with the standard library zip that has bytecode) and the calculators zip; where
    the Python worker finds them."""
    source = vendored(PYODIDE)
    target = site / PYODIDE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE.files:
        if name != STDLIB:
            shutil.copyfile(source / name, target / name)
    paths = {
        "pyodide": f"{PYODIDE_DIR}/",
        "stdlib": f"{PYODIDE_DIR}/{bundles.stdlib.name}",
        "bundle": bundle_path(bundles),
    }
    (site / paths["stdlib"]).write_bytes(bundles.stdlib.data)
    bundle = site / paths["bundle"]
    bundle.parent.mkdir(parents=True, exist_ok=True)
    bundle.write_bytes(bundles.calculators.data)
    return paths


def publish(
    site: Path, bundles: Bundles, languages: tuple[Language, ...], *, offline: bool
) -> None:
    """Make the rendered pages in ``site`` (every language: the default one at the root, each
    other under its prefix, one merged search index) a complete site; ``offline``: ship the
    service worker that keeps an offline copy, or the one that removes it."""
    try:
        values = {
            "SITE_PATHS": _copy_runtime(site, bundles),
            "MATERIAL_WORKER": material_worker(site),
        }
        for script, name in FILLED_IN:
            fill_in.fill_in(site, script, name, values[name])
    except (VendorError, fill_in.FillInError, SearchLaterError) as error:
        raise PublishError(str(error)) from None
    split_search_index(site, languages)
    problems = check_site(site)
    if problems:
        raise PublishError("the built site has problems:\n" + "\n".join(problems))
    for source, target in SHIPPED_CONFIGS.items():
        shutil.copyfile(DEPLOY_DIR / source, site / target)
    manifest = write_manifest(site, PYODIDE_DIR)
    write_service_worker(site, manifest, offline)
    precompress.precompress(site)
