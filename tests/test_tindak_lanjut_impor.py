"""`bursa ekspor tindak-lanjut` and `bursa impor tindak-lanjut`: the sheet the pendamping fill, and back."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bursa_cli.recap import followup_recap
from followup_support import followup_files
from support import bursa, make_event, plain

HEADERS = ["Kode desa", "Desa", "Kecamatan", "Id inovasi", "Inovasi", "Tahun APBDes", "Tahap", "Tanggal",
           "Nilai (Rp)", "Sumber Dana", "Nomor Perdes", "P2KTD", "Keterangan"]


@pytest.fixture
def followed(tmp_path: Path) -> Path:
    return make_event(tmp_path / "acara", followup_files())


def _export(root: Path) -> Path:
    result = bursa("ekspor", "tindak-lanjut", root)
    assert result.exit_code == 0, result.output
    assert "4 komitmen ditulis" in plain(result.output)
    return root / "keluaran" / "tindak-lanjut" / "tindak-lanjut.xlsx"


def _rows(sheet) -> dict[tuple[str, str], dict]:
    header = [c.value for c in sheet[3]]
    rows = {}
    for number in range(4, sheet.max_row + 1):
        values = dict(zip(header, [c.value for c in sheet[number]]))
        if values["Kode desa"]:
            rows[(values["Kode desa"], values["Id inovasi"])] = {"_row": number, **values}
    return rows


def _log(root: Path, name: str = "impor") -> list[dict]:
    path = root / "log" / "tindak-lanjut" / f"{name}.yaml"
    if not path.exists():
        return []
    return [json.loads(line[2:]) for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("- {")]


def test_export_locked_identity_dropdowns_and_latest_state(followed):
    book = load_workbook(_export(followed))
    assert book.sheetnames == ["Bulu", "Daftar", "Petunjuk"]
    assert book["Daftar"].sheet_state == "hidden"
    sheet = book["Bulu"]
    assert [c.value for c in sheet[3]] == HEADERS
    rows = _rows(sheet)
    assert set(rows) == {("33.23.01.2001", "INO-001"), ("33.23.01.2001", "INO-002"),
                         ("33.23.01.2002", "INO-001"), ("33.23.01.2003", "INO-002")}
    budget = rows[("33.23.01.2001", "INO-002")]
    assert (budget["Tahap"], budget["Tanggal"], budget["Nilai (Rp)"], budget["Sumber Dana"], budget["Nomor Perdes"]) == (
        "apbdes", datetime(2027, 1, 5), 80_000_000, "pades", "1 Tahun 2027")
    carried = rows[("33.23.01.2001", "INO-001")]
    assert (carried["Tahap"], carried["P2KTD"], carried["Nilai (Rp)"]) == ("pelaksanaan", "P2KTD-01", 15_000_000)
    assert rows[("33.23.01.2002", "INO-001")]["Keterangan"] == "Dana dialihkan untuk bencana"  # batal: the alasan
    assert rows[("33.23.01.2003", "INO-002")]["Tahap"] is None  # no news yet
    assert sheet.protection.sheet
    row = budget["_row"]
    locked = {h: sheet.cell(row, i + 1).protection.locked for i, h in enumerate(HEADERS)}
    assert all(locked[h] for h in HEADERS[:6]) and not any(locked[h] for h in HEADERS[6:])
    validated = {}
    for rule in sheet.data_validations.dataValidation:
        for ref in str(rule.sqref).split():
            validated[HEADERS[ord(ref[0]) - ord("A")]] = rule
    assert set(validated) == {"Tahap", "Tanggal", "Nilai (Rp)", "Sumber Dana", "Nomor Perdes", "P2KTD", "Keterangan"}
    assert validated["Tahap"].type == "list" and validated["Tahap"].formula1 == '"rkp-desa,apbdes,pelaksanaan,selesai,batal"'
    assert validated["Sumber Dana"].formula1 == '"dana-desa,add,pades,lainnya"'
    assert validated["P2KTD"].formula1 == "=Daftar!$A$2:$A$2"
    assert validated["Tanggal"].type == "date" and validated["Nilai (Rp)"].type == "whole"


def _edit(path: Path, target: Path) -> None:
    """What a pendamping does: news for Campursari, Bulu's INO-002 now carried out with P2KTD-01."""
    book = load_workbook(path)
    sheet = book["Bulu"]
    rows = _rows(sheet)
    news = rows[("33.23.01.2003", "INO-002")]["_row"]
    sheet.cell(news, 7, "rkp-desa")
    sheet.cell(news, 8, "05/03/2027")
    sheet.cell(news, 13, "Disepakati Musdes perubahan RKP Desa")
    done = rows[("33.23.01.2001", "INO-002")]["_row"]
    sheet.cell(done, 7, "pelaksanaan")
    sheet.cell(done, 8, datetime(2027, 4, 1))
    sheet.cell(done, 12, "P2KTD-01")
    book.save(target)


