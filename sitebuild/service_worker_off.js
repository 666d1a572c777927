// The guide's offline copy is switched off in this release (built with GUIDE_OFFLINE=false).
// A browser that installed an earlier service worker fetches this one on its next visit; it
// deletes the guide's caches and unregisters itself, so every file comes from the server again.

const PREFIX = "samskaping-guide-";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(PREFIX)).map((name) => caches.delete(name)));
      await self.registration.unregister();
    })(),
  );
});
