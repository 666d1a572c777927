"""The model tests break a copy of the real content, never the real one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from model.load import CONTENT_DIR


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the content that a test may break."""
    return Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))
