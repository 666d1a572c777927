"""Bytes a cold visit to a calculator page transfers: the compressed copies at least halve them.

The test server sends every file as it is; nginx and Apache send the ``.br`` copies made at build
time. Run with ``-s`` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from sitebuild.static_server import DEFAULT_PREFIX, serving
from tests.support.calculators import wait_ready
from tests.support.servers import apache, nginx

CALCULATOR = "tools/matrix/"


def cold_visit_bytes(browser: Browser, url: str) -> int:
    """Response bytes on the wire (headers aside) for a first visit to a calculator page."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(url + CALCULATOR)
    wait_ready(page)
    page.wait_for_load_state("networkidle")
    total = sum(request.sizes()["responseBodySize"] for request in responses)
    context.close()
    return total


@pytest.mark.parametrize("server", [nginx, apache], ids=["nginx", "apache"])
def test_compressed_copies_halve_a_cold_calculator_visit(site: Path, browser: Browser, server):
    with serving(site) as url:
        plain = cold_visit_bytes(browser, url)
    with server(site, DEFAULT_PREFIX) as url:
        compressed = cold_visit_bytes(browser, url)
    print(f"\ncold calculator visit: {plain:,} bytes uncompressed, {compressed:,} with .br copies")
    assert compressed < plain / 2
