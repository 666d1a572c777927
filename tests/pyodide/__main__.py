"""The calculators' unit tests under the Pyodide the site ships (``make test-pyodide``).

A result in the browser comes from Pyodide's Python (a newer CPython, built for WebAssembly, with
its own standard library zip), not from the CPython that runs pytest. This runs the unit tests of
``tests/unit/calculators/`` there: the pinned npm Pyodide under Node.js (``run.mjs``), with the
standard library zip and the model JSON exactly as the build puts them in the site
(``sitebuild.bundle``), so the tests read the model as the browser gets it (pydantic and PyYAML
only run at build time).

Why not pytest-pyodide, the field's own tool: it runs test functions marked ``run_in_pyodide``
(these tests would have to be rewritten for it), pickles them between the host Python and
Pyodide's (3.11 and 3.14 here), and loads pytest into Pyodide from a full Pyodide distribution
(its package wheels, hypothesis among them), which the npm package does not hold and only
Pyodide's CDN serves. Here pytest, pluggy and the like come from the virtualenv (pure Python),
and hypothesis, whose newest releases need a compiled module, as the last pure-Python wheel,
fetched from PyPI once with its hash checked, into the cache folder.

A few test modules import what only CPython has, so they run in the CPython layer only
(``NOT_HERE``, each with its reason).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from sitebuild.bundle import MODEL_FILE, build_bundles
from sitebuild.cache import CACHE_DIR
from sitebuild.npm import PYODIDE, vendored
from tests.support.content import guide_model

ROOT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("run.mjs")
WHEELS = CACHE_DIR / "pyodide-tests"
HYPOTHESIS = (
    "hypothesis==6.155.7 "
    "--hash=sha256:9f634bdb1f9e9b8ab6ba09431cf2deedb750c96978125a6fb3c5a0f6c6db4131"
)
"""The last hypothesis release that is pure Python (later ones import ``hypothesis._native``)."""

TESTS = "tests/unit/calculators"
NOT_HERE = {
    "soimpact/test_cli.py": "runs `python -m calculators` in a subprocess",
    "matrix/test_files.py": "builds the site's zip (sitebuild, pydantic) for one of its tests",
}
"""Modules of ``TESTS`` that cannot be imported under Pyodide, and why."""


def hypothesis_wheel() -> Path:
    """The pure-Python hypothesis wheel, from the cache or (once) from PyPI."""
    found = sorted(WHEELS.glob("hypothesis-*.whl"))
    if not found:
        WHEELS.mkdir(parents=True, exist_ok=True)
        requirements = WHEELS / "requirements.txt"
        requirements.write_text(HYPOTHESIS + "\n", encoding="utf-8")
        pip = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
        only = ["--only-binary=:all:", "--require-hashes", "-r", str(requirements)]
        subprocess.run([*pip, *only, "-d", str(WHEELS)], check=True)
        found = sorted(WHEELS.glob("hypothesis-*.whl"))
    return found[0]


def main(arguments: list[str]) -> int:
    started = time.monotonic()
    bundles = build_bundles(guide_model())
    with tempfile.TemporaryDirectory() as folder:
        stdlib = Path(folder, bundles.stdlib.name)
        stdlib.write_bytes(bundles.stdlib.data)
        with zipfile.ZipFile(BytesIO(bundles.calculators.data)) as archive:
            model = Path(folder, MODEL_FILE)
            model.write_bytes(archive.read(MODEL_FILE))
        ignored = [f"--ignore={TESTS}/{module}" for module in NOT_HERE]
        pytest_args = ["-p", "tests.pyodide.profile", "--noconftest", "-p", "no:cacheprovider"]
        pytest_args += ["-o", "timeout=0", *ignored, *(arguments or [TESTS])]
        site_packages = Path(pytest.__file__).resolve().parents[1]
        paths = [vendored(PYODIDE), stdlib, model, hypothesis_wheel(), site_packages, ROOT]
        done = subprocess.run(["node", RUNNER, *map(str, paths), *pytest_args], check=False)
    print(f"Pyodide {PYODIDE.version}: {time.monotonic() - started:.0f} s in all")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
