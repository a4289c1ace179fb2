"""`bursa impor` and `bursa ekspor` from the command line: exit codes and what the officer reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from bursa_cli.cli import impor as impor_cli
from support import bursa, make_event, plain

GOOD = [["Daftar peserta"], [], ["No", "Nama", "Jabatan", "Desa", "No HP"],
        [1, "Sri Wahyuni", "Perangkat Desa", "Tegalurung", "081234567890"],
        [2, "Suparman", "Kades", "Bulu", ""]]
BAD = GOOD + [[3, "Joko", "Ketua RT", "Suka Maju", "8.12346E+10"]]


def xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def root(tmp_path):
    return make_event(tmp_path / "acara")


def test_dry_run_shows_mapping_and_what_would_happen(tmp_path, root):
    before = (root / "peserta.yaml").read_bytes()
    result = bursa("impor", "peserta", xlsx(tmp_path / "bulu.xlsx", {"Sheet1": BAD}), root, "--cek")
    text = plain(result.output)
    assert result.exit_code == 1, result.output
    assert "Berkas: bulu.xlsx [Sheet1] baris judul kolom: 3" in text
    assert "telepon (No HP) E: No HP otomatis" in text
    assert "1 akan ditambah 0 berubah 1 sudah ada 1 ditolak" in text
    assert "6 C galat Kolom C (Jabatan): Jabatan/peran 'Ketua RT' tidak dikenal." in text
    assert "Mungkin maksudnya 'Sukamaju'" not in text  # no such village in this event: no invented hint
    assert "6 E galat Kolom E (No HP): Nomor tertulis dalam notasi ilmiah" in text
    assert "P-0005 Sri Wahyuni Perangkat Desa Tegalurung 081234567890" in text
    assert (root / "peserta.yaml").read_bytes() == before


def test_dry_run_clean_exits_zero(tmp_path, root):
    result = bursa("impor", "peserta", xlsx(tmp_path / "b.xlsx", {"S": GOOD}), root, "--cek")
    assert result.exit_code == 0, result.output
    assert "1 akan ditambah" in plain(result.output)


def test_errors_write_nothing_and_exit_one(tmp_path, root):
    before = (root / "peserta.yaml").read_bytes()
    result = bursa("impor", "peserta", xlsx(tmp_path / "b.xlsx", {"S": BAD}), root)
    assert result.exit_code == 1
    assert "1 baris di b.xlsx [S] bermasalah; tidak ada yang ditulis." in plain(result.output)
    assert "b.xlsx [S]:6:3 Kolom C (Jabatan)" in plain(result.output)
    assert "--lewati-galat" in plain(result.output)
    assert "Traceback" not in result.output
    assert (root / "peserta.yaml").read_bytes() == before


def test_import_then_again(tmp_path, root):
    source = xlsx(tmp_path / "b.xlsx", {"S": GOOD})
    result = bursa("impor", "peserta", source, root)
    assert result.exit_code == 0, result.output
    assert "1 peserta ditambahkan ke peserta.yaml." in plain(result.output)
    result = bursa("impor", "peserta", source, root)
    assert result.exit_code == 0
    assert "Tidak ada yang berubah: semua baris sudah ada di data acara." in plain(result.output)


def test_skip_errors(tmp_path, root):
    result = bursa("impor", "peserta", xlsx(tmp_path / "b.xlsx", {"S": BAD}), root, "--lewati-galat")
    assert result.exit_code == 0, result.output
    text = plain(result.output)
    assert "1 peserta ditambahkan" in text
    assert "1 baris ditolak disimpan ke" in text and "b-ditolak.xlsx" in text
    assert (tmp_path / "b-ditolak.xlsx").exists()


@pytest.mark.parametrize("args, fragment", [
    (["impor", "peserta", "TIDAK-ADA.xlsx"], "tidak ditemukan"),
    (["impor", "peserta", "MULTI", "--kolom", "hp=No HP"], "kolom 'hp' tidak dikenal"),
    (["impor", "peserta", "MULTI"], "berisi 2 sheet: 'Bulu', 'Kledung'"),
    (["impor", "peserta", "MULTI", "--sheet", "Bulu", "--cek", "--lewati-galat"], "tidak dapat dipakai bersama"),
    (["impor", "tamu", "MULTI"], "tamu"),
    (["ekspor", "peserta", "--keluaran", "OUT/peserta.pdf"], "harus berakhiran .xlsx atau .csv"),
])
def test_usage_errors_exit_two(tmp_path, root, args, fragment):
    multi = xlsx(tmp_path / "multi.xlsx", {"Bulu": GOOD, "Kledung": GOOD})
    args = [str(multi) if a == "MULTI" else str(tmp_path / a) if a.startswith(("TIDAK", "OUT")) else a
            for a in args]
    if args[0] == "ekspor":
        args.insert(2, str(root))
    else:
        args.insert(3, str(root))
    result = bursa(*args)
    assert result.exit_code == 2, result.output
    assert fragment in plain(result.output)


def test_sheet_is_asked_when_interactive(tmp_path, root, monkeypatch):
    monkeypatch.setattr(impor_cli, "_interactive", lambda: True)
    multi = xlsx(tmp_path / "multi.xlsx", {"Bulu": GOOD[:4], "Kledung": GOOD})
    result = bursa("impor", "peserta", multi, root, "--cek", input="2\n")
    assert result.exit_code == 0, result.output
    text = plain(result.output)
    assert "1. Bulu 2. Kledung" in text
    assert "Berkas: multi.xlsx [Kledung]" in text


def test_event_with_broken_list_is_refused(tmp_path):
    root = make_event(tmp_path / "acara", {"peserta.yaml": "- id: P-0001\n  nama: Ani\n  peran: kades\n"})
    result = bursa("impor", "peserta", xlsx(tmp_path / "b.xlsx", {"S": GOOD}), root, "--cek")
    assert result.exit_code == 1
    assert "Data acara masih bermasalah; perbaiki dulu berkas berikut." in plain(result.output)
    assert "peserta.yaml:3" in plain(result.output)


@pytest.mark.parametrize("kind, rows", [("peserta", 4), ("inovasi", 2), ("panitia", 3)])
def test_ekspor(tmp_path, root, kind, rows):
    result = bursa("ekspor", kind, root)
    assert result.exit_code == 0, result.output
    out = root / "keluaran" / f"{kind}.xlsx"
    assert f"{rows} {kind} ditulis ke" in plain(result.output)
    sheet = load_workbook(out).active
    assert sheet.max_row == rows + 1
    assert sheet.freeze_panes == "A2"
    result = bursa("impor", kind, out, root, "--cek")
    assert result.exit_code == 0
    assert f"0 akan ditambah 0 berubah {rows} sudah ada 0 ditolak" in plain(result.output)


def test_ekspor_templat(tmp_path, root):
    result = bursa("ekspor", "templat-peserta", root, "--keluaran", tmp_path / "templat")
    assert result.exit_code == 0, result.output
    assert "Bulu 2 10" in plain(result.output)
    assert (tmp_path / "templat" / "templat-peserta-33.23.01-bulu.xlsx").exists()


def test_ekspor_templat_one_kecamatan(tmp_path):
    from support import minimal_data

    acara = minimal_data("acara.yaml")
    acara["wilayah"]["kecamatan"].append({"kode": "33.23.02", "nama": "Kledung"})
    root = make_event(tmp_path / "acara", {"acara.yaml": acara})
    result = bursa("ekspor", "templat-peserta", root)
    assert result.exit_code == 0, result.output
    made = sorted(p.name for p in (root / "keluaran" / "templat-peserta").iterdir())
    assert made == ["templat-peserta-33.23.01-bulu.xlsx", "templat-peserta-33.23.02-kledung.xlsx"]
    result = bursa("ekspor", "templat-peserta", root, "-o", tmp_path / "satu", "--kecamatan", "kledung")
    assert [p.name for p in (tmp_path / "satu").iterdir()] == ["templat-peserta-33.23.02-kledung.xlsx"]
    result = bursa("ekspor", "templat-peserta", root, "--kecamatan", "Temanggung")
    assert result.exit_code == 2
    assert "tidak ada kecamatan acara ini yang cocok dengan Temanggung" in plain(result.output)


def test_problem_in_an_unrelated_file_does_not_block(tmp_path):
    root = make_event(tmp_path / "acara", {"inovasi.yaml": "- id: INO-001\n  judul: x\n"})
    result = bursa("impor", "peserta", xlsx(tmp_path / "b.xlsx", {"S": GOOD}), root, "--cek")
    assert result.exit_code == 0, result.output
    result = bursa("impor", "inovasi", xlsx(tmp_path / "b.xlsx", {"S": GOOD}), root, "--cek")
    assert result.exit_code == 1
    assert "inovasi.yaml:1" in plain(result.output)


def test_messy_kecamatan_file_on_the_full_example(tmp_path, contoh_event):
    """A kecamatan's list as it arrives: title rows, upper-case headers, prefixes, a mangled phone."""
    from bursa_cli.schema.event import load_event

    event = load_event(contoh_event).event
    first, second = event.desa[0], event.desa[1]
    last = max(int(p.id.split("-")[1]) for p in event.peserta)
    rows = [["DAFTAR PESERTA"], [], ["NO", "NAMA LENGKAP", "JABATAN", "DESA", "NO. HP/WA"],
            [1, "Bambang Sugiarto", "Perangkat", f"Ds. {first.nama}", 81234500001],
            [2, "Sri Mulyani, S.Pd.", "Sekdes", second.nama.upper(), "0812-3450-0002"],
            [3, "Agus", "Sekdes", first.nama, "8.12345E+10"],
            [4, "", "Kaur Umum", second.nama, "081234500004"]]
    source = xlsx(tmp_path / "kec.xlsx", {"Kec": rows})
    result = bursa("impor", "peserta", source, contoh_event)
    assert result.exit_code == 1
    text = plain(result.output)
    assert "2 ditambah 0 berubah 0 sudah ada 2 ditolak" in text
    assert "6 E galat Kolom E (NO. HP/WA): Nomor tertulis dalam notasi ilmiah" in text
    assert "7 B galat Kolom B (NAMA LENGKAP): Nama wajib diisi." in text
    result = bursa("impor", "peserta", source, contoh_event, "--lewati-galat")
    assert result.exit_code == 0, result.output
    added = load_event(contoh_event).event.peserta[-2:]
    assert [(p.id, p.nama, p.desa, p.telepon) for p in added] == [
        (f"P-{last + 1:04d}", "Bambang Sugiarto", first.kode, "081234500001"),
        (f"P-{last + 2:04d}", "Sri Mulyani, S.Pd.", second.kode, "081234500002")]
    assert [p for p in load_event(contoh_event).problems if p.file == "peserta.yaml"] == []