def _expected_entries() -> list[tuple]:
    return [("33.23.01.2001", "INO-002", "pelaksanaan", "2027-04-01", ["P2KTD-01"], None),
            ("33.23.01.2003", "INO-002", "rkp-desa", "2027-03-05", None, "Disepakati Musdes perubahan RKP Desa")]


def _check_imported(root: Path, source: Path) -> None:
    checked = bursa("impor", "tindak-lanjut", source, root, "--cek")
    assert checked.exit_code == 0, checked.output
    assert "2 langkah baru akan dicatat 2 tidak berubah 0 ditolak" in plain(checked.output)
    assert _log(root) == []
    result = bursa("impor", "tindak-lanjut", source, root, "--petugas", "TA-01")
    assert result.exit_code == 0, result.output
    assert "2 langkah tindak lanjut dicatat di log/tindak-lanjut/impor.yaml" in plain(result.output)
    entries = sorted(_log(root), key=lambda e: e["desa"])
    assert [(e["desa"], e["inovasi"], e["tahap"], e["tanggal"], e.get("p2ktd"), e.get("keterangan"))
            for e in entries] == _expected_entries()
    assert all(e["petugas"] == "TA-01" and e["waktu"] for e in entries)
    assert "nilai" not in entries[0]  # the budget stays that of the Perdes
    written = (root / "log" / "tindak-lanjut" / "impor.yaml").read_bytes()
    again = bursa("impor", "tindak-lanjut", source, root)
    assert again.exit_code == 0, again.output
    assert "0 langkah baru dicatat 4 tidak berubah" in plain(again.output)
    assert (root / "log" / "tindak-lanjut" / "impor.yaml").read_bytes() == written
    recap = followup_recap([root], per=date(2027, 6, 1)).ringkasan_dict()
    assert (recap["pelaksanaan"], recap["apbdes"], recap["rkp_desa"], recap["tanpa_kabar"]) == (2, 0, 1, 0)
    assert recap["nilai_apbdes"] == 95_000_000
    assert bursa("validasi", root).exit_code == 0


@pytest.mark.parametrize("options,code,words", [
    (["--cek", "--lewati-galat"], "BUR-I100", "--cek dan --lewati-galat tidak dapat dipakai bersama"),
    (["--perangkat", "DPMD 2"], "BUR-F104", "Nama perangkat 'DPMD 2' tidak sah"),
])
def test_wrong_options_are_refused_before_the_workbook_is_read(followed, tmp_path, options, code, words):
    result = bursa("impor", "tindak-lanjut", tmp_path / "tidak-dibaca.xlsx", followed, *options)
    assert result.exit_code == 2, result.output
    assert words in plain(result.output) and code in plain(result.output)
    assert _log(followed) == []


def test_round_trip_with_openpyxl(followed, tmp_path):
    edited = tmp_path / "kiriman.xlsx"
    _edit(_export(followed), edited)
    _check_imported(followed, edited)


def _has_calc() -> bool:
    return bool(shutil.which("soffice")) and Path("/usr/lib/libreoffice/program/libsclo.so").exists()


@pytest.mark.skipif(not _has_calc(), reason="LibreOffice Calc (soffice, libreoffice-calc-nogui) tidak terpasang; "
                                           "`python3 tugas.py uji` memasangnya bila berjalan sebagai root")
