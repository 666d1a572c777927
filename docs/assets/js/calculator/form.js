// @ts-check
// A calculator form's answers as a flat object of dotted names ("indicators.0.name") to text
// or lists of text, read from and written back to the form. Repeatable groups:
//   <div class="guide-repeat" data-repeat="indicators" data-item-label="Indicator"> (words in the
//     page's language; the form carries data-remove-label="Remove {item}")
//     <template><li class="guide-repeat-item">… fields with data-name="name", labels with
//       data-for="name", error slots with data-error-for="name", nested data-repeat="…" …
//       <button type="button" data-repeat-remove>Remove</button></li></template>
//     <ol class="guide-repeat-items"></ol>
//     <button type="button" data-repeat-add>Add an indicator</button>
//   </div>
// Names inside a template are relative; renumber() gives every field its full dotted name.

const FIELDS = "input[name], select[name], textarea[name]";

/**
 * Answers from a form's [name, value] entries: a name given more than once, or one of the
 * `lists` (a group of several checkboxes, even with one ticked), holds a list of text.
 * @param {Iterable<[string, FormDataEntryValue]>} entries
 * @param {Set<string>} lists
 * @returns {Record<string, string | string[]>}
 */
export function collectAnswers(entries, lists) {
  /** @type {Record<string, string | string[]>} */
  const answers = {};
  for (const [key, value] of entries) {
    if (typeof value !== "string") continue; // file inputs are actions, not answers
    if (key in answers) answers[key] = [...[answers[key]].flat(), value];
    else answers[key] = lists.has(key) ? [value] : value;
  }
  return answers;
}

/** @param {HTMLFormElement} form */
export function readAnswers(form) {
  const boxes = [...form.querySelectorAll('input[type="checkbox"][name]')].map((box) => box.getAttribute("name"));
  const lists = new Set(boxes.filter((name, index) => name !== null && boxes.indexOf(name) !== index));
  return collectAnswers(/** @type {any} */ (new FormData(form)), /** @type {Set<string>} */ (lists));
}

function fullPath(container) {
  return container.dataset.repeatPath || container.dataset.repeat;
}

function fieldId(name) {
  return `field-${name}`;
}

function renumber(container) {
  const path = fullPath(container);
  // The item's name and "Remove {item}" in the page's language, from the form's markup
  // (data-item-label on the group; data-remove-label on the form, macros/templates/calculator.j2).
  const label = container.dataset.itemLabel;
  const removeLabel = container.closest("form").dataset.removeLabel;
  const items = container.querySelector(":scope > .guide-repeat-items").children;
  [...items].forEach((item, index) => {
    const prefix = `${path}.${index}`;
    const own = (selector) => [...item.querySelectorAll(selector)].filter(
      (element) => element.parentElement.closest(".guide-repeat-item") === item,
    );
    for (const field of own("[data-name]")) {
      field.name = `${prefix}.${field.dataset.name}`;
      field.id = `input-${field.name}`;
      if (field.hasAttribute("aria-describedby")) field.setAttribute("aria-describedby", `${field.name}-error`);
    }
    for (const wrapper of own("[data-field]")) wrapper.id = fieldId(`${prefix}.${wrapper.dataset.field}`);
    for (const labelElement of own("label[data-for]")) labelElement.htmlFor = `input-${prefix}.${labelElement.dataset.for}`;
    for (const slot of own("[data-error-for]")) slot.id = `${prefix}.${slot.dataset.errorFor}-error`;
    for (const heading of own("[data-item-number]")) heading.textContent = `${label} ${index + 1}`;
    for (const remove of own("[data-repeat-remove]")) remove.setAttribute("aria-label", removeLabel.replace("{item}", `${label.toLowerCase()} ${index + 1}`));
    for (const nested of own("[data-repeat]")) {
      nested.dataset.repeatPath = `${prefix}.${nested.dataset.repeat}`;
      renumber(nested);
    }
  });
}

function addItem(container) {
  const template = container.querySelector(":scope > template");
  const list = container.querySelector(":scope > .guide-repeat-items");
  list.append(template.content.cloneNode(true));
  renumber(container);
  return list.lastElementChild;
}

function clearItems(container) {
  container.querySelector(":scope > .guide-repeat-items").replaceChildren();
}

// Wire the add and remove buttons of every repeatable group (once per form).
export function setupRepeats(form, onChange) {
  form.addEventListener("click", (event) => {
    const add = event.target.closest("[data-repeat-add]");
    const remove = event.target.closest("[data-repeat-remove]");
    if (add) {
      const item = addItem(add.closest("[data-repeat]"));
      item.querySelector(FIELDS)?.focus();
      onChange();
    } else if (remove) {
      const item = remove.closest(".guide-repeat-item");
      const container = item.closest("[data-repeat]");
      item.remove();
      renumber(container);
      container.querySelector(":scope > [data-repeat-add]").focus();
      onChange();
    }
  });
}

