"""Load the handbook's model from ``content/*.yml`` and validate it against the schema.

Errors are reported as one line naming the file, the key path and the line, because the people
who edit ``content/`` are writers, not programmers: a stack trace would not help them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from macros.schema import CONTENT_FILES, LANGUAGES, ChainLevel, Model, Text

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"

KeyPath = tuple[str | int, ...]


class ContentError(Exception):
    """A content file that cannot be used; ``str()`` is the one-line message for the editor."""


@dataclass(frozen=True)
class _Located:
    """A parsed YAML file with the line of every key path in it."""

    data: Any
    lines: dict[KeyPath, int]


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


def _parse(file: Path) -> _Located:
    text = file.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise ContentError(f"{file}:{line}: not valid YAML: {error.problem}") from None
    lines: dict[KeyPath, int] = {}
    if node is not None:
        _index_lines(node, (), lines, file)
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
    return _validate(file, _parse(file), model)


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


def _cross_references(model: Model) -> list[tuple[str, KeyPath, str]]:
    """Each reference from one file to an item of another that does not exist."""
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
    problems += [
        ("assessment.yml", ("areas", i, "id"), f"unknown {area.kind} {area.id!r}")
        for i, area in enumerate(model.assessment.areas)
        if area.id not in (values if area.kind == "value" else fields)
    ]
    return problems + _soimpact_references(model) + _matrix_tool_references(model)


def _soimpact_references(model: Model) -> list[tuple[str, KeyPath, str]]:
    """The SoImpact worksheet's links into impact.yml: steps, guidance, chain and Figure 8."""
    impact = model.impact
    steps = [step.id for step in impact.steps]
    guides = {
        *(f"step-{step}" for step in steps),
        *(f"recommendation-{point.id}" for point in impact.recommendations),
        *(f"level-{link.id}" for link in impact.chain),
    }
    chain = {link.id for link in impact.chain}
    rows = {row.id for row in impact.boost}
    soimpact = model.soimpact
    problems = [
        ("soimpact.yml", ("questions",), f"no questions for step {step!r}")
        for step in steps
        if step not in soimpact.questions
    ]
    problems += [
        ("soimpact.yml", ("questions", step), "not a step in impact.yml")
        for step in soimpact.questions
        if step not in steps
    ]
    problems += [
        ("soimpact.yml", ("findings", name, "guide"), f"unknown guidance {finding.guide!r}")
        for name, finding in soimpact.findings.items()
        if finding.guide not in guides
    ]
    problems += [
        ("impact.yml", ("chain",), f"the SoImpact worksheet needs the level {level!r}")
        for level in ChainLevel.__args__
        if level not in chain
    ]
    for i, example in enumerate(model.soimpact_examples.examples):
        problems += [
            ("soimpact_examples.yml", ("examples", i, "indicators", j, "row"), f"no row {row!r}")
            for j, row in enumerate(indicator.row for indicator in example.indicators)
            if row not in rows
        ]
    return problems


def _matrix_tool_references(model: Model) -> list[tuple[str, KeyPath, str]]:
    """The matrix calculator's links: factors, cases, cells and axis levels; and each worked
    example's expected cell must be the one its two answers on responsibility pick."""
    tool = model.matrix_tool
    factors = {factor.id for factor in model.collaboration.factors}
    cases = {case.id for case in model.cases.cases}
    cells = {(cell.planning, cell.production): cell.id for cell in model.matrix.cells}
    file = "matrix_tool.yml"
    problems = [
        (file, ("determinants", i, "factor"), f"unknown factor {q.factor!r}")
        for i, q in enumerate(tool.determinants)
        if q.factor not in factors
    ]
    for i, example in enumerate(tool.examples):
        if example.case is not None and example.case not in cases:
            problems.append((file, ("examples", i, "case"), f"unknown case {example.case!r}"))
        axes = (example.answers.get("planning"), example.answers.get("production"))
        if cells.get(axes) != example.expected:
            problems.append(
                (file, ("examples", i, "expected"), f"the answers give {cells.get(axes)!r}")
            )
    if set(tool.cell_advice) != set(cells.values()):
        problems.append((file, ("cell_advice",), "needs advice for each of the nine cells"))
    for axis in ("planning", "production"):
        levels = {level.id for level in getattr(model.matrix, axis).levels}
        if set(tool.moves.get(axis, {})) != levels:
            problems.append((file, ("moves", axis), "needs a step to each level of the axis"))
    return problems


def load_content(content_dir: Path = CONTENT_DIR) -> Model:
    """Validate every content file and check the references between them."""
    present = {path.name for path in content_dir.glob("*.yml")}
    unknown = sorted(present - CONTENT_FILES.keys())
    if unknown:
        known = ", ".join(sorted(CONTENT_FILES))
        raise ContentError(f"{content_dir / unknown[0]}:1: unknown content file (known: {known})")
    parts: dict[str, BaseModel] = {}
    located: dict[str, _Located] = {}
    for name, model in CONTENT_FILES.items():
        file = content_dir / name
        if not file.exists():
            raise ContentError(f"{file}:1: missing content file")
        located[name] = _parse(file)
        for path in _duplicate_ids(located[name].data):
            line = _line_of(path, located[name].lines)
            raise ContentError(f"{file}:{line}: {_format_path(path)}: duplicate id")
        parts[name.removesuffix(".yml")] = _validate(file, located[name], model)
    whole = Model(**parts)
    for name, path, message in _cross_references(whole):
        line = _line_of(path, located[name].lines)
        raise ContentError(f"{content_dir / name}:{line}: {_format_path(path)}: {message}")
    return whole


def texts(node: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, Text]]:
    """Every ``Text`` in a validated node, with its key path (field names are the YAML keys)."""
    if isinstance(node, Text):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from texts(getattr(node, name), (*path, name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from texts(item, (*path, index))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from texts(value, (*path, key))


def missing_translations(
    content_dir: Path = CONTENT_DIR, languages: tuple[str, ...] = LANGUAGES
) -> list[str]:
    """One line per text that lacks a language: ``file:line: key.path: missing 'nb' translation``.

    The schema lets a language be absent (so content can be written English first); the build
    calls this to refuse a site in which a reader would meet a text in the wrong language.
    """
    problems = []
    for name, model in CONTENT_FILES.items():
        file = content_dir / name
        located = _parse(file)
        for path, text in texts(_validate(file, located, model)):
            problems += [
                f"{file}:{_line_of(path, located.lines)}: {_format_path(path)}: "
                f"missing {language!r} translation"
                for language in languages
                if getattr(text, language) is None
            ]
    return problems
