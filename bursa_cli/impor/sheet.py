"""Read a spreadsheet (XLSX or CSV) into rows of raw cell values.

Files come as officers make them: title rows merged above the header, a
Google Form export, a CSV saved by Excel with semicolons in the Windows code
page. The reader keeps each row's spreadsheet number so every problem can
point at it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..cells import unescape
from ..errors import UsageError

MAX_HEADER_SCAN = 30  # title rows above the header seldom exceed a handful
# Zip-bomb limits (docs/impor.md): a 1 MB .xlsx can expand to gigabytes of XML or
# millions of empty cells. The largest real list (every Kepala Desa, Ketua BPD and
# perangkat of a kabupaten) is a few thousand rows of a dozen columns.
MAX_UNPACKED = 200 * 1024 * 1024  # bytes inside the .xlsx, all parts together
MAX_CELLS = 2_000_000  # cells read from one sheet, empty ones included
MAX_CSV_BYTES = 50 * 1024 * 1024


@dataclass
class Table:
    """One sheet: rows as (spreadsheet row number, cell values)."""

    shown: str  # "peserta.xlsx [Sheet1]" or "peserta.csv"
    sheet: str  # "" for CSV
    rows: list[tuple[int, list[object]]] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)  # sheets hidden in Excel, not read


def sheet_names(path: Path) -> list[str]:
    """The sheets of an XLSX file (CSV has none)."""
    path = Path(path)
    if not path.is_file():
        raise UsageError.coded("BUR-I118", berkas=path)
    if _kind(path) != "xlsx":
        return []
    workbook = _open_xlsx(path)
    try:
        return _visible(workbook)[0]
    finally:
        workbook.close()


def _visible(workbook) -> tuple[list[str], list[str]]:
    """The sheets shown in Excel, and those hidden (lookup lists, old versions): the hidden ones are not read."""
    shown = [ws.title for ws in workbook.worksheets if getattr(ws, "sheet_state", "visible") == "visible"]
    return shown, [name for name in workbook.sheetnames if name not in shown]


def read_table(path: Path, sheet: str | None = None) -> Table:
    """Read one sheet of `path`; with several sheets, `sheet` must name one."""
    path = Path(path)
    if not path.is_file():
        raise UsageError.coded("BUR-I118", berkas=path)
    if _kind(path) == "csv":
        return _read_csv(path)
    return _read_xlsx(path, sheet)


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".csv", ".txt"):
        return "csv"
    if suffix == ".xls":
        raise UsageError.coded("BUR-I119", berkas=path.name)
    raise UsageError.coded("BUR-I120", berkas=path.name)


def _open_xlsx(path: Path):
    import zipfile

    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
        if unpacked > MAX_UNPACKED:
            raise UsageError.coded("BUR-I121", berkas=path.name,
                                   ukuran=f"{unpacked // (1024 * 1024):,}".replace(",", "."),
                                   batas=MAX_UNPACKED // (1024 * 1024))
        return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, ValueError, EOFError) as exc:
        raise UsageError.coded("BUR-I122", berkas=path.name, sebab=exc) from None


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    workbook = _open_xlsx(path)
    try:
        names, hidden = _visible(workbook)
        if sheet is not None and sheet in hidden:  # named on purpose with --sheet: read it
            names, hidden = names + [sheet], [h for h in hidden if h != sheet]
        if sheet is None:
            if len(names) > 1:
                raise UsageError.coded("BUR-I113", berkas=path.name, jumlah=len(names),
                                       daftar=", ".join(f"'{n}'" for n in names))
            sheet = names[0]
        if sheet not in names:
            matches = [n for n in names if n.strip().lower() == sheet.strip().lower()]
            if len(matches) != 1:
                raise UsageError.coded("BUR-I114", sheet=sheet, berkas=path.name,
                                       daftar=", ".join(f"'{n}'" for n in names))
            sheet = matches[0]
        worksheet = workbook[sheet]
        # Files written by other tools often carry a wrong <dimension>; read everything.
        worksheet.reset_dimensions()
        table = Table(shown=f"{path.name} [{sheet}]", sheet=sheet, hidden=hidden)
        cells = 0
        for number, row in enumerate(worksheet.iter_rows(values_only=True), start=1):
            cells += len(row)
            if cells > MAX_CELLS:
                raise UsageError.coded("BUR-I115", sheet=sheet, berkas=path.name,
                                       batas=f"{MAX_CELLS:,}".replace(",", "."),
                                       baris=f"{number:,}".replace(",", "."))
            table.rows.append((number, list(row)))
        return table
    finally:
        workbook.close()


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else the Windows code page Excel uses."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv(path: Path) -> Table:
    if path.stat().st_size > MAX_CSV_BYTES:
        raise UsageError.coded("BUR-I116", berkas=path.name, batas=MAX_CSV_BYTES // (1024 * 1024))
    content = decode(path.read_bytes())
    delimiter = sniff_delimiter(content)
    table = Table(shown=path.name, sheet="")
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=1):
            # `unescape`: a cell exported by bursa with OWASP's apostrophe comes back as it was.
            table.rows.append((number, [unescape(cell) if cell.strip() else None for cell in row]))
    except csv.Error:  # a cell longer than 128 KB, usually a quote (") never closed
        raise UsageError.coded("BUR-I117", berkas=path.name, baris=reader.line_num) from None
    return table


def sniff_delimiter(content: str) -> str:
    """Comma, semicolon or tab: the one that splits the most lines into the same count.

    Why not `csv.Sniffer`: a semicolon file whose names hold commas
    ("Agus, S.T.") fools it; counting fields per line (quotes respected) does not.
    """
    from collections import Counter

    lines = [line for line in content.splitlines()[:200] if line.strip()]
    best, best_score = ",", (0, 0)
    for candidate in (";", ",", "\t"):
        try:
            counts = Counter(len(row) for row in csv.reader(lines, delimiter=candidate))
        except csv.Error:  # a field beyond csv's limit with this separator: not the one
            continue
        width, lines_with_it = max(counts.items(), key=lambda item: (item[1] * (item[0] > 1), item[0]))
        score = (lines_with_it if width > 1 else 0, width)
        if score > best_score:
            best, best_score = candidate, score
    return best
