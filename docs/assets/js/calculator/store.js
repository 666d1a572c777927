// @ts-check
// Where saved work lives: this browser's localStorage (autosave) and files the user downloads and
// opens (share links: share-links.js). Nothing here touches the page at import, so the naming and
// storage rules run under `node --test` (tests/js/) with any Storage handed in.

import { toolPrefix } from "../storage-keys.js";

export const MAX_PROJECTS = 30;
export const MAX_NAME_LENGTH = 80;

// The saved file's shape; the format and version come from the page (rendered from Python).
// `project` is the project's name: files and share links carry it, and so does each project
// kept in this browser.
export function envelope(form, data, project) {
  return {
    format: form.dataset.format,
    tool: form.dataset.calculator,
    version: Number(form.dataset.version),
    saved: new Date().toISOString(),
    project,
    data,
  };
}

// Why the browser would not keep something; `reason` is the key of the message that says so.
export class StorageProblem extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}

/** @typedef {Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">} KeyValueStorage */

// The page's localStorage, or null where the browser blocks it (merely reading the property then
// throws). Null reads as empty and refuses every write.
function pageStorage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** @param {KeyValueStorage | null} storage @param {string} key @param {unknown} value */
function write(storage, key, value) {
  try {
    if (storage === null) throw new Error("storage blocked");
    storage.setItem(key, JSON.stringify(value));
  } catch (error) {
    throw new StorageProblem(error?.name === "QuotaExceededError" ? "storage-full" : "storage-off");
  }
}

