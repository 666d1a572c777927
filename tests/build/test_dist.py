"""``make dist``: one versioned, reproducible zip with the site, DEPLOY.md and checksums."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from sitebuild.dist import make_dist
from sitebuild.publish.manifest import MANIFEST


def test_the_archive_holds_the_site_the_guide_and_correct_checksums(
    site: Path, tmp_path: Path
) -> None:
    archive = make_dist(site, tmp_path)
    release = json.loads((site / MANIFEST).read_text())["version"]
    folder = archive.stem
    assert folder.startswith("samskaping-guide-") and folder.endswith(release)
    with zipfile.ZipFile(archive) as bundle:
        names = set(bundle.namelist())
        assert {f"{folder}/DEPLOY.md", f"{folder}/nginx.conf", f"{folder}/SHA256SUMS"} <= names
        served = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
        assert {name.removeprefix(f"{folder}/site/") for name in names if "/site/" in name} == (
            served
        )
        assert {".htaccess", "web.config", "sw.js", "server-check/index.html"} <= served
        sums = bundle.read(f"{folder}/SHA256SUMS").decode().splitlines()
        assert len(sums) == len(names) - 1
        for line in sums:
            digest, name = line.split("  ")
            assert hashlib.sha256(bundle.read(f"{folder}/{name}")).hexdigest() == digest, name
        deploy = bundle.read(f"{folder}/DEPLOY.md").decode()
    for needed in ("application/wasm", "text/javascript", "IndexedDB", "file://", "server-check/"):
        assert needed in deploy
    checksum = (tmp_path / f"{archive.name}.sha256").read_text().split()[0]
    assert checksum == hashlib.sha256(archive.read_bytes()).hexdigest()


def test_the_archive_is_reproducible(site: Path, tmp_path: Path) -> None:
    first = make_dist(site, tmp_path / "a").read_bytes()
    assert make_dist(site, tmp_path / "b").read_bytes() == first
