// @ts-check
// The reader's language. The switcher remembers the reader's choice; the site's front door sends
// a first-time visitor whose browser prefers Norwegian to the Norwegian pages, and a returning
// one (arriving from outside the guide) to the language they chose. The languages and their
// URLs come from the page itself (its language, and the switcher's links to the others), so
// this works under any sub-path and offline.

import { SITE_ROOT as ROOT } from "../paths.js";
import { LANGUAGE_KEY as KEY } from "../storage-keys.js";

const ALIASES = Object.freeze({ nn: "nb", no: "nb" }); // the guide's Norwegian is bokmål

function remembered() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function remember(language) {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // storage blocked: the choice holds for this visit only
  }
}

// This page in every language of the site: language tag → URL.
function alternates() {
  const links = [...document.querySelectorAll("a[data-language][hreflang]")];
  return new Map([[document.documentElement.lang, location.href], ...links.map((link) => [link.hreflang, link.href])]);
}

// The first of the browser's languages that the site offers, if any.
function preferred(available) {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = tag.toLowerCase().split("-")[0];
    const language = ALIASES[primary] ?? primary;
    if (available.has(language)) return language;
  }
  return null;
}

function atFrontDoor() {
  const path = location.pathname;
  return path === ROOT.pathname || path === `${ROOT.pathname}index.html`;
}

// A reader who comes to the front door from another page of the guide (the switcher, the home
// link) went where they chose: that is their language now. This holds even when they clicked
// before this script had run on the page they came from.
function cameFromTheGuide() {
  return document.referrer.startsWith(ROOT.href);
}

function chooseAtFrontDoor() {
  if (!atFrontDoor()) return;
  const available = alternates();
  const current = document.documentElement.lang;
  if (cameFromTheGuide()) {
    remember(current);
    return;
  }
  let choice = remembered();
  if (!available.has(choice)) {
    choice = preferred(available) ?? current;
    remember(choice);
  }
  if (choice !== current) location.replace(available.get(choice));
}

for (const link of document.querySelectorAll("a[data-language]")) {
  link.addEventListener("click", () => remember(link.dataset.language));
}
chooseAtFrontDoor();
