"""Write the recap as XLSX, CSV (comma and semicolon) and JSON, each file atomically."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

from ..cells import csv_cell, literal_cells
from ..fsutil import write_atomic
from ..paths import OUTPUT_DIR
from ..schema.followup import SUMBER_ORDER
from .build import Recap
from .followup_tables import followup_tables
from .tables import DECIMAL, INT, LIST, RUPIAH, YEAR, YESNO, Table, cell_text, recap_tables

# Two CSV flavours: Excel with an English list separator expects commas; Excel
# set to Indonesian (Pengaturan Kawasan: Indonesia) expects semicolons and a
# decimal comma. Both start with a UTF-8 BOM so Excel reads accents right.
CSV_FLAVOURS = {"koma": (",", "."), "titik-koma": (";", ",")}
NUMERIC = (INT, RUPIAH, DECIMAL, YEAR)  # written as numbers: a minus sign there is a sign, not a formula


def csv_text(table: Table, delimiter: str = ",", decimal: str = ".") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([csv_cell(c.header) for c in table.columns])
    for row in table.rows:
        writer.writerow([csv_cell(cell_text(v, c.kind, decimal)) if c.kind not in NUMERIC else
                         cell_text(v, c.kind, decimal) for v, c in zip(row, table.columns)])
    return buffer.getvalue()


def write_csv(recap: Recap, folder: Path) -> list[Path]:
    """One file per view and per flavour: `folder/koma/desa.csv`, `folder/titik-koma/desa.csv` ..."""
    return write_tables_csv(recap_tables(recap), folder)


def write_tables_csv(tables: list[Table], folder: Path) -> list[Path]:
    """One file per table and per flavour (any recap's tables)."""
    written = []
    for flavour, (delimiter, decimal) in CSV_FLAVOURS.items():
        for table in tables:
            text = csv_text(table, delimiter, decimal)
            written.append(write_atomic(Path(folder) / flavour / f"{table.name}.csv",
                                        ("\ufeff" + text).encode("utf-8")))
    return written


def recap_dict(recap: Recap) -> dict:
    """The recap as plain JSON-ready data: one list of records per view."""
    tables = recap_tables(recap)
    data: dict = {
        "acara": recap.nama_acara,
        "tahun_apbdes": recap.tahun_apbdes,
        "filter": {"kecamatan": recap.filter_kecamatan, "bidang": recap.filter_bidang},
        "ringkasan": {k: v for k, v in vars(recap.ringkasan).items()},
        # entries of log/ dated outside the event day, and whether the views count them
        "luar_hari": recap.luar_hari, "luar_hari_dihitung": recap.luar_hari_dihitung,
    }
    for table in tables[1:]:
        data[table.name] = table.records()
    return data


def write_json(recap: Recap, path: Path) -> Path:
    text = json.dumps(recap_dict(recap), ensure_ascii=False, indent=2, default=str)
    return write_atomic(path, (text + "\n").encode("utf-8"))


def write_timing_json(timing, path: Path) -> Path:
    """The rehearsal's timing report (`rekap --gladi --format json`)."""
    text = json.dumps(timing.as_dict(), ensure_ascii=False, indent=2)
    return write_atomic(path, (text + "\n").encode("utf-8"))


XLSX_FONT = "Arial"  # the metric twin of the PDF's Liberation Sans, as in the DOCX (LibreOffice maps one to the other)


def write_xlsx(recap: Recap, path: Path) -> Path:
    """One sheet per view: bold frozen header, typed cells, widths, autofilter, and a print setup
    (`_print_setup`) so each sheet prints as a table, not split in four."""
    return write_tables_xlsx(recap_tables(recap), path, f"Rekap {recap.nama_acara}")


def write_tables_xlsx(tables: list[Table], path: Path, title: str) -> Path:
    """One sheet per table (any recap's tables), formula-like text neutralised, printable."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = title
    workbook.properties.creator = "bursa"
    header_font = Font(name=XLSX_FONT, bold=True, color="FFFFFF", size=10)
    body_font = Font(name=XLSX_FONT, size=10)
    wrapped = Alignment(wrap_text=True, vertical="top")
    header_fill = PatternFill("solid", fgColor="1F4E79")
    formats = {INT: "#,##0", RUPIAH: '"Rp"#,##0', DECIMAL: "0.00", YEAR: "0"}
    for table in tables:
        sheet = workbook.create_sheet(_sheet_name(table))
        sheet.append([c.header for c in table.columns])
        for cell in sheet[1]:
            cell.font = header_font
            cell.fill = header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for row in table.rows:
            sheet.append([_xlsx_value(v, c.kind) for v, c in zip(row, table.columns)])
        for index, column in enumerate(table.columns, start=1):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = column.width
            number_format = formats.get(column.kind)
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.font = body_font
                if number_format:
                    cell.number_format = number_format
                else:  # a long name or list wraps in its column instead of being cut at the next cell
                    cell.alignment = wrapped
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{max(1, len(table.rows) + 1)}"
        sheet.row_dimensions[1].height = 30
        _print_setup(sheet, table.title)
    literal_cells(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return write_atomic(path, buffer.getvalue())


def _print_setup(sheet, title: str) -> None:
    """A4 landscape, every column on one page's width, the header row on every page, page numbers.

    Why: without it LibreOffice printed the large recap on 31 A4 pages, each sheet cut into
    four, with cells clipped.
    """
    from openpyxl.worksheet.page import PageMargins

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    sheet.print_options.gridLines = True
    sheet.oddHeader.left.text = title
    sheet.oddHeader.left.font = XLSX_FONT
    sheet.oddFooter.right.text = "Halaman &P dari &N"
    sheet.oddFooter.right.font = XLSX_FONT


def _sheet_name(table: Table) -> str:
    # Excel limits sheet names to 31 characters and forbids : \ / ? * [ ]
    return table.title.replace(":", "")[:31]


def _xlsx_value(value, kind: str):
    if value is None:
        return None
    if kind == LIST:
        return "; ".join(str(v) for v in value)
    if kind == YESNO:
        return "ya" if value else "tidak"
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return value


def default_output(root: Path, fmt: str, name: str = "rekap") -> Path:
    """Where each format goes when --keluaran is not given (`name`: rekap or tindak-lanjut)."""
    folder = Path(root) / OUTPUT_DIR / "rekap"
    csv_folder = folder / "csv" if name == "rekap" else folder / f"{name}-csv"
    return {"xlsx": folder / f"{name}.xlsx", "json": folder / f"{name}.json", "pdf": folder / f"{name}.pdf",
            "csv": csv_folder}[fmt]


# --------------------------------------------------------------------------- tindak lanjut


def followup_dict(recap) -> dict:
    """The follow-up recap as JSON-ready data: `ringkasan` (the contract) and one list per view."""
    data: dict = {"acara": recap.acara, "per": recap.per.isoformat(), "ringkasan": recap.ringkasan_dict()}
    s = recap.ringkasan
    data["tingkat_replikasi"] = None if s.tingkat is None else round(s.tingkat, 4)
    data["nilai_apbdes_per_sumber"] = {key: int(s.nilai[key]) for key in SUMBER_ORDER}
    for table in followup_tables(recap)[2:]:
        data[table.name] = table.records()
    return data


def write_followup_json(recap, path: Path) -> Path:
    text = json.dumps(followup_dict(recap), ensure_ascii=False, indent=2, default=str)
    return write_atomic(path, (text + "\n").encode("utf-8"))


def write_followup_xlsx(recap, path: Path) -> Path:
    return write_tables_xlsx(followup_tables(recap), path, "Rekap tindak lanjut " + "; ".join(recap.acara))


def write_followup_csv(recap, folder: Path) -> list[Path]:
    return write_tables_csv(followup_tables(recap), folder)
