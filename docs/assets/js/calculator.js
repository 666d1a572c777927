// Calculator pages: start Python in a worker at once, send the form's answers, show the result.
// Reading pages have no calculator form, so they never start the worker or fetch Pyodide.

const ROOT = new URL("../../", import.meta.url);
const DEBOUNCE_MS = 150;
const STAGES = Object.freeze({
  download: "Downloading the Python runtime…",
  start: "Starting Python…",
  calculators: "Loading the calculator…",
});

let worker = null; // one per tab, kept across Material's instant navigation
let nextId = 0;
const waiting = new Map();
const listeners = new Set();
let lastStatus = null; // replayed to a page that opens after the worker reported

function startWorker(form) {
  if (worker) return worker;
  worker = new Worker(new URL("pyodide-worker.mjs", import.meta.url), { type: "module" });
  worker.onmessage = ({ data }) => {
    if (data.type === "result") {
      waiting.get(data.id)?.(data.result);
      waiting.delete(data.id);
    } else {
      lastStatus = data;
      listeners.forEach((listener) => listener(data));
    }
  };
  worker.postMessage({
    type: "init",
    pyodideURL: new URL(form.dataset.pyodide, ROOT).href,
    bundleURL: new URL(form.dataset.bundle, ROOT).href,
  });
  return worker;
}

function compute(name, answers) {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker.postMessage({ type: "run", id, name, answers });
  });
}

function readAnswers(form) {
  const answers = { lang: document.documentElement.lang || "en" };
  for (const [key, value] of new FormData(form)) {
    if (key in answers && key !== "lang") {
      answers[key] = [].concat(answers[key], value);
    } else {
      answers[key] = value;
    }
  }
  return answers;
}

function hasAnswers(form) {
  return [...new FormData(form).values()].some((value) => value !== "");
}

function showStatus(form, message, percent) {
  form.querySelector(".guide-status-text").textContent = message;
  const bar = form.querySelector(".guide-progress");
  bar.hidden = percent === null;
  if (percent !== null) bar.value = percent;
}

function showErrors(form, errors) {
  for (const slot of form.querySelectorAll(".guide-error")) {
    slot.hidden = true;
    slot.textContent = "";
  }
  for (const field of form.querySelectorAll("[aria-invalid]")) field.removeAttribute("aria-invalid");
  for (const { field, message } of errors) {
    const slot = form.querySelector(`#${CSS.escape(field || "form")}-error`);
    if (!slot) {
      showStatus(form, message, null);
      continue;
    }
    slot.textContent = message;
    slot.hidden = false;
    form.querySelector(`#field-${CSS.escape(field)}`)?.setAttribute("aria-invalid", "true");
  }
}

function importSVG(markup) {
  // Parsed as XML into an inert document: nothing in it can run, and its text was escaped in Python.
  const parsed = new DOMParser().parseFromString(markup, "image/svg+xml");
  return document.importNode(parsed.documentElement, true);
}

function renderBlock(block) {
  const tags = { heading: "h2", paragraph: "p" };
  if (block.type in tags) {
    const element = document.createElement(tags[block.type]);
    element.textContent = block.text;
    return element;
  }
  if (block.type === "list") {
    const list = document.createElement("ul");
    for (const text of block.items) list.append(Object.assign(document.createElement("li"), { textContent: text }));
    return list;
  }
  if (block.type === "figure") {
    const figure = document.createElement("figure");
    const caption = Object.assign(document.createElement("figcaption"), { textContent: block.caption });
    figure.append(importSVG(block.svg), caption);
    return figure;
  }
  throw new Error(`unknown result block ${block.type}`);
}

function showResult(target, blocks) {
  target.replaceChildren(...blocks.map(renderBlock));
}

async function update(form, target, { focus }) {
  const result = await compute(form.dataset.calculator, readAnswers(form));
  if (result.ok) {
    showErrors(form, []);
    showResult(target, result.blocks);
    if (focus) target.focus();
  } else {
    showErrors(form, result.errors);
    if (focus) form.querySelector("[aria-invalid] input, [aria-invalid]")?.focus();
  }
}

function setupCalculator(form) {
  const target = document.getElementById(`${form.id}-result`);
  startWorker(form);
  showStatus(form, STAGES.download, 5);
  let timer = null;
  const onMessage = (data) => {
    if (!form.isConnected) return listeners.delete(onMessage);
    if (data.type === "progress") showStatus(form, STAGES[data.stage], data.percent);
    if (data.type === "failed") showStatus(form, `The calculator could not start: ${data.message}. Your answers stay in the form.`, null);
    if (data.type === "ready") {
      showStatus(form, "Ready. The result updates as you answer.", null);
      form.dataset.ready = "true";
      if (hasAnswers(form)) update(form, target, { focus: false });
    }
  };
  listeners.add(onMessage);
  if (lastStatus) onMessage(lastStatus);
  form.addEventListener("change", () => {
    clearTimeout(timer);
    timer = setTimeout(() => update(form, target, { focus: false }), DEBOUNCE_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update(form, target, { focus: true });
  });
}

function onPage() {
  const form = document.querySelector("form[data-calculator]");
  if (form) setupCalculator(form);
}

if (window.document$) {
  window.document$.subscribe(onPage);
} else {
  onPage();
}
