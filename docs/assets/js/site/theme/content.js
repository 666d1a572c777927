// Material for MkDocs' content-tab restore (from its partials/javascripts/content.html, MIT
// licence), as a file for `script-src 'self'`. Runs after the article: opens the tab that the
// address's #fragment names and, with the content.tabs.link feature, the tabs chosen before.
(() => {
  if (document.currentScript.hasAttribute("data-tabs-link")) {
    const tabs = __md_get("__tabs");
    if (Array.isArray(tabs)) {
      for (const set of document.querySelectorAll(".tabbed-set")) {
        const labels = [...set.querySelector(".tabbed-labels").getElementsByTagName("label")];
        for (const tab of tabs) {
          const label = labels.find((candidate) => candidate.innerText.trim() === tab);
          if (label) {
            document.getElementById(label.htmlFor).checked = true;
            break;
          }
        }
      }
    }
  }
  const target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
