"""Where each language lives, and one search index per language."""

from __future__ import annotations

import json
from pathlib import Path

from sitebuild.languages import in_language, language_of, languages_from
from sitebuild.publish.search import INDEX, split_search_index

LANGUAGES = languages_from(
    [
        {"locale": "nb", "name": "Norsk bokmål"},
        {"locale": "en", "name": "English", "default": True},
    ]
)
ENGLISH, NORWEGIAN = LANGUAGES


def test_the_default_language_lives_at_the_root_and_comes_first() -> None:
    assert (ENGLISH.code, ENGLISH.prefix, NORWEGIAN.prefix) == ("en", "", "nb/")
    assert NORWEGIAN.search == "no"  # lunr's name for Norwegian


def test_a_page_url_says_its_language_and_its_place_in_that_language() -> None:
    assert language_of("nb/fields/anchoring/", LANGUAGES) == NORWEGIAN
    assert language_of("nb/", LANGUAGES) == NORWEGIAN
    assert language_of("", LANGUAGES) == ENGLISH
    assert language_of("fields/anchoring/#key-ideas", LANGUAGES) == ENGLISH
    assert in_language("nb/fields/anchoring/", NORWEGIAN) == "fields/anchoring/"


def test_the_merged_search_index_becomes_one_per_language(tmp_path: Path) -> None:
    docs = [
        {"location": "", "title": "Home", "text": ""},
        {"location": "fields/anchoring/", "title": "Anchoring", "text": "co-production"},
        {"location": "nb/", "title": "Forside", "text": ""},
        {"location": "nb/fields/anchoring/#key-ideas", "title": "Forankring", "text": "æøå"},
    ]
    (tmp_path / "search").mkdir()
    merged = {"config": {"lang": ["en"], "separator": "[\\s\\-]+"}, "docs": docs}
    (tmp_path / INDEX).write_text(json.dumps(merged), encoding="utf-8")
    split_search_index(tmp_path, LANGUAGES)
    english = json.loads((tmp_path / INDEX).read_text(encoding="utf-8"))
    norwegian = json.loads((tmp_path / "nb" / INDEX).read_text(encoding="utf-8"))
    assert english["config"] == {"lang": ["en"], "separator": "[\\s\\-]+"}
    assert [doc["title"] for doc in english["docs"]] == ["Home", "Anchoring"]
    assert norwegian["config"]["lang"] == ["no"]
    assert [doc["location"] for doc in norwegian["docs"]] == ["", "fields/anchoring/#key-ideas"]
    assert norwegian["docs"][1]["text"] == "æøå"
