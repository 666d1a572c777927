// Material's search worker, started only when the reader is about to search. Every page starts
// this one instead (sitebuild/search_later.py): Material starts its own worker as each page opens,
// and building the index costs CPU on every page load although most readers never search; on a
// calculator page that time would also come out of Python's start. So the index is built once
// the page says so (assets/js/site/search-later.js: the search field got focus, or on a
// calculator page Python has answered) or once a query arrives, whichever comes first.
// Meanwhile Material is told the search is ready, and a query is answered as soon as the index
// is built.

const MATERIAL_WORKER = null; // Material's worker beside this file; the build writes its name in
const SETUP = 0; // Material's message types
const READY = 1;
const QUERY = 2;

const held = []; // the setup message, then any queries, in order
let wanted = false; // the page said the reader is about to search
let toldReady = false; // Material was told "ready" before the index was built
let started = false;

const postToPage = self.postMessage.bind(self);

function replay(messages) {
  for (const data of messages) self.dispatchEvent(new MessageEvent("message", { data }));
}

function start() {
  started = true;
  page?.close();
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
  if (wanted || (data?.type === QUERY && data.data)) return start(); // the reader searches
  if (data?.type !== SETUP) return; // Material asks for "" once it hears "ready"
  toldReady = true;
  postToPage({ type: READY });
});

// The page names a channel only it and this worker share in this script's URL fragment (a
// BroadcastChannel reaches every tab of the site). The channel's prefix is spelled once, in a
// module; a classic worker imports one with import(). The page may have spoken before this end
// was open, so this end says it listens and the page says it again.
let page = null;
const pageName = decodeURIComponent(self.location.hash.slice(1));
if (pageName) {
  import("../../js/storage-keys.js").then(({ SEARCH_CHANNEL }) => {
    if (started) return;
    page = new BroadcastChannel(SEARCH_CHANNEL + pageName);
    page.onmessage = ({ data }) => {
      if (data !== "build" || started) return;
      wanted = true;
      if (held.length) start();
    };
    page.postMessage("listening");
  });
}
