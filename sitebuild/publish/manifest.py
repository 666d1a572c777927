"""The list of files a build serves, with sizes and SHA-256, written as ``site-files.json``.

The server self-check page compares the Pyodide files and each calculator's files (its
``calculators`` list) that the server hands out against it, the service worker precaches what it
lists, and its ``version`` (a hash over every entry) names the release: a changed file gives a
new version.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sitebuild.calculator_needs import calculator_needs

MANIFEST = "site-files.json"
SERVER_FILES = (".htaccess", "web.config")
"""Configuration for the web server, shipped in the site but never fetched by a browser."""
PRECOMPRESSED = (".gz", ".br")
UNLISTED = {MANIFEST, "sw.js", *SERVER_FILES}


def _listed(path: str) -> bool:
    return path not in UNLISTED and not path.endswith(PRECOMPRESSED)


def _entry(file: Path) -> dict[str, int | str]:
    return {"bytes": file.stat().st_size, "sha256": hashlib.sha256(file.read_bytes()).hexdigest()}


def site_files(site: Path) -> dict[str, dict[str, int | str]]:
    """Every file a browser may fetch, by path relative to the site root, sorted."""
    return {
        path: _entry(file)
        for file in sorted(site.rglob("*"))
        if file.is_file() and _listed(path := file.relative_to(site).as_posix())
    }


def release_version(files: dict[str, dict[str, int | str]]) -> str:
    """A short hash over every path and content hash: the same build gives the same version."""
    digest = hashlib.sha256()
    for path, entry in files.items():
        digest.update(f"{path}\0{entry['sha256']}\n".encode())
    return digest.hexdigest()[:12]


def write_manifest(site: Path, pyodide_dir: str) -> dict[str, object]:
    """Write ``site-files.json`` and return its content."""
    files = site_files(site)
    manifest = {
        "version": release_version(files),
        "pyodide": f"{pyodide_dir}/",
        "calculators": calculator_needs(site),
        "files": files,
    }
    (site / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest
