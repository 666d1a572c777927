"""The finishing steps of the build: file list, service worker, compressed copies, configs."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import brotli

from sitebuild.bytecode import STDLIB
from sitebuild.npm import PYODIDE
from sitebuild.publish import PYODIDE_DIR
from sitebuild.publish.manifest import MANIFEST
from tests.support.calculators import calculator_pages
from tests.support.site import built_pages, worker_paths


def test_the_file_list_covers_what_a_browser_fetches_and_nothing_else(site: Path) -> None:
    manifest = json.loads((site / MANIFEST).read_text())
    files = manifest["files"]
    runtime = {f"{PYODIDE_DIR}/{name}" for name in PYODIDE.files if name != STDLIB}
    assert runtime | {worker_paths(site)["stdlib"]} <= set(files)
    assert not [path for path in files if path.endswith((".gz", ".br"))]
    assert not {"sw.js", MANIFEST, ".htaccess", "web.config"} & set(files)
    wasm = site / PYODIDE_DIR / "pyodide.asm.wasm"
    assert files[f"{PYODIDE_DIR}/pyodide.asm.wasm"]["bytes"] == wasm.stat().st_size


def test_the_file_list_names_what_each_calculator_needs(site: Path) -> None:
    manifest = json.loads((site / MANIFEST).read_text())
    needs = {entry["tool"]: entry for entry in manifest["calculators"]}
    pages = calculator_pages(site)
    assert {tool: set(entry["pages"]) for tool, entry in needs.items()} == {
        tool: {page for page, its in pages.items() if its == tool} for tool in set(pages.values())
    }
    assert needs["matrix"]["title"] == "Position your project"
    assert needs["matrix"]["pages"] == ["tools/matrix/", "nb/tools/matrix/"]
    for entry in needs.values():
        files = entry["files"]
        assert set(files) <= set(manifest["files"])
        assert len(files) == len(set(files))
        for page in entry["pages"]:
            bundle = re.search(r'data-bundle="([^"]+)"', (site / page / "index.html").read_text())
            assert {f"{page}index.html", bundle.group(1)} <= set(files)
        own = f"assets/css/tools/{entry['tool']}.css"
        assert {"assets/css/site.css", "assets/css/calculator.css", own} <= set(files)
        assert [path for path in files if path.startswith("assets/css/tools/")] == [own]
        # The head's python-start.js starts this worker, which imports the snapshot module.
        worker = {"assets/js/python/pyodide-worker.mjs", "assets/js/python/pyodide-snapshot.mjs"}
        python = {"assets/js/python/python-start.js", "assets/js/python/python-worker.js"}
        assert {*python, *worker, "assets/js/paths.js", "assets/js/storage-keys.js"} <= set(files)
        assert not [path for path in files if path.startswith(PYODIDE_DIR)]  # checked apart


def test_the_service_worker_precaches_every_page_and_the_runtime(site: Path) -> None:
    code = (site / "sw.js").read_text()
    release = json.loads(re.match(r"const RELEASE = (\{.*?\});\n", code, re.DOTALL).group(1))
    assert release["version"] == json.loads((site / MANIFEST).read_text())["version"]
    pages = {"./" if page == "" else page for page in built_pages(site)}
    assert pages <= set(release["files"])
    assert f"{PYODIDE_DIR}/pyodide.asm.wasm" in release["files"]
    assert "offline.js" in (site / "index.html").read_text()


def test_compressed_copies_decode_to_the_original(site: Path) -> None:
    wasm = (site / PYODIDE_DIR / "pyodide.asm.wasm").read_bytes()
    brotli_copy = (site / PYODIDE_DIR / "pyodide.asm.wasm.br").read_bytes()
    gzip_copy = (site / PYODIDE_DIR / "pyodide.asm.wasm.gz").read_bytes()
    assert len(brotli_copy) < len(gzip_copy) < len(wasm) // 2
    assert brotli.decompress(brotli_copy) == wasm
    assert gzip.decompress(gzip_copy) == wasm
    for page in built_pages(site):
        assert (site / page / "index.html.gz").is_file(), page
    stdlib = site / worker_paths(site)["stdlib"]  # stored: Brotli over the whole zip
    assert len((site / f"{stdlib}.br").read_bytes()) < stdlib.stat().st_size // 4


def test_apache_and_iis_configuration_ship_inside_the_site(site: Path) -> None:
    assert (site / ".htaccess").read_text() == (Path("deploy") / "apache.htaccess").read_text()
    assert (site / "web.config").read_text() == (Path("deploy") / "iis.web.config").read_text()
