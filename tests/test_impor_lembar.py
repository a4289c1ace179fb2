"""Spreadsheets as offices make them: hidden sheets, a signature block under the table, honorifics
in names, numbers Excel already cut, and the reason of a rejected row under its own heading."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from bursa_cli.impor.values import BadValue, phone, without_honorific
from support import bursa, make_event, plain

HEADER = ["No", "Nama", "Jabatan", "Desa", "No HP"]


def xlsx(path: Path, sheets: dict[str, list[list]], hidden: tuple[str, ...] = ()) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


@pytest.fixture
def root(tmp_path):
    return make_event(tmp_path / "acara")


def test_a_hidden_sheet_is_ignored_and_named(tmp_path, root):
    book = xlsx(tmp_path / "b.xlsx", {"Peserta": [HEADER, [1, "Sri Wahyuni", "Perangkat Desa", "Tegalurung", ""]],
                                      "Pilihan": [["Kades"], ["Sekdes"]]}, hidden=("Pilihan",))
    result = bursa("impor", "peserta", book, root, "--cek")
    said = plain(result.output)
    assert result.exit_code == 0, said
    assert "b.xlsx [Peserta]" in said and "Sheet tersembunyi diabaikan: 'Pilihan'" in said
    assert "berisi 2 sheet" not in said
    result = bursa("impor", "peserta", book, root, "--cek", "--sheet", "Pilihan")  # asked for by name: read
    assert "b.xlsx [Pilihan]" in plain(result.output)


def test_a_signature_block_under_the_table_is_skipped_with_a_line(tmp_path, root):
    rows = [HEADER, [1, "Sri Wahyuni", "Perangkat Desa", "Tegalurung", "081234567890"],
            [2, "Suparman", "Kades", "Bulu", ""], [], [None, None, "Bulu, 3 November 2026"],
            [None, None, "Mengetahui,"], [None, None, "Camat Bulu"], [], [None, None, "Drs. Slamet"],
            [None, None, "NIP 196805121990031005"]]
    result = bursa("impor", "peserta", xlsx(tmp_path / "b.xlsx", {"S": rows}), root)
    said = plain(result.output)
    assert result.exit_code == 0, said
    assert "Baris 5-10 di bawah tabel dilewati: tanda tangan atau catatan ('Bulu, 3 November 2026'), bukan data." in said
    assert "1 ditambah 0 berubah 1 sudah ada 0 ditolak" in said and "Sri Wahyuni" in said


def test_a_role_column_first_is_not_taken_for_a_signature(tmp_path, root):
    rows = [["Jabatan", "Nama", "Desa"], ["Kepala Desa", "Suyatno", "Bulu"], ["Kepala Desa", "Sutarmi", "Tegalurung"]]
    result = bursa("impor", "peserta", xlsx(tmp_path / "b.xlsx", {"S": rows}), root, "--cek")
    assert "dilewati" not in plain(result.output) and "2 akan ditambah" in plain(result.output)


@pytest.mark.parametrize("name, bare", [
    ("Bpk. Suparman", "Suparman"), ("Bapak Slamet Riyadi", "Slamet Riyadi"), ("Ibu Sri Lestari", "Sri Lestari"),
    ("Sdr. Joko", "Joko"), ("sdri Ani", "Ani"), ("Suparman", ""), ("Ibrahim", ""), ("Bunga Citra", ""),
])
def test_honorifics_are_found(name, bare):
    assert without_honorific(name) == bare


def test_an_honorific_is_a_reviewed_suggestion(tmp_path, root):
    rows = [HEADER, [1, "Bpk. Harjono", "Perangkat Desa", "Bulu", ""],
            [2, "IBU RATNA SARI", "Perangkat Desa", "Tegalurung", ""]]
    book = xlsx(tmp_path / "b.xlsx", {"S": rows})
    said = plain(bursa("impor", "peserta", book, root, "--cek").output)
    assert "Kolom B (Nama): Nama diawali sapaan ('Bpk.'); usulan: 'Harjono' (terapkan dengan --rapikan-nama" in said
    assert "Nama diawali sapaan ('IBU'); usulan: 'Ratna Sari'" in said
    result = bursa("impor", "peserta", book, root, "--rapikan-nama")
    assert result.exit_code == 0, result.output
    text = (root / "peserta.yaml").read_text(encoding="utf-8")
    assert "nama: Harjono" in text and "nama: Ratna Sari" in text and "Bpk" not in text and "IBU" not in text


@pytest.mark.parametrize("value", [81234600000, 81234600000.0, 812346000000, "8.12346E+10"])
def test_a_number_excel_already_cut_is_refused_from_xlsx_as_from_csv(value):
    with pytest.raises(BadValue):
        phone(value)


@pytest.mark.parametrize("value, digits", [(81234567890, "081234567890"), (81200000001.0, "081200000001"),
                                           ("0812-3456-7000", "081234567000")])
def test_whole_numbers_still_pass(value, digits):
    assert phone(value) == digits


def test_the_reason_of_a_rejected_row_is_under_its_heading(tmp_path, root):
    rows = [HEADER + ["Catatan"], [1, "Sri Wahyuni", "Perangkat Desa", "Tegalurung", "081234567890", "hadir"],
            [2, "Joko", "Ketua RT", "Atlantis"]]  # a short row: its last cells were never written
    book = xlsx(tmp_path / "b.xlsx", {"S": rows})
    result = bursa("impor", "peserta", book, root, "--lewati-galat")
    assert result.exit_code == 0, result.output
    sheet = load_workbook(tmp_path / "b-ditolak.xlsx").active
    header = [c.value for c in sheet[1]]
    assert header == ["Baris Asal"] + HEADER + ["Catatan", "Alasan Ditolak"]
    [row] = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    reason = row[header.index("Alasan Ditolak")]
    assert row[0] == 3 and row[2] == "Joko" and reason and "Atlantis" in reason
    assert row[header.index("Catatan")] is None
