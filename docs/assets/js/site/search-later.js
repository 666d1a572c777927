// @ts-check
// The page's half of the deferred search index (workers/search-later.js holds Material's worker
// back): it tells that worker to build the index when the reader shows they will search (the
// search field gets focus: the search icon, "/", "s" or "f", a click into it), so the index is
// usually built by the first keystroke; on a calculator page also once Python has answered.
//
// A classic script placed between the theme's configuration and its bundle (overrides/main.html):
// Material reads the worker's URL from the configuration as the bundle starts. This adds a random
// fragment to that URL, the name of a BroadcastChannel that only this page and its worker share:
// a channel reaches every tab of the site, and one tab's search must not build the index in the
// others. A fragment is not sent to the server (nor matched by the service worker): no new request.
(() => {
  const config = document.getElementById("__config");
  const settings = config && JSON.parse(config.textContent || "{}");
  if (!config || !settings.search?.endsWith("/search-later.js")) return; // Material's own worker
  const pageName = Array.from(crypto.getRandomValues(new Uint32Array(2)), (n) =>
    n.toString(36),
  ).join("");
  settings.search += `#${pageName}`;
  config.textContent = JSON.stringify(settings);

  let wanted = false;
  /** @type {BroadcastChannel | null} */
  let worker = null;
  function build() {
    wanted = true;
    worker?.postMessage("build");
  }
  document
    .querySelector('[data-md-component="search-query"]')
    ?.addEventListener("focus", build, { once: true });

  // The channels' names are spelled once, in a module (already loaded by the page's modules).
  import("../storage-keys.js").then(({ SEARCH_CHANNEL, PYTHON_CHANNEL }) => {
    const channel = new BroadcastChannel(SEARCH_CHANNEL + pageName);
    worker = channel;
    // The worker opens its end when it has started; it says so, and hears what it missed.
    channel.onmessage = () => wanted && channel.postMessage("build");
    if (wanted) build();
    if (!document.querySelector("[data-calculator]")) return;
    // Python says "settled" a moment after its first answer, long after this has run.
    const python = new BroadcastChannel(PYTHON_CHANNEL);
    python.onmessage = ({ data }) => {
      if (data !== "settled") return;
      python.close();
      build();
    };
  });
})();
