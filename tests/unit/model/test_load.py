"""The content schema accepts the real content and names file, key and line for every mistake."""

from __future__ import annotations

from pathlib import Path

import yaml

from model.load import CONTENT_DIR, Loader, load_content
from model.schema import CONTENT_FILES
from tests.support.content import edit, error_of, guide_model, line_of


def test_the_real_content_is_valid() -> None:
    model = load_content()
    assert [value.id for value in model.values.values] == [
        "openness",
        "democracy",
        "creativity",
        "leadership",
    ]
    assert len(model.matrix.cells) == 9


def test_unknown_key_names_file_key_and_line(content: Path) -> None:
    file = content / "values.yml"
    edit(file, "  - id: democracy\n", "  - id: democracy\n    colour: red\n")
    assert error_of(content) == (
        f"{file}:{line_of(file, 'colour: red')}: values[1].colour: unknown key"
    )


def test_missing_title_points_at_the_item(content: Path) -> None:
    file = content / "values.yml"
    edit(file, "    name:\n      en: Creativity\n      nb: Kreativitet\n", "")
    assert error_of(content) == (
        f"{file}:{line_of(file, 'id: creativity')}: values[2].name: Field required"
    )


def test_wrong_type_is_reported_at_its_line(content: Path) -> None:
    file = content / "matrix.yml"
    edit(file, 'source: {chapter: 1, pages: "13–14"}', 'source: {chapter: one, pages: "13–14"}')
    message = error_of(content)
    assert message.startswith(f"{file}:3: source.chapter: ")
    assert "integer" in message


def test_duplicate_keys_are_refused(content: Path) -> None:
    file = content / "values.yml"
    edit(file, "  - id: openness\n", "  - id: openness\n    id: open\n")
    assert error_of(content) == f"{file}:4: values[0].id: duplicate key"


def test_broken_yaml_names_its_line(content: Path) -> None:
    file = content / "values.yml"
    edit(file, "  - id: creativity\n", "  - id: [creativity\n")
    assert error_of(content).startswith(f"{file}:")
    assert "not valid YAML" in error_of(content)


def test_unknown_and_missing_files_are_errors(content: Path) -> None:
    (content / "valeus.yml").write_text("values: []\n", encoding="utf-8")
    assert "unknown content file" in error_of(content)
    (content / "valeus.yml").unlink()
    (content / "matrix.yml").unlink()
    assert error_of(content) == f"{content / 'matrix.yml'}:1: missing content file"


def test_every_content_file_has_a_schema() -> None:
    assert {path.name for path in CONTENT_DIR.glob("*.yml")} == set(CONTENT_FILES)


def test_every_advice_list_has_the_handbooks_number_of_items() -> None:
    model = guide_model()
    sizes = {checklist.chapter: len(checklist.items) for checklist in model.checklists.checklists}
    assert sizes == {1: 3, 2: 6, 3: 4, 4: 9, 6: 10}


def test_duplicate_ids_in_a_list_are_refused(content: Path) -> None:
    file = content / "checklists.yml"
    edit(file, "      - id: read-further\n", "      - id: thin-or-thick-again\n")
    edit(file, "id: thin-or-thick-again", "id: thin-or-thick")
    second = [
        n for n, text in enumerate(file.read_text().splitlines(), 1) if "thin-or-thick" in text
    ]
    assert error_of(content) == f"{file}:{second[1]}: checklists[0].items[2].id: duplicate id"


def test_a_reference_to_an_unknown_field_names_file_key_and_line(content: Path) -> None:
    file = content / "cases.yml"
    edit(file, "    fields: [ensuring-equality]\n", "    fields: [equality]\n")
    line = line_of(file, "fields: [equality]")
    assert error_of(content) == f"{file}:{line}: cases[3].fields[0]: unknown field 'equality'"


def test_every_visible_text_can_take_a_norwegian_translation() -> None:
    """A second language is a new key beside every English text, never a new structure."""
    model = guide_model()
    texts = list(_texts(model))
    assert len(texts) > 400
    assert all(text.nb is None or text.nb for text in texts)


def _texts(node):
    from pydantic import BaseModel

    from model.base import Text

    if isinstance(node, Text):
        yield node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _texts(getattr(node, name))
    elif isinstance(node, list | tuple):
        for item in node:
            yield from _texts(item)
    elif isinstance(node, dict):
        for item in node.values():
            yield from _texts(item)


def test_an_unchanged_folder_is_validated_once_and_an_edited_file_afresh(content: Path) -> None:
    """The build and every test module share one load, yet an edit is never missed."""
    first = load_content(content)
    assert load_content(content) is first
    edit(content / "values.yml", "en: Openness\n", "en: Open\n")
    edited = load_content(content)
    assert edited is not first
    assert edited.values.values[0].name.en == "Open"


def test_lines_are_the_same_with_either_yaml_parser(content: Path, monkeypatch) -> None:
    """libyaml's parser is used when PyYAML has it; the pure-Python one gives the same lines."""
    file = content / "values.yml"
    edit(file, "  - id: democracy\n", "  - id: democracy\n    colour: red\n")
    expected = f"{file}:{line_of(file, 'colour: red')}: values[1].colour: unknown key"
    assert Loader is getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    assert error_of(content) == expected
    monkeypatch.setattr("model.load.Loader", yaml.SafeLoader)
    assert error_of(content) == expected
