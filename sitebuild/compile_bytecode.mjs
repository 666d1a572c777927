// Compiles Python to bytecode with the Pyodide the site ships, under Node.js: Pyodide's Python is
// newer than the build's, and only it writes bytecode it will read (sitebuild/bytecode.py says
// why). Usage: node compile_bytecode.mjs <pyodide folder> <folder>
// Every .py file under <folder> gets its unchecked-hash .pyc in __pycache__ beside it. Then the
// standard library modules the packages there import (but for their command-line modules), beyond
// what Pyodide has loaded at its start, are compiled into <folder>/stdlib-bytecode/ (a package
// whole): Pyodide ships its standard library as source only.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideFolder, folder] = process.argv.slice(2);
const MOUNT = "/sources";

const { loadPyodide } = await import(pathToFileURL(join(pyodideFolder, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: `${pyodideFolder}/`, stdout: () => {} });
const sources = readdirSync(folder, { recursive: true }).filter((name) => name.endsWith(".py"));
for (const name of sources) {
  pyodide.FS.mkdirTree(dirname(join(MOUNT, name)));
  pyodide.FS.writeFile(join(MOUNT, name), new Uint8Array(readFileSync(join(folder, name))));
}
// [error, bytecode file] for each source, then for each standard library module imported.
const results = pyodide.runPython(`
import importlib, pathlib, pkgutil, py_compile, sys, zipfile

MOUNT = pathlib.Path("${MOUNT}")
STDLIB = pathlib.Path(f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip")
mode = py_compile.PycInvalidationMode.UNCHECKED_HASH

def compiled(source, target=None):
    try:
        return ["", py_compile.compile(str(source), str(target) if target else None, doraise=True, invalidation_mode=mode)]
    except py_compile.PyCompileError as error:
        return [error.msg.replace(f"{MOUNT}/", ""), ""]

results = [compiled(source) for source in sorted(MOUNT.rglob("*.py"))]
if not any(error for error, _ in results):
    loaded = set(sys.modules)
    sys.path.insert(0, str(MOUNT))
    for package in sorted(path.parent for path in MOUNT.glob("*/__init__.py")):
        for module in pkgutil.iter_modules([str(package)], f"{package.name}."):
            if not module.name.endswith(("__main__", "_cli")):  # the command line's, not the browser's
                importlib.import_module(module.name)
    imported = {name.partition(".")[0] for name in set(sys.modules) - loaded}
    wanted = [
        name for name in sorted(imported)
        if str(getattr(sys.modules[name], "__file__", "")).startswith(f"{STDLIB}/")
    ]
    with zipfile.ZipFile(STDLIB) as stdlib:
        for entry in sorted(stdlib.namelist()):
            top = entry.partition("/")[0].removesuffix(".py")
            if entry.endswith(".py") and top in wanted:
                source = pathlib.Path("/stdlib-sources") / entry
                source.parent.mkdir(parents=True, exist_ok=True)
                source.write_bytes(stdlib.read(entry))
                target = MOUNT / "stdlib-bytecode" / (entry.removesuffix(".py") + ".pyc")
                results.append(compiled(source, target))
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
