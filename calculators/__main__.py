"""The calculators from the command line, on files saved by the page.

    python -m calculators soimpact review PLAN.json        # steps, review, progress as JSON
    python -m calculators soimpact csv PLAN.json [--out D]  # the indicator and measurement CSVs

A file is opened and checked exactly as the page's "Open a saved file" does, so a file the page
refuses is refused here with the same reason (and exit status 1).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from calculators import soimpact
from calculators.csvfile import to_csv
from calculators.runtime import MODEL_FILE
from calculators.savefile import ImportProblem, open_envelope


def load_model() -> dict[str, Any]:
    """The model bundled beside the package, or, in a checkout, the content validated afresh."""
    if MODEL_FILE.exists():
        return json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    from macros.content import load_content  # a checkout has the build dependencies

    return load_content().model_dump(mode="json")


def _open(path: Path, model: dict[str, Any]) -> dict[str, Any]:
    data = open_envelope(path.read_text(encoding="utf-8"), "soimpact", soimpact.VERSION)
    return soimpact.clean(data, model)


def _review(state: dict[str, Any], model: dict[str, Any], options: argparse.Namespace) -> None:
    report = soimpact.report(state, model, options.lang)
    print(json.dumps(report, ensure_ascii=False, indent=2))


def _csv(state: dict[str, Any], model: dict[str, Any], options: argparse.Namespace) -> None:
    options.out.mkdir(parents=True, exist_ok=True)
    for name, table in soimpact.TABLES.items():
        target = options.out / f"{options.file.stem}-{name}.csv"
        target.write_text(to_csv(*table(state, model, options.lang)), encoding="utf-8", newline="")
        print(target)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m calculators", description=__doc__.split("\n")[0]
    )
    tools = parser.add_subparsers(dest="tool", required=True)
    commands = tools.add_parser("soimpact", help="SoImpact plans").add_subparsers(
        dest="command", required=True
    )
    review = commands.add_parser("review", help="print steps, review and progress as JSON")
    review.set_defaults(run=_review)
    csv = commands.add_parser("csv", help="write the indicator and measurement CSV files")
    csv.add_argument("--out", type=Path, default=Path(), help="folder for the CSV files")
    csv.set_defaults(run=_csv)
    for command in (review, csv):
        command.add_argument("file", type=Path, help="a plan saved by the page (JSON)")
        command.add_argument("--lang", default="en", help="language of the texts (default: en)")
    return parser


def main(argv: list[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    model = load_model()
    try:
        state = _open(options.file, model)
    except (OSError, ImportProblem) as problem:
        print(f"{options.file}: {problem}", file=sys.stderr)
        return 1
    options.run(state, model, options)
    return 0


if __name__ == "__main__":
    sys.exit(main())
