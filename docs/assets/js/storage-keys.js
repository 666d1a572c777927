// @ts-check
// Every name under which the guide keeps something in the browser, spelled once. These names are
// what a reader's browser already holds: changing one loses their saved work or choices.
// (Two places cannot import this module and spell their name themselves: the service worker
// written by sitebuild/offline.py names its caches "samskaping-guide-<release>", and Material
// keeps the theme's own preferences under the site's path; site/privacy.js deletes both.)

/** localStorage and sessionStorage keys of the guide all start with this. */
export const STORAGE_PREFIX = "samskaping-guide:";

/** The reader's language, e.g. "nb" (site/language.js). */
export const LANGUAGE_KEY = `${STORAGE_PREFIX}language`;

/** A checklist's ticks: `${CHECKLIST_PREFIX}<id>` (site/checklists.js). */
export const CHECKLIST_PREFIX = `${STORAGE_PREFIX}checklist:`;

/** One tool's keys: `${toolPrefix(tool)}project:<id>`, `…open` and more (calculator/store.js). */
export function toolPrefix(/** @type {string} */ tool) {
  return `${STORAGE_PREFIX}tool:${tool}:`;
}

/** The BroadcastChannel on which the Python worker says it has settled (site/search-later.js). */
export const PYTHON_CHANNEL = `${STORAGE_PREFIX}python`;

/** One page's channel to its search worker: `${SEARCH_CHANNEL}<random>` (site/search-later.js). */
export const SEARCH_CHANNEL = `${STORAGE_PREFIX}search:`;

/** Cache Storage caches and IndexedDB databases of the guide all start with this. */
export const DATABASE_PREFIX = "samskaping-guide-";

/** The IndexedDB database holding the started Python runtime (python/pyodide-snapshot.mjs). */
export const SNAPSHOT_DATABASE = `${DATABASE_PREFIX}python`;
