"""One search index per language, so a reader searches the pages of the language they read.

mkdocs-static-i18n merges every language's entries into the root ``search/search_index.json``.
Material looks for the index under the page's ``base``, which ``overrides/main.html`` sets to the
language's home; so each language gets its own index there, with its own lunr stemmer ('no' for
Norwegian) and its locations relative to that home.
"""

from __future__ import annotations

import json
from pathlib import Path

from sitebuild.languages import Language, in_language, language_of

INDEX = "search/search_index.json"


def split_search_index(site: Path, languages: tuple[Language, ...]) -> None:
    merged = json.loads((site / INDEX).read_text(encoding="utf-8"))
    for language in languages:
        docs = [
            {**doc, "location": in_language(doc["location"], language)}
            for doc in merged["docs"]
            if language_of(doc["location"], languages) == language
        ]
        index = {**merged, "config": {**merged["config"], "lang": [language.search]}, "docs": docs}
        target = site / language.prefix / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
