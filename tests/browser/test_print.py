"""Each tool's filled state printed to PDF on A4 and on Letter, in English and Norwegian.

A printed result is a report to take into a meeting: it keeps to its pages on either paper size
(the site sets margins only, never a page size), has no blank page, and shows no control, no
import log with file names and no command line. No word of a table or a text is broken in two.
One page per tool and language passes through the tool's states (tests/support/states.py) and
prints at the ones a reader prints.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.support.browser import RecordedPage
from tests.support.calculators import READY_TIMEOUT_MS, open_ready
from tests.support.states import STATES

PAPER = ("A4", "Letter")
PRINTS = {
    "matrix": {"goal": 2, "group": 3},
    "assessment": {"filled": 2, "second-round": 3},
    "soimpact": {"example": 2},
}
"""The states a reader prints, by tool, with the most pages each may take."""
SMALLEST_PT = 9
"""The smallest type of a printed report, in points: a report is read in a meeting."""
WORD = re.compile(r"\w*[^\W\d]\w*")
"""A word has a letter: a chart's numbered marks side by side read as one number in a PDF."""
COMMAND_LINE = "python -m"


def _printed_pages(page: Page, paper: str) -> list[str]:
    """The text of each page of the page printed to PDF on ``paper``."""
    reader = PdfReader(io.BytesIO(page.pdf(format=paper)))
    return [sheet.extract_text() for sheet in reader.pages]


def _controls(page: Page) -> list[str]:
    """The labels of every button and file chooser a reader sees on screen."""
    return page.evaluate(
        """() => [...document.querySelectorAll(
                '.md-content button, .md-content label.md-button')]
            .filter((control) => control.checkVisibility())
            .map((control) => control.innerText.trim().replace(/\\s+/g, ' '))
            .filter(Boolean)"""
    )


def _printed_words(page: Page) -> set[str]:
    """Every word of the printed page's text nodes (print media emulated), in lower case: the
    CSS may set a word's case on paper."""
    text = page.evaluate(
        """() => {
            const walker = document.createTreeWalker(
                document.querySelector('.md-content__inner'), NodeFilter.SHOW_TEXT);
            const texts = [];
            while (walker.nextNode()) {
                if (walker.currentNode.parentElement.checkVisibility()) {
                    texts.push(walker.currentNode.textContent);
                }
            }
            return texts.join(' ');
        }"""
    )
    return set(WORD.findall(text.casefold()))


def _smallest_type(page: Page) -> float:
    """The smallest font size, in points, of the result's printed text."""
    return page.evaluate(
        """() => Math.min(...[...document.querySelectorAll(
                '.guide-result :is(p, li, td, th, caption, h2, h3, h4)')]
            .filter((element) => element.checkVisibility() && element.innerText.trim())
            .map((element) => parseFloat(getComputedStyle(element).fontSize) * 0.75))"""
    )


def _settled(page: Page) -> None:
    """Wait until the result is at rest: a group's result may still change after its heading."""
    result = page.locator(".guide-result")
    expect(result).not_to_have_attribute("aria-busy", "true")
    # A result that changed in none of three looks, half a second apart, is the one to print.
    page.wait_for_function(
        """() => {
            const now = document.querySelector('.guide-result').innerHTML;
            const seen = (window.printSeen ??= []);
            seen.push(now);
            return seen.length >= 3 && seen.slice(-3).every((earlier) => earlier === now);
        }""",
        polling=500,
        timeout=READY_TIMEOUT_MS,
    )


def _judge_print(page: Page, tool: str, state: str, folder: Path) -> dict[str, int]:
    """Print the page as it stands on each paper and judge the report; its page counts."""
    _settled(page)
    controls = _controls(page)
    files = [path.name for path in folder.iterdir()]
    page.emulate_media(media="print")
    # The report is the title, the project's name and the result: no introduction, no form.
    printed = page.evaluate(
        """() => [...document.querySelector('.md-content__inner').children]
            .filter((child) => child.checkVisibility())
            .map((child) => child.tagName === 'H1' ? 'h1' : child.className)"""
    )
    assert printed == ["h1", "guide-projects", "guide-result"], (tool, state)
    expect(page.locator(".guide-result table:visible").first).to_be_visible()
    words = _printed_words(page)
    assert _smallest_type(page) >= SMALLEST_PT, (tool, state)
    counts = {}
    for paper in PAPER:
        pages = _printed_pages(page, paper)
        counts[paper] = len(pages)
        where = (tool, state, paper)
        assert len(pages) <= PRINTS[tool][state], where
        assert all(text.strip() for text in pages), where  # no blank page
        text = " ".join(" ".join(pages).split())
        assert COMMAND_LINE not in text, where
        joined = "".join(text.split())  # a file name broken at a line end is still found
        assert [name for name in files if name in joined] == [], where
        assert [label for label in controls if label in text] == [], where
        # A word broken mid-word leaves fragments the page does not hold ("Me", "an").
        assert set(WORD.findall(text.casefold())) - words == set(), where
    page.emulate_media(media="screen")
    return counts


@pytest.mark.parametrize("lang", ["en", "nb"])
@pytest.mark.parametrize("tool", list(PRINTS))
def test_each_tool_prints_a_short_report(
    visit: RecordedPage, tmp_path: Path, tool: str, lang: str
) -> None:
    prefix = "" if lang == "en" else f"{lang}/"
    page = open_ready(visit, f"{prefix}tools/{tool}/")
    printed = {}
    for state, step in STATES[tool]:
        step(page, tmp_path)
        if state in PRINTS[tool]:
            printed[state] = _judge_print(page, tool, state, tmp_path)
        if state == max(PRINTS[tool], key=[name for name, _ in STATES[tool]].index):
            break
    assert list(printed) == list(PRINTS[tool])
    expect(page.locator(".guide-result")).not_to_be_empty()
