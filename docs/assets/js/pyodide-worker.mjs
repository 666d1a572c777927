// Runs Python (Pyodide) off the main thread so the page stays responsive while it starts.
// It starts Python the moment it is loaded. Messages in: {type: "call", id, request}.
// Messages out: {type: "progress", stage, percent}, {type: "ready", ms, snapshot},
//               {type: "result", id, response}, {type: "failed", message}.

// Imported beside Pyodide, not before this module runs: one fewer round trip before the start.
const snapshots = import("./pyodide-snapshot.mjs");
// Where Pyodide and the calculators are, from the site's root: {pyodide, bundle}. The build
// writes them in (sitebuild/fill_in.py): a first message from the page would reach the worker
// only once the page's main thread is free, and on a first visit it is busy for ≈0.3 s.
const SITE_PATHS = null;
const SITE_ROOT = new URL("../../", import.meta.url);
const EXTRACT_DIR = "/home/pyodide/guide";
const SETTLE_DELAY_MS = 3000;
const SETTLE_AFTER_ANSWER_MS = 1000;
// Work that would slow Python's start, done a moment after its first answer (time for the page
// to show it: ≈25 ms quicker on two cores), or a while after it is ready if nobody asks: saving
// the snapshot, and telling the page's deferred search worker (search-later.js) to build its
// index.
const whenSettled = [announceSettled];

function announceSettled() {
  const channel = new BroadcastChannel("samskaping-guide:python");
  channel.postMessage("settled");
  channel.close();
}

function settle() {
  for (const work of whenSettled.splice(0)) work();
}

function progress(stage, percent) {
  self.postMessage({ type: "progress", stage, percent });
}

async function fetchBundle(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${url}`);
  return response.arrayBuffer();
}

async function startPython(pyodideURL) {
  // A repeat visit starts from the snapshot the first visit saved; the first visit saves one.
  const [{ loadPyodide }, { saveSnapshot, dropSnapshot }, snapshot] = await Promise.all([
    import(new URL("pyodide.mjs", pyodideURL).href),
    snapshots,
    snapshots.then(({ loadSnapshot }) => loadSnapshot(pyodideURL)),
  ]);
  progress("start", 40);
  const options = {
    indexURL: pyodideURL,
    lockFileURL: new URL("pyodide-lock.json", pyodideURL).href,
    stdout: () => {},
  };
  if (snapshot) {
    try {
      return { pyodide: await loadPyodide({ ...options, _loadSnapshot: snapshot }), snapshot: true };
    } catch {
      await dropSnapshot();
    }
  }
  const pyodide = await loadPyodide({ ...options, _makeSnapshot: true });
  const bytes = pyodide.makeMemorySnapshot(); // must be taken before any other Python runs
  whenSettled.push(() => saveSnapshot(pyodideURL, bytes));
  return { pyodide, snapshot: false };
}

async function boot(pyodideURL, bundleURL) {
  const started = performance.now();
  progress("download", 10);
  const bundle = fetchBundle(bundleURL);
  const { pyodide, snapshot } = await startPython(pyodideURL);
  progress("calculators", 85);
  pyodide.unpackArchive(await bundle, "zip", { extractDir: EXTRACT_DIR });
  // The standard library modules the calculators use, as bytecode (sitebuild/bytecode.py).
  pyodide.runPython(`import sys\nsys.path[:0] = ["${EXTRACT_DIR}", "${EXTRACT_DIR}/stdlib-bytecode"]`);
  const run = pyodide.pyimport("calculators.runtime").run;
  run(JSON.stringify({ tool: "", action: "warm-up" })); // loads the model now, so the first answer is quick
  self.postMessage({ type: "ready", ms: performance.now() - started, snapshot });
  setTimeout(settle, SETTLE_DELAY_MS);
  return run;
}

const ready = boot(new URL(SITE_PATHS.pyodide, SITE_ROOT).href, new URL(SITE_PATHS.bundle, SITE_ROOT).href);
ready.catch((error) => self.postMessage({ type: "failed", message: String(error.message || error) }));

self.onmessage = async ({ data }) => {
  if (data.type !== "call") return;
  let response;
  try {
    const run = await ready;
    response = JSON.parse(run(JSON.stringify(data.request)));
  } catch (error) {
    response = { ok: false, message: String(error.message || error) };
  }
  self.postMessage({ type: "result", id: data.id, response });
  setTimeout(settle, SETTLE_AFTER_ANSWER_MS);
};
