"""Where the project is, for tests that also run under Pyodide (tests/pyodide/), which cannot
import what ``tests.support.site`` needs (MkDocs, PyYAML)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
