// Compiles Python to bytecode with the Pyodide the site ships, under Node.js: Pyodide's Python is
// newer than the build's, and only it writes bytecode it will read (sitebuild/bytecode.py says
// why). Usage: node compile_bytecode.mjs <pyodide folder> <folder>
// Every .py file under <folder> gets its unchecked-hash .pyc in __pycache__ beside it. Then
// <folder>/python_stdlib.zip is written: Pyodide's standard library zip with a .pyc beside the
// source of each module Pyodide imports at its start, and of each the modules in <folder> import
// (every one of them: <folder> holds only what ships, as sitebuild/bundle.py chose it). Pyodide
// ships its standard library as source only. Its files are stored, not compressed: Brotli over
// the whole zip makes it smaller on the way than compressing each file (2.6 MB against 3.9 MB),
// and Python reads them without unpacking.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideFolder, folder] = process.argv.slice(2);
const MOUNT = "/sources";
const STDLIB_OUT = "/out/python_stdlib.zip";

const { loadPyodide } = await import(pathToFileURL(join(pyodideFolder, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: `${pyodideFolder}/`, stdout: () => {} });
const sources = readdirSync(folder, { recursive: true }).filter((name) => name.endsWith(".py"));
for (const name of sources) {
  pyodide.FS.mkdirTree(dirname(join(MOUNT, name)));
  pyodide.FS.writeFile(join(MOUNT, name), new Uint8Array(readFileSync(join(folder, name))));
}
// [error, bytecode file] for each source; with no error, the standard library zip is written too.
const results = pyodide.runPython(`
import sys

at_start = {name: module for name, module in sys.modules.items()}  # before this script imports

import copy, importlib, importlib.util, pathlib, py_compile, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

MOUNT = pathlib.Path("${MOUNT}")
STDLIB = f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)

def compiled(source):
    try:
        return ["", py_compile.compile(str(source), doraise=True, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)]
    except py_compile.PyCompileError as error:
        return [error.msg.replace(f"{MOUNT}/", ""), ""]

def stdlib_entry(module):
    """The module's source in the standard library zip, if it was imported from there."""
    origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
    inside = origin.removeprefix(f"{STDLIB}/")
    return inside if inside != origin and inside.endswith(".py") else None

def module_name(source):
    """'calculators/core/words.py' → 'calculators.core.words'; a package by its __init__.py."""
    parts = source.relative_to(MOUNT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

def imported_by_sources(sources):
    before = set(sys.modules)
    sys.path.insert(0, str(MOUNT))
    for source in sources:
        importlib.import_module(module_name(source))
    return [sys.modules[name] for name in set(sys.modules) - before]

def write_stdlib(modules):
    wanted = sorted({entry for module in modules if (entry := stdlib_entry(module))})
    pathlib.Path("${STDLIB_OUT}").parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(STDLIB) as stock, zipfile.ZipFile("${STDLIB_OUT}", "w") as out:
        for info in stock.infolist():
            stored = copy.copy(info)  # writing sets the copy's place in the new zip
            stored.compress_type = zipfile.ZIP_STORED
            out.writestr(stored, stock.read(info))
        for entry in wanted:
            source = stock.read(entry)
            code = compile(source, f"{STDLIB}/{entry}", "exec", dont_inherit=True)
            info = zipfile.ZipInfo(entry.removesuffix(".py") + ".pyc", date_time=FIXED_TIME)
            out.writestr(info, bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False)))

sources = sorted(MOUNT.rglob("*.py"))
results = [compiled(source) for source in sources]
if not any(error for error, _ in results):
    write_stdlib([*at_start.values(), *imported_by_sources(sources)])
results
`).toJs();
const errors = results.map(([error]) => error).filter(Boolean);
if (errors.length) {
  console.error(errors.join("\n"));
  process.exit(1);
}
for (const [, bytecode] of results) {
  const target = join(folder, relative(MOUNT, bytecode));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, pyodide.FS.readFile(bytecode));
}
writeFileSync(join(folder, "python_stdlib.zip"), pyodide.FS.readFile(STDLIB_OUT));
