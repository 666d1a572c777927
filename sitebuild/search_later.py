"""Calculator pages build the search index only once Python has answered, or the reader searches.

Material starts its search worker as a page opens, and building the index takes ≈0.3 s of CPU; on
a two-core PC that time comes out of Python's start on a calculator page, the one page where the
reader waits for something. Those pages start ``search-later.js`` instead, which holds Material's
worker back until then (the script says how). Reading pages keep Material's worker as it is.
"""

from __future__ import annotations

import re
from pathlib import Path

WORKERS = "assets/javascripts/workers"
LATER = f"{WORKERS}/search-later.js"
MATERIAL_WORKER = re.compile(r"search\.[0-9a-f]+\.min\.js")
CONFIG_SEARCH = re.compile(rf'("search": "[^"]*{WORKERS}/)({MATERIAL_WORKER.pattern})"')


class SearchLaterError(Exception):
    """Material's search worker is not where this module expects it."""


def search_later(html: str) -> str:
    """A calculator page's HTML whose theme configuration starts ``search-later.js``."""
    changed, found = CONFIG_SEARCH.subn(r'\1search-later.js"', html)
    if found != 1:
        raise SearchLaterError(f"a calculator page names Material's search worker {found} times")
    return changed


def material_worker(site: Path) -> str:
    """The file name of Material's search worker in ``site``, which carries a content hash."""
    found = [
        path.name for path in (site / WORKERS).iterdir() if MATERIAL_WORKER.fullmatch(path.name)
    ]
    if len(found) != 1:
        raise SearchLaterError(f"{WORKERS}/ holds {found or 'no'} Material search worker")
    return found[0]
