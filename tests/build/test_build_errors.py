"""A broken content file or macro fails the build with one clear line, never a green build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.site import ROOT, mkdocs_build

CODE = ("macros", "sitebuild", "calculators", "overrides")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project whose content and pages a test may break; code is linked."""
    copy = tmp_path / "project"
    copy.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", copy)
    shutil.copytree(ROOT / "content", copy / "content")
    shutil.copytree(ROOT / "docs", copy / "docs")
    for name in CODE:
        (copy / name).symlink_to(ROOT / name)
    return copy


def error_lines(project: Path) -> list[str]:
    result = mkdocs_build(project, project / "site")
    assert result.returncode != 0
    return [line for line in result.stderr.splitlines() if line.startswith("ERROR")]


def test_unknown_key_fails_with_file_key_and_line(project: Path) -> None:
    values = project / "content" / "values.yml"
    values.write_text(
        values.read_text(encoding="utf-8").replace(
            "  - id: creativity\n", "  - id: creativity\n    colur: red\n"
        ),
        encoding="utf-8",
    )
    line = values.read_text(encoding="utf-8").splitlines().index("    colur: red") + 1
    assert error_lines(project) == [f"ERROR   -  {values}:{line}: values[2].colur: unknown key"]


def test_missing_title_fails_with_file_key_and_line(project: Path) -> None:
    matrix = project / "content" / "matrix.yml"
    text = matrix.read_text(encoding="utf-8")
    title = "  title:\n    en: Planning and design\n    nb: Planlegging og utforming\n"
    assert title in text
    matrix.write_text(text.replace("planning:\n" + title, "planning:\n"), encoding="utf-8")
    line = text.splitlines().index("planning:") + 1
    assert error_lines(project) == [f"ERROR   -  {matrix}:{line}: planning.title: Field required"]


def test_macro_error_fails_the_build(project: Path) -> None:
    page = project / "docs" / "values.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ no_such_macro() }}\n")
    result = mkdocs_build(project, project / "site")
    assert result.returncode != 0
    assert "no_such_macro" in result.stderr


def test_missing_translation_fails_with_file_key_and_line(project: Path) -> None:
    ui = project / "content" / "ui.yml"
    text = ui.read_text(encoding="utf-8")
    ui.write_text(text.replace("    nb: Kilder og lisens\n", ""), encoding="utf-8")
    line = text.splitlines().index("  sources-and-licence:") + 1
    assert error_lines(project) == [
        f"ERROR   -  {ui}:{line}: labels.sources-and-licence: missing 'nb' translation"
    ]


def test_page_without_its_translation_fails_naming_the_file_to_write(project: Path) -> None:
    (project / "docs" / "values.nb.md").unlink()
    assert "docs/values.md has no Norsk bokmål version: write docs/values.nb.md" in (
        "\n".join(error_lines(project))
    )
