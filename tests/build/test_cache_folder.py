"""A build on a fresh machine without network, into a cache folder of its own (``GUIDE_CACHE_DIR``).

One build serves both checks: Pyodide comes from ``PYODIDE_TARBALL`` (npm's registry is pointed at
a closed port, so any download would fail) and the cache folder starts without ``npm/`` and
``bytecode/``, so the build unpacks Pyodide and compiles the bytecode under Node.js from scratch
into it. Only ``precompressed/`` is the usual cache's: Brotli at its best setting takes minutes for
Pyodide's WebAssembly and the standard library zip, which would make this layer many times longer,
and the compressed copies are checked by ``test_publish.py``.
"""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from sitebuild.npm import CACHE_DIR, PYODIDE
from sitebuild.publish.precompress import CACHE_DIR as PRECOMPRESSED
from tests.support.site import ROOT, mkdocs_build

CLOSED_PORT_REGISTRY = "http://127.0.0.1:9/"


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cache")
    PRECOMPRESSED.mkdir(parents=True, exist_ok=True)
    (folder / "precompressed").symlink_to(PRECOMPRESSED, target_is_directory=True)
    return folder


@pytest.fixture(scope="module")
def offline_site(cache: Path, tmp_path_factory: pytest.TempPathFactory, site: Path) -> Path:
    tarball = CACHE_DIR / PYODIDE.tarball_name
    assert tarball.is_file(), "the session's site build fetches the pinned Pyodide tarball"
    site_dir = tmp_path_factory.mktemp("offline-site")
    result = mkdocs_build(
        ROOT,
        site_dir,
        {
            "GUIDE_CACHE_DIR": str(cache),
            PYODIDE.override_variable: str(tarball),
            "npm_config_registry": CLOSED_PORT_REGISTRY,
            "npm_config_offline": "true",
        },
    )
    assert result.returncode == 0, result.stderr
    return site_dir


def _differences(comparison: filecmp.dircmp) -> list[str]:
    found = [
        f"{comparison.left}/{name}"
        for name in comparison.left_only + comparison.right_only + comparison.diff_files
    ]
    for sub in comparison.subdirs.values():
        found += _differences(sub)
    return found


def test_an_air_gapped_build_from_an_empty_cache_makes_the_whole_site(
    offline_site: Path, site: Path
) -> None:
    assert _differences(filecmp.dircmp(offline_site, site, ignore=[])) == []


def test_the_build_keeps_its_downloads_and_bytecode_in_the_cache_folder_it_is_given(
    offline_site: Path, cache: Path
) -> None:
    unpacked = cache / "npm" / f"{PYODIDE.name}-{PYODIDE.version}"
    assert sorted(path.relative_to(unpacked).as_posix() for path in unpacked.rglob("*")) == sorted(
        PYODIDE.files
    )
    assert len(list((cache / "bytecode").glob("*.zip"))) == 1
    assert sorted(path.name for path in cache.iterdir()) == [
        "bytecode",
        "npm",
        "precompressed",
        "templates",
    ]
