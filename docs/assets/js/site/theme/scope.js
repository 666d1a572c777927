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
