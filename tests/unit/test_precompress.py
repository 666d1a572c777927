"""Compressed copies are written only where they pay."""

from __future__ import annotations

import os
from pathlib import Path

from sitebuild.publish.precompress import precompress


def test_a_copy_is_kept_only_when_it_is_much_smaller(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("sitebuild.publish.precompress.CACHE_DIR", tmp_path / "cache")
    site = tmp_path / "site"
    site.mkdir()
    (site / "text.json").write_text('{"answer": 42}\n' * 200)
    (site / "random.zip").write_bytes(os.urandom(4096))  # already as small as it gets
    (site / "small.js").write_text("x;")
    written = precompress(site)
    assert sorted(path.name for path in written) == ["text.json.br", "text.json.gz"]