/** @param {string | null} text */
function parse(text) {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

/** @param {KeyValueStorage | null} storage @param {string} key */
function read(storage, key) {
  try {
    return parse(storage?.getItem(key) ?? null);
  } catch {
    return null;
  }
}

/** @param {KeyValueStorage | null} storage @param {string} key */
function remove(storage, key) {
  try {
    storage?.removeItem(key);
  } catch {
    // Storage is off: nothing was kept there to remove.
  }
}

/** @param {KeyValueStorage | null} storage */
function storedKeys(storage) {
  try {
    return storage ? Array.from({ length: storage.length }, (_, index) => storage.key(index)) : [];
  } catch {
    return [];
  }
}

// A project name is the user's own text: one line, trimmed, at most MAX_NAME_LENGTH characters.
export function tidyName(text) {
  const line = String(text ?? "").replace(/[\p{Cc}\p{Cf}\u2028\u2029\s]+/gu, " ").trim();
  return Array.from(line).slice(0, MAX_NAME_LENGTH).join("").trim();
}

// The name a stored or imported envelope gives its project ("" when it gives none).
export function nameOf(saved) {
  return typeof saved?.project === "string" ? tidyName(saved.project) : "";
}

// The project name in a saved file's text ("" when it has none or is not JSON to this parser).
export function nameIn(text) {
  return nameOf(parse(text));
}

// The saved answers (`data`) in a stored project's text; null when it holds none.
export function dataIn(text) {
  const data = parse(text)?.data;
  return data && typeof data === "object" ? data : null;
}

// JSON with every object's keys sorted: two states are the same when their canonical texts are.
function canonical(value) {
  return JSON.stringify(value, (_, part) =>
    part && typeof part === "object" && !Array.isArray(part)
      ? Object.fromEntries(Object.entries(part).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : part,
  );
}

export function sameValue(a, b) {
  return canonical(a) === canonical(b);
}

// One level of a three-way merge: each key takes the side that changed it since `base`; when
// both changed it differently, `remote` stands and the key is listed in `conflicts`.
function mergeRecords(base, local, remote, conflicts, prefix) {
  const merged = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(local), ...Object.keys(remote)])) {
    const [was, mine, theirs] = [base[key], local[key], remote[key]];
    const changedHere = !sameValue(mine, was);
    const changedThere = !sameValue(theirs, was);
    if (changedHere && changedThere && !sameValue(mine, theirs)) conflicts.push(prefix + key);
    const value = changedHere && !changedThere ? mine : theirs;
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

// Two tabs on one project: `local` is this tab's state, `remote` what another tab stored since
// this tab last read or wrote `base`. Answers merge one by one (the other parts of a state, such
// as imported participants, each as a whole), so an edit made in either tab survives; where both
// changed the same answer, the stored one stands and `conflicts` names it ("answers.title").
export function mergeStates(base, local, remote) {
  const conflicts = [];
  const split = ({ answers = {}, ...rest } = {}) => [answers, rest];
  const [[baseAnswers, baseRest], [localAnswers, localRest], [remoteAnswers, remoteRest]] = [base, local, remote].map(split);
  const answers = mergeRecords(baseAnswers, localAnswers, remoteAnswers, conflicts, "answers.");
  const rest = mergeRecords(baseRest, localRest, remoteRest, conflicts, "");
  return { state: { ...rest, answers }, conflicts };
}

// Projects in the order people read names ("Project 2" before "Project 10").
export function byName(a, b) {
  return a.name.localeCompare(b.name, undefined, { numeric: true }) || a.id.localeCompare(b.id);
}

function sameName(a, b) {
  return a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;
}

// Random, not a counter: two tabs creating projects at once must not pick the same id.
// (crypto.randomUUID needs a secure context; an intranet may serve plain http.)
function newId() {
  return Array.from(crypto.getRandomValues(new Uint8Array(6)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// One tool's projects in this browser. Each project is one saved envelope holding its name
// and answers, under `<prefix>tool:<tool>:project:<id>`, with a backup slot `…:previous`
// for "restore earlier answers"; `…:open` names the project used last. Writing a project is
// one setItem, so a full storage refuses it whole and the stored copy stays as it was.
export class ProjectStore {
  /** @param {string} tool @param {KeyValueStorage | null} storage */
  constructor(tool, storage = pageStorage()) {
    this.storage = storage;
    this.base = toolPrefix(tool);
    this.pattern = new RegExp(`^${this.base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}project:([0-9a-f]+)$`);
    this.names = new Map(); // id → name, of every project stored
    this.rescan();
  }

  rescan() {
    this.names.clear();
    for (const key of storedKeys(this.storage)) this.noteChange(key, undefined);
  }

  key(id, slot) {
    return `${this.base}project:${id}${slot === "previous" ? ":previous" : ""}`;
  }

  // Keep the list of names right when a project's key changed (here or in another tab).
  // `value` is the key's new text, null once removed, undefined to read it from storage.
  // Returns whether the key was one of this tool's projects.
  noteChange(key, value) {
    const id = this.idOf(key);
    if (!id) return false;
    const saved = value === undefined ? read(this.storage, key) : parse(value);
    if (saved === null) this.names.delete(id);
    else this.names.set(id, nameOf(saved) || id);
    return true;
  }

  // The id of the project stored under `key`; undefined for any other key.
  idOf(key) {
    return key?.match(this.pattern)?.[1];
  }

  list() {
    return [...this.names].map(([id, name]) => ({ id, name })).sort(byName);
  }

  has(id) {
    return this.names.has(id);
  }

  // `name`, or `name (2)`, `name (3)` … when another project (not `except`) has it already.
  unique(name, except = null) {
    const taken = (candidate) => [...this.names].some(([id, other]) => id !== except && sameName(other, candidate));
    for (let number = 1; ; number++) {
      const suffix = number === 1 ? "" : ` (${number})`;
      const candidate = Array.from(name).slice(0, MAX_NAME_LENGTH - suffix.length).join("").trim() + suffix;
      if (!taken(candidate)) return candidate;
    }
  }

  isTaken(name, except) {
    return this.unique(name, except) !== name;
  }

  // The stored text of a project, as written: two tabs compare it to see whether the other wrote.
  raw(id) {
    try {
      return this.storage?.getItem(this.key(id)) ?? null;
    } catch {
      return null;
    }
  }

  load(id, slot) {
    return read(this.storage, this.key(id, slot));
  }

  save(id, value, slot) {
    write(this.storage, this.key(id, slot), value);
    if (slot !== "previous") this.names.set(id, nameOf(value) || id);
  }

  // A new project holding `value` (an envelope); refused beyond MAX_PROJECTS.
  create(value) {
    if (this.names.size >= MAX_PROJECTS) throw new StorageProblem("project-limit");
    const id = newId();
    this.save(id, value);
    return id;
  }

  delete(id) {
    remove(this.storage, this.key(id));
    remove(this.storage, this.key(id, "previous"));
    this.names.delete(id);
  }

  lastOpen() {
    const id = read(this.storage, `${this.base}open`);
    return this.has(id) ? id : (this.list()[0]?.id ?? null);
  }

  // Remember which project to show after a reload; if the browser refuses, the first one shows.
  markOpen(id) {
    try {
      write(this.storage, `${this.base}open`, id);
    } catch {
      // Not worth troubling anyone about: every project is still kept.
    }
  }

  // Before projects, each tool kept one `…:current` envelope and its `…:previous`.
  legacy() {
    const saved = read(this.storage, `${this.base}current`);
    return saved?.data ? saved : null;
  }

  forgetLegacy() {
    remove(this.storage, `${this.base}current`);
    remove(this.storage, `${this.base}previous`);
  }

  // Move the old single-slot work, now `value` (an envelope with its project name), into a new
  // project with the old backup, and return its id. All or nothing: on a refusal
  // (StorageProblem) the old keys stay as they were, to be moved later.
  migrate(value) {
    const id = this.create(value);
    const previous = read(this.storage, `${this.base}previous`);
    try {
      if (previous?.data) this.save(id, previous, "previous");
    } catch (problem) {
      this.delete(id);
      throw problem;
    }
    this.forgetLegacy();
    return id;
  }
}

export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export const MAX_FILE_BYTES = 2_000_000;

export async function readFile(file) {
  if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name} is larger than 2 MB.`);
  return file.text();
}
