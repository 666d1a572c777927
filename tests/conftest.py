"""Fixtures shared by the build and browser layers: one strict build of the real site.

``make test`` runs the tests in several processes (pytest-xdist): the site is built once, by the
first process that needs it, in the run's shared temporary folder, and the others wait for it.
"""

from __future__ import annotations

import fcntl
from pathlib import Path

import pytest
from hypothesis import settings

from tests.support.site import ROOT, mkdocs_build

# Properties assert what is computed, not how fast: on a loaded 2-core machine Hypothesis'
# default 200 ms deadline fails examples that are correct.
settings.register_profile("guide", deadline=None)
settings.load_profile("guide")


def _run_folder(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The temporary folder this run's processes share (each worker's own is inside it)."""
    own = tmp_path_factory.getbasetemp()
    return own if worker_id == "master" else own.parent


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    shared = _run_folder(tmp_path_factory, worker_id)
    site_dir, built = shared / "site", shared / "site.built"
    with (shared / "site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not built.exists():
            result = mkdocs_build(ROOT, site_dir)
            assert result.returncode == 0, result.stderr
            built.touch()
    return site_dir


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Stop at once when pytest-xdist's ``--dist loadgroup`` no longer groups (as under pytest
    9.2, pytest-xdist#1386): every walk would silently be made again in every process."""
    if not getattr(config.option, "loadgroup", False):
        return
    ungrouped = [
        item.nodeid
        for item in items
        if item.get_closest_marker("xdist_group") and "@" not in item.nodeid
    ]
    if ungrouped:
        raise pytest.UsageError(f"--dist loadgroup did not group {ungrouped[0]} and others")
