// @ts-check
// Several projects side by side: the picker above a calculator shows which project the form
// holds and lets a person open, create, rename, duplicate and delete projects (with a
// confirmation, and undo while the page is open). Storage is ProjectStore's business and the
// form's state the calculator's. Names are user text: they only ever go in as text.
// The same project may be open in two tabs: each tab brings the other's stored changes into its
// form (the `storage` event) and, before it writes, into what it writes (reconcile), so neither
// overwrites the other's answers unseen.

import {
  ProjectStore,
  StorageProblem,
  MAX_PROJECTS,
  MAX_NAME_LENGTH,
  envelope,
  tidyName,
  nameOf,
  nameIn,
  byName,
  dataIn,
  sameValue,
  mergeStates,
} from "./store.js";

/**
 * The first of the numbered names (`nameFor(1)`, `nameFor(2)` …) that `isTaken` does not refuse.
 * @param {(number: number) => string} nameFor
 * @param {(name: string) => boolean} isTaken
 */
export function firstFreeName(nameFor, isTaken) {
  for (let number = 1; ; number++) {
    const name = nameFor(number);
    if (!isTaken(name)) return name;
  }
}

export class Projects {
  // `calculator` offers tool, form, state, applying, isEmpty(), message(key, values), say(key,
  // values, options), show(state), which puts a state in the form and recomputes the result,
  // and takeIn(state, conflict), which does so for answers another tab stored.
  constructor(calculator, bar) {
    this.calculator = calculator;
    this.bar = bar;
    this.store = new ProjectStore(calculator.tool);
    this.current = null; // { id, name }; id is null while the browser has not stored it
    this.deleted = null; // the last deleted project, for "bring back"
    this.legacyPending = false; // old single-slot work not yet moved into a stored project
    this.troubled = false; // autosave trouble is reported once, not on every keystroke
    this.synced = null; // the open project's stored text as this tab last read or wrote it
    this.select = bar.querySelector(".guide-project-list");
    this.notice = bar.querySelector(".guide-project-notice");
    this.undoButton = bar.querySelector('[data-project="undo"]');
    this.naming = bar.querySelector(".guide-project-naming");
    this.nameInput = this.naming.querySelector("input");
    this.nameError = this.naming.querySelector(".guide-error");
    this.deleting = bar.querySelector(".guide-project-deleting");
  }

  text(key, values) {
    return this.calculator.message(key, values);
  }

  say(key, values, { alert = false } = {}) {
    this.calculator.say(key, values, { alert, into: this.notice });
  }

  // Say why the browser refused, here or in `into` (where the person acted).
  report(problem, into = this.notice) {
    if (!(problem instanceof StorageProblem)) throw problem;
    this.calculator.say(problem.reason, { max: MAX_PROJECTS }, { alert: true, into });
  }

  // The picker's controls: they wait with the form while an operation's answer is on its way.
  controls() {
    return this.bar.querySelectorAll("button[data-project], .guide-project-list");
  }

  // The saved file's envelope of a state, under the open project's name or another.
  wrap(state, name = this.current.name) {
    return envelope(this.calculator.form, state, name);
  }

  // "Project 1", "Project 2" …: the first number no project's name has yet.
  defaultName() {
    return firstFreeName((number) => this.text("project-default", { number }), (name) => this.store.isTaken(name));
  }

  // The state to show on arrival (null: nothing saved yet): the project used last. Work saved
  // before there were projects becomes a project; if the browser will not store it, it stays
  // under its old key and is shown from there.
  start() {
    const legacy = this.store.legacy();
    let saved = legacy;
    try {
      const id = legacy ? this.store.migrate({ ...legacy, project: this.defaultName() }) : this.store.lastOpen();
      if (id) {
        saved = this.store.load(id);
        this.synced = this.store.raw(id);
        this.current = { id, name: this.store.names.get(id) };
        this.store.markOpen(id);
      }
    } catch (problem) {
      this.legacyPending = true;
      this.report(problem);
    }
    this.current ??= { id: null, name: nameOf(saved) || this.defaultName() };
    this.wire();
    this.render();
    this.bar.hidden = false;
    return saved?.data ?? null;
  }

  // Store a state as the open project's answers; a project not stored yet is created now.
  // Throws StorageProblem when the browser refuses; the caller decides whether to tell.
  put(state) {
    if (this.current.id !== null) {
      const merged = this.reconcile(state);
      if (merged !== null) this.store.save(this.current.id, this.wrap(merged));
      this.synced = this.store.raw(this.current.id);
      return;
    }
    this.current.name = this.store.unique(this.current.name); // another tab may have taken it
    const value = this.wrap(state);
    this.current.id = this.legacyPending ? this.store.migrate(value) : this.store.create(value);
    this.synced = this.store.raw(this.current.id);
    this.legacyPending = false;
    this.store.markOpen(this.current.id);
    this.render();
  }

