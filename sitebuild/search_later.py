"""Every page builds the search index only when the reader is about to search.

Material starts its search worker as each page opens and builds the index there, on every page
load, although most readers never search; on an old PC or a phone that CPU is the reader's, and on
a calculator page it comes out of Python's start. Every page starts ``search-later.js`` instead,
which holds Material's worker back until the search field gets focus, a query arrives or, on a
calculator page, Python has answered (the worker and ``assets/js/site/search-later.js`` say how).
"""

from __future__ import annotations

import re
from pathlib import Path

WORKERS = "assets/javascripts/workers"
LATER = f"{WORKERS}/search-later.js"
PAGE_SCRIPT = "assets/js/site/search-later.js"
"""The page's half (loaded by overrides/main.html): without it the index waits for a query."""
MATERIAL_WORKER = re.compile(r"search\.[0-9a-f]+\.min\.js")
CONFIG_SEARCH = re.compile(rf'("search": "[^"]*{WORKERS}/)({MATERIAL_WORKER.pattern})"')


class SearchLaterError(Exception):
    """Material's search worker, or the page's half, is not where this module expects it."""


def search_later(html: str) -> str:
    """A page's HTML whose theme configuration starts ``search-later.js``."""
    changed, found = CONFIG_SEARCH.subn(r'\1search-later.js"', html)
    if found != 1:
        raise SearchLaterError(f"the page names Material's search worker {found} times")
    if f'{PAGE_SCRIPT}"></script>' not in html:
        raise SearchLaterError(f"the page does not load {PAGE_SCRIPT}")
    return changed


def material_worker(site: Path) -> str:
    """The file name of Material's search worker in ``site``, which carries a content hash."""
    found = [
        path.name for path in (site / WORKERS).iterdir() if MATERIAL_WORKER.fullmatch(path.name)
    ]
    if len(found) != 1:
        raise SearchLaterError(f"{WORKERS}/ holds {found or 'no'} Material search worker")
    return found[0]
