"""``python -m calculators assessment FILE.json ...``: many saved responses, one group result.

Reads any number of saved response files (or facilitators' group files) and prints the group
result as JSON, so a facilitator with thirty files need not add them by hand.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from calculators.assessment.files import merge
from calculators.assessment.score import Group, Survey, aggregate, disagreements
from calculators.core.cli import load_model


def _summary(row: Any) -> dict[str, Any]:
    summary = row.overall
    gap = row.gap
    return {
        "id": row.id,
        "answers": summary.count,
        "dont_know": row.dont_know,
        "mean": summary.mean,
        "spread": summary.spread,
        "lowest": summary.low,
        "highest": summary.high,
        "by_role": {role: part.mean for role, part in row.by_role.items()},
        "role_gap": None
        if gap is None
        else {"size": gap.size, "highest": gap.high_role, "lowest": gap.low_role},
    }


def group_json(group: Group, points: int, log: list[dict[str, Any]]) -> dict[str, Any]:
    """The group result as plain data: ids and numbers, no words of any language."""
    return {
        "participants": group.size,
        "imports": log,
        "roles": group.roles,
        "steps": group.steps,
        "areas": [_summary(row) for row in group.areas],
        "statements": [_summary(row) for row in group.statements],
        "discuss": [row.id for row in disagreements(group, points)],
    }


def assessment(files: list[Path], model: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The group result of the files, and whether every file was read."""
    texts: list[tuple[str, str | None]] = []
    unreadable = []
    for path in files:
        try:
            texts.append((str(path), path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as error:
            unreadable.append({"source": str(path), "outcome": "refused", "reason": str(error)})
    survey = Survey.of(model)
    responses, log = merge([], texts, survey, model, "en")  # the command line speaks English
    log = unreadable + log
    refused = any(entry["outcome"] == "refused" for entry in log)
    return group_json(aggregate(responses, survey), survey.points, log), not refused


def _run(options: argparse.Namespace) -> int:
    result, complete = assessment(options.files, load_model(options.model))
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    for entry in result["imports"]:
        if entry["outcome"] == "refused":
            print(f"{entry['source']}: {entry['reason']}", file=sys.stderr)
    return 0 if complete else 1


def register(tools: Any) -> None:
    """Add the ``assessment`` command to the ``python -m calculators`` parser."""
    command = tools.add_parser("assessment", help="the group result of saved response files")
    command.add_argument("files", nargs="+", type=Path, help="saved response or group files")
    command.add_argument("--model", type=Path, help="a guide_model.json (default: content/)")
    command.set_defaults(run=_run)
