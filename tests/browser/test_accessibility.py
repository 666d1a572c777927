"""WCAG 2.1 AA on every page the build makes (found in site/, never listed by hand).

The checks of every page are made in one walk per language on the readers' server
(tests/support/walk.py), each page loaded once at desktop width and once at 320 CSS px: axe in
light and dark schemes, on screen and in print; at 320 CSS px (= 400 % zoom) axe again, reflow
with and without WCAG text spacing, and visible focus along the whole tab order; the same focus
walk at desktop width; valid HTML, both as built and as the browser holds it after scripts ran.
Each family is a test of its own that reads the walk. The palette's contrast is checked on one page.
The dark scheme runs only axe's colour rules where its layout equals the light one's; a test
plants a problem that only one look shows, of each kind, and sees each caught.
"""

from __future__ import annotations

import re
from pathlib import Path

from sitebuild.languages import Language
from tests.browser.a11y import (
    ColourPair,
    axe_in_every_look,
    palette_problems,
    report,
    styled,
    vnu_errors,
    write_documents,
)
from tests.support.contrast import GRAPHICS, TEXT
from tests.support.site import built_pages
from tests.support.walk import EVERY_LANGUAGE, EVERY_LANGUAGE_ZOOMED, WALKING, Walks

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


def file_name(path: str) -> str:
    """A flat file name for a page path ('' is the home page)."""
    return (path.removesuffix("/").replace("/", "__") or "home") + ".html"


@WALKING
@EVERY_LANGUAGE
def test_every_page_passes_axe_in_light_dark_and_print(walks: Walks, language: Language) -> None:
    found = walks.accessibility(language).found(lambda record: record.found["axe"])
    assert not found, report(found)


@WALKING
@EVERY_LANGUAGE_ZOOMED
def test_every_page_at_400_percent_zoom_reflows_passes_axe_and_shows_focus(
    walks: Walks, language: Language
) -> None:
    found = walks.zoomed(language).found(lambda findings: findings)
    assert not found, report(found)


@WALKING
@EVERY_LANGUAGE
def test_every_page_shows_where_keyboard_focus_is(walks: Walks, language: Language) -> None:
    found = walks.accessibility(language).found(lambda record: record.found["focus"])
    assert not found, report(found)


@WALKING
@EVERY_LANGUAGE
def test_every_page_has_a_language_and_valid_html(
    site: Path, walks: Walks, language: Language, vnu_jar: Path, tmp_path: Path
) -> None:
    walked = walks.accessibility(language).pages
    assert list(walked) == built_pages(site, language)
    languages = {path: record.lang for path, record in walked.items()}
    rendered = {file_name(path): record.rendered for path, record in walked.items()}
    built = {
        file_name(path): (site / path / "index.html").read_text(encoding="utf-8") for path in walked
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


ONE_LOOK_ONLY_CSS = """
.planted { display: none; }
@media screen {
  [data-md-color-scheme="slate"] .planted--dark-text {
    display: block; color: #444; background: #333;
  }
  [data-md-color-scheme="slate"] .planted--dark-image { display: inline; }
}
@media print { .planted--print-image { display: inline; } }
"""
"""Planted parts each shown in one look only: grey text on grey in the dark scheme, an image
without a text alternative in print, and one in the dark scheme."""


def test_axe_in_every_look_finds_what_only_one_look_shows(visit, axe_script: Path) -> None:
    page = visit.open()
    page.evaluate(
        """() => {
               const main = document.querySelector("main");
               const text = main.appendChild(document.createElement("p"));
               text.className = "planted planted--dark-text";
               text.textContent = "Grey on grey";
               for (const look of ["print", "dark"]) {
                   const image = main.appendChild(document.createElement("img"));
                   Object.assign(image, {className: `planted planted--${look}-image`,
                                         width: 40, height: 40});
               }
           }"""
    )
    with styled(page, ONE_LOOK_ONLY_CSS):
        found = axe_in_every_look(page, axe_script)
    assert sorted({problem.split(":")[0] for problem in found}) == [
        "[default/print] image-alt",
        "[slate/screen] color-contrast",
        "[slate/screen] image-alt",
    ], found