  // Before this tab writes the open project: if another tab stored it since, that tab's changes
  // come into `state` answer by answer and into the form (where both changed one answer, the
  // stored one stands and this tab says so, before it writes). Returns the state to store, or
  // null when the stored copy holds it already.
  reconcile(state) {
    const text = this.store.raw(this.current.id);
    const remote = dataIn(text);
    if (text === this.synced || remote === null) return state;
    const storedName = nameIn(text);
    if (storedName && storedName !== nameIn(this.synced)) this.current.name = storedName; // renamed there
    const { state: merged, conflicts } = mergeStates(dataIn(this.synced) ?? { answers: {} }, state, remote);
    this.synced = text;
    if (!sameValue(merged, state)) this.calculator.takeIn(merged, conflicts.length > 0);
    return sameValue(merged, remote) && this.current.name === storedName ? null : merged;
  }

  // This tab holds only an empty project it never stored, and another tab has just stored one:
  // both tabs were opened on the same (new) project, so this one shows the stored one.
  join(id) {
    if (!this.disposable() || this.calculator.applying || !this.store.has(id)) return;
    this.become(id, this.store.load(id));
    this.calculator.say("tab-updated");
  }

  // Another tab stored the open project: show its answers here (once an operation this tab
  // waits for is in place: its answer is reconciled when stored, and thaw calls this again).
  follow() {
    if (this.current.id === null || this.calculator.applying) return;
    const text = this.store.raw(this.current.id);
    if (text === this.synced || text === null) return; // deleted there: kept here until changed
    this.autosave(this.calculator.state);
    this.render();
  }

  // Autosave after every change: a refusal is said once, until saving works again.
  autosave(state) {
    try {
      this.put(state);
      if (this.troubled) this.notice.textContent = "";
      this.troubled = false;
    } catch (problem) {
      if (!this.troubled) this.report(problem);
      this.troubled = true;
    }
  }

  // A project never stored and still empty just goes when another takes the form.
  disposable() {
    return this.current.id === null && this.calculator.isEmpty();
  }

  // Before the form shows another project: store the open one, or stop (and say why).
  leave() {
    return this.disposable() || this.keep(this.calculator.state);
  }

  // Store a state now; false (said) when the browser refuses.
  keep(state) {
    try {
      this.put(state);
      return true;
    } catch (problem) {
      this.report(problem);
      return false;
    }
  }

  // The backup that "restore earlier answers" brings back; false (said) if it cannot be kept,
  // and then the caller must not replace the answers.
  savePrevious(state) {
    if (this.current.id === null && !this.keep(this.calculator.state)) return false;
    try {
      this.store.save(this.current.id, this.wrap(state), "previous");
      return true;
    } catch (problem) {
      this.report(problem);
      return false;
    }
  }

  loadPrevious() {
    return this.current.id === null ? null : (this.store.load(this.current.id, "previous")?.data ?? null);
  }

  // The list and the open project's name; the open one's name is the one in memory (a name
  // just taken from an import is stored with the next autosave).
  render() {
    const chosen = this.current.id ?? "";
    const projects = this.store.list().filter(({ id }) => id !== chosen);
    projects.push({ id: chosen, name: this.current.name });
    projects.sort(byName);
    this.select.replaceChildren(...projects.map(({ id, name }) => new Option(name, id, false, id === chosen)));
    this.bar.querySelector(".guide-project-name").textContent = this.current.name;
  }

  // Show a stored project in the form.
  become(id, saved) {
    this.current = { id, name: this.store.names.get(id) };
    this.synced = this.store.raw(id);
    this.store.markOpen(id);
    this.calculator.show(saved?.data ?? { answers: {} });
    this.render();
  }

  open(id) {
    if (id === (this.current.id ?? "")) return this.say("project-already-open", { name: this.current.name });
    if (!this.leave()) return;
    const saved = this.store.load(id);
    if (!saved) {
      this.store.rescan();
      this.render();
      return this.say("project-gone", {}, { alert: true });
    }
    this.become(id, saved);
    this.say("project-opened", { name: this.current.name });
  }

  // A new stored project holding `state`, opened in the form once the open one is stored (or
  // has gone); returns its name (made unique). Throws StorageProblem: then nothing changed.
  add(state, name) {
    if (!this.disposable()) this.put(this.calculator.state);
    const id = this.store.create(this.wrap(state, this.store.unique(name)));
    this.become(id, this.store.load(id));
    return this.current.name;
  }

  create(name) {
    try {
      this.say("project-created", { name: this.add({ answers: {} }, name) });
    } catch (problem) {
      this.report(problem);
    }
  }

  duplicate() {
    try {
      const copy = tidyName(this.text("project-copy", { name: this.current.name }));
      this.say("project-duplicated", { name: this.add(this.calculator.state, copy) });
    } catch (problem) {
      this.report(problem);
    }
  }

