// @ts-check
// Share links carry a saved file in the address's fragment (`#share=<base64url of its JSON>`),
// which browsers never send to a server. One rule reads them, here and in the Python parser
// (calculators/); it is stated with its cases in tests/cases/share_links.json, which the tests of
// both read. The page reads only its own address bar; lists of pasted links go to Python.

const MARK = "#share=";
const ALPHABET = /^[A-Za-z0-9_-]+$/;

/**
 * The payload of one line, or null when the line is damaged or holds no link: it must hold
 * exactly one "#share=", followed by one or more characters of the alphabet up to its end.
 * @param {string} line
 * @returns {string | null}
 */
export function payloadOf(line) {
  const trimmed = line.trim();
  const at = trimmed.indexOf(MARK);
  if (at === -1 || trimmed.includes(MARK, at + 1)) return null;
  const payload = trimmed.slice(at + MARK.length);
  return ALPHABET.test(payload) ? payload : null;
}

/** @param {string} text */
function toBase64URL(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** @param {string} encoded */
function fromBase64URL(encoded) {
  const binary = atob(encoded.replaceAll("-", "+").replaceAll("_", "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** The address `href` (the page's, by default) with `value` as its share link. */
export function shareLink(/** @type {unknown} */ value, href = location.href) {
  const url = new URL(href);
  url.hash = `${MARK.slice(1)}${toBase64URL(JSON.stringify(value))}`;
  return url.href;
}

/**
 * The shared saved file's text in an address's fragment (the address bar's, by default): null
 * when it holds no share link, "" when the link is damaged (refused like any damaged link).
 * @returns {string | null}
 */
export function sharedText(hash = location.hash) {
  if (!hash.includes(MARK)) return null;
  const payload = payloadOf(hash);
  if (payload === null) return "";
  try {
    return fromBase64URL(payload);
  } catch {
    return "";
  }
}

/** Take the share link out of the address bar, so that a reload does not open it again. */
export function forgetShareLink() {
  history.replaceState(null, "", location.pathname + location.search);
}
