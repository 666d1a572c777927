// @ts-check
// Narrow screens and zoomed-in pages: Material's menu drawer, its panels and search open from
// <label for="checkbox"> elements, which a keyboard cannot reach. While the drawer layout is in
// use, this module gives those labels a tab stop (Material clicks a focused label on Enter; Space
// is added here), moves focus into what opens and back to what opened it, and closes the drawer
// with Escape. site.css hides whatever is closed, so Tab never lands off screen.

const NARROW = matchMedia("(max-width: 76.234375em)"); // Material's drawer breakpoint
const MENU = 'label.md-header__button[for="__drawer"]';
const SEARCH = 'label.md-header__button[for="__search"]';
const OPENERS = ".md-nav--primary label.md-nav__link[for]"; // open a panel of the menu
const BACKS = '.md-nav--primary label.md-nav__title[for]:not([for="__drawer"])'; // close it
const BUTTONS = [MENU, SEARCH, OPENERS, BACKS].join(", ");
// Words a screen reader says for the icon-only buttons, and before a panel's title that leads
// back, in the page's language (data attributes of #guide-words, overrides/main.html, on every
// page). (A <label> may not carry role or aria-label; hidden text inside it is valid.)
const WORDS = document.getElementById("guide-words").dataset;
const SPOKEN = Object.freeze({
  [MENU]: WORDS.menu,
  [SEARCH]: WORDS.search,
  [BACKS]: `${WORDS.back}: `,
});
const FOCUSABLE = "a[href], input, button, [tabindex='0']";

function toggleOf(label) {
  return document.getElementById(label.htmlFor);
}

function firstShown(container) {
  return [...container.querySelectorAll(FOCUSABLE)].find((element) =>
    element.checkVisibility({ visibilityProperty: true }),
  );
}

function addSpokenNames() {
  for (const [selector, words] of Object.entries(SPOKEN)) {
    for (const label of document.querySelectorAll(selector)) {
      const hidden = Object.assign(document.createElement("span"), {
        className: "guide-sr-only",
        textContent: words,
      });
      label.prepend(hidden);
    }
  }
}

// Narrow: every button label takes focus. Wide: each gets back the tab stop it had.
function setTabStops() {
  for (const label of document.querySelectorAll(BUTTONS)) {
    label.dataset.guideTabindex ??= label.getAttribute("tabindex") ?? "";
    if (NARROW.matches) label.tabIndex = 0;
    else if (label.dataset.guideTabindex) label.setAttribute("tabindex", label.dataset.guideTabindex);
    else label.removeAttribute("tabindex");
  }
}

function focusAfterToggle(label) {
  const toggle = toggleOf(label);
  let target = null;
  if (label.matches(MENU) && toggle.checked) {
    target = firstShown(document.querySelector(".md-sidebar--primary"));
  } else if (label.matches(OPENERS) && toggle.checked) {
    target = firstShown(toggle.parentElement.querySelector(":scope > .md-nav"));
  } else if (label.matches(SEARCH) && toggle.checked) {
    target = document.querySelector(".md-search__input");
  } else if (label.matches(BACKS)) {
    target = document.querySelector(`.md-nav--primary label.md-nav__link[for="${label.htmlFor}"]`);
  }
  target?.focus();
}

function closeDrawer() {
  const drawer = document.getElementById("__drawer");
  if (!drawer?.checked) return;
  const menu = document.querySelector(MENU);
  menu.click();
  menu.focus();
}

let pressed = null; // the button label a key just activated, until its toggle changes

// Material itself clicks a focused label on Enter; Space is added here, as buttons take both.
function onKeydown(event) {
  if (!NARROW.matches) return;
  const label = event.target.closest?.(BUTTONS);
  if (event.key === "Escape") {
    closeDrawer();
  } else if (label && (event.key === "Enter" || event.key === " ")) {
    pressed = label;
    if (event.key === " ") {
      event.preventDefault();
      label.click();
    }
  }
}

// After a toggle changed from its button, move focus to what opened, or back to its opener.
// (Material may already have moved focus away by now, hence the label kept from the key.)
function onChange(event) {
  if (!NARROW.matches) return;
  const label = pressed;
  pressed = null;
  if (label?.htmlFor === event.target.id) {
    requestAnimationFrame(() => focusAfterToggle(label));
  } else if (event.target.id === "__search" && !event.target.checked) {
    // Material drops focus when search closes: give it back to the search button.
    requestAnimationFrame(() => {
      if (document.activeElement === document.body) document.querySelector(SEARCH)?.focus();
    });
  }
}

// Material's search is a role="dialog" without a name (axe and Lighthouse: aria-dialog-name);
// it is named by the same word as its button, in the page's language.
function nameSearchDialog() {
  document.querySelector('.md-search[role="dialog"]')?.setAttribute("aria-label", WORDS.search);
}

// Material scrolls the menu once, when it first lays the sidebar out, so that the page's own
// entry sits in the middle of it; on pages near the menu's end (the tools) that hides Home and the
// first chapters. The menu instead opens at its top whenever the entry shows there, and otherwise
// scrolled only as far as needed to show it. Material's scroll is the first one before the
// reader touches the menu; once they do (wheel, pointer, touch, key, focus), their scrolling is theirs.
function keepMenuTop() {
  const link = document.querySelector(".md-sidebar--primary .md-nav__link--active[href]");
  const wrap = link?.closest(".md-sidebar__scrollwrap");
  if (!wrap) return;
  const readerEvents = ["wheel", "pointerdown", "touchstart", "keydown", "focusin"];
  const stop = () => {
    wrap.removeEventListener("scroll", correct);
    for (const type of readerEvents) wrap.removeEventListener(type, stop);
  };
  function correct() {
    stop();
    if (!link.clientHeight) return; // the menu is a drawer now: Material left it alone
    const bottom = link.getBoundingClientRect().bottom - wrap.getBoundingClientRect().top + wrap.scrollTop;
    wrap.scrollTop = Math.max(0, bottom + link.offsetHeight - wrap.clientHeight);
  }
  wrap.addEventListener("scroll", correct);
  for (const type of readerEvents) wrap.addEventListener(type, stop, { passive: true });
}

addSpokenNames();
nameSearchDialog();
keepMenuTop();
setTabStops();
NARROW.addEventListener("change", setTabStops);
document.addEventListener("change", onChange);
document.addEventListener("keydown", onKeydown, { capture: true }); // before Material's Enter
