// The privacy page's "Delete all my data" button: removes everything this guide keeps in this
// browser, and nothing that belongs to another site or application on the same server.
//
// What belongs to the guide:
// - localStorage and sessionStorage keys starting "samskaping-guide:" (saved work);
// - the theme's own preferences for this site (Material keeps them under the site's path and a
//   dot, e.g. "/kommune/samskaping/.__palette" for the light/dark choice);
// - Cache Storage caches starting "samskaping-guide-" (an offline copy, when there is one);
// - service workers registered for this site's path.
// Caches and service workers only exist in secure contexts (https, localhost): elsewhere the
// browser has none to delete.

const ROOT = new URL("../../", import.meta.url);
const PREFIXES = Object.freeze({
  storage: "samskaping-guide:",
  theme: `${ROOT.pathname}.`,
  cache: "samskaping-guide-",
});
const MESSAGES = Object.freeze({
  confirm:
    "Delete everything this guide keeps in this browser, including saved work? " +
    "This cannot be undone.",
  done:
    "Done. Everything this guide kept in this browser is deleted. " +
    "Files you exported are not affected.",
  nothing: "There was nothing to delete: this guide keeps nothing in this browser now.",
  failed: "Not everything could be deleted",
});

function guideKeys(storage) {
  return Object.keys(storage).filter(
    (key) => key.startsWith(PREFIXES.storage) || key.startsWith(PREFIXES.theme),
  );
}

function clearStorage(storage) {
  const keys = guideKeys(storage);
  for (const key of keys) storage.removeItem(key);
  return keys.length;
}

async function clearCaches() {
  if (!globalThis.caches) return 0;
  const names = (await caches.keys()).filter((name) => name.startsWith(PREFIXES.cache));
  await Promise.all(names.map((name) => caches.delete(name)));
  return names.length;
}

async function unregisterServiceWorkers() {
  if (!navigator.serviceWorker) return 0;
  const mine = (await navigator.serviceWorker.getRegistrations()).filter((registration) =>
    registration.scope.startsWith(ROOT.href),
  );
  await Promise.all(mine.map((registration) => registration.unregister()));
  return mine.length;
}

async function deleteAll(status) {
  if (!window.confirm(MESSAGES.confirm)) return;
  status.textContent = "";
  try {
    const removed =
      clearStorage(localStorage) +
      clearStorage(sessionStorage) +
      (await clearCaches()) +
      (await unregisterServiceWorkers());
    status.textContent = removed ? MESSAGES.done : MESSAGES.nothing;
  } catch (error) {
    status.textContent =
      `${MESSAGES.failed}: ${error.message}. ` +
      "Your browser's settings can delete this site's data too.";
  }
}

function setupDeleteButtons() {
  for (const button of document.querySelectorAll("[data-guide-delete-data]")) {
    const status = document.getElementById(button.dataset.guideDeleteData);
    button.addEventListener("click", () => deleteAll(status));
    button.closest("[hidden]")?.removeAttribute("hidden");
  }
}

setupDeleteButtons();
