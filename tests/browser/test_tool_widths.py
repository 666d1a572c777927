"""Every state of every tool fits a phone: at 320, 375 and 1280 px the page is never wider than
the screen, nothing sticks out of it except inside a named, focusable scroll region, every chart
(the matrix's 3 × 3 grid too) fits its box with no scrolling, no "Add …" button is covered, and
axe finds nothing with the WCAG 2.2 tags (target size 2.5.8 among them).

One page per tool and language walks through the tool's states in order (tests/support/states.py)
and is judged at each width by resizing the viewport, not by reloading: the states are what the
issue found too wide (SoImpact's indicators, the charts, the group tables), and reaching them is
the slow part.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.a11y import WCAG22_TAGS, axe_violations, report, settle
from tests.support.browser import RecordedPage
from tests.support.calculators import open_ready
from tests.support.states import STATES

WIDTHS = (320, 375, 1280)
AXE_WIDTH = 375
HEIGHT = 800
LANGUAGES = {"en": "", "nb": "nb/"}

WIDTH_PROBLEMS = """() => {
  const width = innerWidth;
  const found = [];
  const describe = (node) =>
    node.tagName.toLowerCase() + (node.id ? `#${node.id}` : "") +
    (node.classList.length ? `.${[...node.classList].join(".")}` : "");
  // A region a keyboard can reach and a screen reader can name may scroll (WCAG 1.4.10, 2.1.1).
  const scrollRegion = (node) =>
    node.getAttribute("role") === "region" && node.tabIndex === 0 &&
    Boolean(node.getAttribute("aria-label") || node.getAttribute("aria-labelledby")) &&
    ["auto", "scroll"].includes(getComputedStyle(node).overflowX);
  const inScrollRegion = (node) => {
    for (let up = node.parentElement; up; up = up.parentElement) if (scrollRegion(up)) return true;
    return false;
  };
  if (document.scrollingElement.scrollWidth > width) {
    found.push(`the page is ${document.scrollingElement.scrollWidth} px wide`);
  }
  for (const node of document.querySelectorAll(".md-header *, .md-main *")) {
    const box = node.getBoundingClientRect();
    if (!box.width || !node.checkVisibility({ visibilityProperty: true })) continue;
    if ((box.right > width + 1 || box.left < -1) && !inScrollRegion(node)) {
      const parent = node.parentElement.getBoundingClientRect();
      if (parent.right <= width + 1 && parent.left >= -1) {
        const reach = `${Math.round(box.left)}..${Math.round(box.right)}`;
        found.push(`${describe(node)} reaches ${reach} px`);
      }
    }
  }
  for (const chart of document.querySelectorAll(".guide-result figure svg")) {
    const figure = chart.closest("figure");
    const drawn = chart.getBoundingClientRect().width;
    if (drawn > figure.clientWidth + 1) {
      found.push(`a ${Math.round(drawn)} px chart in a ${figure.clientWidth} px box`);
    }
  }
  for (const button of document.querySelectorAll("[data-repeat-add]")) {
    if (!button.checkVisibility()) continue;
    button.scrollIntoView({ block: "center" });
    const box = button.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (!button.contains(hit)) {
      found.push(`${button.textContent} is covered by ${hit && describe(hit)}`);
    }
  }
  return found;
}"""


def width_problems(page: Page) -> list[str]:
    """What is wider than the viewport (or covers an "Add …" button) in the page as it is now."""
    # Two frames first: render.js marks a figure that overflows from a ResizeObserver, which
    # reports only after the layout the new width caused.
    page.evaluate(
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )
    settle(page)
    return page.evaluate(WIDTH_PROBLEMS)


def axe_wcag22(page: Page, axe_script: Path) -> list[str]:
    """axe's violations with the WCAG 2.2 tags, the state seen from the top of the page."""
    # From the top, as the state is met: where an earlier check scrolled to, the sticky header
    # would lie over a control and axe count it as a target too small.
    page.evaluate("window.scrollTo(0, 0)")
    return [f"axe {found}" for found in axe_violations(page, axe_script, tags=WCAG22_TAGS)]


@pytest.mark.parametrize("language", list(LANGUAGES))
@pytest.mark.parametrize("tool", list(STATES))
def test_every_state_fits_a_phone(
    visit: RecordedPage, axe_script: Path, tmp_path: Path, tool: str, language: str
) -> None:
    page = open_ready(visit, f"{LANGUAGES[language]}tools/{tool}/")
    found: dict[str, list[str]] = {}
    for state, step in STATES[tool]:
        step(page, tmp_path)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": HEIGHT})
            problems = width_problems(page)
            if width == AXE_WIDTH:
                problems += axe_wcag22(page, axe_script)
            found[f"{state} at {width} px"] = problems
    assert not any(found.values()), report(found)
