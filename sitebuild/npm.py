"""Fetch pinned npm packages once, verify them, and keep the files we use in a local cache.

``npm pack`` goes through the machine's own npm configuration, so no registry address is written
here. The tarball's sha512 must match the pin before a single file is used. For an air-gapped
build, point ``<NAME>_TARBALL`` (e.g. ``PYODIDE_TARBALL``) at an already-downloaded tarball; it
is verified against the same pin.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sitebuild.cache import CACHE_DIR as CACHE_ROOT
from sitebuild.cache import locked

CACHE_DIR = CACHE_ROOT / "npm"


class VendorError(Exception):
    """A pinned package that could not be fetched or did not match its pin."""


@dataclass(frozen=True)
class NpmPackage:
    """A pinned npm package and the files of it that the project uses."""

    name: str
    version: str
    integrity: str
    files: tuple[str, ...]

    @property
    def tarball_name(self) -> str:
        return f"{self.name}-{self.version}.tgz"

    @property
    def override_variable(self) -> str:
        return self.name.upper().replace("-", "_") + "_TARBALL"


PYODIDE = NpmPackage(
    name="pyodide",
    version="314.0.7",
    integrity="sha512-0YvXxEhfEdpLfb/XkM2BFAeMROq0iMUX2bzzH9pOttyMcWkwq+HbE5uyuGD82LN7y2q+SNvi/6V5JEsOlD2R1A==",
    files=(
        "pyodide.mjs",
        "pyodide.asm.mjs",
        "pyodide.asm.wasm",
        "python_stdlib.zip",
        "pyodide-lock.json",
    ),
)
"""The Python runtime served to calculator pages (nothing else of the package is shipped)."""

AXE_CORE = NpmPackage(
    name="axe-core",
    version="4.14.1",
    integrity="sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==",
    files=("axe.min.js",),
)
"""The accessibility checker injected by the browser tests (never shipped in the site)."""

VNU_JAR = NpmPackage(
    name="vnu-jar",
    version="26.9.27",
    integrity="sha512-TkQd5DFfOaWC9ebtvozTsrH2Vaod3jYg+vrOeREzIXxBexLz9+rS2DNtjn7+RPUiZhgli0SghgBX6RJRNea0KA==",
    files=("build/dist/vnu.jar",),
)
"""The Nu HTML Checker (run with the machine's Java by the browser tests; never shipped)."""


def _integrity_of(path: Path) -> str:
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode("ascii")


def _verified(package: NpmPackage, tarball: Path) -> Path:
    actual = _integrity_of(tarball)
    if actual != package.integrity:
        raise VendorError(
            f"{tarball}: integrity {actual} does not match the pin {package.integrity} "
            f"for {package.name}@{package.version}"
        )
    return tarball


def _fetch(package: NpmPackage) -> Path:
    override = os.environ.get(package.override_variable)
    if override:
        return _verified(package, Path(override))
    tarball = CACHE_DIR / package.tarball_name
    if tarball.exists():
        return _verified(package, tarball)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE_DIR) as scratch:
        try:
            subprocess.run(
                ["npm", "pack", f"{package.name}@{package.version}", "--pack-destination", scratch],
                check=True,
                capture_output=True,
                text=True,
            )
        except (OSError, subprocess.CalledProcessError) as error:
            detail = getattr(error, "stderr", "") or str(error)
            raise VendorError(
                f"npm pack {package.name}@{package.version} failed: {detail.strip()}. "
                f"For an offline build set {package.override_variable} to the tarball's path."
            ) from None
        fetched = _verified(package, Path(scratch) / package.tarball_name)
        fetched.replace(tarball)
    return tarball


def vendored(package: NpmPackage) -> Path:
    """The folder holding the package's used files, fetching and verifying them if needed."""
    folder = CACHE_DIR / f"{package.name}-{package.version}"
    if all((folder / name).exists() for name in package.files):
        return folder
    with locked(folder):
        if all((folder / name).exists() for name in package.files):
            return folder  # another build unpacked it while this one waited
        return _unpacked(package, folder)


def _unpacked(package: NpmPackage, folder: Path) -> Path:
    tarball = _fetch(package)
    staging = Path(tempfile.mkdtemp(dir=CACHE_DIR))
    try:
        with tarfile.open(tarball) as archive:
            for name in package.files:
                member = archive.getmember(f"package/{name}")
                source = archive.extractfile(member)
                if source is None:
                    raise VendorError(f"{tarball}: package/{name} is not a file")
                (staging / name).parent.mkdir(parents=True, exist_ok=True)
                with source, (staging / name).open("wb") as target:
                    shutil.copyfileobj(source, target)
        shutil.rmtree(folder, ignore_errors=True)
        staging.replace(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder
