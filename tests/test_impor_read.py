"""Reading spreadsheets as officers make them, and finding their columns."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from bursa_cli.errors import DataError, UsageError
from bursa_cli.impor import plan_import, sheet_names
from bursa_cli.impor.columns import map_columns
from bursa_cli.impor.sheet import read_table, sniff_delimiter
from bursa_cli.schema.event import load_event

sys.path.insert(0, str(Path(__file__).parent))
from support import make_event  # noqa: E402

HEADER = ["No", "Nama Lengkap", "Jabatan", "Desa/Kelurahan", "Kecamatan", "No. HP/WA"]


def xlsx(path: Path, sheets: dict[str, list[list]], merges: dict[str, list[str]] | None = None) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for area in (merges or {}).get(name, []):
            sheet.merge_cells(area)
    book.save(path)
    return path


@pytest.fixture
def event(tmp_path):
    return load_event(make_event(tmp_path / "acara")).event


def test_merged_title_rows_above_header(tmp_path, event):
    path = xlsx(tmp_path / "daftar.xlsx", {"Sheet1": [
        ["DAFTAR PESERTA BURSA INOVASI DESA"],
        ["KECAMATAN BULU TAHUN 2026"],
        [],
        HEADER,
        [1, "Budi Santoso", "Kepala Desa", "Tegalurung", "Bulu", "081234567890"],
    ]}, merges={"Sheet1": ["A1:F1", "A2:F2"]})
    plan = plan_import("peserta", path, event)
    assert plan.mapping.header_row == 4
    assert [(r.number, r.status) for r in plan.rows] == [(5, "baru")]
    assert plan.rows[0].record["desa"] == "33.23.01.2002"
    assert plan.table.shown == "daftar.xlsx [Sheet1]"


def test_trailing_empty_rows_and_prenumbered_rows_are_skipped(tmp_path, event):
    rows = [HEADER, [1, "Budi Santoso", "Kades", "Tegalurung", "Bulu", ""]]
    rows += [[n, None, None, None, "Bulu", None] for n in range(2, 30)]  # a template's numbered rows
    rows += [[None] * 6] * 5
    plan = plan_import("peserta", xlsx(tmp_path / "a.xlsx", {"Data": rows}), event)
    assert len(plan.rows) == 1


def test_csv_semicolon_cp1252(tmp_path, event):
    text = ("Nama;Jabatan;Desa;No HP\r\n"
            "André Wijaya, S.E.;Ketua BPD;Tegalurung;0812 3456 7890\r\n"
            ";;;\r\n")
    path = tmp_path / "peserta.csv"
    path.write_bytes(text.encode("cp1252"))
    plan = plan_import("peserta", path, event)
    (row,) = plan.rows
    assert row.record["nama"] == "André Wijaya, S.E."
    assert row.record["telepon"] == "081234567890"
    assert plan.table.shown == "peserta.csv"


@pytest.mark.parametrize("encoding, bom", [("utf-8", b"\xef\xbb\xbf"), ("utf-8", b""), ("cp1252", b"")])
@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_encodings_and_delimiters(tmp_path, event, encoding, bom, delimiter):
    lines = [["Nama Lengkap", "Jabatan", "Desa"], ["Sri Wahyuni", "Kepala Desa", "Bulu"],
             ["José Ramli", "Sekdes", "Tegalurung"]]
    path = tmp_path / "x.csv"
    path.write_bytes(bom + "\n".join(delimiter.join(cells) for cells in lines).encode(encoding))
    plan = plan_import("peserta", path, event)
    assert plan.mapping.header_of("nama") == "Nama Lengkap"  # the BOM is not part of the first header
    assert [r.record["nama"] for r in plan.rows] == ["Sri Wahyuni", "José Ramli"]


def test_semicolon_file_with_commas_in_names():
    content = 'Nama;Jabatan;Desa\nAgus, S.T.;Kades;Bulu\n"Siti, S.Pd.";BPD;Bulu\n'
    assert sniff_delimiter(content) == ";"


def test_numbers_stored_as_text_and_as_numbers(tmp_path, event):
    path = xlsx(tmp_path / "n.xlsx", {"S": [
        ["Nama", "Jabatan", "Kode Desa", "No HP"],
        ["Ani", "Kepala Desa", "33.23.01.2002", "081234567890"],   # digits as text: kept
        ["Badu", "Perangkat Desa", "33.23.01.2002", 81234567891],  # as a number: leading 0 restored
        ["Cici", "Perangkat Desa", "33.23.01.2002", 81234567892.0],
    ]})
    plan = plan_import("peserta", path, event)
    assert [r.record["telepon"] for r in plan.rows] == ["081234567890", "081234567891", "081234567892"]
    assert all(r.record["desa"] == "33.23.01.2002" for r in plan.rows)


def test_phone_float_with_lost_digits_is_refused_not_corrupted(tmp_path, event):
    path = tmp_path / "p.csv"
    path.write_text("Nama,Jabatan,Desa,No HP\nAni,Kades,Bulu,8.12346E+10\n", encoding="utf-8")
    plan = plan_import("peserta", path, event)
    (row,) = plan.rows
    assert row.status == "ditolak"
    assert "telepon" not in row.record
    (problem,) = row.errors
    assert (problem.line, problem.column) == (2, 4)
    assert "Kolom D (No HP)" in problem.message and "digit terakhirnya hilang" in problem.message


@pytest.mark.parametrize("kind, headers, expected", [
    ("peserta", ["NAMA", "JABATAN", "DESA", "NO HP"],
     {"nama": "NAMA", "peran": "JABATAN", "desa": "DESA", "telepon": "NO HP"}),
    ("peserta", ["nama lengkap dan gelar", "Peran", "Nama Desa", "Kec.", "Nomor WhatsApp", "Jabatan"],
     {"nama": "nama lengkap dan gelar", "peran": "Peran", "desa": "Nama Desa", "kecamatan": "Kec.",
      "telepon": "Nomor WhatsApp", "jabatan": "Jabatan"}),
    ("peserta", ["Jabatan", "Nama", "Peran", "Desa"],  # "Peran" wins peran even when it comes later
     {"peran": "Peran", "nama": "Nama", "jabatan": "Jabatan", "desa": "Desa"}),
    ("panitia", ["No.", "Nama / NIP", "NIP", "Pangkat/Gol.", "Jabatan", "Unit Kerja", "Kedudukan dalam Tim"],
     {"nama": "Nama / NIP", "nip": "NIP", "pangkat_gol": "Pangkat/Gol.", "jabatan": "Jabatan",
      "opd": "Unit Kerja", "kedudukan": "Kedudukan dalam Tim"}),
    ("inovasi", ["Nama Inovasi", "Bidang PID", "Asal Desa", "OPD", "Deskripsi Singkat", "Perkiraan Biaya (Rp)"],
     {"judul": "Nama Inovasi", "bidang": "Bidang PID", "desa_asal": "Asal Desa", "opd_pengkaji": "OPD",
      "ringkasan": "Deskripsi Singkat", "biaya": "Perkiraan Biaya (Rp)"}),
])
def test_header_mapping(tmp_path, kind, headers, expected):
    table = read_table(xlsx(tmp_path / "h.xlsx", {"S": [["Judul"], headers]}))
    mapping, _ = map_columns(kind, table, {})
    assert {name: mapping.header_of(name) for name in mapping.fields} == expected


def test_override_by_header_or_letter(tmp_path, event):
    path = xlsx(tmp_path / "o.xlsx", {"S": [
        ["Nama", "Jabatan", "Desa", "Kontak Lain", "Kontak Utama"],
        ["Ani", "Kades", "Bulu", "081111111111", "082222222222"],
    ]})
    plan = plan_import("peserta", path, event, overrides=["telepon=Kontak Utama"])
    assert plan.rows[0].record["telepon"] == "082222222222"
    assert plan.mapping.how["telepon"] == "--kolom"
    plan = plan_import("peserta", path, event, overrides=["telepon=E"])
    assert plan.rows[0].record["telepon"] == "082222222222"


@pytest.mark.parametrize("override, fragment", [
    ("hp=No HP", "kolom 'hp' tidak dikenal"),
    ("telepon", "tidak sah"),
    ("telepon=Nomor Rumah", "judul kolom itu tidak ada"),
])
def test_bad_override(tmp_path, event, override, fragment):
    path = xlsx(tmp_path / "o.xlsx", {"S": [["Nama", "Jabatan", "Desa"], ["Ani", "Kades", "Bulu"]]})
    with pytest.raises(UsageError, match=fragment):
        plan_import("peserta", path, event, overrides=[override])


def test_no_header_row(tmp_path, event):
    path = xlsx(tmp_path / "x.xlsx", {"S": [["Ani", "Kades", "Bulu"], ["Badu", "BPD", "Bulu"]]})
    with pytest.raises(DataError) as caught:
        plan_import("peserta", path, event)
    assert "Baris judul kolom tidak ditemukan" in caught.value.message
    assert caught.value.problems[0].file == "x.xlsx [S]"


def test_several_sheets_need_a_choice(tmp_path, event):
    rows = [["Nama", "Jabatan", "Desa"], ["Ani", "Kades", "Bulu"]]
    path = xlsx(tmp_path / "multi.xlsx", {"Kec Bulu": rows, "Kec Kledung": rows + [["Badu", "BPD", "Bulu"]]})
    assert sheet_names(path) == ["Kec Bulu", "Kec Kledung"]
    with pytest.raises(UsageError) as caught:
        plan_import("peserta", path, event)
    assert "'Kec Bulu', 'Kec Kledung'" in caught.value.message
    assert "--sheet" in caught.value.hint
    assert len(plan_import("peserta", path, event, sheet="kec kledung").rows) == 2
    with pytest.raises(UsageError, match="Sheet 'Lain' tidak ada"):
        plan_import("peserta", path, event, sheet="Lain")


@pytest.mark.parametrize("name, fragment", [("lama.xls", "Excel lama"), ("data.ods", "bukan berkas"),
                                            ("hilang.xlsx", "tidak ditemukan")])
def test_unreadable_files(tmp_path, event, name, fragment):
    path = tmp_path / name
    if name != "hilang.xlsx":
        path.write_bytes(b"\xd0\xcf\x11\xe0 not a zip")
    with pytest.raises(UsageError, match=fragment):
        plan_import("peserta", path, event)


def test_corrupt_xlsx(tmp_path, event):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(UsageError, match="tidak dapat dibuka"):
        plan_import("peserta", path, event)


def test_google_form_export(tmp_path, event):
    """A form export: timestamp first, long question titles, quoted commas, UTF-8 without BOM."""
    path = tmp_path / "Pendaftaran BID (Jawaban) - Respons Formulir 1.csv"
    path.write_text(
        'Cap waktu,Nama Lengkap (beserta gelar),Jabatan,Asal Desa,Kecamatan,Nomor HP/WA aktif\n'
        '3/11/2026 9:14:03,"Drs. Slamet Riyadi, M.Si.",Kepala Desa,Desa Tegalurung,Kec. Bulu,0812-2727-1111\n'
        '3/11/2026 9:20:45,Wahyu Ningsih,Ketua BPD,tegalurung,bulu,+6281327272222\n', encoding="utf-8")
    plan = plan_import("peserta", path, event)
    assert plan.mapping.unused() == []  # the timestamp is known and left alone
    assert [(r.record["nama"], r.record["desa"], r.record["telepon"]) for r in plan.rows] == [
        ("Drs. Slamet Riyadi, M.Si.", "33.23.01.2002", "081227271111"),
        ("Wahyu Ningsih", "33.23.01.2002", "081327272222")]
