"""CSV for spreadsheets: UTF-8 with a byte-order mark, in the dialect of the page's language,
and no cell a spreadsheet would run.

A spreadsheet set to Norwegian reads decimal commas and expects ``;`` between fields; one set
to English reads points and ``,``. A file in the other dialect opens with each row in one
column, so the page's language decides (``calculators.core.numbers``).

Excel and LibreOffice treat a cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage
return as a formula; such text cells get a leading apostrophe (OWASP's advice). Numbers stay
numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from calculators.core.numbers import Numbers

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | None


def safe_cell(value: Cell, numbers: Numbers) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        text = str(value)
        return "'" + text if text.startswith(FORMULA_STARTS) else text
    return numbers.for_spreadsheet(value)


def to_csv(header: list[str], rows: Iterable[list[Cell]], numbers: Numbers) -> str:
    """The table as CSV text, ready to save as a ``.csv`` file that opens in any spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=numbers.csv_delimiter, lineterminator="\r\n")
    writer.writerow([safe_cell(cell, numbers) for cell in header])
    writer.writerows([safe_cell(cell, numbers) for cell in row] for row in rows)
    return BOM + buffer.getvalue()
