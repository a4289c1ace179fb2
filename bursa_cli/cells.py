"""Exported cells that are safe to open in Excel: text never becomes a live formula.

A Kartu Ide title typed at a desk on the day (`=HYPERLINK(...)`,
`=cmd|' /C calc'!A0`) ends up in the rekap workbook; opened in Excel, a live
formula could fetch a web address or start a program. OWASP's rule for CSV
injection: a text cell that starts with `=`, `+`, `-`, `@`, a tab or CR is
written so that it stays text.

- XLSX: the cell is stored as a string (openpyxl would store a text starting
  with `=` as a formula). Excel shows it literally and `bursa impor` reads back
  exactly the text that was exported, with no mark added.
- CSV has no cell types, so the text gets OWASP's leading apostrophe. A text
  that already starts with an apostrophe before one of those characters gets
  one more, so `unescape` (which `bursa impor` applies to every CSV cell) gives
  back the original text exactly.
"""

from __future__ import annotations

from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _risky(text: str) -> bool:
    return text.lstrip("'").startswith(TRIGGERS)


def csv_cell(value: Any) -> Any:
    """A value for a CSV cell: text that a spreadsheet would run gets a leading apostrophe."""
    if isinstance(value, str) and _risky(value):
        return "'" + value
    return value


def unescape(text: str) -> str:
    """The original of a CSV cell written by `csv_cell` (any other text comes back unchanged)."""
    if text.startswith("'") and _risky(text[1:]):
        return text[1:]
    return text


def literal_cells(book) -> None:
    """Store every formula-looking text of an openpyxl workbook as a plain string."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
