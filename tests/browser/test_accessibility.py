"""WCAG 2.1 AA on every page the build makes (found in site/, never listed by hand).

Each check family loads every page once (one test per language): axe in light and dark schemes,
on screen and in print; at 320 CSS px (= 400 % zoom) axe again, reflow with and without WCAG text
spacing, and visible focus along the whole tab order; the same focus walk at desktop width; valid
HTML, both as built and as the browser holds it after scripts ran; the palette's contrast.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

from sitebuild.languages import Language
from tests.browser.a11y import (
    ColourPair,
    axe_in_every_look,
    axe_violations,
    focus_problems_along_tab_order,
    overflowing_text,
    overflowing_text_with_spacing,
    palette_problems,
    rendered_html,
    report,
    settle,
    vnu_errors,
    write_documents,
)
from tests.support.contrast import GRAPHICS, TEXT
from tests.support.site import LANGUAGES, built_pages

# The pages are the same bytes whichever server sends them: checked once, from the test server.
pytestmark = pytest.mark.parametrize("base_url", ["test-server"], indirect=True)

VALID_LANG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\Z")
"""A BCP 47 language tag such as en, nb or nn-NO (WCAG 3.1.1)."""

BACKGROUND = "--md-default-bg-color"
PALETTE = (
    ColourPair("--md-typeset-color", BACKGROUND, TEXT, "running text"),
    ColourPair("--md-typeset-a-color", BACKGROUND, TEXT, "links"),
    ColourPair("--guide-error", BACKGROUND, TEXT, "error messages in forms"),
    ColourPair("--md-default-fg-color--light", BACKGROUND, TEXT, "secondary text, cell borders"),
    ColourPair("--md-primary-bg-color", "--md-primary-fg-color", TEXT, "the header bar"),
    ColourPair("--md-accent-bg-color", "--md-accent-fg-color", TEXT, "focused or hovered buttons"),
    ColourPair("--md-accent-fg-color", BACKGROUND, GRAPHICS, "focus rings"),
    ColourPair("--guide-thick", BACKGROUND, GRAPHICS, "outline of the thick cell in tables"),
    ColourPair("--guide-here", BACKGROUND, GRAPHICS, "outline marking your cell in charts"),
)
"""Colours of site.css and Material seen one on the other, with the contrast WCAG asks."""


BY_LANGUAGE = pytest.mark.parametrize(
    "language", LANGUAGES, ids=[language.code for language in LANGUAGES]
)
"""The checks that open every page run once per language: one run over every page of both
would take most of the time limit of a test on a loaded machine."""


def file_name(path: str) -> str:
    """A flat file name for a page path ('' is the home page)."""
    return (path.removesuffix("/").replace("/", "__") or "home") + ".html"


def opened(visit, path: str) -> Page:
    """The page loaded and at rest. Calculator pages go on starting Python meanwhile: waiting
    for the network to fall idle would cost seconds a page and judge nothing more."""
    page = visit.open(path)
    settle(page)
    return page


def problems_on_every_page(
    site: Path, language: Language, visit, check: Callable[[Page], list[str]]
) -> dict[str, list[str]]:
    """What ``check`` finds on each page of one language, loaded and at rest."""
    found = {}
    for path in built_pages(site, language):
        problems = check(opened(visit, path))
        if problems:
            found[path] = problems
    return found


@BY_LANGUAGE
def test_every_page_passes_axe_in_light_dark_and_print(
    site: Path, visit, axe_script: Path, language: Language
) -> None:
    found = problems_on_every_page(
        site, language, visit, lambda page: axe_in_every_look(page, axe_script)
    )
    assert not found, report(found)


@BY_LANGUAGE
def test_every_page_at_400_percent_zoom_reflows_passes_axe_and_shows_focus(
    site: Path, visit_zoomed, axe_script: Path, language: Language
) -> None:
    def check(page: Page) -> list[str]:
        return (
            axe_violations(page, axe_script)
            + overflowing_text(page)
            + overflowing_text_with_spacing(page)
            + focus_problems_along_tab_order(page)
        )

    found = problems_on_every_page(site, language, visit_zoomed, check)
    assert not found, report(found)


@BY_LANGUAGE
def test_every_page_shows_where_keyboard_focus_is(site: Path, visit, language: Language) -> None:
    found = problems_on_every_page(site, language, visit, focus_problems_along_tab_order)
    assert not found, report(found)


def test_every_page_has_a_language_and_valid_html(
    site: Path, visit, vnu_jar: Path, tmp_path: Path
) -> None:
    rendered = {}
    languages = {}
    for path in built_pages(site):
        page = opened(visit, path)
        languages[path] = page.evaluate("document.documentElement.lang")
        rendered[file_name(path)] = rendered_html(page)
    built = {
        file_name(path): (site / path / "index.html").read_text(encoding="utf-8")
        for path in built_pages(site)
    }
    files = write_documents(tmp_path / "rendered", rendered) + write_documents(
        tmp_path / "built", built
    )
    assert {path: lang for path, lang in languages.items() if not VALID_LANG.match(lang)} == {}
    errors = vnu_errors(vnu_jar, files)
    assert not errors, report(errors)


def test_palette_has_enough_contrast_in_both_schemes(visit) -> None:
    problems = palette_problems(visit.open(), PALETTE)
    assert not problems, "\n".join(problems)
