// @ts-check
// Calculator pages: connect to the Python worker the page's head started (python-start.js), keep
// the answers safe (autosave, files, share links), and show each result. Reading pages have no
// calculator form, so this module does nothing there and Pyodide is never fetched.

import { connectPython, onStatus, isReady, callPython } from "../python/python-worker.js";
import { readAnswers, writeAnswers, refreshChoices, setupRepeats, showErrors, firstInvalid } from "./form.js";
import { download, readFile, tidyName, nameIn } from "./store.js";
import { shareLink, sharedText, forgetShareLink } from "./share-links.js";
import { Projects } from "./projects.js";
import { renderBlocks } from "./render.js";
import { revealView, setupViews } from "./views.js";

const DEBOUNCE_MS = 150;
// Where Material shows the table of contents beside the content (and hides it below): the result
// in brief goes there, under the contents, so it stays in view beside the form while one answers
// and the form keeps its width. Narrower, it is a bar at the foot of the screen (calculator.css).
const BESIDE = matchMedia("(min-width: 60em)");

// A response's id: 16 hex digits (64 random bits), made once for a piece of work when it is first
// kept, so that its every file and share link carries the same one and a facilitator's page tells
// two people with the same answers apart (calculators/core/savefile.py, RESPONSE_ID). Not
// crypto.randomUUID: that needs a secure context, and an intranet may serve the guide over HTTP.
function newResponseId() {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// Text as a part of a file name: lower case, letters and digits, runs of anything else one "-",
// at most `length` characters.
function slug(text, length) {
  return String(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "").slice(0, length).replace(/-+$/, "");
}

function messages(form) {
  return JSON.parse(form.querySelector(".guide-messages").textContent);
}

// One calculator on one page: its form, its state and the places it reports to.
class Calculator {
  constructor(form) {
    this.form = form;
    this.tool = form.dataset.calculator;
    this.text = messages(form);
    this.result = document.getElementById(`${form.id}-result`);
    this.summary = document.getElementById(`${form.id}-summary`);
    this.status = form.querySelector(".guide-status-text");
    this.progress = form.querySelector(".guide-progress");
    this.notice = form.querySelector(".guide-notice");
    this.state = { answers: {} };
    this.timer = null;
    this.applying = 0; // operations on their way to Python and back (see whileApplying)
    this.frozen = []; // the controls they disabled
    this.focused = null; // where focus was when the first of them began
    this.projects = new Projects(this, document.getElementById(`${form.id}-projects`));
  }

  message(key, values = {}) {
    return this.text[key].replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
  }

  lang() {
    return document.documentElement.lang || "en";
  }

  say(key, values, { alert = false, into = this.notice } = {}) {
    into.setAttribute("role", alert ? "alert" : "status");
    into.textContent = this.message(key, values);
  }

  showStatus(text, percent) {
    this.status.textContent = text;
    this.progress.hidden = percent === null;
    if (percent !== null) this.progress.value = percent;
  }

  // Put a state in the form (another project, say) and show its result.
  show(state) {
    clearTimeout(this.timer);
    this.state = state;
    writeAnswers(this.form, state.answers ?? {});
    showErrors(this.form, []);
    this.update({ focus: false });
  }

  adopt(state) {
    this.show(state);
    this.projects.autosave(this.state);
  }

  // Answers another tab stored for this project, merged with this tab's (projects.js): into the
  // form without taking the field someone is typing in away from them (a repeated group is
  // rebuilt only when its number of items changed; focus then returns to the field of that name).
  takeIn(state, conflict) {
    const focused = document.activeElement;
    const name = this.form.contains(focused) ? focused.getAttribute("name") : null;
    this.state = state;
    writeAnswers(this.form, state.answers ?? {});
    if (name && !focused.isConnected) this.form.querySelector(`[name="${CSS.escape(name)}"]`)?.focus();
    const key = conflict ? "tab-conflict" : "tab-updated";
    if (conflict || this.notice.textContent !== this.message(key)) this.say(key, {}, { alert: conflict });
    this.later();
  }

  changed() {
    refreshChoices(this.form, readAnswers(this.form)); // a group named or removed changes the choices
    this.state = { ...this.state, id: this.state.id ?? newResponseId(), answers: readAnswers(this.form) };
    this.projects.autosave(this.state);
    this.later();
  }

  // Recompute the result once typing pauses.
  later() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update({ focus: false }), DEBOUNCE_MS);
  }

  // The state with its response id, made and kept now if the work has none yet (work saved
  // before ids, or not changed since it was opened). Empty work is not stored for an id alone.
  identified() {
    if (!this.state.id) {
      this.state = { ...this.state, id: newResponseId() };
      if (!this.projects.disposable()) this.projects.autosave(this.state);
    }
    return this.state;
  }

  // Nothing to show yet: no answer given and nothing else (e.g. imported participants) kept.
  // The response id alone is not work.
  isEmpty() {
    const { answers = {}, id: _id, ...rest } = this.state;
    const given = Object.values(answers).some((value) => value !== "" && value.length !== 0);
    return !given && Object.values(rest).every((value) => value == null || value.length === 0);
  }

  // The result in brief (Python's `summary`, the same for a result and for answers that still
  // lack one): how much is answered, and the result's main lines once there is a result.
  showSummary(summary) {
    this.summary.hidden = !summary;
    if (!summary) return;
    this.summary.querySelector(".guide-summary-count").textContent = summary.count;
    const lines = summary.lines.map((line) => Object.assign(document.createElement("li"), { textContent: line }));
    this.summary.querySelector(".guide-summary-lines").replaceChildren(...lines);
    this.summary.toggleAttribute("data-result", lines.length > 0);
  }

  // Under the table of contents where Material shows it; after the form elsewhere.
  placeSummary() {
    const beside = document.querySelector(".md-sidebar--secondary:not([hidden]) .md-sidebar__inner");
    if (BESIDE.matches && beside) beside.append(this.summary);
    else this.form.after(this.summary);
  }

  async update({ focus }) {
    if (!focus && this.isEmpty()) {
      this.showSummary(null);
      return this.result.replaceChildren();
    }
    if (!isReady()) return;
    const state = this.state;
    const response = await callPython({ action: "compute", tool: this.tool, state, lang: this.lang() });
    if (state !== this.state) return; // changed meanwhile (typing, another project): a newer update follows
    this.showSummary(response.summary);
    if (response.ok) {
      showErrors(this.form, []);
      renderBlocks(this.result, response.blocks, (op, payload) => this.operate(op, payload));
      if (focus) this.result.focus();
      return;
    }
    // A result is only ever shown for the answers in the form: an earlier one goes.
    this.result.replaceChildren();
    const unplaced = showErrors(this.form, response.errors ?? []);
    if (response.message) unplaced.push(response.message);
    if (unplaced.length) this.notice.textContent = unplaced.join(" ");
    if (focus) {
      const field = firstInvalid(this.form);
      revealView(this.form, field);
      field?.focus();
    }
  }

  // An operation's answer (an example, an import, a new round, participants' files) replaces
  // the answers it was sent with, so the form waits for it: from the moment the request leaves
  // until the answer is in the form, the form's and the project picker's controls are disabled,
  // the result is marked busy and the notice says why. Nothing typed can then be overwritten.
  // (Merging edits made meanwhile into the answer was the other way; it has no clear meaning
  // when the answer renumbers or removes the repeated items those edits were made in.)
  async whileApplying(work) {
    if (this.applying++ === 0) this.freeze();
    try {
      return await work();
    } finally {
      if (--this.applying === 0) this.thaw();
    }
  }

  freeze() {
    this.focused = document.activeElement;
    const controls = [...this.form.elements, ...this.projects.controls()];
    this.frozen = controls.filter((control) => "disabled" in control && !control.disabled);
    for (const control of this.frozen) control.disabled = true;
    this.result.setAttribute("aria-busy", "true");
    this.say("applying");
  }

  thaw() {
    for (const control of this.frozen.splice(0)) control.disabled = false;
    this.result.removeAttribute("aria-busy");
    if (this.notice.textContent === this.message("applying")) this.notice.textContent = "";
    // A disabled control loses focus; the one that started the operation gets it back.
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost && this.focused?.isConnected) this.focused.focus();
    this.focused = null;
    this.projects.follow(); // what another tab stored meanwhile
  }

  // `keepPrevious`: the answers before are kept first, so "restore" undoes the change; if the
  // browser cannot keep them, nothing changes.
  operate(op, payload, { keepPrevious = false } = {}) {
    return this.whileApplying(async () => {
      const response = await callPython({ action: "operate", tool: this.tool, op, payload, state: this.identified(), lang: this.lang() });
      if (!response.ok) this.notice.textContent = response.message;
      else if (keepPrevious && !this.projects.savePrevious(this.state)) return { ok: false };
      else this.adopt(response.state);
      return response;
    });
  }

  async importText(text) {
    return callPython({ action: "import", tool: this.tool, text, lang: this.lang() });
  }

  // Imported work (text that passed the tool's `clean`) fills the open project when it is
  // empty; beside work already there it opens as a new project, so nothing is replaced.
  // Returns "here", the new project's name, or null when the browser could not keep it.
  receive(state, text, fallbackName) {
    const name = nameIn(text);
    if (!this.isEmpty()) {
      try {
        return this.projects.add(state, name || fallbackName);
      } catch (problem) {
        this.projects.report(problem, this.notice);
        return null;
      }
    }
    if (!this.projects.savePrevious(this.state)) return null;
    this.projects.takeName(name);
    this.adopt(state);
    return "here";
  }

  async openFile(file) {
    try {
      const text = await readFile(file);
      const response = await this.importText(text);
      if (!response.ok) return this.say("refused-file", { file: file.name, reason: response.message }, { alert: true });
      const placed = this.receive(response.state, text, tidyName(file.name.replace(/\.json$/i, "")));
      if (placed === "here") this.say("opened-file", { file: file.name });
      else if (placed) this.say("opened-file-new", { file: file.name, name: placed });
    } catch (error) {
      this.say("refused-file", { file: file.name, reason: error.message }, { alert: true });
    }
  }

  async openSharedLink() {
    if (sharedText() !== null) await this.whileApplying(() => this.importSharedLink());
  }

  async importSharedLink() {
    const text = sharedText();
    const response = text ? await this.importText(text) : { ok: false, message: this.message("link-damaged") };
    if (!response.ok) {
      forgetShareLink();
      return this.say("link-refused", { reason: response.message }, { alert: true });
    }
    const placed = this.receive(response.state, text, this.message("project-shared"));
    if (!placed) return; // the browser is full: the link stays in the address bar for later
    forgetShareLink(); // a reload must not open the link's answers again
    if (placed === "here") this.say("link-loaded");
    else this.say("link-loaded-new", { name: placed });
  }

  restorePrevious() {
    const previous = this.projects.loadPrevious();
    if (!previous || !this.projects.savePrevious(this.state)) return;
    this.adopt(previous);
    this.say("restored-previous");
  }

  async copyShareLink() {
    const link = shareLink(this.projects.wrap(this.identified()));
    const field = this.form.querySelector(".guide-share-link");
    field.value = link;
    field.hidden = false;
    try {
      await navigator.clipboard.writeText(link);
      this.say("link-copied");
    } catch {
      field.select();
      this.say("link-shown");
    }
  }

  // `table` names one of the tool's several tables (data-table on the button), if it has them.
  // Python names the file in the page's language: "soimpact-prosjekt-1-indikatorer-2025-03-01".
  async downloadCSV(table) {
    const response = await callPython({ action: "csv", tool: this.tool, table, state: this.state, lang: this.lang() });
    if (!response.ok) return this.say("csv-failed", { reason: response.message }, { alert: true });
    const [tool, tableWord] = response.file;
    download(`${this.fileName(tableWord, { tool })}.csv`, response.csv, "text/csv;charset=utf-8");
  }

  // "soimpact-my-project-indicators-2025-03-01": the tool (in the page's language when Python
  // names it), project, who (a response file), table (if any) and date.
  fileName(table, { tool = this.tool, who = [] } = {}) {
    const project = slug(this.projects.current.name, 40);
    return [tool, project, ...who, table, new Date().toISOString().slice(0, 10)].filter(Boolean).join("-");
  }

  // Whose response a saved file holds, for its name, so that a facilitator's folder of
  // participants' files is not all one name: the answers of the fields marked data-file-name
  // (role, name), and the start of the response id when no marked text field names the person.
  // A form without marked fields (a plan, not a response) gives nothing.
  whoAnswered(state) {
    const marked = [...this.form.querySelectorAll("[data-file-name][name]")];
    if (!marked.length) return [];
    const names = [...new Set(marked.map((field) => field.getAttribute("name")))];
    const parts = names.map((name) => slug(state.answers?.[name] ?? "", 30));
    const named = marked.some((field) => field.type === "text" && slug(state.answers?.[field.name] ?? "", 30));
    return named ? parts : [...parts, state.id.slice(0, 6)];
  }

  saveFile() {
    const state = this.identified();
    const name = `${this.fileName("", { who: this.whoAnswered(state) })}.json`;
    download(name, JSON.stringify(this.projects.wrap(state), null, 2), "application/json");
    this.say("saved-file", { file: name });
  }

  startOver() {
    if (!this.projects.savePrevious(this.state)) return;
    this.adopt({ answers: {} });
    this.say("cleared");
  }

  wireToolbar() {
    const actions = {
      "save-file": () => this.saveFile(),
      "share-link": () => this.copyShareLink(),
      csv: (button) => this.downloadCSV(button.dataset.table),
      print: () => window.print(),
      "start-over": () => this.startOver(),
      "restore-previous": () => this.restorePrevious(),
    };
    for (const button of this.form.querySelectorAll("[data-action]")) {
      button.addEventListener("click", () => actions[button.dataset.action](button));
    }
    for (const input of this.form.querySelectorAll("input[type=file][data-open]")) {
      input.addEventListener("change", () => this.whileApplying(async () => {
        for (const file of input.files) await this.openFile(file);
        input.value = "";
      }));
    }
    for (const input of this.form.querySelectorAll("input[type=file][data-operation]")) {
      input.addEventListener("change", () => this.whileApplying(async () => {
        const files = await Promise.all([...input.files].map(async (file) => ({ name: file.name, text: await readFile(file) })));
        input.value = "";
        const response = await this.operate(input.dataset.operation, { files });
        if (response.ok) this.notice.textContent = "";
      }));
    }
    this.form.querySelector(".guide-toolbar").hidden = false;
  }

  // Buttons in the form that change the state through Python (e.g. load an example): the payload
  // is the JSON in data-payload, or {text} of the field named by data-payload-from (pasted share
  // links). The answers before are kept, so "restore" undoes the change.
  wireOperationButtons() {
    for (const button of this.form.querySelectorAll("button[data-operation]")) {
      const field = button.dataset.payloadFrom ? document.getElementById(button.dataset.payloadFrom) : null;
      button.addEventListener("click", async () => {
        const payload = field ? { text: field.value } : JSON.parse(button.dataset.payload || "{}");
        const response = await this.operate(button.dataset.operation, payload, { keepPrevious: true });
        if (!response.ok) return;
        if (field) field.value = "";
        this.notice.textContent = button.dataset.done ?? "";
      });
      button.hidden = false;
    }
  }

  start() {
    connectPython();
    const saved = this.projects.start();
    if (saved) {
      this.state = saved;
      writeAnswers(this.form, this.state.answers ?? {});
      this.say("restored");
    }
    setupRepeats(this.form, () => this.changed());
    this.placeSummary();
    BESIDE.addEventListener("change", () => this.placeSummary());
    this.wireToolbar();
    this.wireOperationButtons();
    setupViews(this);
    this.form.addEventListener("input", (event) => {
      if (event.target.type !== "file" && !event.target.classList.contains("guide-share-link")) this.changed();
    });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.update({ focus: true });
    });
    this.showStatus(this.message("stage-download"), 5);
    const stop = onStatus((data) => {
      if (!this.form.isConnected) return stop();
      if (data.type === "progress") this.showStatus(this.message(`stage-${data.stage}`), data.percent);
      if (data.type === "failed") {
        const reason = data.message || this.message("worker-failed");
        this.showStatus(this.message("failed", { reason }), null);
      }
      if (data.type === "ready") {
        this.showStatus(this.message("ready"), null);
        this.form.dataset.ready = "true";
        // The form is the truth: answers the browser restored or filled in fired no event. (Not
        // while an operation is applied: its disabled fields read as empty, and its answer
        // replaces the answers anyway.)
        if (!this.applying) this.state = { ...this.state, answers: readAnswers(this.form) };
        this.openSharedLink().then(() => this.update({ focus: false }));
        window.addEventListener("hashchange", () => this.openSharedLink()); // a link pasted into this tab
      }
    });
  }
}

function onPage() {
  const form = document.querySelector("form[data-calculator]");
  if (form && !form.dataset.started) {
    form.dataset.started = "true";
    new Calculator(form).start();
  }
}

if (window.document$) window.document$.subscribe(onPage);
else onPage();
