"""Links between pages of the guide, written relative so the site works under any sub-path.

Macros emit HTML, which MkDocs does not rewrite, so they need the URL a page will have
(``use_directory_urls``) and a path relative to the page that links.
"""

from __future__ import annotations

import posixpath

from calculators.core.blocks import doc_url


def relative_url(doc: str, from_url: str) -> str:
    """The href that leads from the page at ``from_url`` to ``doc``."""
    url, _, anchor = doc_url(doc).partition("#")
    if url == from_url and anchor:
        return f"#{anchor}"
    path = posixpath.relpath(url or ".", from_url or ".")
    href = "./" if path == "." else path + "/"
    return href + (f"#{anchor}" if anchor else "")


def chapter_doc(chapter_id: str) -> str:
    return f"chapters/{chapter_id}.md"


def value_doc(value_id: str) -> str:
    return f"values/{value_id}.md"


def field_doc(field_id: str) -> str:
    return f"fields/{field_id}.md"
