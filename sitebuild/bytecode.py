"""Compile the calculators, and the standard library modules they use, for Pyodide's Python.

Once Python is up, a page's first answer otherwise waits while Pyodide compiles from source each
calculator module and each standard library module they import beyond those Pyodide loads at its
start (Pyodide ships its standard library as source only): ≈0.1 s of the assessment's first answer
went to ``statistics``, ``fractions`` and ``html`` alone. Pyodide's Python (3.14) is newer than the
build's, so the build runs that very Pyodide under Node.js (``compile_bytecode.mjs``).

In the calculators zip, each module's ``.pyc`` lies beside its source in ``__pycache__/``, with an
unchecked hash (PEP 552): Python uses it without comparing timestamps, which the zip does not
keep, and another Python (the tests' CPython) looks for another file name and compiles as usual.
The standard library modules lie in ``stdlib-bytecode/`` as bytecode only; the Python worker puts
that folder on ``sys.path`` ahead of Pyodide's standard library, and no other Python may. Compiling
takes a few seconds, so results are cached by the sources, the Pyodide and the script.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from sitebuild.npm import PYODIDE, ROOT, VendorError, vendored

SCRIPT = Path(__file__).resolve().with_name("compile_bytecode.mjs")
CACHE_DIR = Path(os.environ.get("GUIDE_CACHE_DIR", ROOT / ".cache")) / "bytecode"


class BytecodeError(Exception):
    """The calculators could not be compiled for Pyodide."""


def _key(sources: dict[str, bytes]) -> str:
    """What the bytecode depends on: the sources, the Pyodide and the script that compiles."""
    digest = hashlib.sha256(PYODIDE.version.encode())
    digest.update(SCRIPT.read_bytes())
    for name, data in sorted(sources.items()):
        digest.update(f"\0{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _compile(sources: dict[str, bytes]) -> dict[str, bytes]:
    node = shutil.which("node")
    if node is None:
        raise BytecodeError("the build needs Node.js (`node`) to compile the calculators")
    try:
        pyodide = vendored(PYODIDE)
    except VendorError as error:
        raise BytecodeError(str(error)) from None
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for name, data in sources.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
        done = subprocess.run(
            [node, str(SCRIPT), str(pyodide), str(folder)], capture_output=True, text=True
        )
        if done.returncode != 0:
            raise BytecodeError(f"compiling the calculators for Pyodide failed:\n{done.stderr}")
        return {
            path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*.pyc"))
        }


def compile_bytecode(sources: dict[str, bytes]) -> dict[str, bytes]:
    """``{"calculators/x.py": source}`` → bytecode files by their place in the zip."""
    cached = CACHE_DIR / f"{_key(sources)}.zip"
    if cached.exists():
        with zipfile.ZipFile(cached) as archive:
            return {name: archive.read(name) for name in archive.namelist()}
    compiled = _compile(sources)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    partial = cached.with_name(cached.name + ".partial")
    with zipfile.ZipFile(partial, "w") as archive:
        for name, data in compiled.items():
            archive.writestr(name, data)
    partial.replace(cached)
    return compiled
