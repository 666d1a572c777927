"""Gzip and Brotli copies beside the large text and WebAssembly files of the built site.

A server that finds ``x.wasm.br`` or ``x.wasm.gz`` next to ``x.wasm`` sends it to a browser that
accepts that encoding (nginx ``gzip_static``/``brotli_static``, the shipped ``.htaccess``), so the
9.6 MB ``pyodide.asm.wasm`` crosses the network as ≈2.7 MB without the server compressing it on
every request. Brotli at its best setting takes about a minute for that file, so compressed copies
are kept in a cache keyed by their content hash: only the first build pays for a file.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable
from pathlib import Path

import brotli

from sitebuild.cache import CACHE_DIR as CACHE_ROOT
from sitebuild.cache import partial
from sitebuild.publish.manifest import PRECOMPRESSED, SERVER_FILES

CACHE_DIR = CACHE_ROOT / "precompressed"
COMPRESSIBLE = {
    *(".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".xml", ".txt", ".map"),
    ".zip",
}
"""Types worth trying; ``.zip`` for the calculators and standard library zips, whose files are
stored uncompressed."""
MIN_BYTES = 1024
"""Smaller files fit in a packet or two; compressing them gains nothing."""
WORTH_IT = 0.9
"""A copy is kept only when it is at most 90 % of the original."""

ENCODERS: dict[str, Callable[[bytes], bytes]] = {
    ".br": lambda data: brotli.compress(data, quality=11),
    ".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
}


def _compressed(data: bytes, suffix: str) -> bytes:
    cached = CACHE_DIR / (hashlib.sha256(data).hexdigest() + suffix)
    if not cached.exists():
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        written = partial(cached)
        written.write_bytes(ENCODERS[suffix](data))
        written.replace(cached)
    return cached.read_bytes()


def candidates(site: Path) -> list[Path]:
    """The files worth a compressed copy: compressible types of at least ``MIN_BYTES``."""
    return [
        path
        for path in sorted(site.rglob("*"))
        if path.is_file()
        and path.suffix in COMPRESSIBLE
        and path.name not in SERVER_FILES
        and not path.name.endswith(PRECOMPRESSED)
        and path.stat().st_size >= MIN_BYTES
    ]


def precompress(site: Path) -> list[Path]:
    """Write ``.br`` and ``.gz`` copies beside every candidate; return the copies written."""
    written = []
    for path in candidates(site):
        data = path.read_bytes()
        for suffix in ENCODERS:
            packed = _compressed(data, suffix)
            if len(packed) <= WORTH_IT * len(data):
                target = path.with_name(path.name + suffix)
                target.write_bytes(packed)
                written.append(target)
    return written
