"""Fixtures shared by the build and browser layers: one strict build of the real site."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.site import ROOT, mkdocs_build


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir
