"""Pack the calculators, their bytecode and the model they read into one zip for Pyodide; and
Pyodide's standard library zip, with bytecode, to ship in place of Pyodide's own.

A zip loads several times faster than installing a wheel, and the calculators need no installer
metadata. Its files are stored, not compressed: the Python worker writes them into Pyodide's file
system while Pyodide starts, with no unzipping (the server's Brotli and gzip copies shrink it on
the way). The bytecode spares the browser compiling them (``sitebuild/bytecode.py``). The zip is
byte-for-byte reproducible, so its name can carry its content hash and be cached forever; so is
the standard library zip.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from model.schema import Model
from sitebuild.bytecode import compile_bytecode

CALCULATORS_DIR = Path(__file__).resolve().parent.parent / "calculators"
COMMAND_LINE = ("cli.py", "__main__.py")
"""Modules only CPython runs (the command line, reading the model from ``content/``); every
other module of ``calculators/``, in every sub-package, ships to the browser."""
MODEL_FILE = "guide_model.json"
"""Name of the model inside the zip; ``calculators.core.tool`` reads it from the same place."""
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Bundle:
    name: str
    data: bytes


@dataclass(frozen=True)
class Bundles:
    calculators: Bundle
    """The calculators package and ``guide_model.json``."""
    stdlib: Bundle
    """Pyodide's standard library zip with the bytecode Python needs at its start and for the
    calculators (``sitebuild/bytecode.py``)."""


def ships(path: Path) -> bool:
    """Whether a module of ``calculators/`` goes to the browser."""
    return path.name not in COMMAND_LINE


def _sources() -> dict[str, bytes]:
    return {
        path.relative_to(CALCULATORS_DIR.parent).as_posix(): path.read_bytes()
        for path in sorted(CALCULATORS_DIR.rglob("*.py"))
        if ships(path)
    }


def _named(stem: str, data: bytes) -> Bundle:
    return Bundle(name=f"{stem}.{hashlib.sha256(data).hexdigest()[:12]}.zip", data=data)


def _calculators_zip(sources: dict[str, bytes], bytecode: dict[str, bytes], model: Model) -> bytes:
    """The calculators' sources and bytecode and ``guide_model.json``, zipped reproducibly."""
    model_json = json.dumps(model.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
    entries = [*sources.items(), *sorted(bytecode.items()), (MODEL_FILE, model_json.encode())]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def build_bundles(model: Model) -> Bundles:
    """Both zips, from one compile (or one read of its cache, which holds the 13 MB library)."""
    sources = _sources()
    bytecode = compile_bytecode(sources)
    return Bundles(
        calculators=_named("calculators", _calculators_zip(sources, bytecode.calculators, model)),
        stdlib=_named("python_stdlib", bytecode.stdlib),
    )
