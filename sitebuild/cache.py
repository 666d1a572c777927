"""The build's cache folder: ``GUIDE_CACHE_DIR``, else ``.cache/`` in the checkout.

It keeps what is slow to fetch or make again, one folder per kind: ``npm/`` (the pinned packages,
``sitebuild/npm.py``), ``bytecode/`` (``sitebuild/bytecode.py``), ``precompressed/``
(``sitebuild/publish/precompress.py``), ``templates/`` (the theme's compiled templates,
``sitebuild/mkdocs_hooks.py``). Each entry is named by what it was made from (a version, a content
hash), so the folder may be shared by several checkouts, and deleted at any time. Several builds
may fill it at once (the test suite builds in parallel processes): each writes an entry under a
name of its own (``partial``) and renames it into place, or holds the entry's lock (``locked``).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = Path(os.environ.get("GUIDE_CACHE_DIR", ROOT / ".cache"))


def partial(entry: Path) -> Path:
    """Where this process writes ``entry`` before renaming it into place."""
    return entry.with_name(f"{entry.name}.{os.getpid()}.partial")


@contextmanager
def locked(entry: Path) -> Iterator[None]:
    """Hold ``entry``'s lock: for an entry that is a folder (one cannot be renamed over another)."""
    entry.parent.mkdir(parents=True, exist_ok=True)
    with entry.with_name(f"{entry.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        yield
