"""CLI behaviour of init, validasi and status: exit codes and what the user reads."""

from __future__ import annotations

import csv
import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
import yaml

from bursa_cli.check.summary import summarize
from bursa_cli.cli.app import app
from bursa_cli.render.kinds import KINDS
from support import WILAYAH_CSV, bursa, make_event, minimal_data, plain, small_region_list

COMMANDS = {"init", "validasi", "status", "rekap", "verifikasi", "registrasi", "stempel", "nilai", "ide",
            "komitmen", "perbaiki", "impor", "ekspor", "pantau", "cetak", "templat", "skema", "kunci-sertifikat",
            "layani", "perangkat"}


def test_help_lists_commands():
    group = typer.main.get_command(app)
    assert set(group.commands) == COMMANDS
    assert set(group.commands["cetak"].commands) == {kind.name for kind in KINDS} | {"sertifikat"}
    assert set(group.commands["templat"].commands) == {"daftar", "salin"}
    assert set(group.commands["kunci-sertifikat"].commands) == {"buat"}
    assert set(group.commands["perangkat"].commands) == {"tambah", "daftar", "cabut"}
    result = bursa("--help")
    assert result.exit_code == 0, result.output
    for command in COMMANDS:
        assert f" {command} " in result.output
    cetak = bursa("cetak", "--help")
    assert cetak.exit_code == 0, cetak.output
    for kind in KINDS:
        assert f" {kind.name} " in cetak.output


def test_validasi_clean_event_exits_zero(any_event: Path):
    result = bursa("validasi", any_event)
    assert result.exit_code == 0, result.output
    assert "0 galat, 0 peringatan" in plain(result.output)


def test_validasi_reports_problem_with_location_and_exit_one(tmp_path: Path):
    root = make_event(tmp_path / "e", {"opd.yaml": "- id: DINKES\n  nama: Dinas Kesehatan\n  kepalaa: x\n"})
    result = bursa("validasi", root, "--format", "parsable")
    assert result.exit_code == 1
    assert "opd.yaml:3:3: galat: [1].kepalaa: Kunci 'kepalaa' tidak dikenal." in result.output
    assert "Traceback" not in result.output


def test_validasi_gladi_bersih_reports_a_missing_certificate_key(tmp_path: Path):
    root = make_event(tmp_path / "e", {"kunci-sertifikat.txt": None})
    result = bursa("validasi", root, "--tahap", "gladi-bersih", "--format", "parsable")
    assert result.exit_code == 1
    assert ("kunci-sertifikat.txt:0:0: galat: Kunci sertifikat (kunci-sertifikat.txt) belum ada: sertifikat dan "
            "halaman verifikasinya tidak dapat dicetak, juga di Jendela 3 pada hari-H. (BUR-T090)" in result.output)
    result = bursa("validasi", root, "--tahap", "gladi-bersih", "--jelaskan", "BUR-T090")
    assert "bursa kunci-sertifikat buat FOLDER" in plain(result.output)


