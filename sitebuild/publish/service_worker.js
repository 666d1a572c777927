// The guide's service worker: offline after the first visit, where the browser allows one
// (https, or http://localhost). The build puts `const RELEASE = {version, files}` above this
// code; a new release is a new sw.js, which the browser notices on the next visit.
//
// - install: every file of the release goes into the cache `samskaping-guide-<version>`, all or
//   nothing (if one fails, the previous release stays in charge);
// - activate (only once no page of the previous release is open, so no page ever mixes two
//   releases): caches of other releases are deleted;
// - fetch: a file of the release comes from its cache, anything else from the network.
//   Requests made with `cache: "no-store"` (the server self-check) always go to the server.

const PREFIX = "samskaping-guide-";
const CACHE = PREFIX + RELEASE.version;
const ROOT = new URL("./", self.location.href);
const URLS = new Set(RELEASE.files.map((path) => new URL(path, ROOT).href));

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...URLS])));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || request.cache === "no-store") return;
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  if (!URLS.has(url.href)) return;
  event.respondWith(
    (async () => (await (await caches.open(CACHE)).match(url.href)) || fetch(request))(),
  );
});
