"""``python -m calculators soimpact review|csv PLAN.json``: a saved plan, reviewed or exported.

A file is opened and checked exactly as the page's "Open a saved file" does, so a file the page
refuses is refused here with the same reason (and exit status 1).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from calculators.core.cli import load_model
from calculators.core.csvfile import to_csv
from calculators.core.numbers import Numbers
from calculators.core.savefile import ImportProblem, open_envelope
from calculators.soimpact import export, score
from calculators.soimpact.files import NAME, VERSION
from calculators.soimpact.state import clean


def _open(path: Path, model: dict[str, Any], lang: str) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    return clean(open_envelope(text, NAME, VERSION, model, lang), model, lang)


def _review(state: dict[str, Any], model: dict[str, Any], options: argparse.Namespace) -> None:
    report = score.report(state, model, options.lang)
    print(json.dumps(report, ensure_ascii=False, indent=2))


def _csv(state: dict[str, Any], model: dict[str, Any], options: argparse.Namespace) -> None:
    options.out.mkdir(parents=True, exist_ok=True)
    numbers = Numbers.of(model, options.lang)
    for name, table in export.TABLES.items():
        _, word = export.file_words(name, model, options.lang)
        target = options.out / f"{options.file.stem}-{word}.csv"
        text = to_csv(*table(state, model, options.lang), numbers)
        target.write_text(text, encoding="utf-8", newline="")
        print(target)


def _run(options: argparse.Namespace) -> int:
    model = load_model(options.model)
    try:
        state = _open(options.file, model, options.lang)
    except (OSError, ImportProblem) as problem:
        print(f"{options.file}: {problem}", file=sys.stderr)
        return 1
    options.command_run(state, model, options)
    return 0


def register(tools: Any) -> None:
    """Add the ``soimpact review`` and ``soimpact csv`` commands."""
    commands = tools.add_parser("soimpact", help="SoImpact plans").add_subparsers(
        dest="command", required=True
    )
    review = commands.add_parser("review", help="print steps, review and progress as JSON")
    review.set_defaults(command_run=_review)
    csv = commands.add_parser("csv", help="write the indicator and measurement CSV files")
    csv.add_argument("--out", type=Path, default=Path(), help="folder for the CSV files")
    csv.set_defaults(command_run=_csv)
    for command in (review, csv):
        command.add_argument("file", type=Path, help="a plan saved by the page (JSON)")
        command.add_argument("--lang", default="en", help="language of the texts (default: en)")
        command.add_argument("--model", type=Path, help="a guide_model.json (default: content/)")
        command.set_defaults(run=_run)
