// The guide's offline copy is switched off in this release (built with GUIDE_OFFLINE=false).
// A browser that installed an earlier service worker fetches this one on its next visit; it
// deletes the guide's caches, unregisters itself and reloads the guide's open pages, so every
// file comes from the server again.

const PREFIX = "samskaping-guide-";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(PREFIX)).map((name) => caches.delete(name)));
      await self.registration.unregister();
      const pages = await self.clients.matchAll({ type: "window" });
      await Promise.all(pages.map((page) => page.navigate(page.url)));
    })(),
  );
});
