"""Checks over the strictly built site: complete, self-contained, and Pyodide vendored right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from calculators.soimpact.review import guidance
from calculators.soimpact.words import Words
from sitebuild.bytecode import STDLIB
from sitebuild.languages import language_of
from sitebuild.npm import PYODIDE, vendored
from sitebuild.publish import PYODIDE_DIR
from sitebuild.search_later import LATER, PAGE_SCRIPT, WORKERS
from tests.support.calculators import calculator_pages
from tests.support.content import guide_data
from tests.support.site import LANGUAGES, ROOT, built_pages, worker_paths

CALCULATOR_PAGES = ("tools/matrix", "tools/assessment", "tools/soimpact")
EXPECTED_PAGES = {
    language.prefix + page
    for language in LANGUAGES
    for page in ("", "values/", "matrix/", *(f"{page}/" for page in CALCULATOR_PAGES), "about/")
}
HANDBOOK_TITLE = {"en": "Let's do it together!", "nb": "La oss gjøre det sammen!"}
# Anything the browser would fetch: src, href of stylesheets/scripts/icons, CSS url(), imports.
LOADED = re.compile(r"""(?:\bsrc=|<link[^>]*\bhref=|url\(|import\s*\(?)\s*["']?(https?:)?//""")


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_is_built(site: Path) -> None:
    assert set(built_pages(site)) >= EXPECTED_PAGES


def test_pyodide_runtime_is_complete_and_identical_to_the_pinned_package(site: Path) -> None:
    """All but the standard library, shipped with bytecode (tests/unit/test_bytecode.py)."""
    source = vendored(PYODIDE)
    shipped = sorted(
        path.name
        for path in (site / PYODIDE_DIR).iterdir()
        if path.suffix not in {".br", ".gz"}  # compressed copies, checked in test_publish
    )
    copied = sorted(name for name in PYODIDE.files if name != STDLIB)
    assert shipped == sorted([*copied, Path(worker_paths(site)["stdlib"]).name])
    for name in copied:
        assert (site / PYODIDE_DIR / name).read_bytes() == (source / name).read_bytes()


def test_no_page_loads_anything_from_another_origin(site: Path) -> None:
    offenders = [
        f"{path.relative_to(site)}: {match.group(0)}"
        for path in [*html_pages(site), *site.rglob("*.css")]
        for match in LOADED.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_no_google_fonts_or_cdn(site: Path) -> None:
    for path in html_pages(site):
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, path
        assert "unpkg.com" not in html and "jsdelivr" not in html, path


def test_only_calculator_pages_carry_a_calculator(site: Path) -> None:
    with_form = {
        path.parent.relative_to(site).as_posix()
        for path in html_pages(site)
        if "data-calculator=" in path.read_text(encoding="utf-8")
    }
    assert with_form == {
        f"{language.prefix}{page}" for language in LANGUAGES for page in CALCULATOR_PAGES
    }


def test_each_tool_stylesheet_loads_on_that_tools_pages_only(site: Path) -> None:
    """Reading pages load site.css alone; a calculator page adds the calculators' shared sheet
    and its own tool's, in that order (overrides/main.html)."""
    tools = calculator_pages(site)
    for page in built_pages(site):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        sheets = re.findall(r'<link rel="stylesheet" href="(?:\.\./)*(assets/css/[^"]+)"', html)
        tool = tools.get(page)
        own = ["assets/css/calculator.css", f"assets/css/tools/{tool}.css"] if tool else []
        assert sheets == ["assets/css/site.css", *own], page


@pytest.mark.parametrize(
    "page", [language.prefix + page for language in LANGUAGES for page in CALCULATOR_PAGES]
)
def test_calculator_form_names_the_calculators_zip_the_worker_loads(site: Path, page: str) -> None:
    """The form's ``data-bundle`` is for the self-check's list (sitebuild/calculator_needs.py)."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    assert re.search(r'data-bundle="([^"]+)"', html).group(1) == worker_paths(site)["bundle"]


def test_the_python_worker_knows_where_pyodide_and_the_calculators_are(site: Path) -> None:
    paths = worker_paths(site)
    assert paths == {
        "pyodide": f"{PYODIDE_DIR}/",
        "stdlib": paths["stdlib"],
        "bundle": paths["bundle"],
    }
    assert re.fullmatch(rf"{PYODIDE_DIR}/python_stdlib\.[0-9a-f]{{12}}\.zip", paths["stdlib"])
    assert (site / paths["pyodide"] / "pyodide.mjs").is_file()
    assert (site / paths["stdlib"]).is_file()
    assert re.fullmatch(r"calculators/calculators\.[0-9a-f]{12}\.zip", paths["bundle"])
    assert (site / paths["bundle"]).is_file()


def test_every_page_holds_the_search_index_back_until_the_reader_searches(site: Path) -> None:
    later = (site / LATER).read_text(encoding="utf-8")
    material = re.search(r'^const MATERIAL_WORKER = "([^"]+)";', later, re.MULTILINE).group(1)
    assert (site / WORKERS / material).is_file()
    assert (site / PAGE_SCRIPT).is_file()
    for page in built_pages(site):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        worker = re.search(r'"search": "[^"]*/workers/([^"/]+)"', html).group(1)
        assert worker == "search-later.js", page
        # The page's half runs after the configuration it changes, before the bundle reads it.
        config = html.index('id="__config"')
        script = html.index(f'{PAGE_SCRIPT}"></script>')
        assert config < script < html.index("assets/javascripts/bundle."), page


def test_every_page_credits_the_handbook_and_its_licence(site: Path) -> None:
    for page in built_pages(site):
        title = HANDBOOK_TITLE[language_of(page, LANGUAGES).code]
        html = (site / page / "index.html").read_text(encoding="utf-8").replace("&#39;", "'")
        assert title in html, page
        assert "CC BY-NC-SA 4.0" in html, page


def test_no_macro_error_left_in_pages(site: Path) -> None:
    for path in html_pages(site):
        assert "Macro" not in path.read_text(encoding="utf-8").replace("macros", ""), path


def test_our_stylesheets_have_balanced_braces() -> None:
    """A missing brace silently swallows every later rule (print rules included)."""
    for sheet in (ROOT / "docs" / "assets" / "css").rglob("*.css"):
        depth = 0
        for number, line in enumerate(sheet.read_text(encoding="utf-8").splitlines(), 1):
            depth += line.count("{") - line.count("}")
            assert depth >= 0, f"{sheet.name}:{number}: closing brace without an opening one"
        assert depth == 0, f"{sheet.name}: {depth} rule(s) never closed"


def test_soimpact_toolbar_offers_both_csv_tables(site: Path) -> None:
    html = (site / "tools/soimpact/index.html").read_text(encoding="utf-8")
    assert 'data-action="csv" data-table="indicators">Download the indicators (CSV)<' in html
    assert 'data-action="csv" data-table="measurements">Download the measurements (CSV)<' in html
    assert 'data-action="csv">' not in html  # no unnamed table


def test_every_soimpact_finding_links_to_an_anchor_that_exists(site: Path) -> None:
    model = guide_data()
    words = Words(model, "en")
    for finding in model["soimpact"]["findings"].values():
        _, href = guidance(finding["guide"], model, words)
        page, _, anchor = href.partition("#")
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in html, href
