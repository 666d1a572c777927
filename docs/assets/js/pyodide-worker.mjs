// Runs Python (Pyodide) off the main thread so the page stays responsive while it starts.
// Messages in:  {type: "init", pyodideURL, bundleURL} once, then {type: "call", id, request}.
// Messages out: {type: "progress", stage, percent}, {type: "ready", ms},
//               {type: "result", id, response}, {type: "failed", message}.

const EXTRACT_DIR = "/home/pyodide/guide";
let ready = null;

function progress(stage, percent) {
  self.postMessage({ type: "progress", stage, percent });
}

async function fetchBundle(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${url}`);
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
  run(JSON.stringify({ tool: "", action: "warm-up" })); // loads the model now, so the first answer is quick
  self.postMessage({ type: "ready", ms: performance.now() - started });
  return run;
}

self.onmessage = async ({ data }) => {
  if (data.type === "init") {
    ready = boot(data);
    ready.catch((error) => self.postMessage({ type: "failed", message: String(error.message || error) }));
    return;
  }
  if (data.type === "call") {
    let response;
    try {
      const run = await ready;
      response = JSON.parse(run(JSON.stringify(data.request)));
    } catch (error) {
      response = { ok: false, message: String(error.message || error) };
    }
    self.postMessage({ type: "result", id: data.id, response });
  }
};
