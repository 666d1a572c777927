"""The project picker's words and markup: every key the page scripts ask for exists, each of the
picker's texts is in English and bokmål with the same placeholders, and the picker renders
labelled, hidden until its script runs, in either language."""

from __future__ import annotations

import re

import pytest

from macros import render
from tests.support.content import guide_model
from tests.support.site import ROOT

MODEL = guide_model()
UI = MODEL.ui.calculator
SCRIPTS = sorted((ROOT / "docs" / "assets" / "js" / "calculator").glob("*.js"))
TEMPLATE = ROOT / "macros" / "templates" / "projects.j2"
# A quoted message key in a script: the picker's, the storage refusals and the import messages.
KEY = re.compile(r'"((?:project|storage|link|opened)-[a-z-]+)"')
PICKER_KEYS = sorted(
    key
    for key in UI
    if key.startswith("project-")
    or key in {"cancel", "storage-full", "opened-file-new", "link-loaded-new"}
)


def used_in_scripts() -> set[str]:
    return {key for script in SCRIPTS for key in KEY.findall(script.read_text(encoding="utf-8"))}


def test_every_message_key_the_scripts_use_exists() -> None:
    assert used_in_scripts() - set(UI) == set()


def test_every_picker_text_is_used() -> None:
    template = TEMPLATE.read_text(encoding="utf-8")
    in_template = {key for key in PICKER_KEYS if f'"{key}"' in template or f"ui.{key} " in template}
    assert set(PICKER_KEYS) - in_template - used_in_scripts() == set()


@pytest.mark.parametrize("key", PICKER_KEYS)
def test_picker_texts_are_in_bokmal_with_the_same_placeholders(key: str) -> None:
    text = UI[key]
    assert text.nb, f"{key} has no bokmål"
    assert set(re.findall(r"\{(\w+)\}", text.en)) == set(re.findall(r"\{(\w+)\}", text.nb))


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["New project", "Rename", "Duplicate", "Delete", "Your projects"]),
        ("nb", ["Nytt prosjekt", "Gi nytt navn", "Lag kopi", "Slett", "Prosjektene deres"]),
    ],
)
def test_picker_renders_labelled_and_hidden(lang: str, words: list[str]) -> None:
    html = render("projects.j2", name="soimpact", ui=UI, lang=lang, labels=MODEL.ui.labels)
    for word in words:
        assert f">{word}<" in html
    assert re.search(r'<div class="guide-projects"[^>]* hidden>', html)
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    referenced = re.findall(r'\b(?:for|aria-labelledby|aria-describedby)="([^"]+)"', html)
    assert {part for value in referenced for part in value.split()} <= ids
    assert html.count("<dialog") == 2
