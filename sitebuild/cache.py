"""The build's cache folder: ``GUIDE_CACHE_DIR``, else ``.cache/`` in the checkout.

It keeps what is slow to fetch or make again, one folder per kind: ``npm/`` (the pinned packages,
``sitebuild/npm.py``), ``bytecode/`` (``sitebuild/bytecode.py``), ``precompressed/``
(``sitebuild/publish/precompress.py``), ``templates/`` (the theme's compiled templates,
``sitebuild/mkdocs_hooks.py``). Each entry is named by what it was made from (a version, a content
hash), so the folder may be shared by several checkouts, and deleted at any time.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = Path(os.environ.get("GUIDE_CACHE_DIR", ROOT / ".cache"))
