"""``python -m calculators matrix FILE.json ...``: where each saved collaboration sits.

Prints one JSON object per file, one per line (JSON Lines), so a facilitator's script can read
the results of many files: ``{"file", "ok": true, "result"}`` with the language-neutral report
of ``calculators.matrix.score.report`` (cell, position with each answer's points, roles, goal and
steps, participants), or ``{"file", "ok": false, "message"}`` for a file the page would refuse,
or ``{"file", "ok": false, "errors"}`` for answers that cannot be placed. Exit status 1 when any
file failed.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from calculators.core.cli import load_model
from calculators.core.errors import InputError
from calculators.core.savefile import ImportProblem, open_envelope
from calculators.matrix import files, score


def run_file(file: Path, model: dict[str, Any], lang: str) -> dict[str, Any]:
    """One file's line of output; the file is checked exactly as the page's "Open" does."""
    try:
        text = file.read_text(encoding="utf-8")
        data = open_envelope(text, files.NAME, files.VERSION, model, lang)
        state = files.clean(data, model, lang)
        result = score.report(state, model, lang)
    except (OSError, UnicodeDecodeError, ImportProblem) as problem:
        return {"file": str(file), "ok": False, "message": str(problem)}
    except InputError as error:
        errors = [{"field": field, "message": message} for field, message in error.problems]
        return {"file": str(file), "ok": False, "errors": errors}
    return {"file": str(file), "ok": True, "result": result}


def _run(options: argparse.Namespace) -> int:
    model = load_model(options.model)
    failed = False
    for file in options.files:
        line = run_file(file, model, options.lang)
        failed = failed or not line["ok"]
        print(json.dumps(line, ensure_ascii=False))
    return 1 if failed else 0


def register(tools: Any) -> None:
    """Add the ``matrix`` command."""
    command = tools.add_parser("matrix", help="collaborations placed on the thin/thick matrix")
    command.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="files saved by the page"
    )
    command.add_argument("--lang", default="en", help="language of messages (default: en)")
    command.add_argument("--model", type=Path, help="a guide_model.json (default: content/)")
    command.set_defaults(run=_run)
