"""Spreadsheets out: the event's lists in the importer's own column layout, and blank templates.

What goes out comes back in: `export_list` writes the headers the importer
recognises first (`Column.label`), so an officer can edit the file in Excel
and import it again.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..schema.event import Event
from ..schema.models import PERAN_LABEL
from ..schema.types import BIDANG_SHORT, kecamatan_of
from .columns import KINDS
from .values import text
from ..fsutil import write_atomic
from ..cells import csv_cell, literal_cells
from ..paths import OUTPUT_DIR

# The columns written, in order, per kind (field names of columns.KINDS, "no" = row number).
LAYOUT = {
    "peserta": ("no", "id", "nama", "peran", "desa", "kecamatan", "kode_desa", "instansi", "jabatan",
                "telepon", "konfirmasi"),
    "inovasi": ("no", "id", "judul", "bidang", "desa_asal", "opd_pengkaji", "ringkasan", "manfaat", "biaya",
                "p2ktd", "dokumen_pembelajaran", "keputusan", "sortir_opd", "ruang", "meja"),
    "panitia": ("no", "id", "nama", "nip", "pangkat", "golongan", "jabatan", "opd", "tim", "kedudukan",
                "jendela", "ruang", "meja", "telepon"),
}
# Columns Excel must keep as text, or it drops leading zeros and digits.
TEXT_FIELDS = {"id", "nip", "telepon", "kode_desa"}
WIDTH = {"no": 5, "id": 10, "nama": 32, "judul": 32, "ringkasan": 50, "manfaat": 45, "desa_asal": 28,
         "jabatan": 30, "instansi": 26, "peran": 16, "desa": 20, "kecamatan": 18, "kode_desa": 15,
         "telepon": 16, "nip": 21, "pangkat": 22, "dokumen_pembelajaran": 30, "opd": 16, "kedudukan": 16,
         "opd_pengkaji": 13, "keputusan": 14, "sortir_opd": 13, "bidang": 14, "biaya": 14, "p2ktd": 20, "ruang": 8, "meja": 8,
         "tim": 9, "golongan": 10, "jendela": 9, "konfirmasi": 12}


def header(kind: str, name: str) -> str:
    if name == "no":
        return "No"
    return next(c.label for c in KINDS[kind] if c.name == name)


def rows_of(kind: str, event: Event) -> list[dict[str, Any]]:
    """The event's items as spreadsheet rows (field -> cell value)."""
    out: list[dict[str, Any]] = []
    if kind == "peserta":
        for item in event.peserta:
            desa = event.desa_by_kode.get(item.desa) if item.desa else None
            kec = kecamatan_of(item.desa) if item.desa else (item.kecamatan or "")
            out.append({"id": item.id, "nama": item.nama, "peran": PERAN_LABEL[item.peran],
                        "desa": desa.nama if desa else "", "kecamatan": event.kecamatan_nama.get(kec, ""),
                        "kode_desa": item.desa or "", "instansi": item.instansi or "",
                        "jabatan": item.jabatan or "", "telepon": item.telepon or "",
                        "konfirmasi": item.konfirmasi})
    elif kind == "inovasi":
        for item in event.inovasi:
            out.append({"id": item.id, "judul": item.judul, "bidang": BIDANG_SHORT[item.bidang],
                        "desa_asal": item.desa_asal, "opd_pengkaji": item.opd_pengkaji,
                        "ringkasan": item.ringkasan, "manfaat": "\n".join(item.manfaat), "biaya": item.biaya,
                        "p2ktd": ", ".join(item.p2ktd), "dokumen_pembelajaran": item.dokumen_pembelajaran or "",
                        "keputusan": item.sortir.keputusan, "sortir_opd": item.sortir.opd or "",
                        "ruang": item.ruang or "", "meja": item.meja or ""})
    elif kind == "panitia":
        for item in event.panitia:
            out.append({"id": item.id, "nama": item.nama, "nip": item.nip or "", "pangkat": item.pangkat or "",
                        "golongan": item.golongan or "", "jabatan": item.jabatan or "",
                        "opd": item.opd or item.instansi or "", "tim": item.tim, "kedudukan": item.kedudukan,
                        "jendela": item.jendela, "ruang": item.ruang or "", "meja": item.meja or "",
                        "telepon": item.telepon or ""})
    else:
        raise UsageError.coded("BUR-I111", jenis=kind)
    for number, row in enumerate(out, start=1):
        row["no"] = number
    return out


