"""MkDocs hooks: validate the content, then ship Pyodide and the calculators with the site.

Wired in ``mkdocs.yml`` under ``hooks:``. ``on_config`` runs before the macros plugin so that a
content error stops the build with one clean line, and the macros find the model ready.

mkdocs-static-i18n builds the default language, then runs a whole nested build per other
language from inside its ``on_post_build``, into the same ``site_dir``. So every event here runs
once per language: the content is loaded once, the site-wide files (Pyodide, the calculators
zip, one search index per language) are written once, after the last language is built.
"""

from __future__ import annotations

import mimetypes
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from macros import translate
from macros.content import ContentError, load_content, missing_translations
from macros.schema import LANGUAGES, Model
from sitebuild.bundle import Bundles, build_bundles
from sitebuild.bytecode import STDLIB, BytecodeError
from sitebuild.checks import check_site
from sitebuild.fill_in import FillInError, fill_in
from sitebuild.languages import Language, in_language, language_of, site_languages
from sitebuild.npm import PYODIDE, VendorError, vendored
from sitebuild.offline import add_register_script, offline_enabled
from sitebuild.publish import finish_site
from sitebuild.search import split_search_index
from sitebuild.search_later import LATER, SearchLaterError, material_worker, search_later

BUNDLE_DIR = "calculators"
PYODIDE_DIR = f"pyodide/{PYODIDE.version}"
"""Versioned path: a new Pyodide gets a new URL, so old copies may be cached forever."""
SHOWN_MISSING = 10
"""Missing translations listed in a build error; the rest are counted."""
PYTHON_WORKER = "assets/js/python/pyodide-worker.mjs"
FILLED_IN = ((PYTHON_WORKER, "SITE_PATHS"), (LATER, "MATERIAL_WORKER"))
"""Scripts the build writes a value into (``sitebuild/fill_in.py``), and the value's name."""


@dataclass
class SiteBuild:
    """What the macros and the post-build step share: the model and where assets go."""

    model: Model
    bundles: Bundles
    languages: tuple[Language, ...]
    open_builds: int = field(default=0)
    """Language builds started and not yet finished; the last to finish is the default one."""

    @property
    def bundle_path(self) -> str:
        return f"{BUNDLE_DIR}/{self.bundles.calculators.name}"

    @property
    def pyodide_path(self) -> str:
        return f"{PYODIDE_DIR}/"

    @property
    def stdlib_path(self) -> str:
        return f"{PYODIDE_DIR}/{self.bundles.stdlib.name}"

    def locate(self, url: str) -> tuple[Language, str]:
        """The language of the page at ``url`` and the page's path inside that language."""
        language = language_of(url, self.languages)
        return language, in_language(url, language)

    def label(self, key: str, language: Language) -> str:
        return translate(self.model.ui.labels[key], language.code)


@dataclass(frozen=True)
class PageLanguage:
    """What the theme overrides need to know about the language of the page they render."""

    language: Language
    label: Any
    """``label(key)``: a word of ``content/ui.yml`` in the page's language."""


@dataclass(frozen=True)
class Switcher:
    """This page in the site's other languages, for the header's switcher
    (``overrides/partials/alternate.html``), given to Material as ``extra.alternate``.

    Material shows the switcher when ``extra.alternate`` is truthy. When it is iterable, Material
    also writes a ``<link rel="alternate">`` into the head for each item, and its script takes each
    for a language's home: it fetches a ``sitemap.xml`` beside it (404s on every page view) and
    sends a click on the switcher to the other page's address cut of its final slash, through a
    redirect. So this is truthy but not iterable, and the links are in ``links``.
    """

    links: tuple[dict[str, str], ...]


def _register_mime_types() -> None:
    # Hack: Python 3.11's table lacks .mjs, and `mkdocs serve` serves by this table.
    mimetypes.add_type("text/javascript", ".mjs")
    mimetypes.add_type("application/wasm", ".wasm")


