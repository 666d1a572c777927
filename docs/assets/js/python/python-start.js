// Calculator pages only (the theme's head adds it): starts the Python worker the moment the page
// begins to load. A classic script in the head runs at once; the calculator's modules run only
// once the browser has read the whole page, ≈0.3–0.5 s later on a long form, and on a first
// visit Pyodide's download and start-up are most of the wait. The worker knows where Pyodide is
// and starts by itself. Until python-worker.js takes it over, its messages and errors are kept
// here in order.
(() => {
  const worker = new Worker(new URL("pyodide-worker.mjs", document.currentScript.src), { type: "module" });
  const events = [];
  worker.onmessage = worker.onerror = (event) => events.push(event);
  window.guidePython = { worker, events };
})();
