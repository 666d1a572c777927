"""The assessment's part of the model: each area it scores is a value or field the guide has."""

from __future__ import annotations

from pathlib import Path

from tests.support.content import edit, error_of, line_of


def test_an_unknown_area_names_file_key_and_line(content: Path) -> None:
    file = content / "assessment.yml"
    edit(file, "  - id: openness\n    kind: value\n", "  - id: openness\n    kind: field\n")
    line = line_of(file, "  - id: openness")
    assert error_of(content) == f"{file}:{line}: areas[0].id: unknown field 'openness'"