  rename(name) {
    const before = this.current.name;
    this.current.name = name;
    if (!this.keep(this.calculator.state)) this.current.name = before;
    else this.say("project-renamed", { name });
    this.render();
  }

  // Imported work takes the name its file or link gives, when it fills the open project.
  takeName(name) {
    if (name) this.current.name = this.store.unique(name, this.current.id);
    this.render();
  }

  remove() {
    const { id, name } = this.current;
    const previous = id === null ? null : this.store.load(id, "previous");
    this.deleted = { name, value: this.wrap(this.calculator.state), previous };
    if (id !== null) this.store.delete(id);
    const next = this.store.list()[0];
    if (next) this.become(next.id, this.store.load(next.id));
    else {
      this.current = { id: null, name: this.defaultName() };
      this.calculator.show({ answers: {} });
      this.render();
    }
    this.undoButton.textContent = this.text("project-undo", { name });
    this.undoButton.hidden = false;
    this.say(next ? "project-deleted" : "project-deleted-last", { name, current: this.current.name });
  }

  undo() {
    const { name, value, previous } = this.deleted;
    if (!this.leave()) return;
    try {
      const id = this.store.create({ ...value, project: this.store.unique(name) });
      if (previous) this.store.save(id, previous, "previous");
      this.become(id, this.store.load(id));
    } catch (problem) {
      return this.report(problem);
    }
    this.deleted = null;
    this.undoButton.hidden = true;
    this.select.focus();
    this.say("project-restored", { name: this.current.name });
  }

  // The naming dialog, for a new project or a new name. Both dialogs act on their own submit,
  // at once: a dialog's "close" event can arrive late, after the next keystrokes.
  askName(purpose) {
    if (purpose === "new" && this.store.names.size >= MAX_PROJECTS) {
      return this.say("project-limit", { max: MAX_PROJECTS }, { alert: true });
    }
    // The open project is stored first (or goes), so the names offered and checked are all in
    // the store.
    if (purpose === "new" && !this.leave()) return;
    this.purpose = purpose;
    this.naming.querySelector(".guide-dialog-title").textContent = this.text(
      purpose === "new" ? "project-new" : "project-rename-title",
    );
    this.nameInput.value = purpose === "new" ? this.defaultName() : this.current.name;
    this.showNameProblem(null);
    this.naming.showModal();
    this.nameInput.select();
  }

  showNameProblem(key, values) {
    this.nameError.hidden = key === null;
    this.nameError.textContent = key === null ? "" : this.text(key, values);
    if (key === null) this.nameInput.removeAttribute("aria-invalid");
    else this.nameInput.setAttribute("aria-invalid", "true");
  }

  // Cancel (and Escape) close the dialog as usual; the browser puts focus back where it was.
  named(event) {
    if (event.submitter?.value !== "save") return;
    event.preventDefault();
    const name = tidyName(this.nameInput.value);
    const except = this.purpose === "rename" ? this.current.id : null;
    const problem = !name ? "project-name-empty" : this.store.isTaken(name, except) ? "project-name-taken" : null;
    if (problem) {
      this.showNameProblem(problem, { name });
      this.nameInput.focus();
      return;
    }
    this.naming.close();
    if (this.purpose === "new") this.create(name);
    else if (name !== this.current.name) this.rename(name);
  }

  askDelete() {
    this.deleting.querySelector("[id$=-question]").textContent = this.text("project-delete-question", {
      name: this.current.name,
    });
    this.deleting.showModal();
    this.deleting.querySelector('[value="cancel"]').focus();
  }

  confirmed(event) {
    if (event.submitter?.value !== "delete") return;
    event.preventDefault();
    this.deleting.close();
    this.remove();
  }

  wire() {
    this.nameInput.maxLength = MAX_NAME_LENGTH;
    this.naming.querySelector(".guide-hint").textContent = this.text("project-name-hint", { max: MAX_NAME_LENGTH });
    const actions = {
      open: () => this.open(this.select.value),
      new: () => this.askName("new"),
      rename: () => this.askName("rename"),
      duplicate: () => this.duplicate(),
      delete: () => this.askDelete(),
      undo: () => this.undo(),
    };
    for (const button of this.bar.querySelectorAll("button[data-project]")) {
      button.addEventListener("click", () => actions[button.dataset.project]());
    }
    this.naming.addEventListener("submit", (event) => this.named(event));
    this.deleting.addEventListener("submit", (event) => this.confirmed(event));
    // Another tab added, renamed or deleted a project (or the privacy page cleared everything).
    window.addEventListener("storage", (event) => {
      if (event.key === null) this.store.rescan();
      else if (!this.store.noteChange(event.key, event.newValue)) return;
      if (this.store.has(this.current.id)) this.current.name = this.store.names.get(this.current.id);
      this.render();
      if (event.key === null || event.key === this.store.key(this.current.id)) this.follow();
      else this.join(this.store.idOf(event.key));
    });
  }
}
