"""The languages the site is built in, as mkdocs-static-i18n is configured in ``mkdocs.yml``.

The default language lives at the site root, every other one under ``<code>/``. The URL a page
is built at is what decides its language, for the macros, the switcher and the search index.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

I18N_PLUGIN = "i18n"
LUNR_LANGUAGES = {"en": "en", "nb": "no"}
"""lunr.js names Norwegian ``no``; the guide and the HTML name it ``nb``."""


@dataclass(frozen=True)
class Language:
    code: str
    """The language tag of the pages (``<html lang>``) and the key of every content ``Text``."""
    name: str
    """The language's name in itself, as the switcher shows it."""
    prefix: str
    """Where its pages live, relative to the site root: '' or 'nb/'."""

    @property
    def search(self) -> str:
        return LUNR_LANGUAGES[self.code]


def site_languages(config: MkDocsConfig) -> tuple[Language, ...]:
    """The languages the i18n plugin of this build is configured with."""
    return languages_from(config.plugins[I18N_PLUGIN].config.languages)


def languages_from(configured: Iterable[Mapping[str, Any]]) -> tuple[Language, ...]:
    """The built languages of the i18n plugin's ``languages`` list, the default (root) one first."""
    languages = [
        Language(
            code=language["locale"],
            name=language["name"],
            prefix="" if language.get("default") else f"{language['locale']}/",
        )
        for language in configured
        if language.get("build", True)
    ]
    return tuple(sorted(languages, key=lambda language: language.prefix != ""))


def language_of(url: str, languages: tuple[Language, ...]) -> Language:
    """The language of the page (or search entry) at ``url``, a path from the site root."""
    for language in languages[1:]:
        if url.startswith(language.prefix):
            return language
    return languages[0]


def in_language(url: str, language: Language) -> str:
    """``url`` as a path inside its language's tree: 'nb/fields/x/' → 'fields/x/'."""
    return url.removeprefix(language.prefix)
