"""Both languages are whole: every text and every page translated, no English on a Norwegian page.

Driven by the data: the content files, the pages in ``docs/`` and the built site, never a list
typed by hand.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from model.load import missing_translations, texts
from sitebuild.languages import Language, language_of
from sitebuild.npm import PYODIDE
from tests.support.content import guide_model
from tests.support.language import looks_english, segments, words
from tests.support.site import LANGUAGES, ROOT, built_pages

DOCS = ROOT / "docs"
ENGLISH, *TRANSLATIONS = LANGUAGES
SAME_TEXT_WORDS = 4
"""A text of this many words that is the same on both versions of a page was not translated."""
LINK = re.compile(r"<a\b([^>]*)>")
SWITCH = re.compile(r'<a href="([^"]*)" hreflang="([^"]*)"')


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def kept_as_is(language: Language) -> set[str]:
    """Names and terms the content writes the same in both languages ('Social Impact Bond')."""
    return {text.en for _, text in texts(guide_model()) if getattr(text, language.code) == text.en}


def test_every_text_in_the_content_is_in_every_language() -> None:
    assert missing_translations() == []


def test_every_page_has_its_translation_and_no_translation_is_an_orphan() -> None:
    pages = {path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md")}
    suffixes = tuple(f".{language.code}.md" for language in TRANSLATIONS)
    originals = {page for page in pages if not page.endswith(suffixes)}
    assert len(originals) > 20
    for language in TRANSLATIONS:
        translated = {page.removesuffix(".md") + f".{language.code}.md" for page in originals}
        assert sorted(translated - pages) == [], f"pages without their {language.name} version"
        orphans = {page for page in pages if page.endswith(f".{language.code}.md")} - translated
        assert sorted(orphans) == [], f"{language.name} pages without an English original"


def test_every_page_is_built_in_every_language(site: Path) -> None:
    pages = built_pages(site)
    english = [url for url in pages if language_of(url, LANGUAGES) == ENGLISH]
    for language in TRANSLATIONS:
        assert sorted(url for url in pages if url.startswith(language.prefix)) == sorted(
            language.prefix + url for url in english
        )


def test_each_page_says_its_language_and_links_its_translations(site: Path) -> None:
    for url in built_pages(site):
        page = html(site, url)
        language = language_of(url, LANGUAGES)
        assert f'<html lang="{language.code}"' in page, url
        switch = {lang: _resolve(url, href) for href, lang in SWITCH.findall(page)}
        path = url.removeprefix(language.prefix)
        others = [other for other in LANGUAGES if other != language]
        assert switch == {other.code: _resolve("", other.prefix + path) for other in others}


def test_no_page_gives_material_a_language_home_to_fetch_a_sitemap_beside(site: Path) -> None:
    """Material's script takes every <link rel="alternate"> for a language's home (Switcher in
    sitebuild/mkdocs_hooks.py says what follows)."""
    pages = [site / url / "index.html" for url in built_pages(site)] + [site / "404.html"]
    assert [path for path in pages if 'rel="alternate"' in path.read_text()] == []


def _resolve(url: str, href: str) -> str:
    """The page an href on the page at ``url`` leads to, as a path from the site root."""
    return posixpath.normpath(posixpath.join(url, urlsplit(href).path or "."))


def test_no_english_left_on_a_translated_page(site: Path) -> None:
    """English sentences, or long texts identical to the English page, outside marked terms.

    Two honest signals, neither a hand-typed list of pages: a text with English-only words in
    it (see ``tests/support/language.py``), and a text of several words that is word for word
    the same on the English version of the page, unless the content writes it the same in both
    languages on purpose (a name or a term). Other parts meant to stay as they are must be
    marked ``lang="en"`` or ``translate="no"`` in the HTML.
    """
    left = []
    for language in TRANSLATIONS:
        kept = kept_as_is(language)
        for url in built_pages(site):
            if not url.startswith(language.prefix):
                continue
            english = set(segments(html(site, url.removeprefix(language.prefix)), ENGLISH.code))
            english -= kept
            for text in segments(html(site, url), language.code):
                same = text in english and len(words(text)) >= SAME_TEXT_WORDS
                if looks_english(text) or same:
                    left.append(f"{url}: {text}")
    assert left == []


def test_the_english_detector_finds_the_english_pages_english(site: Path) -> None:
    """The test above is only as good as its detector: it must see English where it is."""
    english = [url for url in built_pages(site) if language_of(url, LANGUAGES) == ENGLISH]
    unseen = [
        url for url in english if not any(map(looks_english, segments(html(site, url), "en")))
    ]
    assert unseen == []


def test_translated_pages_link_to_pages_in_their_own_language(site: Path) -> None:
    strays = []
    for language in TRANSLATIONS:
        for url in built_pages(site):
            if not url.startswith(language.prefix):
                continue
            for attributes in LINK.findall(html(site, url)):
                href = re.search(r'\bhref="([^"]*)"', attributes)
                if not href or "hreflang=" in attributes:
                    continue  # the language switcher leads to the other language on purpose
                parts = urlsplit(href.group(1))
                if parts.scheme or parts.netloc or not parts.path:
                    continue
                if not (_resolve(url, parts.path) + "/").startswith(language.prefix):
                    strays.append(f"{url}: {href.group(1)}")
    assert strays == []


def test_pyodide_and_the_calculators_are_shipped_once_for_every_language(site: Path) -> None:
    for language in TRANSLATIONS:
        folder = site / language.prefix
        assert not (folder / "pyodide").exists()
        assert not (folder / "calculators").exists()
        assert not (folder / "assets").exists()
        form = html(site, f"{language.prefix}tools/matrix/")
        english = html(site, "tools/matrix/")
        found = re.search(r'data-bundle="([^"]+)"', form).group(1)
        assert found == re.search(r'data-bundle="([^"]+)"', english).group(1)
    assert len(list(site.rglob("pyodide.asm.wasm"))) == 1
    assert (site / f"pyodide/{PYODIDE.version}/pyodide.asm.wasm").is_file()


def test_each_language_has_its_own_search_index_and_stemmer(site: Path) -> None:
    for language in LANGUAGES:
        index = json.loads((site / language.prefix / "search/search_index.json").read_text())
        assert index["config"]["lang"] == [language.search]
        locations = {doc["location"].split("#")[0] for doc in index["docs"]}
        in_language = {
            url.removeprefix(language.prefix)
            for url in built_pages(site)
            if language_of(url, LANGUAGES) == language
        }
        assert locations == in_language


def test_the_detector_tells_english_sentences_from_norwegian_ones_that_name_english_terms() -> None:
    assert looks_english("The partners share the work from the first sketch to the delivery.")
    assert not looks_english("Partnerne deler arbeidet fra den første skissen til leveringen.")
    assert not looks_english("Fem faser, fra Kartlegg (Map it) til Vokse (Grow it), går igjen.")
