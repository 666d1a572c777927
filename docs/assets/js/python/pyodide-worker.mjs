// @ts-check
// Runs Python (Pyodide) off the main thread so the page stays responsive while it starts.
// It starts Python the moment it is loaded. The messages in and out: messages.js.

/** @typedef {import("./messages.js").Call} Call */
/** @typedef {import("./messages.js").Result} Result */
/** @typedef {import("./messages.js").Status} Status */
/** @typedef {import("./messages.js").Response} Response */

import { SITE_ROOT } from "../paths.js";
import { PYTHON_CHANNEL } from "../storage-keys.js";

// Imported beside Pyodide, not before this module runs: one fewer round trip before the start.
const snapshots = import("./pyodide-snapshot.mjs");
// Where Pyodide, its standard library with bytecode (sitebuild/bytecode.py) and the calculators
// are, from the site's root: {pyodide, stdlib, bundle}. The build writes them in
// (sitebuild/fill_in.py): a first message from the page would reach the worker only once the
// page's main thread is free, and on a first visit it is busy for ≈0.3 s.
const SITE_PATHS = null;
const EXTRACT_DIR = "/home/pyodide/guide";
const SETTLE_DELAY_MS = 3000;
const SETTLE_AFTER_ANSWER_MS = 1000;
// Work that would slow Python's start, done a moment after its first answer (time for the page
// to show it: ≈25 ms quicker on two cores), or a while after it is ready if nobody asks: saving
// the snapshot, and telling the page (site/search-later.js) that its deferred search worker may
// build its index.
const whenSettled = [announceSettled];

function announceSettled() {
  const channel = new BroadcastChannel(PYTHON_CHANNEL);
  channel.postMessage("settled");
  channel.close();
}

function settle() {
  for (const work of whenSettled.splice(0)) work();
}

/** @param {Status | Result} message */
function tell(message) {
  self.postMessage(message);
}

/** @param {import("./messages.js").Progress["stage"]} stage @param {number} percent */
function progress(stage, percent) {
  tell({ type: "progress", stage, percent });
}

async function fetchBundle(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${url}`);
  return new Uint8Array(await response.arrayBuffer());
}

// The calculators zip stores its files uncompressed (sitebuild/bundle.py), each right after its
// local header, so they are written straight into Python's file system while Pyodide starts:
// unpacking the zip with Python once it is up took ≈40 ms of the wait for the first answer.
function writeBundle(FS, zip) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const names = new TextDecoder();
  let at = 0;
  while (at + 30 <= zip.length && view.getUint32(at, true) === 0x04034b50) {
    const flags = view.getUint16(at + 6, true);
    const stored = view.getUint16(at + 8, true) === 0;
    const size = view.getUint32(at + 18, true);
    const nameEnd = at + 30 + view.getUint16(at + 26, true);
    const name = names.decode(zip.subarray(at + 30, nameEnd));
    if (!stored || flags & 0x8) throw new Error(`the calculators zip does not store ${name} plainly`);
    const start = nameEnd + view.getUint16(at + 28, true);
    const path = `${EXTRACT_DIR}/${name}`;
    FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    if (!name.endsWith("/")) FS.writeFile(path, zip.subarray(start, start + size));
    at = start + size;
  }
  if (at === 0) throw new Error("the calculators zip is damaged");
}

async function startPython(pyodideURL, stdLibURL, bundle) {
  // A repeat visit starts from the snapshot the first visit saved; the first visit saves one.
  const [{ loadPyodide }, { saveSnapshot, dropSnapshot }, snapshot] = await Promise.all([
    import(new URL("pyodide.mjs", pyodideURL).href),
    snapshots,
    snapshots.then(({ loadSnapshot }) => loadSnapshot(stdLibURL)),
  ]);
  progress("start", 40);
  const options = {
    indexURL: pyodideURL,
    lockFileURL: new URL("pyodide-lock.json", pyodideURL).href,
    stdLibURL,
    stdout: () => {},
    fsInit: async (FS) => writeBundle(FS, await bundle),
  };
  if (snapshot) {
    try {
      return { pyodide: await loadPyodide({ ...options, _loadSnapshot: snapshot }), snapshot: true };
    } catch {
      await bundle; // a bundle that did not come is the failure, not the snapshot
      await dropSnapshot();
    }
  }
  const pyodide = await loadPyodide({ ...options, _makeSnapshot: true });
  const bytes = pyodide.makeMemorySnapshot(); // must be taken before any other Python runs
  whenSettled.push(() => saveSnapshot(stdLibURL, bytes));
  return { pyodide, snapshot: false };
}

async function boot({ pyodide: pyodideURL, stdlib, bundle }) {
  const started = performance.now();
  progress("download", 10);
  const { pyodide, snapshot } = await startPython(pyodideURL, stdlib, fetchBundle(bundle));
  progress("calculators", 85);
  pyodide.runPython(`import sys\nsys.path.insert(0, "${EXTRACT_DIR}")`);
  const run = pyodide.pyimport("calculators.runtime").run;
  run(JSON.stringify({ action: "warm-up" })); // loads the model now, so the first answer is quick
  tell({ type: "ready", ms: performance.now() - started, snapshot });
  setTimeout(settle, SETTLE_DELAY_MS);
  return run;
}

const ready = boot(
  Object.fromEntries(Object.entries(SITE_PATHS).map(([name, path]) => [name, new URL(path, SITE_ROOT).href])),
);
ready.catch((error) => tell({ type: "failed", message: String(error.message || error) }));

self.onmessage = async (/** @type {MessageEvent<Call>} */ { data }) => {
  if (data.type !== "call") return;
  /** @type {Response} */
  let response;
  try {
    const run = await ready;
    response = JSON.parse(run(JSON.stringify(data.request)));
  } catch (error) {
    response = { ok: false, message: String(error.message || error) };
  }
  tell({ type: "result", id: data.id, response });
  setTimeout(settle, SETTLE_AFTER_ANSWER_MS);
};