def test_header_only_file(tmp_path, root):
    result = bursa("impor", "peserta", xlsx(tmp_path / "kosong.xlsx", {"S": GOOD[:3]}), root)
    assert result.exit_code == 0
    text = plain(result.output)
    assert "Tidak ada baris data di bawah baris judul kolom 3." in text
    assert "Tidak ada yang berubah" in text


def test_brackets_in_the_spreadsheet_are_shown_as_typed(tmp_path, root):
    odd = "[/]x[b]y"
    rows = [["No", "Nama", "Jabatan", "Desa", "No HP [wa]"],
            [1, odd, "Perangkat Desa", "Tegalurung", "081234567890"],
            [2, "Joko", odd, "Bulu", ""]]
    result = bursa("impor", "peserta", xlsx(tmp_path / "b.xlsx", {"data": rows}), root, "--cek")
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    text = plain(result.output)
    assert "Berkas: b.xlsx [data]" in text
    assert "No HP [wa]" in text
    assert f"P-0005 {odd} Perangkat Desa" in text
    assert f"Jabatan/peran '{odd}' tidak dikenal" in text


def test_rejected_workbook_open_in_excel_imports_nothing(tmp_path, root, monkeypatch):
    import os

    from bursa_cli import fsutil

    real_replace = os.replace

    def excel_holds(temp, path):
        if str(path).endswith("-ditolak.xlsx"):
            raise PermissionError(13, "Permission denied", str(path))
        real_replace(temp, path)

    monkeypatch.setattr(fsutil.os, "replace", excel_holds)
    before = {p.name: p.read_bytes() for p in root.glob("*.yaml")}
    result = bursa("impor", "peserta", xlsx(tmp_path / "b.xlsx", {"S": BAD}), root, "--lewati-galat")
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "b-ditolak.xlsx sedang dibuka program lain" in plain(result.output)
    assert {p.name: p.read_bytes() for p in root.glob("*.yaml")} == before
    assert not list(root.glob(".*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_sheet_question_explains_a_wrong_answer(tmp_path, root, monkeypatch):
    monkeypatch.setattr(impor_cli, "_interactive", lambda: True)
    multi = xlsx(tmp_path / "multi.xlsx", {"Bulu": GOOD[:4], "Kledung": GOOD})
    result = bursa("impor", "peserta", multi, root, "--cek", input="x\n9\nBulu\n")
    assert result.exit_code == 0, result.output
    text = plain(result.output)
    assert text.count("Ketik nomor 1 sampai 2, atau nama sheet-nya.") == 2
    assert "Error" not in text and "Berkas: multi.xlsx [Bulu]" in text
    ended = bursa("impor", "peserta", multi, root, "--cek", input="")
    assert ended.exit_code == 2 and "--sheet" in plain(ended.output)


def test_export_defaults_are_decided_by_the_core(root):
    from bursa_cli.impor import export_list, export_templates, load_checked
    from bursa_cli.paths import OUTPUT_DIR

    event = load_checked(root, "peserta")
    count, path = export_list("peserta", event)
    assert (count, path) == (4, root / OUTPUT_DIR / "peserta.xlsx") and path.exists()
    made = export_templates(event)
    assert made and all(t.path.parent == root / OUTPUT_DIR / "templat-peserta" for t in made)
