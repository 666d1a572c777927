"""Fixtures shared by the build and browser layers: one strict build of the real site."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from tests.support.site import ROOT, mkdocs_build

# Properties assert what is computed, not how fast: on a loaded 2-core machine Hypothesis'
# default 200 ms deadline fails examples that are correct.
settings.register_profile("guide", deadline=None)
settings.load_profile("guide")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir
