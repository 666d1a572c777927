"""Accessibility checks for any page or calculator state, for reuse across the browser layer.

Each check takes a Playwright page in the state to judge and returns its findings as short,
readable strings: an empty list means it passed. Tests gather findings over many pages or states
and assert once, so a failure lists every problem at the same time.

Use them for every state a tool can reach (empty, filled, error, imported, ...)::

    problems = axe_in_every_look(page, axe_script) + overflowing_text(page)
    documents[f"{name}-error.html"] = rendered_html(page)
    ...
    assert vnu_errors(vnu_jar, write_documents(tmp_path, documents)) == {}
"""

from __future__ import annotations

import functools
import json
import subprocess
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

from tests.support.contrast import GRAPHICS, contrast_ratio, flatten, text_minimum

WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
WCAG22_TAGS = (*WCAG_TAGS, "wcag22a", "wcag22aa")
"""WCAG 2.2 adds the rules axe has for it (target size, 2.5.8): judged on the tools' states."""
COLOUR_TAG = "cat.color"
"""axe's category of the rules that read colours (color-contrast, link-in-text-block): the only
ones whose answer a change of colours alone can change."""
SCHEMES = ("default", "slate")
"""Material's light and dark colour schemes (mkdocs.yml offers both through the palette toggle)."""
MEDIA = ("screen", "print")
JAVA = "/usr/bin/java"

REFLOW_VIEWPORT = {"width": 320, "height": 256}
REFLOW_SCALE = 4
"""320 × 256 CSS px at 4 device pixels each is a 1280 × 1024 screen zoomed to 400 %: the very
case WCAG 1.4.10 names, so one context checks both the 320 px width and the 400 % zoom."""

TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
"""The spacing WCAG 1.4.12 says users must be able to set without losing content."""


PROBES = (Path(__file__).parent / "a11y_probes.js").read_text(encoding="utf-8")


@functools.cache
def _script(path: Path) -> str:
    return path.read_text(encoding="utf-8")


_MISSING = "a11y probes not installed"
_CALL = f"""([name, argument]) => {{
    const probes = window[Symbol.for("tests.a11y")];
    return probes ? probes[name](argument) : {json.dumps(_MISSING)};
}}"""
_INSTALL = f"""() => {{ window[Symbol.for("tests.a11y")] ??= ({PROBES}); }}"""


def _probe(page: Page, name: str, argument: object = None) -> Any:
    """Run one function of ``a11y_probes.js`` in the page, installing them in a document the
    first time: every call then sends a name, not the probes' source to compile again."""
    result = page.evaluate(_CALL, [name, argument])
    if result == _MISSING:
        page.evaluate(_INSTALL)
        result = page.evaluate(_CALL, [name, argument])
    return result


@dataclass(frozen=True)
class KnownThemeError:
    """A Nu HTML Checker error in Material's own markup that is harmless, and why."""

    message_start: str
    extract_contains: str
    why: str


KNOWN_THEME_ERRORS = (
    KnownThemeError(
        message_start="Attribute “autocomplete” is only allowed when the input type is",
        extract_contains='class="md-toggle"',
        why="Material's hidden drawer/search checkboxes carry autocomplete=off so that Firefox "
        "does not reopen the drawer or search from its form cache after a reload; browsers "
        "ignore the attribute otherwise and assistive technology never sees these inputs.",
    ),
    KnownThemeError(
        message_start="Bad value “” for attribute “tabindex” on element “label”",
        extract_contains='class="md-nav__link"',
        why='Material\'s nav-item partial writes tabindex="" on the label of a navigation '
        "section (navigation.sections), meaning 'not in the tab order'; browsers treat the empty "
        "value exactly so. Overriding the whole 170-line partial to drop it would fork the theme.",
    ),
)


def axe_violations(
    page: Page,
    axe_script: Path,
    *,
    within: str | None = None,
    colour_only: bool = False,
    tags: tuple[str, ...] = WCAG_TAGS,
) -> list[str]:
    """axe-core's violations of ``tags`` (WCAG 2.0/2.1 A and AA) in the page (or in one part of
    it); with ``colour_only``, those of the rules axe files under colour (``COLOUR_TAG``) alone."""
    argument = {
        "tags": list(tags),
        "within": within,
        "colourTag": COLOUR_TAG if colour_only else None,
    }
    # Judged at rest: a control still fading in (Material's "back to top") has no contrast yet.
    found = _probe(page, "axeViolations", argument)
    if found is None:
        # Evaluated by the test driver, not added as a <script>: the page's HTML stays the page's,
        # and a Content-Security-Policy without inline scripts does not refuse it.
        page.evaluate(_script(axe_script))
        found = _probe(page, "axeViolations", argument)
    return [f"{rule}: {target} {summary}" for rule, target, summary in found]


NO_MOTION_CSS = """
*, *::before, *::after { transition-duration: 0s !important; transition-delay: 0s !important;
                         animation-duration: 0s !important; animation-delay: 0s !important; }
"""
"""Checks that change a look or move focus many times judge only where transitions end."""


@contextmanager
def styled(page: Page, css: str) -> Iterator[Page]:
    """``css`` on top of the page's own styles while inside. It is added through the CSS object
    model, not as a <style> element, which a Content-Security-Policy without inline styles would
    refuse without a word (and a check would then judge the page without it)."""
    sheet = page.evaluate_handle(
        """css => {
               const sheet = new CSSStyleSheet();
               sheet.replaceSync(css);
               document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
               return sheet;
           }""",
        css,
    )
    try:
        yield page
    finally:
        sheet.evaluate(
            """sheet => document.adoptedStyleSheets =
                   document.adoptedStyleSheets.filter(other => other !== sheet)"""
        )


def without_motion(page: Page) -> AbstractContextManager[Page]:
    """Transitions finish at once while inside (the end states are unchanged, only sooner)."""
    return styled(page, NO_MOTION_CSS)


def settle(page: Page) -> None:
    """Wait for regions being filled (``aria-busy``) and for running CSS transitions and
    animations to end: judge what a person sees.

    Endless animations (a progress bar) are not waited for.
    """
    _probe(page, "settled")


@contextmanager
def _in_medium(page: Page, media: str) -> Iterator[Page]:
    page.emulate_media(media=media)
    try:
        yield page
    finally:
        page.emulate_media(media="screen")


@contextmanager
def _in_scheme(page: Page, scheme: str) -> Iterator[Page]:
    """The scheme switched the way Material's palette toggle switches it (the body attribute all
    the palette's CSS keys on), so one page load serves every look."""
    before = _probe(page, "wearScheme", scheme)
    try:
        yield page
    finally:
        page.evaluate(
            "scheme => document.body.setAttribute('data-md-color-scheme', scheme)", before
        )


@contextmanager
def looking(page: Page, scheme: str, media: str) -> Iterator[Page]:
    """The page in one colour scheme and medium, restored afterwards."""
    with _in_medium(page, media), _in_scheme(page, scheme):
        yield page


def axe_in_every_look(page: Page, axe_script: Path, *, within: str | None = None) -> list[str]:
    """axe violations in light and dark schemes, on screen and in print, each tagged by look.

    Every rule runs in the light scheme of each medium (print lays the page out anew and shows
    other parts). The dark scheme is meant to change colours only; where it leaves every box and
    every element's visibility as the light scheme had them (compared, not assumed), the rules
    that do not read colours cannot answer otherwise, so only the colour rules run again.
    """
    found = []
    with without_motion(page):
        for media in MEDIA:
            # The medium is set once for both schemes: each change of it lays the page out anew.
            with _in_medium(page, media):
                for scheme in SCHEMES:
                    with _in_scheme(page, scheme):
                        first = scheme == SCHEMES[0]
                        colour_only = _probe(page, "sameLayoutAsChecked", first)
                        found += [
                            f"[{scheme}/{media}] {problem}"
                            for problem in axe_violations(
                                page, axe_script, within=within, colour_only=colour_only
                            )
                        ]
    return found


def overflowing_text(page: Page) -> list[str]:
    """Visible text (or the box clipping it) that reaches past the right edge of the viewport."""
    return _probe(page, "overflowingText")


def overflowing_text_with_spacing(page: Page) -> list[str]:
    """The same with WCAG 1.4.12's text spacing applied, then removed again."""
    with styled(page, TEXT_SPACING_CSS):
        return [f"[text spacing] {problem}" for problem in overflowing_text(page)]


def reflow_problems(page: Page) -> list[str]:
    """Overflowing text at 320 CSS px (and with text spacing), in the page's current state.

    The viewport is narrowed and restored around the check, so a calculator state need not be
    rebuilt in a second, narrow browser context.
    """
    before = page.viewport_size
    page.set_viewport_size(REFLOW_VIEWPORT)
    try:
        settle(page)
        return overflowing_text(page) + overflowing_text_with_spacing(page)
    finally:
        if before:
            page.set_viewport_size(before)


