// Probes that tests/browser/a11y.py evaluates in the page under test. The file is one object
// expression, installed once per document under a symbol of the global registry (so that each
// call sends a name, not this source); nothing of it is shipped in the site.
({
  describe(node) {
    const text = node.textContent.trim().replace(/\s+/g, " ").slice(0, 40);
    return node.tagName.toLowerCase()
      + (node.id ? `#${node.id}` : "")
      + (node.classList.length ? `.${[...node.classList].join(".")}` : "")
      + (text ? ` "${text}"` : "");
  },

  // A selector path that names one element, to tell tab stops apart.
  path(node) {
    const steps = [];
    for (; node && node !== document.documentElement; node = node.parentElement) {
      const position = [...node.parentElement.children].indexOf(node) + 1;
      steps.unshift(`${node.tagName.toLowerCase()}:nth-child(${position})`);
    }
    return steps.join(" > ");
  },

  async settled() {
    // A region that says it is being filled (aria-busy) is judged once it is complete.
    const deadline = performance.now() + 60_000;
    while (document.querySelector('[aria-busy="true"]') && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const running = document.getAnimations()
      .filter((animation) => animation.effect?.getTiming().iterations !== Infinity);
    await Promise.all(running.map((animation) => animation.finished.catch(() => null)));
  },

  // Material's colour scheme switched as its palette toggle does; the one before is returned.
  async wearScheme(scheme) {
    const before = document.body.dataset.mdColorScheme;
    document.body.setAttribute("data-md-color-scheme", scheme);
    await this.settled();
    return before;
  },

  // Every element's box, scroll size and visibility, one line each. Two looks that give the
  // same layout differ in colours only, so axe's rules that read the DOM, visibility and boxes
  // answer the same in both (tests/browser/a11y.py runs only the colour rules again).
  layout() {
    return [...document.querySelectorAll("*")].map((element) => {
      const box = element.getBoundingClientRect();
      return `${this.shown(element) ? "shown" : "hidden"} ${box.x} ${box.y} ${box.width} `
        + `${box.height} ${element.scrollWidth} ${element.scrollHeight}`;
    }).join("\n");
  },

  // Whether this look lays the page out as the last look with all rules run did (``first``: a
  // medium's first look, always run in full). The layout stays in the page: it is large.
  sameLayoutAsChecked(first) {
    const layout = this.layout();
    const same = !first && layout === this.checkedLayout;
    if (!same) this.checkedLayout = layout;
    return same;
  },

  // axe's violations of the page at rest, or null when axe is not in the page yet. Two frames
  // first, so that a transition a scroll just asked for has started before settling.
  async axeViolations({ tags, within, colourTag }) {
    if (typeof window.axe !== "object") return null;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    await this.settled();
    const runOnly = colourTag === null ? { type: "tag", values: tags } : {
      type: "rule",
      values: axe.getRules(tags)
        .filter((rule) => rule.tags.includes(colourTag)).map((rule) => rule.ruleId),
    };
    const results = await axe.run(within ? document.querySelector(within) : document,
      { runOnly, resultTypes: ["violations"] });
    return results.violations.flatMap((violation) => violation.nodes.map(
      (node) => [violation.id, node.target, node.failureSummary]));
  },

  shown(node) {
    return node.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  },

  // The ancestors that scroll or clip their content sideways, nearest first.
  sidewaysBoxes(element) {
    const boxes = [];
    for (let node = element; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.overflowX === "visible") continue;
      boxes.push({
        right: node.getBoundingClientRect().right,
        scrolls: style.overflowX === "auto" || style.overflowX === "scroll",
        ellipsis: style.textOverflow === "ellipsis",
      });
    }
    return boxes;
  },

  // WCAG 1.4.10: no text may need the page to scroll sideways. Tables and code may scroll inside
  // a box of their own that fits on screen; text cut off by a clipping box is lost unless the box
  // marks the cut with an ellipsis (Material's one-line labels, each repeated elsewhere).
  overflowingText() {
    const width = document.documentElement.clientWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const fits = (right) => right <= width + 1;
    const found = [];
    if (scrollWidth > width) found.push(`the page scrolls sideways: ${scrollWidth}px in ${width}px`);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const element = text.parentElement;
      if (!text.textContent.trim() || !this.shown(element)) continue;
      if (element.getBoundingClientRect().width <= 1) continue; // for screen readers only
      const range = document.createRange();
      range.selectNodeContents(text);
      const right = Math.max(...[...range.getClientRects()].map((rect) => rect.right));
      const boxes = this.sidewaysBoxes(element);
      const scroller = boxes.find((box) => box.scrolls);
      const clip = boxes[0] && !boxes[0].scrolls ? boxes[0] : null;
      const what = this.describe(element);
      if (scroller) {
        if (!boxes.some((box) => box.scrolls && fits(box.right))) {
          found.push(`${what} scrolls in a box reaching ${Math.round(scroller.right)}px`);
        }
      } else if (clip && !fits(clip.right)) {
        found.push(`${what} is in a box reaching ${Math.round(clip.right)}px of ${width}px`);
      } else if (clip && !clip.ellipsis && right > clip.right + 1) {
        found.push(`${what} is cut off at ${Math.round(clip.right)}px`);
      } else if (!clip && !fits(right)) {
        found.push(`${what} reaches ${Math.round(right)}px of ${width}px`);
      }
    }
    return [...new Set(found)];
  },

  drawsFocus(node) {
    const style = getComputedStyle(node);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== "none";
  },

  async focusState() {
    const pressed = document.activeElement;
    await this.settled();
    const element = document.activeElement;
    // Recorded on a key press: focus moved on before the page came to rest.
    const moved = element !== pressed;
    if (!element || element === document.body) return { element: null, path: "", moved };
    // A visually hidden control shows its focus on a label: one of its own, or the label that
    // follows it (Material's palette toggle: the radio, then the button-like label after it).
    let target = element;
    const box = element.getBoundingClientRect();
    if (box.width <= 1 && box.height <= 1) {
      const next = element.nextElementSibling;
      const labels = [...(element.labels || []), ...(next?.tagName === "LABEL" ? [next] : [])];
      target = labels.find((label) => this.shown(label)) || element;
    }
    const rect = target.getBoundingClientRect();
    const inView = rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0
      && rect.left < innerWidth && rect.top < innerHeight && this.shown(target);
    return {
      path: this.path(element),
      element: this.describe(element),
      indicator: this.drawsFocus(element) || this.drawsFocus(target),
      inView,
      moved,
    };
  },

  async focusStateMatching(selector) {
    return { ...(await this.focusState()), matches: document.activeElement.matches(selector) };
  },

  // Tab stops are recorded where each press of Tab ends (keyup: focus has moved and scrolled
  // into view), so that a batch of presses is read back in one call. The count says how many
  // presses there may be before focus comes round: elements that take focus, some of which
  // may not (a radio group is one stop).
  recordTabStops() {
    this.stops = [];
    this.stopPaths = new Set();
    this.recorder ??= (event) => {
      if (event.key === "Tab") this.stops.push(this.focusState());
    };
    window.addEventListener("keyup", this.recorder, true);
    return [...document.querySelectorAll(
      "a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], "
      + "[contenteditable]",
    )].filter((node) => node.tabIndex >= 0 && !node.disabled && this.shown(node)).length;
  },

  // The stops recorded since the last call. Recording ends once focus came round (or moved on
  // before a stop was judged), so that later presses (tab_to's) are not judged twice.
  async recordedTabStops() {
    const stops = await Promise.all(this.stops);
    this.stops = [];
    let cameRound = false;
    for (const stop of stops) {
      if (stop.element === null) continue;
      cameRound ||= this.stopPaths.has(stop.path);
      this.stopPaths.add(stop.path);
    }
    if (cameRound || stops.some((stop) => stop.moved)) {
      window.removeEventListener("keyup", this.recorder, true);
    }
    return stops;
  },

  // The computed colour of each custom property, as it resolves inside the page's body.
  resolveColours(names) {
    const probe = document.body.appendChild(document.createElement("span"));
    try {
      return Object.fromEntries(names.map((name) => {
        probe.style.color = `var(${name})`;
        return [name, getComputedStyle(probe).color];
      }));
    } finally {
      probe.remove();
    }
  },

  SHAPES: "rect, circle, ellipse, path, polygon, polyline, line",

  paintedBackground(element) {
    const style = getComputedStyle(element);
    if (!(element instanceof SVGElement)) return style.backgroundColor;
    return element.matches(this.SHAPES) && style.fill !== "none" ? style.fill : null;
  },

  // Colours painted beneath an element at a point, top first, down to the page itself.
  backdrop(element, x, y) {
    const stack = document.elementsFromPoint(x, y);
    const below = stack.includes(element) ? stack.slice(stack.indexOf(element) + 1) : stack;
    return [
      ...below.filter((node) => !element.contains(node)).map((node) => this.paintedBackground(node)),
      getComputedStyle(document.documentElement).backgroundColor,
      getComputedStyle(document.body).backgroundColor,
    ].filter(Boolean);
  },

  chartColours(selector) {
    const found = [];
    for (const svg of document.querySelectorAll(selector)) {
      for (const element of svg.querySelectorAll(`text, ${this.SHAPES}`)) {
        // Each part in the middle of the screen: a chart taller than the screen would otherwise
        // have its top under the sticky header, whose colour is not what the text lies on.
        element.scrollIntoView({ block: "center" });
        const style = getComputedStyle(element);
        const rect = element.getBoundingClientRect();
        const stroked = style.stroke !== "none" && parseFloat(style.strokeWidth) > 0;
        found.push({
          kind: element.tagName.toLowerCase() === "text" ? "text" : "shape",
          label: this.describe(element),
          fill: style.fill === "none" ? null : style.fill,
          stroke: stroked ? style.stroke : null,
          fontSize: parseFloat(style.fontSize),
          fontWeight: parseInt(style.fontWeight, 10),
          below: this.backdrop(element, rect.left + rect.width / 2, rect.top + rect.height / 2),
        });
      }
    }
    return found;
  },
})
