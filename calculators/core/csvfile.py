"""CSV for spreadsheets: UTF-8 with a byte-order mark, and no cell a spreadsheet would run.

Excel and LibreOffice treat a cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage
return as a formula; such text cells get a leading apostrophe (OWASP's advice). Numbers stay
numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | None


def safe_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        text = str(value)
        return "'" + text if text.startswith(FORMULA_STARTS) else text
    return repr(value) if isinstance(value, float) else str(value)


def to_csv(header: list[str], rows: Iterable[list[Cell]]) -> str:
    """The table as CSV text, ready to save as a ``.csv`` file that opens in any spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return BOM + buffer.getvalue()
