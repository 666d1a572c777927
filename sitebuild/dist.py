"""``make dist``: the built site as one versioned zip that an IT department unpacks on any server.

``dist/samskaping-guide-<version>-<release>.zip`` holds one folder of the same name with
``site/`` (the files to serve), ``DEPLOY.md``, ``nginx.conf`` and ``SHA256SUMS`` (for
``sha256sum -c``); ``<zip>.sha256`` beside it checks the archive itself. ``<version>`` is the
project's, ``<release>`` the hash over every served file (``site-files.json``). The archive is
reproducible: same site, same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import zipfile
from importlib.metadata import version
from pathlib import Path

from sitebuild.publish import DEPLOY_DIR
from sitebuild.publish.manifest import MANIFEST

PROJECT = "samskaping-guide"
BESIDE_SITE = ("DEPLOY.md", "nginx.conf")
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def release_name(site: Path) -> str:
    release = json.loads((site / MANIFEST).read_text(encoding="utf-8"))["version"]
    return f"{PROJECT}-{version(PROJECT)}-{release}"


def _contents(site: Path) -> list[tuple[str, bytes]]:
    files = [
        (f"site/{path.relative_to(site).as_posix()}", path.read_bytes())
        for path in sorted(site.rglob("*"))
        if path.is_file()
    ]
    files += [(name, (DEPLOY_DIR / name).read_bytes()) for name in BESIDE_SITE]
    sums = "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in files)
    return [*files, ("SHA256SUMS", sums.encode("ascii"))]


def make_dist(site: Path, out: Path) -> Path:
    """Write the archive and its checksum file into ``out``; return the archive's path."""
    if not (site / MANIFEST).is_file():
        raise SystemExit(f"{site} is not a built site (no {MANIFEST}): run `make build` first")
    name = release_name(site)
    out.mkdir(parents=True, exist_ok=True)
    archive = out / f"{name}.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for path, data in _contents(site):
            info = zipfile.ZipInfo(f"{name}/{path}", date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            bundle.writestr(info, data)
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    (out / f"{archive.name}.sha256").write_text(f"{digest}  {archive.name}\n", encoding="ascii")
    return archive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("out", type=Path, nargs="?", default=Path("dist"))
    args = parser.parse_args()
    print(make_dist(args.site, args.out))


if __name__ == "__main__":
    main()
