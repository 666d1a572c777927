"""Checks over the built ``site/`` that MkDocs itself does not make.

mkdocs-macros can leave "Macro Syntax Error" in a page while the build stays green, so every
page is scanned for the plugin's error markers.
"""

from __future__ import annotations

from pathlib import Path

MACRO_ERROR_MARKERS = ("Macro Syntax Error", "Macro Rendering Error", "Macro Error")


def check_site(site: Path) -> list[str]:
    """One line per problem found in the built pages; empty when all is well."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        problems += [
            f"{page.relative_to(site)}: contains {marker!r}"
            for marker in MACRO_ERROR_MARKERS
            if marker in html
        ]
    return problems
