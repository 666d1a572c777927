// Material for MkDocs' start-up globals (from its partials/javascripts/base.html, MIT licence),
// as a file instead of inline code so the site runs under `script-src 'self'`. The scope is the
// site root, found from this file's own address (assets/js/site/theme/ → ../../../../).
__md_scope = new URL("../../../../", document.currentScript.src);
__md_hash = (value) => [...value].reduce((hash, char) => (hash << 5) - hash + char.charCodeAt(0), 0);
__md_get = (key, storage = localStorage, scope = __md_scope) =>
  JSON.parse(storage.getItem(scope.pathname + "." + key));
__md_set = (key, value, storage = localStorage, scope = __md_scope) => {
  try {
    storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
  } catch (error) {
    // Storage full or blocked: the preference is simply not kept.
  }
};
// Material's bundle, at the end of the page, swaps the "no-js" class for "js", and only then shows
// the search box in the header, which pushes the language switcher aside after the first paint (a
// layout shift). Done here, in the head, the header is laid out once.
document.documentElement.classList.replace("no-js", "js");
