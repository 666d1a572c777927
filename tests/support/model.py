"""The handbook's content model of the real ``content/`` folder, read once per test process.

Reading and validating every content file takes a noticeable moment; tests that judge pages
against the model (one call per page) would repeat it hundreds of times.
"""

from __future__ import annotations

import functools

from macros.content import load_content
from macros.schema import Model


@functools.cache
def content_model() -> Model:
    """The validated model of ``content/``; shared, so callers must not change it."""
    return load_content()
