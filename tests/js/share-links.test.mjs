// The JS share-link parser follows the one rule in tests/cases/share_links.json, as the Python
// parser does; the address bar is read as a one-line text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { payloadOf, sharedText, shareLink } from "../../docs/assets/js/calculator/share-links.js";

const { rule, cases } = JSON.parse(readFileSync(new URL("../cases/share_links.json", import.meta.url), "utf-8"));

test("every case of the shared rule", () => {
  assert.ok(rule.includes("line by line"));
  for (const { text, lines } of cases) {
    const read = text.split(/\r\n|\r|\n/).filter((line) => line.trim()).map(payloadOf);
    assert.deepEqual(read, lines, JSON.stringify(text));
  }
});

test("an address without a share link holds no shared state", () => {
  assert.equal(sharedText(""), null);
  assert.equal(sharedText("#top"), null);
});

test("a damaged share link in the address is refused, not ignored", () => {
  for (const hash of ["#share=", "#share=ab+c", "#share=abc%20", "#share=%C3%A6", "#share=YQ#share=YQ"]) {
    assert.equal(sharedText(hash), "", hash);
  }
  assert.equal(sharedText("#share=a"), ""); // in the alphabet, but no base64
});

test("a share link carries the saved file, any language's text included", () => {
  const saved = { format: "samskaping-guide", project: "Blåbær – «plan»", data: { answers: { a: "ø" } } };
  const link = shareLink(saved, "https://x.example/kommune/tools/matrix/?q=1#old");
  const url = new URL(link);
  assert.equal(url.origin + url.pathname + url.search, "https://x.example/kommune/tools/matrix/?q=1");
  assert.match(url.hash, /^#share=[A-Za-z0-9_-]+$/);
  assert.deepEqual(JSON.parse(sharedText(url.hash) ?? ""), saved);
});
