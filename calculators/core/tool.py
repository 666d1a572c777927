"""What a calculator offers the page: the one shape every tool's package exposes as ``TOOL``.

It lives in ``core`` so that a tool can describe itself without importing the runtime.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from calculators.core.blocks import Block, Summary
from calculators.core.csvfile import Cell

State = dict[str, Any]
Model = dict[str, Any]
Table = tuple[list[str], list[list[Cell]]]

MODEL_FILE = Path(__file__).resolve().parents[2] / "guide_model.json"
"""The model as JSON, placed beside the package by the site's calculator bundle
(``sitebuild.bundle``), where the browser reads it."""


@dataclass(frozen=True)
class Tool:
    """A calculator, by its functions; each takes the page's language last."""

    name: str
    """The tool's name in requests, saved files and storage keys."""
    version: int
    """Version of the saved state; raise it (and migrate in ``clean``) when the state changes."""
    compute: Callable[[State, Model, str], list[Block]]
    """The result blocks for a state; bad answers raise InputError."""
    clean: Callable[[State, Model, str], State]
    """Checks an imported state and returns it tidy, or raises ``ImportProblem``."""
    summary: Callable[[State, Model, str], Summary]
    """How much is answered and the result in brief, for any state: never raises, so that the
    count beside the form follows the answers even while the result waits for required ones."""
    file_words: Callable[[str, Model, str], tuple[str, str]]
    """A CSV table's file name in a language, from content: the tool's word and the table's
    ('' for a tool's only table). The page puts the project's name between them, the date last:
    ``soimpact-prosjekt-1-indikatorer-2025-03-01.csv``."""
    operations: dict[str, Callable[[State, dict[str, Any], Model, str], State]] = field(
        default_factory=dict
    )
    tables: dict[str, Callable[[State, Model, str], Table]] = field(default_factory=dict)
    """CSV exports by name, the default first. One table is the toolbar's single CSV button;
    several get one button each (label: the tool's content message ``csv-<name>``)."""
