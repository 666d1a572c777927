"""Links from macros are relative, so the site works under any sub-path."""

from __future__ import annotations

import pytest

from macros.links import doc_url, relative_url


@pytest.mark.parametrize(
    ("doc", "url"),
    [
        ("index.md", ""),
        ("matrix.md", "matrix/"),
        ("fields/anchoring.md#point-x", "fields/anchoring/#point-x"),
        ("tools/index.md", "tools/"),
    ],
)
def test_doc_url_follows_directory_urls(doc: str, url: str) -> None:
    assert doc_url(doc) == url


@pytest.mark.parametrize(
    ("doc", "page", "href"),
    [
        ("fields/anchoring.md", "values/openness/", "../../fields/anchoring/"),
        ("index.md", "", "./"),
        ("matrix.md", "", "matrix/"),
        ("glossary.md#term-ba", "glossary/", "#term-ba"),
        ("about.md", "chapters/impact-measurement/", "../../about/"),
    ],
)
def test_relative_url_never_starts_at_the_root(doc: str, page: str, href: str) -> None:
    assert relative_url(doc, page) == href
    assert not href.startswith("/")
