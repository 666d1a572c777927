"""The matrix calculator's part of the model: its links into other files are checked at load."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.load import ContentError, load_content


def test_content_mistakes_in_the_matrix_tool_name_file_and_line(content: Path) -> None:
    """References to other files (factors, cases, cells, levels) are checked at load."""
    file = content / "matrix_tool.yml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("    case: evjemoen\n", "    case: evje\n"), encoding="utf-8")
    with pytest.raises(
        ContentError, match=r"matrix_tool.yml:\d+: examples\[2\].case: unknown case 'evje'"
    ):
        load_content(content)
    file.write_text(text.replace("    factor: duration\n", "    factor: time\n"), encoding="utf-8")
    with pytest.raises(ContentError, match=r"determinants\[2\].factor: unknown factor 'time'"):
        load_content(content)
    file.write_text(text.replace("  no-activity:\n", "  no-activty:\n"), encoding="utf-8")
    with pytest.raises(ContentError, match="cell_advice: needs advice for each of the nine cells"):
        load_content(content)
    wrong = text.replace("    expected: thin-planning\n", "    expected: co-production\n")
    file.write_text(wrong, encoding="utf-8")
    with pytest.raises(
        ContentError, match=r"examples\[1\].expected: the answers give 'thin-planning'"
    ):
        load_content(content)


def test_a_cell_off_the_continuum_must_say_why_and_signs_must_be_answers(content: Path) -> None:
    """The result gives the reason of a cell that shares nothing; no other cell has one."""
    file = content / "matrix_tool.yml"
    text = file.read_text(encoding="utf-8")
    start = text.index("    outside:", text.index("  tendering:"))
    end = text.index("  thin-production:", start)
    file.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(ContentError, match=r"tendering\.outside: shares neither axis: say why"):
        load_content(content)
    moved = text[start:end]
    at = text.index("  thin-production:\n    text:")
    later = text.index("    read:", at)
    file.write_text(text[:later] + moved + text[later:], encoding="utf-8")
    with pytest.raises(ContentError, match=r"thin-production\.outside: shares an axis"):
        load_content(content)
    file.write_text(text.replace("    power: one-party\n", "    power: nobody\n"), encoding="utf-8")
    with pytest.raises(ContentError, match=r"form_only\.signs\.power: no answer 'nobody'"):
        load_content(content)
