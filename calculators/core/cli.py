"""What every tool's command line shares: reading the model, which only CPython does this way.

The site's bundle ships no ``cli.py`` (``sitebuild.bundle``), so the browser never reaches the
content loader and its pydantic and PyYAML.
"""

from __future__ import annotations

import json
from pathlib import Path

from calculators.core.tool import MODEL_FILE, Model


def load_model(path: Path | None = None) -> Model:
    """The model from ``path``, beside the package (as in the site's zip), or from ``content/``."""
    if path is None and MODEL_FILE.exists():
        path = MODEL_FILE
    if path is not None:
        return json.loads(path.read_text(encoding="utf-8"))
    from model.load import load_content  # only in a checkout: pydantic, PyYAML

    return load_content().model_dump(mode="json")
