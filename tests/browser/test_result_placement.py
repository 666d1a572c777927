"""The result where the person is (issue 17): each tool's result in brief beside the form at
1280 px and as a bar at the foot of a phone's screen, "N of M" following the answers, the
result in the table of contents, the named search dialog, and no layout shift as Python starts.

One page per tool (the matrix in Norwegian too), reaching its states in sequence and judging
them at 1280 and 375 px without a reload. The expected words are Python's own ``summary`` of
the same answers (unit tests hold what those words are)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from calculators.runtime import tool_named
from macros import translate
from tests.support.browser import RecordedPage
from tests.support.calculators import MODEL, READY_TIMEOUT_MS, open_ready
from tests.support.content import guide_data

DATA = guide_data()
WIDE = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}
STATEMENTS = [statement["id"] for statement in DATA["assessment"]["statements"]]

LAYOUT_SHIFTS = """
window.guideShifts = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.guideShifts += entry.value;
  }
}).observe({ type: "layout-shift", buffered: true });
"""
"""Cumulative layout shift as Lighthouse counts it (shifts not caused by the reader's input)."""


def _check(page: Page, selector: str) -> Locator:
    field = page.locator(selector)
    field.check()
    return field


def _type(page: Page, selector: str, text: str) -> Locator:
    field = page.locator(selector)
    field.fill(text)
    return field


# Per tool: a first answer (count only), then the answers a result needs, each as
# (answers so far, the step that gives them, returning the field just answered).
STEPS: dict[str, list[tuple[dict[str, Any], Any]]] = {
    "matrix": [
        ({"planning": "together"}, lambda p: _check(p, "#field-planning [value='together']")),
        (
            {"planning": "together", "production": "together"},
            lambda p: _check(p, "#field-production [value='together']"),
        ),
    ],
    "assessment": [
        ({STATEMENTS[0]: "4"}, lambda p: _check(p, f"#field-{STATEMENTS[0]} [value='4']")),
        (
            {STATEMENTS[0]: "4", "role": "municipality", STATEMENTS[1]: "2"},
            lambda p: (
                _check(p, "#field-role [value='municipality']"),
                _check(p, f"#field-{STATEMENTS[1]} [value='2']"),
            )[1],
        ),
    ],
    "soimpact": [
        ({"title": "Homework café"}, lambda p: _type(p, "#input-title", "Homework café")),
        (
            {"title": "Homework café", "problem": "Pupils drop out."},
            lambda p: _type(p, "#input-problem", "Pupils drop out."),
        ),
    ],
}

PAGES = [(tool, lang) for tool in ("matrix", "assessment", "soimpact") for lang in ("en", "nb")]


def _expected(tool: str, answers: dict[str, Any], lang: str) -> dict[str, Any]:
    return tool_named(tool).summary({"answers": answers}, DATA, lang)


def _box(locator: Locator) -> dict[str, float]:
    box = locator.bounding_box()
    assert box is not None, "not laid out"
    return box


def _in_view(box: dict[str, float], height: int) -> bool:
    return box["y"] >= 0 and box["y"] + box["height"] <= height


@pytest.mark.parametrize(("tool", "lang"), PAGES, ids=[f"{t}-{lang}" for t, lang in PAGES])
def test_the_result_in_brief_follows_the_answers_beside_them(
    visit: RecordedPage, tool: str, lang: str
) -> None:
    page = visit.page
    page.set_viewport_size(WIDE)
    page.add_init_script(LAYOUT_SHIFTS)
    prefix = "" if lang == "en" else f"{lang}/"
    open_ready(visit, f"{prefix}tools/{tool}/")

    # Python has started, the page has settled: nothing moved on its own.
    page.wait_for_timeout(500)
    assert page.evaluate("window.guideShifts") < 0.01
    search = translate(MODEL.ui.labels["search"], lang)
    expect(page.locator(".md-search[role=dialog]")).to_have_attribute("aria-label", search)
    # The table of contents links to the result's heading (static, so without scripts too).
    toc = page.locator(".md-sidebar--secondary .md-nav__link[href='#result']")
    expect(toc).to_have_text(translate(MODEL.ui.calculator["result-label"], lang))

    # The menu shows the page's own entry, and Home above it whenever both fit (Material alone
    # centres the entry, scrolling Home and the first chapters out of view).
    menu = page.evaluate(
        """() => {
          const wrap = document.querySelector(".md-sidebar--primary .md-sidebar__scrollwrap");
          const frame = wrap.getBoundingClientRect();
          const shown = (link) => {
            const box = link.getBoundingClientRect();
            return box.top >= frame.top && box.bottom <= frame.bottom;
          };
          const first = wrap.querySelector(".md-nav__link");
          const active = wrap.querySelector(".md-nav__link--active[href]");
          const fit = active.getBoundingClientRect().bottom - first.getBoundingClientRect().top
            <= frame.height;
          return { active: shown(active), first: shown(first), fit };
        }"""
    )
    assert menu["active"] and (menu["first"] or not menu["fit"]), menu

    summary = page.locator(".guide-summary")
    count = summary.locator(".guide-summary-count")
    lines = summary.locator(".guide-summary-lines li")
    expect(summary).to_be_hidden()
    (first, answer_first), (required, answer_required) = STEPS[tool]

    answer_first(page)
    expect(count).to_have_text(_expected(tool, first, lang)["count"], timeout=READY_TIMEOUT_MS)
    expect(lines).to_have_count(0)

    field = answer_required(page)
    wanted = _expected(tool, required, lang)
    assert wanted["count"] != _expected(tool, first, lang)["count"]
    expect(count).to_have_text(wanted["count"], timeout=READY_TIMEOUT_MS)
    expect(lines).to_have_text(wanted["lines"])

    # 1280 px: beside the form, in view with the question just answered.
    field.evaluate("field => field.scrollIntoView({block: 'center'})")  # as one reads it
    beside, answered = _box(summary), _box(field)
    form = _box(page.locator("form[data-calculator]"))
    assert beside["x"] >= form["x"] + form["width"], (beside, form)
    assert _in_view(beside, WIDE["height"]) and _in_view(answered, WIDE["height"])

    # 375 px: a bar at the foot of the screen beside the same question, its link to the result.
    page.set_viewport_size(PHONE)
    field.scroll_into_view_if_needed()
    bar = _box(summary)
    expect(summary).to_be_visible()
    assert abs(bar["y"] + bar["height"] - PHONE["height"]) <= 1, bar
    assert _in_view(_box(field), PHONE["height"])
    expect(lines.first).to_have_text(wanted["lines"][0])
    summary.get_by_role("link").click()
    expect(page).to_have_url(f"{visit.base_url}{prefix}tools/{tool}/#result")
    heading = _box(page.locator("#result"))
    assert 0 <= heading["y"] < PHONE["height"] / 2, heading
