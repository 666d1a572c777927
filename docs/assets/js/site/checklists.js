// @ts-check
// Advice checklists that remember: ticks are saved in this browser (localStorage) and restored
// on every page that shows the same checklist. Without this script a checklist is a plain list.
// It never starts Python: reading pages stay light.

import { CHECKLIST_PREFIX as KEY_PREFIX } from "../storage-keys.js";

const VERSION = 1; // the shape of a saved value: {version, checked: [item ids]}
const SELECTORS = Object.freeze({
  checklist: "[data-checklist]",
  progress: ".guide-checklist-progress",
  actions: ".guide-checklist-actions",
  note: ".guide-checklist-note",
  total: ".guide-checklists-total",
  totalText: ".guide-checklists-total-text",
});
const PRINTING_CLASS = "guide-printing";
const PRINT_TARGET_CLASS = "guide-print-target";

function storageKey(id) {
  return KEY_PREFIX + id;
}

// A saved value from another version, or one that is not ours, counts as no ticks: it is never
// trusted and never throws. A future version 2 would migrate version 1 here.
function loadTicks(id) {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(id)));
    if (saved?.version !== VERSION || !Array.isArray(saved.checked)) return new Set();
    return new Set(saved.checked.filter((item) => typeof item === "string"));
  } catch {
    return new Set();
  }
}

function saveTicks(id, ticks) {
  try {
    if (ticks.size === 0) {
      localStorage.removeItem(storageKey(id));
    } else {
      localStorage.setItem(storageKey(id), JSON.stringify({ version: VERSION, checked: [...ticks].sort() }));
    }
    return true;
  } catch {
    return false; // storage full or blocked: the ticks still show, they just are not kept
  }
}

function boxes(checklist) {
  return [...checklist.querySelectorAll("input[type=checkbox]")];
}

function fill(template, counts) {
  return template.replace("{done}", counts.done).replace("{total}", counts.total);
}

function count(checklist) {
  const all = boxes(checklist);
  return { done: all.filter((box) => box.checked).length, total: all.length };
}

function showProgress(checklist) {
  const progress = checklist.querySelector(SELECTORS.progress);
  progress.textContent = fill(checklist.dataset.progress, count(checklist));
  progress.hidden = false;
  showTotal();
}

function showTotal() {
  const total = document.querySelector(SELECTORS.total);
  if (!total) return;
  const sums = { done: 0, total: 0 };
  for (const checklist of document.querySelectorAll(SELECTORS.checklist)) {
    const counts = count(checklist);
    sums.done += counts.done;
    sums.total += counts.total;
  }
  total.querySelector(SELECTORS.totalText).textContent = fill(total.dataset.progress, sums);
  total.hidden = false;
}

function restore(checklist) {
  const ticks = loadTicks(checklist.dataset.checklist);
  for (const box of boxes(checklist)) box.checked = ticks.has(box.value);
  showProgress(checklist);
}

function save(checklist) {
  const ticks = new Set(boxes(checklist).filter((box) => box.checked).map((box) => box.value));
  const saved = saveTicks(checklist.dataset.checklist, ticks);
  checklist.querySelector(SELECTORS.note).hidden = !saved;
  showProgress(checklist);
}

function reset(checklist) {
  for (const box of boxes(checklist)) box.checked = false;
  save(checklist);
  const progress = checklist.querySelector(SELECTORS.progress);
  progress.textContent = `${checklist.dataset.resetDone} ${progress.textContent}`;
}

// Print one checklist alone: the print stylesheet hides everything but the marked one.
function printOne(checklist) {
  document.documentElement.classList.add(PRINTING_CLASS);
  checklist.classList.add(PRINT_TARGET_CLASS);
  window.print();
}

function endPrinting() {
  document.documentElement.classList.remove(PRINTING_CLASS);
  for (const marked of document.querySelectorAll(`.${PRINT_TARGET_CLASS}`)) {
    marked.classList.remove(PRINT_TARGET_CLASS);
  }
}

function setupChecklist(checklist) {
  restore(checklist);
  checklist.querySelector(SELECTORS.actions).hidden = false;
  checklist.querySelector(SELECTORS.note).hidden = false;
  checklist.addEventListener("change", () => save(checklist));
  checklist.querySelector("[data-action=reset]").addEventListener("click", () => reset(checklist));
  checklist.querySelector("[data-action=print]").addEventListener("click", () => printOne(checklist));
}

function onPage() {
  const checklists = document.querySelectorAll(SELECTORS.checklist);
  checklists.forEach(setupChecklist);
  document.querySelector("[data-action=print-all]")?.addEventListener("click", () => window.print());
  if (checklists.length) showTotal();
}

// Another tab ticked something: show it here too.
window.addEventListener("storage", (event) => {
  if (!event.key?.startsWith(KEY_PREFIX)) return;
  const id = event.key.slice(KEY_PREFIX.length);
  for (const checklist of document.querySelectorAll(SELECTORS.checklist)) {
    if (checklist.dataset.checklist === id) restore(checklist);
  }
});
window.addEventListener("afterprint", endPrinting);

if (window.document$) {
  window.document$.subscribe(onPage);
} else {
  onPage();
}