TEMPLATES = "templat-peserta"


def default_output(root: Path, kind: str) -> Path:
    """Where `bursa ekspor` writes without --keluaran: keluaran/<kind>.xlsx, or a folder for templates."""
    folder = Path(root) / OUTPUT_DIR
    return folder / TEMPLATES if kind == TEMPLATES else folder / f"{kind}.xlsx"


def export_list(kind: str, event: Event, output: Path | None = None) -> tuple[int, Path]:
    """Write the event's `kind` list to `output` (.xlsx or .csv); the row count and the file written."""
    if output is None:
        output = default_output(event.root, kind)
        output.parent.mkdir(parents=True, exist_ok=True)
    output = Path(output)
    rows = rows_of(kind, event)
    names = LAYOUT[kind]
    headers = [header(kind, n) for n in names]
    suffix = output.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise UsageError.coded("BUR-I108", berkas=output.name)
    if not output.parent.is_dir():
        raise UsageError.coded("BUR-I109", folder=output.parent)
    if suffix == ".csv":
        buffer = io.StringIO(newline="")
        # Semicolons and a BOM: what Excel set to Indonesian expects when it opens a CSV.
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(headers)
        for row in rows:
            writer.writerow([csv_cell(_cell(row.get(n))) for n in names])
        write_atomic(output, "\ufeff" + buffer.getvalue())
    else:
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = kind.capitalize()
        sheet.append(headers)
        for row in rows:
            sheet.append([_cell(row.get(n)) for n in names])
        _dress(sheet, kind, names, 1, len(rows) + 1)
        save_workbook(book, output)
    return len(rows), output


def _cell(value: Any) -> Any:
    return "" if value is None else value


WRAPPED = {"ringkasan", "manfaat", "desa_asal", "judul", "dokumen_pembelajaran", "nama", "jabatan", "instansi",
           "p2ktd", "opd", "kedudukan", "pangkat"}
LINE_HEIGHT = 15  # points per line of 11 pt text


