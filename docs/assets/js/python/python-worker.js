// @ts-check
// The page's side of the Python worker: one module worker per tab, which python-start.js started
// in the page's head. Requests are answered in order. Status messages (progress, ready, failed)
// go to listeners, and the last one is replayed to a listener that arrives late. The messages:
// messages.js.

/** @typedef {import("./messages.js").Request} Request */
/** @typedef {import("./messages.js").Response} Response */
/** @typedef {import("./messages.js").Status} Status */
/** @typedef {import("./messages.js").Result} Result */

/** @type {Worker | null} */
let worker = null;
let nextId = 0;
/** @type {Status | null} */
let lastStatus = null;
/** @type {Map<number, (response: Response) => void>} */
const waiting = new Map();
/** @type {Set<(status: Status) => void>} */
const listeners = new Set();

/** @param {Status} status */
function setStatus(status) {
  lastStatus = status;
  listeners.forEach((listener) => listener(status));
}

/** @param {MessageEvent<Status | Result>} event */
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
/** @param {Request} request @returns {Promise<Response>} */
export function callPython(request) {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    /** @type {import("./messages.js").Call} */
    const call = { type: "call", id, request };
    worker?.postMessage(call);
  });
}
