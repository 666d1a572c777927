// @ts-check
// Result blocks from Python, turned into DOM nodes with textContent only. SVG is the one
// markup Python sends; it is parsed as XML into an inert node and its text was escaped there.

import { SITE_ROOT as ROOT } from "../paths.js";


function element(tag, text, attributes = {}) {
  const node = Object.assign(document.createElement(tag), attributes);
  if (text !== undefined) node.textContent = text;
  return node;
}

function importSVG(markup) {
  const parsed = new DOMParser().parseFromString(markup, "image/svg+xml");
  if (parsed.querySelector("parsererror")) throw new Error("the chart could not be drawn");
  return document.importNode(parsed.documentElement, true);
}

function listItem(item) {
  if (typeof item === "string") return element("li", item);
  const li = element("li");
  li.append(element("a", item.text, { href: new URL(item.href, ROOT).href }));
  if (item.note) li.append(` ${item.note}`);
  return li;
}

// A chart (or a table a narrow screen cannot stack) wider than the result scrolls inside its
// wrapper or figure; a scrolling region must be reachable by keyboard (WCAG 2.1.1), so it joins the
// tab order, named by its caption, only then, with a visible hint after it that says so.
let scrollHint;

function hintText() {
  scrollHint ??= JSON.parse(document.querySelector("form[data-calculator] .guide-messages")?.textContent ?? "{}")["scroll-hint"] ?? "";
  return scrollHint;
}

let hints = 0;

function markOverflow(box) {
  const hint = box.nextElementSibling?.classList.contains("guide-scroll-hint") ? box.nextElementSibling : null;
  if (box.scrollWidth > box.clientWidth + 1) {
    Object.assign(box, { tabIndex: 0, role: "region" });
    box.setAttribute("aria-label", box.querySelector("caption, figcaption")?.textContent ?? "");
    if (!hint) {
      hints += 1;
      const added = element("p", hintText(), { className: "guide-scroll-hint", id: `guide-scroll-hint-${hints}` });
      box.after(added);
      box.setAttribute("aria-describedby", added.id);
    }
  } else {
    for (const name of ["tabindex", "role", "aria-label", "aria-describedby"]) box.removeAttribute(name);
    hint?.remove();
  }
}

const overflowing = new ResizeObserver((entries) => entries.forEach(({ target }) => markOverflow(target)));

function table(block) {
  const wrap = element("div", undefined, { className: "guide-table-wrap" });
  overflowing.observe(wrap);
  const node = element("table");
  if (block.caption) node.append(element("caption", block.caption));
  const head = element("thead");
  const headRow = element("tr");
  for (const cell of block.head) headRow.append(element("th", cell, { scope: "col" }));
  head.append(headRow);
  const body = element("tbody");
  for (const row of block.rows) {
    const tr = element("tr");
    row.forEach((cell, index) => {
      const node = index === 0 ? element("th", String(cell), { scope: "row" }) : element("td", String(cell));
      // On a narrow screen rows stack and each cell shows its column's header (calculator.css).
      node.dataset.label = block.head[index] ?? "";
      tr.append(node);
    });
    body.append(tr);
  }
  node.append(head, body);
  wrap.append(node);
  return wrap;
}

const RENDERERS = Object.freeze({
  heading: (block) => element(`h${block.level ?? 2}`, block.text),
  paragraph: (block) => element("p", block.text, block.tone ? { className: `guide-tone-${block.tone}` } : {}),
  list: (block) => {
    const list = element(block.ordered ? "ol" : "ul");
    list.append(...block.items.map(listItem));
    return list;
  },
  figure: (block) => {
    const figure = element("figure");
    overflowing.observe(figure);
    figure.append(importSVG(block.svg), element("figcaption", block.caption));
    return figure;
  },
  table,
  button: (block, onOperation) => {
    const button = element("button", block.label, { type: "button", className: "md-button" });
    button.addEventListener("click", () => onOperation(block.op, block.payload ?? {}));
    return button;
  },
  // A group of blocks, e.g. so that print styles can lay out one part of a result apart.
  section: (block, onOperation) => {
    const section = element("section", undefined, { className: `guide-section-${block.name}` });
    section.append(...block.blocks.map((inner) => renderBlock(inner, onOperation)));
    return section;
  },
});

function renderBlock(block, onOperation) {
  const render = RENDERERS[block.type];
  if (!render) throw new Error(`unknown result block ${block.type}`);
  return render(block, onOperation);
}

export function renderBlocks(target, blocks, onOperation) {
  target.replaceChildren(...blocks.map((block) => renderBlock(block, onOperation)));
  // Judged at once too: the observer only reports after the next layout, and a result must never
  // be seen with a scrolling table that the keyboard cannot reach.
  target.querySelectorAll(".guide-table-wrap, figure").forEach(markOverflow);
}
