// The page's side of the Python worker: one module worker per tab, started on first use,
// answering requests in order. Status messages (progress, ready, failed) go to listeners,
// and the last one is replayed to a listener that arrives late.

let worker = null;
let nextId = 0;
let lastStatus = null;
const waiting = new Map();
const listeners = new Set();

export function startPython({ pyodideURL, bundleURL }) {
  if (worker) return;
  worker = new Worker(new URL("pyodide-worker.mjs", import.meta.url), { type: "module" });
  worker.onmessage = ({ data }) => {
    if (data.type === "result") {
      waiting.get(data.id)?.(data.response);
      waiting.delete(data.id);
      return;
    }
    lastStatus = data;
    listeners.forEach((listener) => listener(data));
  };
  worker.onerror = (event) => {
    lastStatus = { type: "failed", message: event.message }; // may be empty: the page words it
    listeners.forEach((listener) => listener(lastStatus));
  };
  worker.postMessage({ type: "init", pyodideURL, bundleURL });
}

export function onStatus(listener) {
  listeners.add(listener);
  if (lastStatus) listener(lastStatus);
  return () => listeners.delete(listener);
}

export function isReady() {
  return lastStatus?.type === "ready";
}

// Send one request to calculators.runtime.handle; resolves with its JSON response.
export function callPython(request) {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker.postMessage({ type: "call", id, request });
  });
}
