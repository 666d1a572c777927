// @ts-check
// The group tools' two views and their projection. A form that has a view switch
// (macros/templates/forms/view-switch.j2) shows one part at a time: answering for oneself (the
// default) or gathering the group, so a facilitator does not scroll past the questionnaire. The
// view chosen is kept in the tab's history entry (history.state), so a reload keeps it; it is not
// part of the saved work, so a file or share link always opens on the questions.
//
// The projection (macros/templates/forms/projection.j2) is a modal dialog for the workshop
// screen. Its content is the result Python makes for `projection: true`: the page never holds
// names or one person's scores in it, so neither the screen nor its print can show them.

import { callPython } from "../python/python-worker.js";
import { renderBlocks } from "./render.js";

const VIEWS = ["answer", "group"];

/** @param {any} calculator the page's Calculator (calculator.js) */
export function setupViews(calculator) {
  const switcher = calculator.form.querySelector(".guide-views");
  if (!switcher) return;
  const buttons = [...switcher.querySelectorAll("button[data-view]")];
  const show = (view, announce) => {
    for (const part of calculator.form.querySelectorAll("[data-view-part]")) {
      part.hidden = part.dataset.viewPart !== view;
      if (!part.hidden) for (const details of part.querySelectorAll("details.guide-facilitator")) details.open = true;
    }
    for (const button of buttons) button.setAttribute("aria-pressed", String(button.dataset.view === view));
    history.replaceState({ ...history.state, guideView: view }, "");
    if (announce) calculator.say(`view-${view}-shown`);
  };
  for (const button of buttons) button.addEventListener("click", () => show(button.dataset.view, true));
  // A link to a view's part (the page's "Open the group view" at its top) opens that view and
  // brings its switch into sight, focused; without the script the link just jumps to the part.
  const linked = () => {
    const part = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (!part?.dataset.viewPart || !calculator.form.contains(part)) return false;
    show(part.dataset.viewPart, true);
    buttons.find((button) => button.dataset.view === part.dataset.viewPart)?.focus();
    switcher.scrollIntoView({ block: "start" });
    return true;
  };
  window.addEventListener("hashchange", linked);
  // The same link followed again changes no hash: open its view all the same, and keep the
  // browser from jumping to the fragment, which would take the focus off the switch.
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
    if (link instanceof HTMLAnchorElement && link.hash === location.hash && linked()) event.preventDefault();
  });
  switcher.hidden = false;
  if (!linked()) {
    const kept = history.state?.guideView;
    show(VIEWS.includes(kept) ? kept : VIEWS[0], false);
  }
  setupProjection(calculator);
}

/**
 * The view that holds `element` shown, through its switch: an answer the result still needs may
 * sit in the view that is hidden (sent from the group view with no participants yet).
 * @param {HTMLFormElement} form
 * @param {Element | null} element
 */
export function revealView(form, element) {
  const part = element?.closest("[data-view-part]");
  if (!(part instanceof HTMLElement) || !part.hidden) return;
  const button = /** @type {HTMLButtonElement | null} */ (form.querySelector(`.guide-views button[data-view="${part.dataset.viewPart}"]`));
  button?.click();
}

/** @param {any} calculator */
function setupProjection(calculator) {
  const dialog = /** @type {HTMLDialogElement | null} */ (calculator.form.querySelector("dialog.guide-projection"));
  const open = /** @type {HTMLButtonElement | null} */ (calculator.form.querySelector("[data-projection-open]"));
  if (!dialog || !open) return;
  // A child of the body, so that its print can leave out everything else (calculator.css).
  document.body.append(dialog);
  // The result's place in the dialog, there only while it is open: it is styled as a result
  // (charts, tables), and the page holds one result at all other times.
  const body = Object.assign(document.createElement("div"), { className: "guide-result guide-projection-body" });
  const paragraph = (text) => Object.assign(document.createElement("p"), { textContent: text });

  async function fill() {
    body.replaceChildren(paragraph(calculator.message("projection-wait")));
    const state = { ...calculator.state, projection: true };
    const response = await callPython({ action: "compute", tool: calculator.tool, state, lang: calculator.lang() });
    if (!dialog.open) return;
    if (response.ok) return renderBlocks(body, response.blocks, () => {});
    const reasons = [...(response.errors ?? []).map((error) => error.message), response.message].filter(Boolean);
    body.replaceChildren(paragraph(calculator.message("projection-failed", { reason: reasons.join(" ") })));
  }

  open.addEventListener("click", () => {
    document.body.classList.add("guide-projecting");
    dialog.append(body);
    dialog.showModal(); // Escape closes it (the dialog's own cancel)
    // Full screen where the browser allows it; the dialog fills the window anyway.
    dialog.requestFullscreen?.().catch(() => {});
    fill();
  });
  dialog.querySelector("[data-projection-close]")?.addEventListener("click", () => dialog.close());
  // Leaving full screen (Escape, which the browser takes first) leaves the projection too.
  dialog.addEventListener("fullscreenchange", () => {
    if (!document.fullscreenElement && dialog.open) dialog.close();
  });
  dialog.addEventListener("close", () => {
    body.replaceChildren();
    body.remove();
    document.body.classList.remove("guide-projecting");
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    open.focus();
  });
  open.hidden = false;
}
