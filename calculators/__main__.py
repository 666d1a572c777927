"""The calculators from the command line, on files saved by the page; one command per tool.

python -m calculators matrix FILE.json ...            # each file's position, one JSON line each
python -m calculators assessment FILE.json ...        # many responses, one group result
python -m calculators soimpact review PLAN.json       # steps, review, progress as JSON
python -m calculators soimpact csv PLAN.json --out D  # the indicator and measurement CSVs
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

COMMANDS = ("calculators.matrix.cli", "calculators.assessment.cli", "calculators.soimpact.cli")
"""Each tool's command line module; each adds its command with ``register``."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m calculators", description=__doc__.split("\n")[0]
    )
    tools = parser.add_subparsers(dest="tool", required=True)
    for command in COMMANDS:
        import_module(command).register(tools)
    options = parser.parse_args(argv)
    return options.run(options)


if __name__ == "__main__":
    sys.exit(main())
