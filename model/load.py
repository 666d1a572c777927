"""Load the handbook's model from ``content/*.yml`` and validate it against the schema.

Errors are reported as one line naming the file, the key path and the line, because the people
who edit ``content/`` are writers, not programmers: a stack trace would not help them.

Each file is parsed once (libyaml's C parser when PyYAML has it), into both its data and the line
of every key; a whole content folder is validated once per process for the same file contents,
so the build's two passes and every test module share one load.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from model import assessment, matrix, soimpact
from model.base import LANGUAGES, KeyPath, Problem, Source, Text
from model.schema import CONTENT_FILES, Model

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML was built with it; the same nodes and marks, many times faster."""


_T = TypeVar("_T")


class ContentError(Exception):
    """A content file that cannot be used; ``str()`` is the one-line message for the editor."""


@dataclass(frozen=True)
class _Located:
    """A parsed YAML file with the line of every key path in it."""

    data: Any
    lines: dict[KeyPath, int]


@dataclass(frozen=True)
class _Content:
    """A validated content folder, and each file's lines for the messages that need them."""

    model: Model
    lines: dict[str, dict[KeyPath, int]]
    """Each file's key paths and their lines, by file name."""


def _format_path(path: KeyPath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _index_lines(node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int], file: Path) -> None:
    """Record the 1-based line of each key path; refuse duplicate keys, which YAML would hide."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                raise ContentError(
                    f"{file}:{key_node.start_mark.line + 1}: {_format_path((*path, key))}: "
                    "duplicate key"
                )
            seen.add(key)
            _index_lines(value_node, (*path, key), lines, file)
            lines[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, (*path, index), lines, file)


def _parse(file: Path, text: str) -> _Located:
    """One pass of the parser: the node tree gives the lines, then the data is built from it."""
    loader = Loader(text)
    lines: dict[KeyPath, int] = {}
    try:
        node = loader.get_single_node()
        if node is not None:
            _index_lines(node, (), lines, file)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise ContentError(f"{file}:{line}: not valid YAML: {error.problem}") from None
    finally:
        loader.dispose()
    return _Located(data, lines)


def _line_of(path: KeyPath, lines: dict[KeyPath, int]) -> int:
    """The line of ``path``, or of its nearest ancestor when the key itself is missing."""
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path, 1)


def _first_error(error: ValidationError, file: Path, located: _Located) -> ContentError:
    detail = error.errors(include_url=False)[0]
    path: KeyPath = tuple(detail["loc"])
    message = "unknown key" if detail["type"] == "extra_forbidden" else detail["msg"]
    count = error.error_count()
    more = f" (and {count - 1} more)" if count > 1 else ""
    return ContentError(
        f"{file}:{_line_of(path, located.lines)}: {_format_path(path)}: {message}{more}"
    )


def _validate(file: Path, located: _Located, model: type[BaseModel]) -> BaseModel:
    try:
        return model.model_validate(located.data)
    except ValidationError as error:
        raise _first_error(error, file, located) from None


def load_file(file: Path, model: type[BaseModel]) -> BaseModel:
    """Parse and validate one content file."""
    return _validate(file, _parse(file, file.read_text(encoding="utf-8")), model)


def _duplicate_ids(node: Any, path: KeyPath = ()) -> list[KeyPath]:
    """The path of every ``id`` that repeats one before it in the same list.

    Ids name anchors on the pages and keys of saved ticks, so a repeat would silently merge two
    items.
    """
    found: list[KeyPath] = []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _duplicate_ids(value, (*path, key))
    elif isinstance(node, list):
        seen: set[str] = set()
        for index, item in enumerate(node):
            item_id = item.get("id") if isinstance(item, dict) else None
            if item_id in seen:
                found.append((*path, index, "id"))
            if item_id is not None:
                seen.add(item_id)
            found += _duplicate_ids(item, (*path, index))
    return found


def _site_references(model: Model) -> list[Problem]:
    """Each reference between the site-wide files to an item that does not exist."""
    values = {value.id for value in model.values.values}
    fields = {field.id for field in model.fields.fields}
    problems = [
        ("fields.yml", ("fields", i, "values", j), f"unknown value {name!r}")
        for i, field in enumerate(model.fields.fields)
        for j, name in enumerate(field.values)
        if name not in values
    ]
    for i, case in enumerate(model.cases.cases):
        for key, known in (("values", values), ("fields", fields)):
            problems += [
                ("cases.yml", ("cases", i, key, j), f"unknown {key[:-1]} {name!r}")
                for j, name in enumerate(getattr(case, key))
                if name not in known
            ]
    return problems


def _cited_pages(model: Model) -> list[Problem]:
    """Each handbook citation whose pages lie outside the part (chapter or foreword) it names.

    The extracted handbook has no page numbers, so a slip is easy; the table of contents
    (``handbook.yml``) is the one place a page can be checked against.
    """
    parts = {part.number: part for part in model.handbook.parts}
    problems = []
    for name in CONTENT_FILES:
        for path, source in nodes(getattr(model, name.removesuffix(".yml")), Source):
            part = parts[source.chapter]
            first, last = source.page_range
            if not part.first <= first <= last <= part.last:
                where = f"chapter {part.number}" if part.number else "the foreword"
                problems.append(
                    (
                        name,
                        path,
                        f"p. {source.pages} is not in {where} (p. {part.first}–{part.last})",
                    )
                )
    return problems


REFERENCES: tuple[Callable[[Model], list[Problem]], ...] = (
    _site_references,
    _cited_pages,
    assessment.references,
    soimpact.references,
    matrix.references,
)
"""The checks of references from one file to an item of another: the site's, then each tool's."""


@lru_cache(maxsize=4)
def _load_texts(content_dir: Path, files: tuple[tuple[str, str], ...]) -> _Content:
    """Validate the files' texts; kept per folder and texts, so an edited file is read afresh."""
    parts: dict[str, BaseModel] = {}
    located: dict[str, _Located] = {}
    for name, text in files:
        file = content_dir / name
        located[name] = _parse(file, text)
        for path in _duplicate_ids(located[name].data):
            line = _line_of(path, located[name].lines)
            raise ContentError(f"{file}:{line}: {_format_path(path)}: duplicate id")
        parts[name.removesuffix(".yml")] = _validate(file, located[name], CONTENT_FILES[name])
    whole = Model(**parts)
    for check in REFERENCES:
        for name, path, message in check(whole):
            line = _line_of(path, located[name].lines)
            raise ContentError(f"{content_dir / name}:{line}: {_format_path(path)}: {message}")
    return _Content(whole, {name: found.lines for name, found in located.items()})


