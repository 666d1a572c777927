// Runs Python (Pyodide) off the main thread so the page stays responsive while it starts.
// Messages in:  {type: "init", pyodideURL, bundleURL} once, then {type: "run", id, name, answers}.
// Messages out: {type: "progress", stage, percent}, {type: "ready", ms}, {type: "result", id, result},
//               {type: "failed", message}.

const EXTRACT_DIR = "/home/pyodide/guide";
let ready = null;

function progress(stage, percent) {
  self.postMessage({ type: "progress", stage, percent });
}

async function fetchBundle(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.arrayBuffer();
}

async function boot({ pyodideURL, bundleURL }) {
  const started = performance.now();
  progress("download", 10);
  const bundle = fetchBundle(bundleURL);
  const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideURL).href);
  progress("start", 40);
  const pyodide = await loadPyodide({
    indexURL: pyodideURL,
    lockFileURL: new URL("pyodide-lock.json", pyodideURL).href,
    stdout: () => {},
  });
  progress("calculators", 85);
  pyodide.unpackArchive(await bundle, "zip", { extractDir: EXTRACT_DIR });
  pyodide.runPython(`import sys\nsys.path.insert(0, "${EXTRACT_DIR}")`);
  const run = pyodide.pyimport("calculators.runtime").run;
  self.postMessage({ type: "ready", ms: performance.now() - started });
  return run;
}

self.onmessage = async ({ data }) => {
  if (data.type === "init") {
    ready = boot(data);
    ready.catch((error) => self.postMessage({ type: "failed", message: String(error.message || error) }));
    return;
  }
  if (data.type === "run") {
    try {
      const run = await ready;
      const result = JSON.parse(run(data.name, JSON.stringify(data.answers)));
      self.postMessage({ type: "result", id: data.id, result });
    } catch (error) {
      self.postMessage({ type: "result", id: data.id, result: { ok: false, errors: [{ field: "", message: String(error.message || error) }] } });
    }
  }
};
