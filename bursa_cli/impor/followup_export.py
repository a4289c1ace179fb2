"""`bursa ekspor tindak-lanjut`: one sheet per kecamatan, one row per commitment, for the pendamping.

Each row holds a commitment in force (its identity columns locked) and its
latest known step, in the columns `bursa impor tindak-lanjut` reads back. The
columns a pendamping fills have drop-downs and checks (data validation), so
Excel and LibreOffice refuse a step or a fund that is not on the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..fsutil import Staging
from ..paths import OUTPUT_DIR
from ..recap.build import resolve_kecamatan
from ..recap.followup import Langkah, by_kecamatan, followup_state
from ..schema.event import Event
from ..schema.followup import SUMBER_ORDER, TAHAP_ORDER
from .ekspor import LINE_HEIGHT, _lines_needed, workbook_bytes

# (field, header, locked, width). The headers are what the importer looks for.
COLUMNS: tuple[tuple[str, str, bool, int], ...] = (
    ("desa", "Kode desa", True, 15),
    ("nama_desa", "Desa", True, 18),
    ("kecamatan", "Kecamatan", True, 15),
    ("inovasi", "Id inovasi", True, 10),
    ("judul", "Inovasi", True, 34),
    ("tahun_apbdes", "Tahun APBDes", True, 9),
    ("tahap", "Tahap", False, 13),
    ("tanggal", "Tanggal", False, 12),
    ("nilai", "Nilai (Rp)", False, 15),
    ("sumber", "Sumber Dana", False, 12),
    ("perdes", "Nomor Perdes", False, 15),
    ("p2ktd", "P2KTD", False, 13),
    ("keterangan", "Keterangan", False, 40),
)
HEADERS = {name: label for name, label, _locked, _width in COLUMNS}
HEADER_ROW = 3
LIST_SHEET = "Daftar"
GUIDE_SHEET = "Petunjuk"
DATE_FORMAT = "DD/MM/YYYY"
GUIDE = (
    "PETUNJUK PENGISIAN TINDAK LANJUT KOMITMEN",
    "",
    "1. Satu baris satu komitmen: desa dan inovasi di Kartu Komitmennya. Kolom Kode desa sampai Tahun APBDes "
    "dikunci; jangan menambah atau menghapus baris.",
    "2. Baris sudah berisi keadaan terakhir yang diketahui Dinas. Ubah hanya bila ada langkah baru.",
    "3. Tahap (pilih dari daftar): rkp-desa (masuk RKP Desa lewat Musdes), apbdes (dianggarkan dengan Perdes "
    "APBDes), pelaksanaan, selesai, atau batal.",
    "4. Tanggal: tanggal langkah itu (Musdes, Perdes, mulai kegiatan, serah terima), mis. 15/01/2027.",
    "5. Untuk apbdes: isi Nilai (Rp) tanpa titik, Sumber Dana (dana-desa, add, pades, lainnya) dan Nomor Perdes.",
    "6. P2KTD: id penyedia yang mendampingi (pilih dari daftar; lebih dari satu dipisah koma).",
    "7. Keterangan: catatan singkat. Untuk tahap batal, tulis alasannya di sini.",
    "8. Simpan sebagai .xlsx dan kirim kembali ke Dinas PMD. Dinas memasukkannya dengan "
    "`bursa impor tindak-lanjut`; baris yang tidak berubah tidak dicatat dua kali.",
)


@dataclass
class Lembar:
    """One workbook written: its path and the commitments per kecamatan in it."""

    path: Path
    kecamatan: list[tuple[str, int]]


def default_folder(root: Path) -> Path:
    return Path(root) / OUTPUT_DIR / "tindak-lanjut"


def export_followup(event: Event, output: Path | None = None, kecamatan: list[str] | None = None,
                    terpisah: bool = False) -> list[Lembar]:
    """Write the follow-up sheets: one workbook with a sheet per kecamatan, or (`terpisah`) one per kecamatan."""
    rows = by_kecamatan(followup_state(event))
    wanted = resolve_kecamatan(event, kecamatan or [])
    if wanted:
        rows = {kode: rows[kode] for kode in wanted if kode in rows}
    if not rows:
        where = " di kecamatan itu" if wanted else ""
        raise UsageError.coded("BUR-F100", tempat=where)
    if output is not None and Path(output).suffix.lower() not in ("", ".xlsx"):
        raise UsageError.coded("BUR-F101", berkas=Path(output).name)
    names = {kode: event.kecamatan_nama.get(kode, kode) for kode in rows}
    if terpisah:
        folder = Path(output) if output is not None else default_folder(event.root)
        books = [_book(event, {kode: group}, names, folder / f"tindak-lanjut-{kode}-{_slug(names[kode])}.xlsx")
                 for kode, group in rows.items()]
    else:
        target = Path(output) if output is not None else default_folder(event.root) / "tindak-lanjut.xlsx"
        books = [_book(event, rows, names, target)]
    with Staging() as staging:  # every workbook built first, then all written, or none
        for lembar, data in books:
            staging.add(lembar.path, data)
    return [lembar for lembar, _ in books]


def _book(event: Event, groups: dict[str, list[Langkah]], names: dict[str, str],
          path: Path) -> tuple[Lembar, bytes]:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    book.properties.title = f"Tindak lanjut {event.acara.nama}"
    book.properties.creator = "bursa"
    for kode, group in groups.items():
        sheet = book.create_sheet(_sheet_title(names[kode]))
        _fill(sheet, event, names[kode], group)
    _lists(book, event)
    _guide(book)
    return Lembar(path, [(names[kode], len(group)) for kode, group in groups.items()]), workbook_bytes(book)


def row_values(row: Langkah) -> dict:
    """The cells of one commitment: its identity and latest known step (what an import compares with)."""
    budget = row.tahap in ("apbdes", "pelaksanaan", "selesai")
    return {
        "desa": row.desa_kode, "nama_desa": row.desa, "kecamatan": row.kecamatan, "inovasi": row.inovasi,
        "judul": row.judul, "tahun_apbdes": row.tahun_apbdes,
        "tahap": row.tahap if row.langkah else None, "tanggal": row.tanggal,
        "nilai": row.nilai if budget else None, "sumber": row.sumber if budget else None,
        "perdes": row.perdes if budget else None, "p2ktd": ", ".join(row.p2ktd) or None,
        "keterangan": (row.alasan if row.tahap == "batal" else row.keterangan) or None,
    }


def _fill(sheet, event: Event, kecamatan: str, group: list[Langkah]) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter

    sheet["A1"] = f"TINDAK LANJUT KOMITMEN {event.acara.nama.upper()}"
    sheet["A2"] = f"Kecamatan {kecamatan}, {event.acara.wilayah.nama}: isi kolom Tahap sampai Keterangan"
    sheet["A1"].font = Font(bold=True, size=12)
    sheet["A2"].font = Font(italic=True)
    locked_fill = PatternFill("solid", fgColor="EEEEEE")
    side = Side(style="thin", color="808080")
    border = Border(left=side, right=side, top=side, bottom=side)
    for index, (_name, label, _locked, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=label)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE7F0")
        cell.border = border
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.row_dimensions[HEADER_ROW].height = 2 * LINE_HEIGHT
    for offset, item in enumerate(group, start=1):
        values = row_values(item)
        number = HEADER_ROW + offset
        lines = 1
        for index, (name, _label, locked, width) in enumerate(COLUMNS, start=1):
            cell = sheet.cell(row=number, column=index, value=values[name])
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            cell.protection = Protection(locked=locked)
            if locked:
                cell.fill = locked_fill
            if name in ("desa", "inovasi", "perdes", "p2ktd", "keterangan", "tahap", "sumber"):
                cell.number_format = "@"
            elif name == "tanggal":
                cell.number_format = DATE_FORMAT
            elif name == "nilai":
                cell.number_format = "#,##0"
            if isinstance(values[name], str) and name in ("judul", "keterangan"):
                lines = max(lines, _lines_needed(values[name], width))
        sheet.row_dimensions[number].height = LINE_HEIGHT * lines
    last = HEADER_ROW + max(len(group), 1)
    _validations(sheet, event, HEADER_ROW + 1, last)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=3)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(COLUMNS))}{last}"
    # The identity columns are locked against slips, not secrets: no password, and
    # filtering, sorting and widening columns stay allowed.
    sheet.protection.sheet = True
    sheet.protection.autoFilter = False
    sheet.protection.sort = False
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _column(name: str) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter([c[0] for c in COLUMNS].index(name) + 1)


def _validations(sheet, event: Event, first: int, last: int) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    fair = event.acara.tanggal
    providers = len(event.p2ktd)
    rules = {
        "tahap": DataValidation(type="list", formula1='"' + ",".join(TAHAP_ORDER) + '"', allow_blank=True,
                                errorTitle="Tahap tidak dikenal", error="Pilih tahap dari daftar.",
                                promptTitle="Tahap", prompt="rkp-desa, apbdes, pelaksanaan, selesai atau batal"),
        "tanggal": DataValidation(type="date", operator="greaterThanOrEqual",
                                  formula1=f"DATE({fair.year},{fair.month},{fair.day})", allow_blank=True,
                                  errorTitle="Tanggal tidak sah",
                                  error="Tulis tanggal sesudah hari acara, mis. 15/01/2027.",
                                  promptTitle="Tanggal", prompt="Tanggal langkah itu, mis. 15/01/2027"),
        "nilai": DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                                errorTitle="Nilai tidak sah", error="Tulis rupiah tanpa titik, mis. 25000000.",
                                promptTitle="Nilai (Rp)", prompt="Untuk apbdes: anggaran dalam rupiah, tanpa titik"),
        "sumber": DataValidation(type="list", formula1='"' + ",".join(SUMBER_ORDER) + '"', allow_blank=True,
                                 errorTitle="Sumber dana tidak dikenal", error="Pilih sumber dana dari daftar.",
                                 promptTitle="Sumber Dana", prompt="dana-desa, add, pades atau lainnya"),
        "perdes": DataValidation(type="textLength", operator="lessThanOrEqual", formula1="100", allow_blank=True,
                                 errorTitle="Nomor Perdes terlalu panjang", error="Paling banyak 100 huruf.",
                                 promptTitle="Nomor Perdes", prompt="Untuk apbdes, mis. 7 Tahun 2026"),
        "p2ktd": DataValidation(type="list", formula1=f"={LIST_SHEET}!$A$2:$A${providers + 1}", allow_blank=True,
                                showErrorMessage=False, promptTitle="P2KTD",
                                prompt="Id P2KTD yang mendampingi (lebih dari satu: pisahkan dengan koma)"),
        "keterangan": DataValidation(type="textLength", operator="lessThanOrEqual", formula1="1000",
                                     allow_blank=True, errorTitle="Keterangan terlalu panjang",
                                     error="Paling banyak 1000 huruf.", promptTitle="Keterangan",
                                     prompt="Catatan; untuk batal: alasannya"),
    }
    for name, rule in rules.items():
        if name == "p2ktd" and not providers:
            continue
        if name != "p2ktd":
            rule.showErrorMessage = True
        rule.showInputMessage = True
        rule.add(f"{_column(name)}{first}:{_column(name)}{last}")
        sheet.add_data_validation(rule)


def _lists(book, event: Event) -> None:
    lists = book.create_sheet(LIST_SHEET)
    lists.append(["P2KTD", "Nama"])
    for provider in event.p2ktd:
        lists.append([provider.id, provider.nama])
    lists.sheet_state = "hidden"


def _guide(book) -> None:
    from openpyxl.styles import Alignment, Font

    guide = book.create_sheet(GUIDE_SHEET)
    guide.column_dimensions["A"].width = 90
    for number, line in enumerate(GUIDE, start=1):
        cell = guide.cell(row=number, column=1, value=line or None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        guide.row_dimensions[number].height = LINE_HEIGHT * _lines_needed(line, 84) if line else LINE_HEIGHT
    guide["A1"].font = Font(bold=True, size=12)


def _sheet_title(name: str) -> str:
    # Excel limits sheet names to 31 characters and forbids : \ / ? * [ ]
    return re.sub(r"[:\\/?*\[\]]", " ", name)[:31] or "Kecamatan"


def _slug(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", name.lower()).strip("-")
