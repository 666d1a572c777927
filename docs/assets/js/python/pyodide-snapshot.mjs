// @ts-check
// A memory snapshot of freshly started Python, kept in the browser's IndexedDB.
// Why: a module worker's repeat visit spends ≈1.5 s re-running Python's own start-up even when every
// file comes from the HTTP cache; starting from the snapshot takes ≈0.3 s. The snapshot is taken
// before any calculator runs, so it holds no answers. It is keyed by the URL of the standard library
// zip, which carries the Pyodide version and the zip's content hash: the snapshot remembers where
// each module lies in that zip. It is replaced, not added to, when that changes. Every failure here
// is silent: the worker then simply starts Python the ordinary way.

import { SNAPSHOT_DATABASE as DATABASE } from "../storage-keys.js";

const STORE = "snapshots";
const RECORD = "pyodide";

function openDatabase() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function transact(mode, work) {
  const database = await openDatabase();
  try {
    return await new Promise((resolve, reject) => {
      const transaction = database.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    database.close();
  }
}

/** The snapshot saved under `key`, or undefined. */
export async function loadSnapshot(key) {
  try {
    const record = await transact("readonly", (store) => store.get(RECORD));
    return record?.key === key ? record.bytes : undefined;
  } catch {
    return undefined;
  }
}

/** Keep `bytes` as the snapshot under `key` (replacing any older one). */
export async function saveSnapshot(key, bytes) {
  try {
    await transact("readwrite", (store) => store.put({ key, bytes }, RECORD));
  } catch {
    // Storage full or IndexedDB unavailable: the next visit starts the ordinary way.
  }
}

/** Forget the snapshot (it failed to start). */
export async function dropSnapshot() {
  try {
    await transact("readwrite", (store) => store.delete(RECORD));
  } catch {
    // Nothing stored, nothing to forget.
  }
}
