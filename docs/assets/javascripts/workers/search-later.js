// Material's search worker, started later: calculator pages use this one instead
// (sitebuild/search_later.py). Building the search index takes ≈0.3 s of CPU as the page opens,
// and on a two-core PC that time comes out of Python's start. So the index is built once the
// Python worker says it has answered (pyodide-worker.mjs, on a BroadcastChannel) or once the
// reader searches, whichever comes first. Meanwhile Material is told the search is ready, and a
// query is answered as soon as the index is built.

const MATERIAL_WORKER = null; // Material's worker beside this file; the build writes its name in
const SETUP = 0; // Material's message types
const READY = 1;
const QUERY = 2;

const held = []; // the setup message, then any queries, in order
let settled = false; // Python has answered
let toldReady = false; // Material was told "ready" before the index was built
let started = false;

const postToPage = self.postMessage.bind(self);

function replay(messages) {
  for (const data of messages) self.dispatchEvent(new MessageEvent("message", { data }));
}

function start() {
  started = true;
  python?.close();
  const [setup, ...queries] = held.splice(0);
  // Once Material heard "ready", the index's own "ready" releases the queries held instead.
  self.postMessage = (message) =>
    message?.type === READY && toldReady ? replay(queries) : postToPage(message);
  importScripts(MATERIAL_WORKER);
  replay([setup]);
}

addEventListener("message", ({ data }) => {
  if (started) return; // Material's own listener answers
  held.push(data);
  if (settled || (data?.type === QUERY && data.data)) return start(); // the reader searches
  if (data?.type !== SETUP) return; // Material asks for "" once it hears "ready"
  toldReady = true;
  postToPage({ type: READY });
});

// The channel's name is spelled once, in a module; a classic worker imports one with import().
// Python says "settled" no sooner than a moment after it is ready, long after this has run.
let python = null;
import("../../js/storage-keys.js").then(({ PYTHON_CHANNEL }) => {
  if (started) return;
  python = new BroadcastChannel(PYTHON_CHANNEL);
  python.onmessage = ({ data }) => {
    if (data !== "settled" || started) return;
    settled = true;
    if (held.length) start();
  };
});
