// The page's side of the Python worker: one module worker per tab, which python-start.js started
// in the page's head. Requests are answered in order. Status messages (progress, ready, failed)
// go to listeners, and the last one is replayed to a listener that arrives late.

let worker = null;
let nextId = 0;
let lastStatus = null;
const waiting = new Map();
const listeners = new Set();

function setStatus(status) {
  lastStatus = status;
  listeners.forEach((listener) => listener(status));
}

function onMessage({ data }) {
  if (data.type !== "result") return setStatus(data);
  waiting.get(data.id)?.(data.response);
  waiting.delete(data.id);
}

function onError(event) {
  setStatus({ type: "failed", message: event.message }); // may be empty: the page words it
}

// Takes over the worker python-start.js started, with the messages it kept meanwhile.
export function connectPython() {
  if (worker) return;
  const started = window.guidePython;
  if (!started) return onError({});
  worker = started.worker;
  worker.onmessage = onMessage;
  worker.onerror = onError;
  for (const event of started.events.splice(0)) (event.type === "error" ? onError : onMessage)(event);
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
