"""Run a calculator on files the page saved: ``python -m calculators matrix FILE.json ...``.

Prints one JSON object per file, one per line (JSON Lines), so a facilitator's script can read
the results of many files: ``{"file", "ok": true, "result"}`` with the tool's language-neutral
report, or ``{"file", "ok": false, "message"}`` / ``{"file", "ok": false, "errors"}``. The exit
status is 1 when any file failed, 2 for a wrong command line.

The model is the ``guide_model.json`` that the site ships (``--model``), or else the one built
from ``content/`` in a checkout of the guide (which needs the project's own dependencies).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from calculators.errors import InputError
from calculators.runtime import MODEL_FILE, TOOLS, Model, Tool
from calculators.savefile import ImportProblem, open_envelope


def load_model(path: Path | None) -> Model:
    """The model from ``--model``, beside the package (as in the site's zip), or ``content/``."""
    if path is None and MODEL_FILE.exists():
        path = MODEL_FILE
    if path is not None:
        return json.loads(path.read_text(encoding="utf-8"))
    from macros.content import load_content  # only in a checkout: pydantic, PyYAML

    return load_content().model_dump(mode="json")


def run_file(name: str, tool: Tool, file: Path, model: Model, lang: str) -> dict[str, Any]:
    """One file's line of output."""
    try:
        state = tool.clean(
            open_envelope(file.read_text(encoding="utf-8"), name, tool.version), model
        )
        if tool.report is not None:
            result: Any = tool.report(state, model, lang)
        else:
            result = tool.compute(state, model, lang)
    except (OSError, UnicodeDecodeError) as error:
        return {"file": str(file), "ok": False, "message": str(error)}
    except ImportProblem as problem:
        return {"file": str(file), "ok": False, "message": str(problem)}
    except InputError as error:
        errors = [{"field": field, "message": message} for field, message in error.problems]
        return {"file": str(file), "ok": False, "errors": errors}
    return {"file": str(file), "ok": True, "result": result}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m calculators", description=__doc__.split("\n")[0]
    )
    parser.add_argument("tool", choices=sorted(TOOLS))
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--model", type=Path, help="guide_model.json (default: content/)")
    parser.add_argument("--lang", default="en", help="language of messages and names (default: en)")
    args = parser.parse_args(argv)
    model = load_model(args.model)
    tool = TOOLS[args.tool]
    failed = False
    for file in args.files:
        line = run_file(args.tool, tool, file, model, args.lang)
        failed = failed or not line["ok"]
        print(json.dumps(line, ensure_ascii=False))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