def _load(content_dir: Path) -> _Content:
    present = {path.name for path in content_dir.glob("*.yml")}
    unknown = sorted(present - CONTENT_FILES.keys())
    if unknown:
        known = ", ".join(sorted(CONTENT_FILES))
        raise ContentError(f"{content_dir / unknown[0]}:1: unknown content file (known: {known})")
    files = []
    for name in CONTENT_FILES:
        file = content_dir / name
        if not file.exists():
            raise ContentError(f"{file}:1: missing content file")
        files.append((name, file.read_text(encoding="utf-8")))
    return _load_texts(content_dir, tuple(files))


def load_content(content_dir: Path = CONTENT_DIR) -> Model:
    """Validate every content file and check the references between them.

    The same unchanged folder gives the same ``Model`` object: treat it as read-only.
    """
    return _load(content_dir).model


def nodes(node: Any, kind: type[_T], path: KeyPath = ()) -> Iterator[tuple[KeyPath, _T]]:
    """Every ``kind`` in a validated node, with its key path (field names are the YAML keys)."""
    if isinstance(node, kind):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from nodes(getattr(node, name), kind, (*path, name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from nodes(item, kind, (*path, index))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from nodes(value, kind, (*path, key))


def texts(node: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, Text]]:
    """Every ``Text`` in a validated node, with its key path."""
    return nodes(node, Text, path)


def missing_translations(
    content_dir: Path = CONTENT_DIR, languages: tuple[str, ...] = LANGUAGES
) -> list[str]:
    """One line per text that lacks a language: ``file:line: key.path: missing 'nb' translation``.

    The schema lets a language be absent (so content can be written English first); the build
    calls this, after ``load_content``, to refuse a site in which a reader would meet a text in
    the wrong language.
    """
    content = _load(content_dir)
    problems = []
    for name in CONTENT_FILES:
        lines = content.lines[name]
        part = getattr(content.model, name.removesuffix(".yml"))
        problems += [
            f"{content_dir / name}:{_line_of(path, lines)}: {_format_path(path)}: "
            f"missing {language!r} translation"
            for path, text in texts(part)
            for language in languages
            if getattr(text, language) is None
        ]
    return problems