def assert_no_overflow(page: Page) -> None:
    """Fail with every overflowing piece of text, with and without WCAG text spacing."""
    problems = reflow_problems(page)
    assert problems == [], f"{page.url}: text needs horizontal scrolling: {problems}"


def rendered_html(page: Page) -> str:
    """The live DOM as an HTML document, after every script has run (take it before axe)."""
    return page.evaluate("() => '<!DOCTYPE html>\\n' + document.documentElement.outerHTML")


def write_documents(folder: Path, documents: Mapping[str, str]) -> list[Path]:
    """Write named HTML documents into ``folder`` for the checker; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, html in documents.items():
        path = folder / name
        path.write_text(html, encoding="utf-8")
        paths.append(path)
    return paths


def _known(message: dict[str, str]) -> bool:
    return any(
        message.get("message", "").startswith(known.message_start)
        and known.extract_contains in message.get("extract", "")
        for known in KNOWN_THEME_ERRORS
    )


def vnu_errors(vnu_jar: Path, files: Sequence[Path]) -> dict[str, list[str]]:
    """Nu HTML Checker errors by ``folder/file`` (one Java run for all), less known theme errors."""
    completed = subprocess.run(
        [
            JAVA,
            "-jar",
            str(vnu_jar),
            "--format",
            "json",
            "--stdout",
            "--exit-zero-always",
            "--errors-only",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, list[str]] = {}
    for message in json.loads(completed.stdout)["messages"]:
        if _known(message):
            continue
        path = Path(message.get("url", "?").removeprefix("file:"))
        name = f"{path.parent.name}/{path.name}"
        where = f"{message.get('lastLine', '?')}.{message.get('firstColumn', '?')}"
        extract = message.get("extract", "").strip()
        found.setdefault(name, []).append(
            f"{where} {message['type']}: {message.get('message')} [{extract}]"
        )
    return found


def focus_state(page: Page) -> dict[str, Any]:
    """What has keyboard focus (once transitions ended), whether a focus indicator is drawn,
    and whether it is on screen."""
    return _probe(page, "focusState")


def _judge_focus(state: dict[str, Any]) -> str | None:
    if state["element"] is None:
        return None
    if not state["inView"]:
        return f"{state['element']} has focus but is not visible on screen"
    if not state["indicator"]:
        return f"{state['element']} has focus but draws no outline or focus ring"
    return None


def focus_problem(page: Page) -> str | None:
    """Why the focused element fails WCAG 2.4.7 (no indicator, or off screen), or None."""
    return _judge_focus(focus_state(page))


def tab_through(page: Page, limit: int = 300) -> Iterator[dict[str, Any]]:
    """Press Tab from the top of the page until focus comes round again; yield each stop.

    The presses go in batches, each stop recorded in the page as its press ends and the batch
    read back in one call (a round trip costs as much as a press). Should focus move on before a
    stop was judged (a page not at rest yet), the walk is made again one press at a time.
    """
    page.evaluate("document.activeElement?.blur(); window.scrollTo(0, 0)")
    stops = _recorded_stops(page, limit)
    if stops is None:
        page.evaluate("document.activeElement?.blur(); window.scrollTo(0, 0)")
        stops = _stops_one_by_one(page, limit)
    seen: set[str] = set()
    for state in stops:
        if state["path"] in seen:
            return
        if state["element"] is not None:  # between the last stop and the first: the page itself
            seen.add(state["path"])
            yield state
    raise AssertionError(f"{page.url}: more than {limit} tab stops; is focus trapped?")


TAB_BATCH = 8
"""Presses after the first batch (sized by the page's count of focusable elements) go this many
at a time: too many are wasted past the end, too few cost a round trip each."""


def _came_round(stops: list[dict[str, Any]]) -> bool:
    paths = [state["path"] for state in stops if state["element"] is not None]
    return len(set(paths)) < len(paths)


def _recorded_stops(page: Page, limit: int) -> list[dict[str, Any]] | None:
    """The states after each press of Tab until focus came round (or ``limit`` presses), read in
    batches; None if a press was not recorded or focus moved on while a stop was judged."""
    batch = _probe(page, "recordTabStops") + 2  # the page itself, then the first stop again
    stops: list[dict[str, Any]] = []
    while len(stops) < limit and not _came_round(stops):
        presses = min(batch, limit - len(stops))
        for _ in range(presses):
            page.keyboard.press("Tab")
        recorded = _probe(page, "recordedTabStops")
        if len(recorded) != presses or any(state["moved"] for state in recorded):
            return None
        stops += recorded
        batch = TAB_BATCH
    return stops


def _stops_one_by_one(page: Page, limit: int) -> Iterator[dict[str, Any]]:
    for _ in range(limit):
        page.keyboard.press("Tab")
        yield focus_state(page)


def tab_to(page: Page, selector: str, limit: int = 200, *, key: str = "Tab") -> None:
    """Press Tab (as a keyboard user would, never ``.focus()``) until ``selector`` has focus,
    failing at the first stop on the way that does not show where focus is. ``key``
    "Shift+Tab" goes backwards."""
    for _ in range(limit):
        page.keyboard.press(key)
        state = _probe(page, "focusStateMatching", selector)
        problem = _judge_focus(state)
        assert problem is None, problem
        if state["matches"]:
            return
    raise AssertionError(f"{selector} not reached in {limit} presses of {key}")


def focus_problems_along_tab_order(page: Page) -> list[str]:
    """Every tab stop of the page that does not show where focus is."""
    with without_motion(page):
        return [problem for state in tab_through(page) if (problem := _judge_focus(state))]


def chart_contrast_problems(page: Page, selector: str = "figure svg") -> list[str]:
    """SVG text under its contrast minimum, and shapes that neither fill nor outline reach 3:1.

    A shape counts as perceivable when its fill or its outline contrasts 3:1 with what lies
    beneath it (WCAG 1.4.11 accepts either); text needs 4.5:1, or 3:1 when large.
    """
    problems = []
    for item in _probe(page, "chartColours", selector):
        below = flatten(item["below"])
        layers = [color for color in (item["fill"], item["stroke"]) if color]
        if not layers:
            continue
        ratios = [contrast_ratio(flatten([color, *item["below"]]), below) for color in layers]
        if item["kind"] == "text":
            needed = text_minimum(item["fontSize"], item["fontWeight"])
            ratio = ratios[0]
        else:
            needed = GRAPHICS
            ratio = max(ratios)
        if ratio < needed:
            problems.append(f"{item['label']}: {ratio:.2f}:1, needs {needed}:1")
    return problems


def report(found: Mapping[str, Sequence[str]]) -> str:
    """Findings by page or state, one per line, for an assertion message that is never cut."""
    return "\n".join(
        f"{where or '(home)'}: {problem}"
        for where, problems in found.items()
        for problem in problems
    )


@dataclass(frozen=True)
class ColourPair:
    """Two palette colours (CSS custom properties) that are seen one on the other."""

    foreground: str
    background: str
    minimum: float
    where: str


def palette_problems(page: Page, pairs: Sequence[ColourPair]) -> list[str]:
    """Pairs of the palette under their contrast minimum, in the light and the dark scheme."""
    names = sorted({name for pair in pairs for name in (pair.foreground, pair.background)})
    found = []
    for scheme in SCHEMES:
        with looking(page, scheme, "screen"):
            colours = _probe(page, "resolveColours", names)
        for pair in pairs:
            background = flatten([colours[pair.background]])  # must be opaque
            foreground = flatten([colours[pair.foreground], colours[pair.background]])
            ratio = contrast_ratio(foreground, background)
            if ratio < pair.minimum:
                found.append(
                    f"[{scheme}] {pair.foreground} on {pair.background} ({pair.where}): "
                    f"{ratio:.2f}:1, needs {pair.minimum}:1"
                )
    return found


def chart_contrast_in_both_schemes(page: Page, selector: str = "figure svg") -> list[str]:
    """``chart_contrast_problems`` in the light and the dark scheme, tagged by scheme."""
    found = []
    with without_motion(page):
        for scheme in SCHEMES:
            with looking(page, scheme, "screen"):
                found += [
                    f"[{scheme}] {problem}" for problem in chart_contrast_problems(page, selector)
                ]
    return found


def state_problems(page: Page, axe_script: Path) -> list[str]:
    """All the checks here on one page state: axe in every look, reflow, chart contrast."""
    return (
        axe_in_every_look(page, axe_script)
        + reflow_problems(page)
        + chart_contrast_in_both_schemes(page)
    )
