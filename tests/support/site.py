"""Build the real site once for the test session, exactly as ``make build`` does."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import yaml

from sitebuild.languages import I18N_PLUGIN, Language, language_of, languages_from
from sitebuild.publish import PYTHON_WORKER
from tests.support.paths import ROOT


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose MkDocs tags (``!ENV``) the languages do not depend on."""


_ConfigLoader.add_multi_constructor("!", lambda loader, tag, node: None)


def _configured_languages() -> tuple[Language, ...]:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    plugins = yaml.load(text, Loader=_ConfigLoader)["plugins"]
    i18n = next(plugin[I18N_PLUGIN] for plugin in plugins if I18N_PLUGIN in plugin)
    return languages_from(i18n["languages"])


LANGUAGES = _configured_languages()
"""The site's languages as mkdocs.yml builds them: English at the root first, then nb/."""


def mkdocs_build(
    project: Path, site_dir: Path, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a strict ``mkdocs build`` of ``project`` into ``site_dir`` (with ``env`` added to the
    environment); the caller checks it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        check=False,
    )


def built_pages(site: Path, language: Language | None = None) -> list[str]:
    """Every page of the site, in every language (or in ``language`` only), as a path from its
    root ('' for the home page).

    Norwegian pages are 'nb/', 'nb/values/', ...
    """
    pages = []
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site).as_posix()
        if relative.split("/")[0] in {"assets", "search"}:
            continue
        pages.append("" if relative == "." else relative + "/")
    if language is None:
        return pages
    return [page for page in pages if language_of(page, LANGUAGES) == language]


def worker_paths(site: Path) -> dict[str, str]:
    """Where the built Python worker finds Pyodide, its standard library zip and the calculators
    zip, from the site's root (the build fills them in: sitebuild/publish/fill_in.py)."""
    worker = (site / PYTHON_WORKER).read_text(encoding="utf-8")
    return json.loads(re.search(r"^const SITE_PATHS = (\{.*\});$", worker, re.MULTILINE).group(1))
