"""Writing one table on a sheet the way every ledger does: bold headings, widths set, the
heading row frozen, filters on, dates formatted, text always text (a leading `=` no formula).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dialogs.parsing import drop_direction_controls

DATE_FORMAT = "yyyy-mm-dd"
PERCENT_FORMAT = "0.0%"
SHEET_TITLE_MAX = 31  # Excel's limit
_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Heading:
    """A column: its heading, its width in characters, the number format of its values."""

    text: str
    width: int
    number_format: str | None = None
    wrap: bool = False


def write_table(
    sheet: Worksheet, headings: Sequence[Heading], rows: Sequence[Sequence[Any]]
) -> None:
    """Write the headings and the rows from A1, with widths, a frozen header and filters."""
    bold = Font(bold=True)
    for index, heading in enumerate(headings, start=1):
        cell = sheet.cell(row=1, column=index, value=heading.text)
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = heading.width
    for row_index, row in enumerate(rows, start=2):
        for index, (heading, value) in enumerate(zip(headings, row, strict=True), start=1):
            fill(sheet.cell(row=row_index, column=index), value, heading)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headings))}{len(rows) + 1}"


def cell_text(value: str) -> str:
    """Return a text as a cell holds it: without what a sheet may not hold (control
    characters) and without direction controls, which would turn a number around in Excel
    as on a page (a text kept before intake dropped them)."""
    return drop_direction_controls(ILLEGAL_CHARACTERS_RE.sub("", value))


def fill(cell: Any, value: Any, heading: Heading) -> None:
    """Write one value: text stays text, dates and rates get their number format."""
    if isinstance(value, str):
        cell.value = cell_text(value)
        cell.data_type = "s"
        if heading.wrap:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        return
    cell.value = value
    if heading.number_format and isinstance(value, datetime | date | float | int):
        cell.number_format = heading.number_format


def sheet_title(name: str, taken: set[str]) -> str:
    """Return a title Excel accepts (31 characters, none of []:*?/\\), unique in the book."""
    base = _TITLE_FORBIDDEN.sub("_", name).strip("'") or "-"
    title, n = base[:SHEET_TITLE_MAX], 1
    while title.lower() in taken:
        n += 1
        suffix = f" ({n})"
        title = base[: SHEET_TITLE_MAX - len(suffix)] + suffix
    taken.add(title.lower())
    return title


def saved(book: Workbook) -> bytes:
    """Return the workbook as the bytes of an XLSX file."""
    out = BytesIO()
    book.save(out)
    return out.getvalue()