// How many items of the repeat group at `path` ("indicators", "indicators.0.measurements")
// the answers hold: one more than the highest index named.
/** @param {Record<string, unknown>} answers @param {string} path */
export function itemCount(answers, path) {
  const pattern = new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(\\d+)\\.`);
  let count = 0;
  for (const key of Object.keys(answers)) {
    const match = key.match(pattern);
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  return count;
}

// Repeat containers whose nearest enclosing repeat item is `owner` (null: top level).
function directRepeats(scope, owner) {
  return [...scope.querySelectorAll("[data-repeat]")].filter(
    (container) => (container.parentElement.closest(".guide-repeat-item") ?? null) === owner,
  );
}

// Items are rebuilt only when their number changed, so a field being typed in stays where it is
// when another tab's answers come in (calculator.js, takeIn).
function buildRepeats(container, answers) {
  const items = container.querySelector(":scope > .guide-repeat-items").children;
  const count = itemCount(answers, fullPath(container));
  if (items.length !== count) {
    clearItems(container);
    for (let index = 0; index < count; index++) addItem(container);
  }
  for (const item of items) {
    for (const nested of directRepeats(item, item)) buildRepeats(nested, answers);
  }
}

// A select whose choices are other answers: an indicator's target group is one of the groups
// named in step 3 (<select data-choices-from="groups" data-choice="name">). A choice that is not
// among them (a group typed in an older file, or renamed since) stays chosen, and the note
// beside the field (data-unlisted, its words from content) says so.
function fillChoices(select, answers) {
  const pattern = new RegExp(`^${select.dataset.choicesFrom}\\.\\d+\\.${select.dataset.choice}$`);
  const texts = Object.entries(answers).filter(([key, value]) => pattern.test(key) && typeof value === "string");
  const names = [...new Set(texts.map(([, value]) => value.trim()).filter(Boolean))];
  const chosen = typeof answers[select.name] === "string" ? answers[select.name].trim() : "";
  const unlisted = chosen !== "" && !names.includes(chosen);
  const choose = select.options[0];
  select.replaceChildren(choose, ...[...names, ...(unlisted ? [chosen] : [])].map((name) => new Option(name, name)));
  select.value = chosen;
  const note = select.parentElement.querySelector("[data-unlisted]");
  note.id = `${select.id}-unlisted`;
  note.hidden = !unlisted;
  if (unlisted) select.setAttribute("aria-describedby", note.id);
  else select.removeAttribute("aria-describedby");
}

// Bring every select of other answers' choices up to date with the answers.
/** @param {HTMLFormElement} form @param {Record<string, string | string[]>} answers */
export function refreshChoices(form, answers) {
  for (const select of form.querySelectorAll("select[data-choices-from][name]")) fillChoices(select, answers);
}

// Replace every answer in the form with those given; fields not named are cleared.
export function writeAnswers(form, answers) {
  for (const container of directRepeats(form, null)) buildRepeats(container, answers);
  for (const field of form.querySelectorAll(FIELDS)) {
    if (field.type === "file" || field.type === "submit" || field.type === "button") continue;
    const value = answers[field.name];
    const values = [].concat(value ?? []);
    if (field.type === "checkbox" || field.type === "radio") {
      field.checked = values.includes(field.value);
    } else if (field.multiple) {
      for (const option of field.options) option.selected = values.includes(option.value);
    } else {
      field.value = typeof value === "string" ? value : "";
    }
  }
  refreshChoices(form, answers);
}

export function showErrors(form, errors) {
  for (const slot of form.querySelectorAll(".guide-error")) {
    slot.hidden = true;
    slot.textContent = "";
  }
  for (const field of form.querySelectorAll("[aria-invalid]")) field.removeAttribute("aria-invalid");
  const unplaced = [];
  for (const { field, message } of errors) {
    const slot = document.getElementById(`${field}-error`);
    if (!slot) {
      unplaced.push(message);
      continue;
    }
    slot.textContent = message;
    slot.hidden = false;
    document.getElementById(fieldId(field))?.setAttribute("aria-invalid", "true");
    document.getElementById(`input-${field}`)?.setAttribute("aria-invalid", "true");
  }
  return unplaced;
}

export function firstInvalid(form) {
  const marked = form.querySelector("[aria-invalid]");
  if (!marked) return null;
  return marked.matches(FIELDS) ? marked : marked.querySelector(FIELDS);
}
