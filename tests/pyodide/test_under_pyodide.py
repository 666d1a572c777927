"""The calculators' unit tests pass under the Pyodide the site ships (``python -m tests.pyodide``).

A test of its own, so that ``make test`` runs this layer in one of its processes beside the
others instead of before them.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.support.site import ROOT


@pytest.mark.timeout(1200)
def test_the_calculators_unit_tests_pass_under_pyodide() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.pyodide"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
