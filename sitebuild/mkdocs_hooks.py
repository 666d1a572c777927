"""MkDocs hooks: validate the content, render in each language, then publish the site.

Wired in ``mkdocs.yml`` under ``hooks:``. ``on_config`` runs before the macros plugin so that a
content error stops the build with one clean line, and the macros find the model ready. What
follows the rendering (Pyodide, the zips, search, service worker, compression) is
``sitebuild.publish``, which needs no MkDocs.

mkdocs-static-i18n builds the default language, then runs a whole nested build per other
language from inside its ``on_post_build``, into the same ``site_dir``. So every event here runs
once per language: the content is loaded once, the site-wide files (Pyodide, the calculators
zip, one search index per language) are published once, after the last language is built.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from macros import translate, use_build
from model.base import LANGUAGES
from model.load import ContentError, load_content, missing_translations
from model.schema import Model
from sitebuild.bundle import Bundles, build_bundles
from sitebuild.bytecode import BytecodeError
from sitebuild.cache import CACHE_DIR
from sitebuild.languages import Language, in_language, language_of, site_languages
from sitebuild.offline import add_register_script, offline_enabled
from sitebuild.publish import PublishError, bundle_path, publish
from sitebuild.search_later import SearchLaterError, search_later

SHOWN_MISSING = 10
"""Missing translations listed in a build error; the rest are counted."""
TEMPLATE_CACHE = CACHE_DIR / "templates"


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
        return bundle_path(self.bundles)

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


_build: SiteBuild | None = None
"""This ``mkdocs build``'s: MkDocs loads the hooks afresh with each configuration it reads (each
rebuild of ``mkdocs serve``), and each language's build passes through ``on_config`` again."""


def _current() -> SiteBuild:
    if _build is None:
        raise PluginError("the build hook's on_config has not run")
    return _build


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    _register_mime_types()
    if _build is None:
        _build = _load(config)
        use_build(_build)
    _build.open_builds += 1
    add_register_script(config)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Settings that depend on the language being built (known once i18n has configured it)."""
    build = _current()
    languages = {language.code: language for language in build.languages}
    if config.theme["language"] not in languages:
        raise PluginError(f"theme.language {config.theme['language']!r} is not one of {languages}")
    language = languages[config.theme["language"]]
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = build.label("permalink", language)
    if language != build.languages[0]:
        # Theme pages such as 404.html have no language folder: keep the default language's.
        config.theme.static_templates.discard("404.html")


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Compile the theme's templates once for all builds: MkDocs makes a new environment for each
    language's build, which would compile every template again. Jinja keys the compiled code by
    the template's source, so a changed template is compiled afresh."""
    TEMPLATE_CACHE.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(TEMPLATE_CACHE))
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """Refuse to show a page in the wrong language when its translation is missing."""
    build = _current()
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
    build = _current()
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
    build = _current()
    language = build.languages[0]
    config.extra["alternate"] = []
    context["guide"] = PageLanguage(language, lambda key: build.label(key, language))
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Every page starts the search worker that waits for the reader (search_later.py)."""
    try:
        return search_later(output)
    except SearchLaterError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    """After the last language: publish the site once (``sitebuild.publish``)."""
    build = _current()
    build.open_builds -= 1
    if build.open_builds:
        return  # a nested language build; the default language's build finishes last
    try:
        publish(
            Path(config.site_dir), build.bundles, build.languages, offline=offline_enabled(config)
        )
    except PublishError as error:
        raise PluginError(str(error)) from None
