"""The calculators zip and the standard library zip carry bytecode that Pyodide's own Python reads
instead of compiling.

Checked with the real Pyodide under Node.js, as the build makes the bytecode.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from io import BytesIO

import pytest

from sitebuild.bundle import Bundles, build_bundles
from sitebuild.bytecode import STDLIB, BytecodeError, _compile
from sitebuild.npm import PYODIDE, vendored
from tests.support.content import guide_model

# Starts Pyodide with the site's standard library zip, writes the calculators' files into its file
# system and sets sys.path as the worker does, then imports every calculator module the zip
# ships (those the browser may import). Lists the modules Python compiled from source: calculator
# files, counted as they compile, and standard library modules (at Pyodide's start too), known by
# their origin: the source, not the bytecode.
IMPORT_ALL = """
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
const [pyodideFolder, stdLibURL, folder] = process.argv.slice(1);
const { loadPyodide } = await import(`${pyodideFolder}/pyodide.mjs`);
const pyodide = await loadPyodide({ indexURL: `${pyodideFolder}/`, stdLibURL, stdout: () => {} });
for (const file of readdirSync(folder, { recursive: true, withFileTypes: true })) {
  if (!file.isFile()) continue;
  const path = join(file.parentPath, file.name);
  const target = join("/guide", path.slice(folder.length));
  pyodide.FS.mkdirTree(dirname(target));
  pyodide.FS.writeFile(target, new Uint8Array(readFileSync(path)));
}
console.log(pyodide.runPython(`
import importlib, importlib.machinery, json, pathlib, sys
compiled = []
source_to_code = importlib.machinery.SourceFileLoader.source_to_code
def file_compiled(self, data, path, *rest, **options):
    compiled.append(str(path))
    return source_to_code(self, data, path, *rest, **options)
importlib.machinery.SourceFileLoader.source_to_code = file_compiled
sys.path.insert(0, "/guide")
root = pathlib.Path("/guide")
modules = sorted(
    ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
    for path in root.glob("calculators/**/*.py")
)
for name in modules:
    importlib.import_module(name)
stdlib = f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip/"
origins = [getattr(module.__spec__, "origin", None) or "" for module in sys.modules.values()]
compiled += sorted(path for path in origins if path.startswith(stdlib) and path.endswith(".py"))
json.dumps({"modules": modules, "loaded": len(sys.modules), "compiled": compiled})
`));
"""


@pytest.fixture(scope="module")
def bundles() -> Bundles:
    return build_bundles(guide_model())


@pytest.fixture(scope="module")
def bundle(bundles: Bundles) -> zipfile.ZipFile:
    return zipfile.ZipFile(BytesIO(bundles.calculators.data))


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


def test_pyodide_starts_and_imports_every_calculator_without_compiling(
    tmp_path, bundles: Bundles, bundle: zipfile.ZipFile
) -> None:
    stdlib_file, folder = tmp_path / "python_stdlib.zip", tmp_path / "guide"
    stdlib_file.write_bytes(bundles.stdlib.data)
    bundle.extractall(folder)
    done = subprocess.run(
        [
            shutil.which("node") or "node",
            "--input-type=module",
            "-e",
            IMPORT_ALL,
            str(vendored(PYODIDE)),
            str(stdlib_file),
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert "calculators.runtime" in found["modules"] and len(found["modules"]) > 10
    assert "calculators.matrix.score" in found["modules"]  # sub-packages ship too
    assert not [name for name in found["modules"] if name.endswith((".cli", ".__main__"))]
    assert found["loaded"] > 200  # Pyodide's own start, the calculators and what they import
    assert found["compiled"] == []


def test_the_standard_library_keeps_every_source_and_adds_bytecode(bundles: Bundles) -> None:
    stock = zipfile.ZipFile(vendored(PYODIDE) / STDLIB)
    shipped = zipfile.ZipFile(BytesIO(bundles.stdlib.data))
    added = set(shipped.namelist()) - set(stock.namelist())
    assert set(stock.namelist()) <= set(shipped.namelist())
    for name in stock.namelist():
        assert shipped.read(name) == stock.read(name), name
    assert {"asyncio/__init__.pyc", "typing.pyc", "statistics.pyc", "html/entities.pyc"} <= added
    for name in added:
        assert name.endswith(".pyc") and name.removesuffix("c") in stock.namelist(), name
        flags = int.from_bytes(shipped.read(name)[4:8], "little")
        assert flags == 0b01, name  # hash-based, source not checked (PEP 552)


def test_compiling_again_gives_the_same_bytes() -> None:
    sources = {"calculators/__init__.py": b"", "calculators/a.py": b"def f(x):\n    return x + 1\n"}
    first, second = _compile(sources), _compile(sources)
    assert first == second
    assert sorted(first.calculators) == [
        f"calculators/__pycache__/{name}.cpython-{PYODIDE.version[:3]}.pyc"
        for name in ("__init__", "a")
    ]


def test_a_source_that_does_not_compile_stops_the_build() -> None:
    with pytest.raises(BytecodeError, match=r"(?s)calculators/bad\.py.*line 1.*SyntaxError"):
        _compile({"calculators/bad.py": b"def broken(:\n"})