def _dress(sheet, kind: str, names: tuple[str, ...], header_row: int, last_row: int,
           row_height: float | None = None) -> None:
    """Bold frozen header, widths, wrapped long text, text format for digits, print setup."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    fill = PatternFill("solid", fgColor="DDE7F0")
    side = Side(style="thin", color="808080")
    border = Border(left=side, right=side, top=side, bottom=side)
    top = Alignment(vertical="top", wrap_text=True)
    for index, name in enumerate(names, start=1):
        cell = sheet.cell(row=header_row, column=index)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.border = border
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = WIDTH.get(name, 14)
    sheet.row_dimensions[header_row].height = 2 * LINE_HEIGHT
    for row in range(header_row + 1, max(last_row, header_row) + 1):
        lines = 1
        for index, name in enumerate(names, start=1):
            data = sheet.cell(row=row, column=index)
            data.border = border
            data.alignment = top
            if name in TEXT_FIELDS:
                data.number_format = "@"
            elif name == "biaya":
                data.number_format = "#,##0"
            if name in WRAPPED and isinstance(data.value, str):
                lines = max(lines, _lines_needed(data.value, WIDTH.get(name, 14)))
        # Neither Excel nor LibreOffice grows a row for wrapped text written by a program;
        # without a height the lines overlap the next row.
        sheet.row_dimensions[row].height = row_height or LINE_HEIGHT * lines
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    if last_row > header_row:
        sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(names))}{last_row}"
    # Officers print these lists: landscape, one page wide, the header row on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A3 if kind == "inovasi" else sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_margins.left = sheet.page_margins.right = 0.4


def _lines_needed(value: str, width: float) -> int:
    """How many lines `value` takes in a column `width` characters wide, wrapped at words."""
    total = 0
    for paragraph in value.split("\n"):
        line, count = 0, 1
        for word in paragraph.split():
            if line and line + 1 + len(word) > width - 1:
                count, line = count + 1, len(word)
            else:
                line += (1 if line else 0) + len(word)
        total += count
    return max(total, 1)


def workbook_bytes(book) -> bytes:
    """The .xlsx file of `book`, built in memory so it can be staged with other files."""
    literal_cells(book)  # every workbook bursa writes: exports, templates, rejected rows
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def save_workbook(book, path: Path) -> None:
    write_atomic(Path(path), workbook_bytes(book))


# --------------------------------------------------------------------------- templates

TEMPLATE_FIELDS = ("no", "nama", "peran", "desa", "kecamatan", "telepon", "jabatan")
TEMPLATE_ROLES = ("kepala-desa", "ketua-bpd", "perangkat-desa", "camat", "pendamping", "lainnya")
PER_DESA = 3  # rows per village: Kepala Desa, Ketua BPD and one more
INSTRUCTIONS = (
    "PETUNJUK PENGISIAN DAFTAR PESERTA",
    "",
    "1. Isi satu baris untuk satu orang di sheet 'Peserta'. Jangan mengubah baris judul kolom.",
    "2. Setiap desa mengirim Kepala Desa dan Ketua BPD; bila perlu satu orang lagi (Perangkat Desa).",
    "3. Kolom Jabatan dan Desa dipilih dari daftar (klik sel, lalu panah di kanannya).",
    "4. Nama ditulis lengkap dengan gelar, seperti akan tercetak di Kartu ID dan sertifikat.",
    "5. No HP ditulis lengkap dengan angka 0 di depan, mis. 081234567890 (kolom sudah berformat Teks).",
    "6. Baris yang tidak terpakai biarkan kosong; nomor urut dan kecamatan boleh tetap ada.",
    "7. Simpan sebagai .xlsx lalu kirim ke Dinas PMD. Bila ada kesalahan (desa tidak dikenal, nomor HP "
    "tidak sah, nama ganda), Dinas mengembalikan daftar baris yang ditolak beserta alasannya untuk "
    "diperbaiki.",
)


@dataclass
class Template:
    path: Path
    kecamatan: str
    villages: int
    rows: int


def export_templates(event: Event, folder: Path | None = None, only: list[str] | None = None) -> list[Template]:
    """One blank participant sheet per kecamatan, with drop-downs of its villages and the roles."""
    folder = Path(folder) if folder is not None else default_output(event.root, TEMPLATES)
    folder.mkdir(parents=True, exist_ok=True)
    made: list[Template] = []
    kecamatan = event.acara.wilayah.kecamatan
    if only:
        wanted = {w.strip().lower() for w in only}
        kecamatan = [k for k in kecamatan if k.kode in wanted or k.nama.lower() in wanted]
        if not kecamatan:
            raise UsageError.coded("BUR-I110", daftar=", ".join(only))
    for kec in kecamatan:
        villages = sorted((d.nama for d in event.desa if kecamatan_of(d.kode) == kec.kode), key=str.lower)
        book, count = _participant_book(event.acara, kec, villages)
        path = folder / f"templat-peserta-{kec.kode}-{_slug(kec.nama)}.xlsx"
        save_workbook(book, path)
        made.append(Template(path=path, kecamatan=kec.nama, villages=len(villages), rows=count))
    return made


def _participant_book(acara, kec, villages: list[str]):
    """The workbook of one kecamatan: the blank sheet, its hidden lists and the guide; and its row count."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Peserta"
    names = TEMPLATE_FIELDS
    last = chr(64 + len(names))
    sheet["A1"] = f"DAFTAR PESERTA {acara.nama.upper()}"
    sheet["A2"] = f"Kecamatan {kec.nama}, {acara.wilayah.nama}"
    for cell, size in (("A1", 13), ("A2", 11)):
        sheet[cell].font = Font(bold=True, size=size)
        sheet[cell].alignment = Alignment(horizontal="center")
    sheet.merge_cells(f"A1:{last}1")
    sheet.merge_cells(f"A2:{last}2")
    header_row = 4
    for index, name in enumerate(names, start=1):
        sheet.cell(row=header_row, column=index, value=header("peserta", name))
    count = max(PER_DESA * len(villages), 10)
    for offset in range(1, count + 1):
        sheet.cell(row=header_row + offset, column=1, value=offset)
        sheet.cell(row=header_row + offset, column=names.index("kecamatan") + 1, value=kec.nama)
    last_row = header_row + count
    _dress(sheet, "peserta", names, header_row, last_row, row_height=22)  # room to write by hand
    sheet.auto_filter.ref = None
    _add_drop_downs(book, sheet, kec, villages, header_row + 1, last_row)
    _add_guide(book, kec, villages)
    return book, count


