"""Compile the calculators, and the standard library modules Python needs, for Pyodide's Python.

Pyodide ships its standard library as source only, so on a first visit its Python compiles every
module it imports at its start (≈1.3 s of a 2.1 s start under Node.js), then each calculator
module and each standard library module they import (≈0.1 s of the assessment's first answer
went to ``statistics``, ``fractions`` and ``html`` alone). Pyodide's Python (3.14) is newer than
the build's, so the build runs that very Pyodide under Node.js (``compile_bytecode.mjs``).

Each ``.pyc`` carries an unchecked hash (PEP 552): Python uses it without comparing timestamps,
which a zip does not keep. In the calculators zip, each module's ``.pyc`` lies in ``__pycache__/``
beside its source, where another Python (the tests' CPython) looks for another file name and
compiles as usual. The site ships Pyodide's standard library zip with a ``.pyc`` beside the source
of each module Pyodide imports at its start or the calculators import; ``zipimport`` prefers it.
Compiling takes a few seconds, so results are cached by the sources, the Pyodide and the script.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sitebuild.cache import CACHE_DIR as CACHE_ROOT
from sitebuild.cache import partial
from sitebuild.npm import PYODIDE, VendorError, vendored

SCRIPT = Path(__file__).resolve().with_name("compile_bytecode.mjs")
CACHE_DIR = CACHE_ROOT / "bytecode"


STDLIB = "python_stdlib.zip"


class BytecodeError(Exception):
    """The calculators could not be compiled for Pyodide."""


@dataclass(frozen=True)
class Bytecode:
    calculators: dict[str, bytes]
    """Bytecode files by their place in the calculators zip."""
    stdlib: bytes
    """Pyodide's standard library zip, with bytecode."""


def _key(sources: dict[str, bytes]) -> str:
    """What the bytecode depends on: the sources, the Pyodide and the script that compiles."""
    digest = hashlib.sha256(PYODIDE.version.encode())
    digest.update(SCRIPT.read_bytes())
    for name, data in sorted(sources.items()):
        digest.update(f"\0{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _compile(sources: dict[str, bytes]) -> Bytecode:
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
        calculators = {
            path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*.pyc"))
        }
        return Bytecode(calculators=calculators, stdlib=(folder / STDLIB).read_bytes())


def compile_bytecode(sources: dict[str, bytes]) -> Bytecode:
    """``{"calculators/x.py": source}`` → their bytecode, and the standard library's."""
    cached = CACHE_DIR / f"{_key(sources)}.zip"
    if cached.exists():
        with zipfile.ZipFile(cached) as archive:
            files = {name: archive.read(name) for name in archive.namelist()}
        stdlib = files.pop(STDLIB)
        return Bytecode(calculators=files, stdlib=stdlib)
    compiled = _compile(sources)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    written = partial(cached)
    with zipfile.ZipFile(written, "w") as archive:
        for name, data in [*compiled.calculators.items(), (STDLIB, compiled.stdlib)]:
            archive.writestr(name, data)
    written.replace(cached)
    return compiled
