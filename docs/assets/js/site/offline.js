// @ts-check
// Offline after the first visit: registers the site's service worker (sw.js at the site root)
// where the browser allows one (https or localhost; a plain-http intranet works from the HTTP
// cache alone). It waits until the page has settled, and on a calculator page until Python is
// ready and a moment more, so that copying the site for offline use never slows the first result.
// Only in the build when the offline copy is switched on (mkdocs.yml extra.offline).

import { SITE_ROOT as ROOT } from "../paths.js";

const AFTER_SETTLED_MS = 3000;

function register() {
  navigator.serviceWorker
    .register(new URL("sw.js", ROOT), { scope: ROOT.href, updateViaCache: "none" })
    .catch(() => {}); // Not allowed here (private mode, policy): the site works without it.
}

function whenSettled(callback) {
  const form = document.querySelector("form[data-calculator]");
  if (!form || form.dataset.ready) return callback();
  const observer = new MutationObserver(() => {
    if (!form.dataset.ready) return;
    observer.disconnect();
    callback();
  });
  observer.observe(form, { attributes: true, attributeFilter: ["data-ready"] });
}

if ("serviceWorker" in navigator) {
  const later = () => setTimeout(register, AFTER_SETTLED_MS);
  if (document.readyState === "complete") whenSettled(later);
  else window.addEventListener("load", () => whenSettled(later), { once: true });
}
