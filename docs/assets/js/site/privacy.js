// @ts-check
// The privacy page's "Delete all my data" button: removes everything this guide keeps in this
// browser, and nothing that belongs to another site or application on the same server.
//
// What belongs to the guide:
// - localStorage and sessionStorage keys starting "samskaping-guide:" (saved work);
// - the theme's own preferences for this site (Material keeps them under the site's path and a
//   dot, e.g. "/kommune/samskaping/.__palette" for the light/dark choice);
// - Cache Storage caches starting "samskaping-guide-" (an offline copy, when there is one);
// - service workers registered for this site's path;
// - IndexedDB databases starting "samskaping-guide-" (the snapshot of the started Python runtime).
// Caches and service workers only exist in secure contexts (https, localhost): elsewhere the
// browser has none to delete. The words (confirm, done, nothing, failed) come from the button's
// data attributes, written in the page's language; "{error}" in data-failed is the reason.

import { SITE_ROOT as ROOT } from "../paths.js";
import { STORAGE_PREFIX, DATABASE_PREFIX } from "../storage-keys.js";

const PREFIXES = Object.freeze({
  storage: STORAGE_PREFIX,
  theme: `${ROOT.pathname}.`,
  cache: DATABASE_PREFIX,
  database: DATABASE_PREFIX,
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

function deleteDatabase(name) {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = resolve;
    request.onerror = () => reject(request.error);
  });
}

async function deleteDatabases() {
  if (!globalThis.indexedDB?.databases) return 0;
  const names = (await indexedDB.databases()).map(({ name }) => name).filter((name) => name.startsWith(PREFIXES.database));
  await Promise.all(names.map(deleteDatabase));
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

async function deleteAll(button, status) {
  const words = button.dataset;
  if (!window.confirm(words.confirm)) return;
  status.textContent = "";
  try {
    const removed =
      clearStorage(localStorage) +
      clearStorage(sessionStorage) +
      (await clearCaches()) +
      (await deleteDatabases()) +
      (await unregisterServiceWorkers());
    status.textContent = removed ? words.done : words.nothing;
  } catch (error) {
    status.textContent = words.failed.replace("{error}", error.message);
  }
}

function setupDeleteButtons() {
  for (const button of document.querySelectorAll("[data-guide-delete-data]")) {
    const status = document.getElementById(button.dataset.guideDeleteData);
    button.addEventListener("click", () => deleteAll(button, status));
    button.closest("[hidden]")?.removeAttribute("hidden");
  }
}

setupDeleteButtons();