def _add_drop_downs(book, sheet, kec, villages: list[str], first_row: int, last_row: int) -> None:
    """The role and village columns choose from lists kept on a hidden sheet."""
    from openpyxl.worksheet.datavalidation import DataValidation

    names = TEMPLATE_FIELDS
    roles = [PERAN_LABEL[r] for r in TEMPLATE_ROLES]
    lists = book.create_sheet("Daftar")
    lists["A1"], lists["B1"] = "Desa", "Jabatan"
    for row, name in enumerate(villages, start=2):
        lists.cell(row=row, column=1, value=name)
    for row, name in enumerate(roles, start=2):
        lists.cell(row=row, column=2, value=name)
    lists.sheet_state = "hidden"

    def column_of(name: str) -> str:
        return chr(65 + names.index(name))

    rule = DataValidation(type="list", formula1=f"=Daftar!$B$2:$B${len(roles) + 1}", allow_blank=True,
                          showErrorMessage=True, errorTitle="Jabatan tidak dikenal",
                          error="Pilih jabatan dari daftar.")
    rule.add(f"{column_of('peran')}{first_row}:{column_of('peran')}{last_row}")
    sheet.add_data_validation(rule)
    if villages:
        rule = DataValidation(type="list", formula1=f"=Daftar!$A$2:$A${len(villages) + 1}", allow_blank=True,
                              showErrorMessage=True, errorTitle="Desa tidak dikenal",
                              error=f"Pilih desa di Kecamatan {kec.nama} dari daftar.")
        rule.add(f"{column_of('desa')}{first_row}:{column_of('desa')}{last_row}")
        sheet.add_data_validation(rule)


def _add_guide(book, kec, villages: list[str]) -> None:
    """The sheet of instructions, printable on A4, ending with the villages of the kecamatan."""
    from openpyxl.styles import Alignment, Font

    guide = book.create_sheet("Petunjuk")
    guide.column_dimensions["A"].width = 72  # fits A4 portrait unscaled
    lines = list(INSTRUCTIONS) + ["", f"Desa di Kecamatan {kec.nama}: "
                                  + (", ".join(villages) or "(belum ada di desa.yaml)") + "."]
    for row, line in enumerate(lines, start=1):
        cell = guide.cell(row=row, column=1, value=line or None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        guide.row_dimensions[row].height = LINE_HEIGHT * _lines_needed(line, 66) if line else LINE_HEIGHT
    guide["A1"].font = Font(bold=True, size=12)
    guide.page_setup.paperSize = guide.PAPERSIZE_A4
    guide.page_setup.fitToWidth, guide.page_setup.fitToHeight = 1, 0
    guide.sheet_properties.pageSetUpPr.fitToPage = True


def _slug(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", name.lower()).strip("-")


# --------------------------------------------------------------------------- rejected rows


def rejected_path(plan) -> Path:
    """Where the rejected rows of an import go: `<name>-ditolak.xlsx` beside the source."""
    return plan.source.with_name(f"{plan.source.stem}-ditolak.xlsx")


def rejected_workbook(plan, rows) -> bytes:
    """The rejected rows, as they were, with their reasons: fix them and import this file again."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = (plan.table.sheet or plan.kind.capitalize())[:31]
    headers = list(plan.mapping.headers)
    while headers and not headers[-1]:
        headers.pop()
    sheet.append(["Baris Asal"] + headers + ["Alasan Ditolak"])
    for row in rows:
        cells = [text(c) if c is not None else None for c in row.cells[: len(headers)]]
        cells += [None] * (len(headers) - len(cells))  # a short row: the reason still goes under its heading
        reasons = "\n".join(p.message for p in row.errors)
        sheet.append([row.number] + cells + [reasons])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in sheet.iter_cols(min_row=2, min_col=2, max_col=len(headers) + 1):
        for cell in column:
            cell.number_format = "@"
    red = PatternFill("solid", fgColor="FBE3E3")
    for (cell,) in sheet.iter_rows(min_row=1, min_col=len(headers) + 2, max_col=len(headers) + 2):
        cell.fill = red
    from openpyxl.utils import get_column_letter

    for index in range(1, len(headers) + 3):
        sheet.column_dimensions[get_column_letter(index)].width = 60 if index == len(headers) + 2 else 18
    sheet.freeze_panes = "A2"
    return workbook_bytes(book)
