// Where saved work lives: this browser's localStorage (autosave), files the user downloads and
// opens, and share links that carry the state in the URL fragment (never sent to a server).

export const STORAGE_PREFIX = "samskaping-guide:";
const SHARE_KEY = "share";

function storageKey(tool, slot = "current") {
  return `${STORAGE_PREFIX}tool:${tool}:${slot}`;
}

// The saved file's shape; the format and version come from the page (rendered from Python).
export function envelope(form, data) {
  return {
    format: form.dataset.format,
    tool: form.dataset.calculator,
    version: Number(form.dataset.version),
    saved: new Date().toISOString(),
    data,
  };
}

// Returns false when the browser refuses (private mode, storage full): the caller says so.
export function saveLocal(tool, value, slot) {
  try {
    localStorage.setItem(storageKey(tool, slot), JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function loadLocal(tool, slot) {
  try {
    const text = localStorage.getItem(storageKey(tool, slot));
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

function toBase64URL(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64URL(encoded) {
  const binary = atob(encoded.replaceAll("-", "+").replaceAll("_", "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

export function shareLink(value) {
  const url = new URL(location.href);
  url.hash = `${SHARE_KEY}=${toBase64URL(JSON.stringify(value))}`;
  return url.href;
}

// The shared state's JSON text from the current URL, or null; "" when the link is damaged.
export function sharedText() {
  const match = location.hash.match(new RegExp(`^#${SHARE_KEY}=([A-Za-z0-9_-]*)$`));
  if (!match) return null;
  try {
    return fromBase64URL(match[1]);
  } catch {
    return "";
  }
}

export function forgetShareLink() {
  history.replaceState(null, "", location.pathname + location.search);
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