def _load(config: MkDocsConfig) -> SiteBuild:
    """Validate the content once per ``mkdocs build``: every language in every text."""
    languages = site_languages(config)
    if {language.code for language in languages} != set(LANGUAGES):
        raise PluginError(f"mkdocs.yml builds {languages}; the content is written in {LANGUAGES}")
    content = Path(config.config_file_path).parent / "content"
    try:
        model = load_content(content)
        missing = missing_translations(content)
    except ContentError as error:
        raise PluginError(str(error)) from None
    if missing:
        more = len(missing) - SHOWN_MISSING
        raise PluginError(
            "\n".join(missing[:SHOWN_MISSING] + ([f"(and {more} more)"] if more > 0 else []))
        )
    try:
        bundles = build_bundles(model)
    except BytecodeError as error:
        raise PluginError(str(error)) from None
    return SiteBuild(model=model, bundles=bundles, languages=languages)


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _register_mime_types()
    if "build" not in config.extra:
        config.extra["build"] = _load(config)
    config.extra["build"].open_builds += 1
    add_register_script(config)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Settings that depend on the language being built (known once i18n has configured it)."""
    build: SiteBuild = config.extra["build"]
    languages = {language.code: language for language in build.languages}
    if config.theme["language"] not in languages:
        raise PluginError(f"theme.language {config.theme['language']!r} is not one of {languages}")
    language = languages[config.theme["language"]]
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = build.label("permalink", language)
    if language != build.languages[0]:
        # Theme pages such as 404.html have no language folder: keep the default language's.
        config.theme.static_templates.discard("404.html")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """Refuse to show a page in the wrong language when its translation is missing."""
    build: SiteBuild = config.extra["build"]
    language, _ = build.locate(page.url)
    source = page.file.src_uri
    if language.prefix and not source.endswith(f".{language.code}.md"):
        twin = source.removesuffix(".md") + f".{language.code}.md"
        raise PluginError(f"docs/{source} has no {language.name} version: write docs/{twin}")
    return markdown


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    """The same page in the other languages, for the switcher.

    Links are from the site root; the theme's ``url`` filter makes them relative to the page.
    """
    build: SiteBuild = config.extra["build"]
    language, path = build.locate(page.url)
    config.extra["alternate"] = Switcher(
        tuple(
            {"name": other.name, "link": other.prefix + path, "lang": other.code}
            for other in build.languages
            if other != language
        )
    )
    context["guide"] = PageLanguage(language, lambda key: build.label(key, language))
    return context


def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    """Theme pages (404.html) are no page in any language: no switcher. Their
    controls speak the default language (the root's, where the 404 page lives)."""
    build: SiteBuild = config.extra["build"]
    language = build.languages[0]
    config.extra["alternate"] = []
    context["guide"] = PageLanguage(language, lambda key: build.label(key, language))
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Calculator pages start the search worker that waits for Python (search_later.py)."""
    if "data-calculator=" not in output:
        return output
    try:
        return search_later(output)
    except SearchLaterError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    """After the last language: ship Pyodide and the calculators once, split the search index."""
    build: SiteBuild = config.extra["build"]
    build.open_builds -= 1
    if build.open_builds:
        return  # a nested language build; the default language's build finishes last
    site = Path(config.site_dir)
    try:
        source = vendored(PYODIDE)
    except VendorError as error:
        raise PluginError(str(error)) from None
    target = site / PYODIDE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE.files:
        if name != STDLIB:
            shutil.copyfile(source / name, target / name)
    (site / build.stdlib_path).write_bytes(build.bundles.stdlib.data)
    bundle = site / build.bundle_path
    bundle.parent.mkdir(parents=True, exist_ok=True)
    bundle.write_bytes(build.bundles.calculators.data)
    try:
        values = {
            "SITE_PATHS": {
                "pyodide": build.pyodide_path,
                "stdlib": build.stdlib_path,
                "bundle": build.bundle_path,
            },
            "MATERIAL_WORKER": material_worker(site),
        }
        for script, name in FILLED_IN:
            fill_in(site, script, name, values[name])
    except (FillInError, SearchLaterError) as error:
        raise PluginError(str(error)) from None
    split_search_index(site, build.languages)
    problems = check_site(site)
    if problems:
        raise PluginError("the built site has problems:\n" + "\n".join(problems))
    finish_site(site, PYODIDE_DIR, offline_enabled(config))