def test_validasi_json_counts(tmp_path: Path):
    root = make_event(tmp_path / "e", {"desa.yaml": '- {kode: "33.23.01.1001", nama: Kota}\n'})
    result = bursa("validasi", root, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["galat"] == len([m for m in data["masalah"] if m["tingkat"] == "galat"]) >= 1
    assert any(m["berkas"] == "desa.yaml" and m["baris"] == 1 and "kelurahan" in m["pesan"]
               for m in data["masalah"])
    assert [t["kode"] for t in data["tahapan"]][0] == "konsultasi-agenda"


def test_strict_turns_warnings_into_errors(tmp_path: Path):
    entries = [{"waktu": "2026-11-12T08:00:00+07:00", "peserta": "P-0001"},
               {"waktu": "2026-11-12T08:05:00+07:00", "peserta": "P-0001"}]
    root = make_event(tmp_path / "e", {"log/registrasi/REG-1.yaml": entries})
    relaxed = bursa("validasi", root, "--format", "parsable")
    assert relaxed.exit_code == 0
    assert "log/registrasi/REG-1.yaml:3:42: peringatan" in relaxed.output
    strict = bursa("validasi", root, "--format", "parsable", "--strict")
    assert strict.exit_code == 1
    assert "log/registrasi/REG-1.yaml:3:42: galat" in strict.output


@pytest.mark.parametrize("args, message", [
    (["validasi", "tidak-ada"], "tidak ditemukan"),
    (["validasi", ".", "--tahap", "pesta"], "Tahap 'pesta' tidak dikenal"),
    (["status", "tidak-ada"], "tidak ditemukan"),
])
def test_usage_errors_exit_two(args, message, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    if args[1] == ".":
        args = [args[0], str(make_event(tmp_path / "e"))] + args[2:]
    result = bursa(*args)
    assert result.exit_code == 2
    assert message in plain(result.output)
    assert "Traceback" not in result.output


def test_folder_without_acara_is_usage_error(tmp_path: Path):
    result = bursa("validasi", tmp_path)
    assert result.exit_code == 2
    assert "bukan folder acara" in plain(result.output)


def test_tahap_checks_readiness_up_to_that_stage(minimal_event: Path):
    result = bursa("validasi", minimal_event, "--tahap", "rapat-pembukaan", "--format", "json")
    data = json.loads(result.output)
    assert result.exit_code == 1
    stages = {m["tahap"] for m in data["masalah"]}
    assert stages == {"konsultasi-agenda", "rapat-pembukaan"}
    assert any("Bidang pelaksana" in m["pesan"] and m["berkas"] == "acara.yaml" for m in data["masalah"])


def test_stage_marked_done_is_checked(tmp_path: Path):
    tahapan = minimal_data("tahapan.yaml")
    tahapan[5]["status"] = "selesai"  # sortir
    inovasi = minimal_data("inovasi.yaml")
    inovasi[1]["sortir"] = {"keputusan": "belum"}
    root = make_event(tmp_path / "e", {"tahapan.yaml": tahapan, "inovasi.yaml": inovasi})
    result = bursa("validasi", root, "--format", "parsable")
    assert result.exit_code == 1
    assert "INO-002 (Jalan Rabat Beton Swadaya) belum diputuskan dalam rapat sortir" in result.output


def test_garbage_yaml_never_shows_traceback(tmp_path: Path):
    root = make_event(tmp_path / "e", {"acara.yaml": "nama: [tidak ditutup\n  - :\n"})
    result = bursa("validasi", root)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "acara.yaml" in result.output


def test_status_shows_stages_counts_and_days(minimal_event: Path):
    result = bursa("status", minimal_event)
    assert result.exit_code == 0, result.output
    assert "Kamis, 12 November 2026" in result.output
    assert "Tahapan persiapan" in result.output
    assert "Gladi" in result.output or "gladi" in result.output
    assert "hari" in result.output


def test_status_on_contoh_counts_match_files(contoh_event: Path):
    summary = summarize(contoh_event, today=datetime.date(2026, 11, 1))
    counts = dict(summary.angka)
    desa = yaml.safe_load((contoh_event / "desa.yaml").read_text())
    assert counts["Desa"] == len(desa)
    stamps = sum(1 for f in (contoh_event / "log" / "stempel").glob("*.yaml")
                 for line in f.read_text().splitlines() if line.startswith("- "))
    assert counts["Stempel konsultasi"] == stamps
    assert summary.sisa_hari == "11 hari lagi menuju hari acara."


# ---------------------------------------------------------------------------- init


def test_init_creates_valid_skeleton(tmp_path: Path):
    target = tmp_path / "bid-2027"
    result = bursa("init", target, "--kabupaten", "Temanggung", "--tanggal", "2027-03-11", "--tanpa-git")
    assert result.exit_code == 0, result.output
    first, second = (target / "acara.yaml").read_text(encoding="utf-8").splitlines()[:2]
    assert first == "# yaml-language-server: $schema=skema/acara.schema.json" and second.startswith("# ====")
    assert (target / "skema" / "acara.schema.json").is_file()
    assert "tanggal: 2027-03-11" in (target / "acara.yaml").read_text(encoding="utf-8")
    check = bursa("validasi", target)
    assert check.exit_code == 0, check.output
    assert not (target / ".git").exists()


def _csv_desa(prefixes: tuple[str, ...]) -> list[str]:
    with open(WILAYAH_CSV, encoding="utf-8") as handle:
        return [row[0] for row in csv.reader(handle)
                if row[0].count(".") == 3 and row[0].startswith(prefixes) and row[0][-4] in "23"]


@pytest.mark.skipif(not WILAYAH_CSV.exists(), reason="daftar wilayah tidak ada")
def test_init_fills_villages_from_region_list(tmp_path: Path):
    target = tmp_path / "klaster"
    result = bursa("init", target, "--wilayah", WILAYAH_CSV, "--kode", "33.23",
                   "--kecamatan", "Bulu", "--kecamatan", "33.23.02")
    assert result.exit_code == 0, result.output
    desa = yaml.safe_load((target / "desa.yaml").read_text(encoding="utf-8"))
    expected = _csv_desa(("33.23.01.", "33.23.02."))
    assert [d["kode"] for d in desa] == expected
    assert all(d["kode"].rsplit(".", 1)[1][0] != "1" for d in desa)
    acara = (target / "acara.yaml").read_text(encoding="utf-8")
    assert '"Kabupaten Temanggung"' in acara and "cakupan: klaster" in acara
    assert (target / ".git").is_dir() and "keluaran/" in (target / ".gitignore").read_text()
    assert bursa("validasi", target).exit_code == 0


@pytest.mark.skipif(not WILAYAH_CSV.exists(), reason="daftar wilayah tidak ada")
def test_init_leaves_out_kelurahan(tmp_path: Path):
    # Kota Semarang (33.74) consists of kelurahan only: no village takes part.
    target = tmp_path / "kota"
    result = bursa("init", target, "--wilayah", WILAYAH_CSV, "--kode", "33.74", "--tanpa-git")
    assert result.exit_code == 0, result.output
    assert "- kode:" not in (target / "desa.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (["--wilayah", "{daftar}", "--kode", "99.99"], "tidak ada di"),
    (["--wilayah", "{daftar}", "--kode", "33.23", "--kecamatan", "Bulo"], "Mungkin maksudnya: bulu"),
    (["--wilayah", "{daftar}"], "--wilayah perlu --kode"),
    (["--wilayah", "{tmp}/tidak-ada.csv", "--kode", "33.23"], "tidak-ada.csv' tidak ditemukan"),
    (["--tanggal", "11-03-2027"], "Tanggal '11-03-2027' tidak sah"),
])
def test_init_bad_options(args, message, tmp_path: Path):
    daftar = small_region_list(tmp_path)
    args = [a.format(daftar=daftar, tmp=tmp_path) for a in args]
    result = bursa("init", tmp_path / "x", *args)
    assert result.exit_code == 2
    assert message in plain(result.output)
    assert not (tmp_path / "x" / "acara.yaml").exists()


def test_init_never_overwrites(tmp_path: Path):
    target = tmp_path / "e"
    target.mkdir()
    (target / "peserta.yaml").write_text("# milik pengguna\n[]\n", encoding="utf-8")
    result = bursa("init", target, "--tanpa-git")
    assert result.exit_code == 2
    assert "tidak pernah menimpa" in plain(result.output)
    assert (target / "peserta.yaml").read_text(encoding="utf-8") == "# milik pengguna\n[]\n"
    assert not (target / "acara.yaml").exists()


def test_init_installs_hook_that_runs_validasi(tmp_path: Path):
    target = tmp_path / "e"
    result = bursa("init", target, "--pasang-hook")
    assert result.exit_code == 0, result.output
    hook = target / ".git" / "hooks" / "pre-commit"
    assert "bursa validasi" in hook.read_text()
    assert hook.stat().st_mode & 0o111


# ---------------------------------------------------------------------------- the real entry point


@pytest.mark.parametrize("args, message", [
    (["validasi", "--frmat", "json"], "Pilihan --frmat tidak dikenal. Mungkin maksudnya --format?"),
    (["validasi", ".", "--format", "xml"], "Nilai untuk --format tidak sah: 'xml' bukan salah satu dari"),
    (["registrasi", "."], "Pilihan --perangkat wajib diisi."),
    (["tidakada"], "Perintah 'tidakada' tidak dikenal."),
    (["cetak", "sertifikat", ".", "--batch", "x"], "Nilai untuk --batch tidak sah: harus bilangan bulat."),
])
def test_parsing_errors_are_indonesian_with_exit_two(args, message, tmp_path):
    result = subprocess.run([sys.executable, "-m", "bursa_cli", *args], cwd=tmp_path,
                            capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"})
    assert result.returncode == 2
    said = plain(result.stdout + result.stderr)
    assert message in said
    assert "Usage" not in said.split("Galat")[-1] and "Traceback" not in said


def test_help_panels_are_indonesian(tmp_path):
    result = subprocess.run([sys.executable, "-m", "bursa_cli", "validasi", "--help"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0
    for word in ("Argumen", "Pilihan", "[bawaan: rich]"):
        assert word in result.stdout


def test_init_reads_region_list_saved_in_windows_code_page(tmp_path: Path):
    csv_file = tmp_path / "wilayah.csv"
    csv_file.write_bytes("kode,nama\n33.23,Kabupaten Temanggung\n33.23.01,Bulu\n33.23.01.2001,Pérot\n"
                         .encode("cp1252"))
    result = bursa("init", tmp_path / "e", "--wilayah", csv_file, "--kode", "33.23", "--tanpa-git")
    assert result.exit_code == 0, result.output
    assert 'nama: "Pérot"' in (tmp_path / "e" / "desa.yaml").read_text(encoding="utf-8")


def test_materi_shortage_names_the_card(tmp_path: Path):
    acara = minimal_data("acara.yaml")
    acara["materi"]["kartu_id"] = 1
    root = make_event(tmp_path / "e", {"acara.yaml": acara})
    result = bursa("validasi", root, "--tahap", "materi", "--format", "parsable")
    assert "Kartu ID hanya 1, padahal ada 4 peserta." in result.output
