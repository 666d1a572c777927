"""Every page starts the search worker that waits for the reader; anything unexpected stops."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild.search_later import (
    PAGE_SCRIPT,
    WORKERS,
    SearchLaterError,
    material_worker,
    search_later,
)

CONFIG = '<script id="__config">{"base": "../..", "search": "../../{}", "tags": null}</script>'
HALF = f'<script src="../../{PAGE_SCRIPT}"></script>'


def test_the_theme_configuration_names_the_waiting_worker() -> None:
    html = CONFIG.replace("{}", f"{WORKERS}/search.a7633da7.min.js") + HALF
    assert search_later(html) == CONFIG.replace("{}", f"{WORKERS}/search-later.js") + HALF


@pytest.mark.parametrize("found", [0, 2])
def test_a_page_that_does_not_name_materials_worker_once_stops_the_build(found: int) -> None:
    html = CONFIG.replace("{}", f"{WORKERS}/search.a7633da7.min.js") * found + HALF
    with pytest.raises(SearchLaterError, match=f"{found} times"):
        search_later(html)


def test_a_page_without_the_half_that_starts_the_index_stops_the_build() -> None:
    html = CONFIG.replace("{}", f"{WORKERS}/search.a7633da7.min.js")
    with pytest.raises(SearchLaterError, match="does not load"):
        search_later(html)


def test_materials_worker_is_found_by_its_hash_named_file(tmp_path: Path) -> None:
    workers = tmp_path / WORKERS
    workers.mkdir(parents=True)
    for name in ("search.0f1e2d3c.min.js", "search.0f1e2d3c.min.js.map", "search-later.js"):
        (workers / name).write_text("", encoding="utf-8")
    assert material_worker(tmp_path) == "search.0f1e2d3c.min.js"
    (workers / "search.99999999.min.js").write_text("", encoding="utf-8")
    with pytest.raises(SearchLaterError, match=r"search\.99999999\.min\.js"):
        material_worker(tmp_path)
