// The calculators' unit tests under the Pyodide the site ships, in Node.js (tests/pyodide/__main__.py
// prepares what it needs and says why this is not pytest-pyodide).
// Usage: node run.mjs <pyodide folder> <standard library zip> <model JSON> <hypothesis wheel>
//          <site-packages> <checkout> [pytest arguments...]
// Python sees the checkout's calculators/, tests/ and macros/ (whose forms the tests read)
// (mounted, read-only in spirit: no bytecode is written), pytest and its plugins from the
// CPython virtualenv's site-packages (pure Python), and the model JSON where calculators.core.tool.MODEL_FILE looks for it, as in the browser.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideFolder, stdlib, model, wheel, sitePackages, checkout, ...args] = process.argv.slice(2);
const ROOT = "/guide";

const { loadPyodide } = await import(pathToFileURL(join(pyodideFolder, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: `${pyodideFolder}/`, stdLibURL: stdlib, env: { HOME: "/home/pyodide" } });
const { FS } = pyodide;
for (const name of ["calculators", "macros", "tests"]) {
  FS.mkdirTree(`${ROOT}/${name}`);
  FS.mount(FS.filesystems.NODEFS, { root: join(checkout, name) }, `${ROOT}/${name}`);
}
FS.writeFile(`${ROOT}/pyproject.toml`, readFileSync(join(checkout, "pyproject.toml")));
FS.writeFile(`${ROOT}/guide_model.json`, readFileSync(model));
FS.mkdirTree("/site-packages");
FS.mount(FS.filesystems.NODEFS, { root: sitePackages }, "/site-packages");
const wheelPath = `/wheels/${wheel.split("/").pop()}`;
FS.mkdirTree("/wheels");
FS.writeFile(wheelPath, readFileSync(wheel));

pyodide.globals.set("pytest_args", pyodide.toPy(args));
const status = pyodide.runPython(`
import os, sys
sys.dont_write_bytecode = True  # the checkout is CPython's; pytest's rewrite cache follows this too
sys.path[:0] = ["${wheelPath}", "${ROOT}", "/site-packages"]  # the pure hypothesis before the venv's
os.chdir("${ROOT}")
import pytest
int(pytest.main(list(pytest_args)))
`);
process.exit(status);