def test_round_trip_through_a_file_saved_by_libreoffice(followed, tmp_path):
    edited = tmp_path / "diedit" / "kiriman.xlsx"
    edited.parent.mkdir()
    _edit(_export(followed), edited)
    out = tmp_path / "libreoffice"
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'profil'}", "--headless", "--norestore",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(edited)],
        capture_output=True, text=True, timeout=180)
    saved = out / "kiriman.xlsx"
    assert saved.exists(), done.stdout + done.stderr
    assert saved.read_bytes() != edited.read_bytes()
    book = load_workbook(saved)
    assert book["Bulu"].protection.sheet and book["Bulu"].data_validations.dataValidation  # kept by LibreOffice
    _check_imported(followed, saved)


def test_rows_refused_with_sheet_row_column_and_code(followed, tmp_path):
    path = _export(followed)
    book = load_workbook(path)
    sheet = book["Bulu"]
    rows = _rows(sheet)
    sheet.protection.sheet = False  # someone unlocked it and typed over a village code
    sheet.cell(rows[("33.23.01.2003", "INO-002")]["_row"], 1, "33.23.01.2009")
    bad = rows[("33.23.01.2002", "INO-001")]["_row"]
    sheet.cell(bad, 7, "musdes")
    budget = rows[("33.23.01.2001", "INO-002")]["_row"]
    sheet.cell(budget, 9, 85_000_000)  # a new amount without its Perdes date
    sheet.cell(budget, 8, datetime(2028, 2, 1))
    good = rows[("33.23.01.2001", "INO-001")]["_row"]
    sheet.cell(good, 7, "selesai")
    sheet.cell(good, 8, "2027-05-20")
    edited = tmp_path / "kiriman.xlsx"
    book.save(edited)
    result = bursa("impor", "tindak-lanjut", edited, followed)
    assert result.exit_code == 1
    shown = plain(result.output)
    assert "1 langkah baru dicatat 0 tidak berubah 3 ditolak" in shown
    assert f"kiriman.xlsx [Bulu] {rows[('33.23.01.2003', 'INO-002')]['_row']} Kode desa galat Baris ini bukan komitmen" in shown
    assert f"{bad} Tahap galat Tahap: 'musdes' bukan tahap yang dikenal" in shown and "(BUR-F012)" in shown
    assert f"{budget} Tanggal galat APBDes bertanggal 1 Februari 2028 bukan APBDes tahun 2027" in shown
    assert "(BUR-F007)" in shown and "(BUR-F011)" in shown
    assert "tidak ada yang ditulis" in shown and _log(followed) == []
    partial = bursa("impor", "tindak-lanjut", edited, followed, "--lewati-galat", "--perangkat", "DPMD-2")
    assert partial.exit_code == 0, partial.output
    assert [(e["desa"], e["tahap"]) for e in _log(followed, "DPMD-2")] == [("33.23.01.2001", "selesai")]


def test_export_one_file_per_kecamatan(tmp_path):
    files = followup_files()
    files["acara.yaml"]["wilayah"]["kecamatan"].append({"kode": "33.23.02", "nama": "Tembarak"})
    files["desa.yaml"].append({"kode": "33.23.02.2001", "nama": "Tembarak"})
    card = dict(files["log/komitmen/J3-1.yaml"][0], desa="33.23.02.2001", inovasi=["INO-002"])
    files["log/komitmen/J3-1.yaml"].append(card)
    root = make_event(tmp_path / "acara", files)
    result = bursa("ekspor", "tindak-lanjut", root, "--terpisah", "--keluaran", tmp_path / "kirim")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "kirim").iterdir()) == [
        "tindak-lanjut-33.23.01-bulu.xlsx", "tindak-lanjut-33.23.02-tembarak.xlsx"]
    assert load_workbook(tmp_path / "kirim" / "tindak-lanjut-33.23.01-bulu.xlsx").sheetnames[0] == "Bulu"
    only = bursa("ekspor", "tindak-lanjut", root, "--kecamatan", "Tembarak", "--keluaran", tmp_path / "t.xlsx")
    assert only.exit_code == 0, only.output
    assert "1 komitmen ditulis" in plain(only.output)
    sheet = load_workbook(tmp_path / "t.xlsx")["Tembarak"]
    assert list(_rows(sheet)) == [("33.23.02.2001", "INO-002")]
    nothing = bursa("ekspor", "tindak-lanjut", make_event(tmp_path / "kosong"))
    assert nothing.exit_code == 2 and "Belum ada Kartu Komitmen yang berlaku" in plain(nothing.output)
