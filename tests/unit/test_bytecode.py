"""The calculators zip carries bytecode that Pyodide's own Python reads instead of compiling.

Checked with the real Pyodide under Node.js, as the build makes the bytecode.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from io import BytesIO

import pytest

from macros.content import load_content
from sitebuild.bundle import build_bundle
from sitebuild.bytecode import BytecodeError, _compile
from sitebuild.npm import PYODIDE, vendored

# Unpacks the zip and sets sys.path as the worker does, then imports every calculator module the
# browser may import, counting the modules Python had to compile from source (files, or in the
# standard library's zip).
IMPORT_ALL = """
import { readFileSync } from "node:fs";
const [pyodideFolder, bundle] = process.argv.slice(1);
const { loadPyodide } = await import(`${pyodideFolder}/pyodide.mjs`);
const pyodide = await loadPyodide({ indexURL: `${pyodideFolder}/`, stdout: () => {} });
pyodide.unpackArchive(new Uint8Array(readFileSync(bundle)), "zip", { extractDir: "/guide" });
console.log(pyodide.runPython(`
import importlib, importlib.machinery, json, pathlib, sys, zipimport
compiled = []
source_to_code = importlib.machinery.SourceFileLoader.source_to_code
def file_compiled(self, data, path, *rest, **options):
    compiled.append(str(path))
    return source_to_code(self, data, path, *rest, **options)
compile_source = zipimport._compile_source
def zip_compiled(pathname, source):
    compiled.append(pathname)
    return compile_source(pathname, source)
importlib.machinery.SourceFileLoader.source_to_code = file_compiled
zipimport._compile_source = zip_compiled
sys.path[:0] = ["/guide", "/guide/stdlib-bytecode"]
modules = sorted(
    path.stem for path in pathlib.Path("/guide/calculators").glob("*.py")
    if not path.stem.endswith(("__main__", "_cli"))
)
for name in modules:
    importlib.import_module(f"calculators.{name}")
json.dumps({"modules": modules, "compiled": compiled})
`));
"""


@pytest.fixture(scope="module")
def bundle() -> zipfile.ZipFile:
    return zipfile.ZipFile(BytesIO(build_bundle(load_content()).data))


def test_every_calculator_module_has_unchecked_hash_bytecode(bundle: zipfile.ZipFile) -> None:
    names = bundle.namelist()
    sources = [name for name in names if name.endswith(".py")]
    for source in sources:
        folder, module = source.rsplit("/", 1)
        [bytecode] = [
            name
            for name in names
            if name.startswith(f"{folder}/__pycache__/{module.removesuffix('.py')}.cpython-")
        ]
        flags = int.from_bytes(bundle.read(bytecode)[4:8], "little")
        assert flags == 0b01, bytecode  # hash-based, source not checked (PEP 552)


def test_pyodide_imports_every_calculator_without_compiling(tmp_path, bundle) -> None:
    bundle_file = tmp_path / "calculators.zip"
    bundle_file.write_bytes(build_bundle(load_content()).data)
    done = subprocess.run(
        [
            shutil.which("node") or "node",
            "--input-type=module",
            "-e",
            IMPORT_ALL,
            str(vendored(PYODIDE)),
            str(bundle_file),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert "runtime" in found["modules"] and len(found["modules"]) > 10
    assert found["compiled"] == []


def test_compiling_again_gives_the_same_bytes() -> None:
    sources = {"calculators/__init__.py": b"", "calculators/a.py": b"def f(x):\n    return x + 1\n"}
    first, second = _compile(sources), _compile(sources)
    assert first == second
    assert sorted(first) == [
        f"calculators/__pycache__/{name}.cpython-{PYODIDE.version[:3]}.pyc"
        for name in ("__init__", "a")
    ]


def test_a_source_that_does_not_compile_stops_the_build() -> None:
    with pytest.raises(BytecodeError, match=r"(?s)calculators/bad\.py.*line 1.*SyntaxError"):
        _compile({"calculators/bad.py": b"def broken(:\n"})
