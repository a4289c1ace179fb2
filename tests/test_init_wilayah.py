"""`bursa init` knows Indonesia: the time zone from the province, the letter town only when it is
known, and a clear warning when the chosen area has no desa (only kelurahan)."""

from __future__ import annotations

import csv

import pytest
import yaml

from bursa_cli.schema.zona import PROVINCES, zone_of
from support import WILAYAH_CSV, bursa, plain

needs_list = pytest.mark.skipif(not WILAYAH_CSV.exists(), reason="daftar wilayah tidak ada")

# The zones by province code, as the legal division gives them (BURSA.md).
ZONE_CODES = {
    "WIB": [*range(11, 37), 61, 62],
    "WITA": [51, 52, 53, 63, 64, 65, *range(71, 77)],
    "WIT": [81, 82, *range(91, 97)],
}


def provinces_in_list() -> dict[str, str]:
    with open(WILAYAH_CSV, encoding="utf-8") as handle:
        return {row[0]: row[1] for row in csv.reader(handle) if len(row[0]) == 2 and row[0].isdigit()}


@needs_list
def test_every_province_of_the_official_list_has_its_zone():
    listed = provinces_in_list()
    assert set(listed) == set(PROVINCES)
    for kode, nama in listed.items():
        assert PROVINCES[kode][0] == nama
        [zone] = [z for z, codes in ZONE_CODES.items() if int(kode) in codes]
        assert zone_of(kode) == zone_of(f"{kode}.01.02.2003") == zone, kode


@needs_list
@pytest.mark.parametrize("kode, nama, zone", [
    ("33.23", "Kabupaten Temanggung", "WIB"),
    ("61.04", "Kabupaten Ketapang", "WIB"),
    ("53.10", "Kabupaten Manggarai", "WITA"),
    ("73.13", "Kabupaten Wajo", "WITA"),
    ("91.03", "Kabupaten Jayapura", "WIT"),
    ("94.01", "Kabupaten Nabire", "WIT"),
])
def test_init_takes_the_zone_from_the_province_and_leaves_the_capital_to_fill(tmp_path, kode, nama, zone):
    target = tmp_path / "acara"
    result = bursa("init", target, "--wilayah", WILAYAH_CSV, "--kode", kode, "--tanggal", "2027-03-11",
                   "--tanpa-git")
    assert result.exit_code == 0, result.output
    said = plain(result.output)
    assert f"zona_waktu: {zone} (Provinsi " in said and "wilayah.ibu_kota belum diisi" in said
    acara = yaml.safe_load((target / "acara.yaml").read_text(encoding="utf-8"))
    assert acara["zona_waktu"] == zone and acara["wilayah"]["nama"] == nama
    assert acara["wilayah"]["ibu_kota"] == "(isi ibu kota kabupaten: tempat penulisan surat)"
    short = nama.removeprefix("Kabupaten ")
    assert short not in acara["wilayah"]["ibu_kota"]  # no guess from the kabupaten's name


def test_validasi_flags_the_blank_capital_before_letters_are_printed(tmp_path):
    target = tmp_path / "acara"
    result = bursa("init", target, "--kabupaten", "Manggarai", "--kode", "53.10", "--tanggal", "2027-03-11",
                   "--tanpa-git")
    assert result.exit_code == 0, result.output
    lines = (target / "acara.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.strip().startswith("ibu_kota:"))
    result = bursa("validasi", target, "--format", "parsable")
    assert result.exit_code == 0  # a warning while the stages are still "belum"
    found = [text for text in result.output.splitlines() if "BUR-T060" in text]
    assert found == [f"acara.yaml:{line}:3: peringatan: wilayah.ibu_kota: Tempat penulisan surat (wilayah.ibu_kota) "
                     "masih berisi isian '(isi ibu kota kabupaten: tempat penulisan surat)'; tulis nama ibu kota "
                     "Kabupaten Manggarai sebelum undangan, SK dan daftar hadir dicetak. (BUR-T060)"]
    assert bursa("validasi", target, "--tahap", "konsultasi-agenda").exit_code == 1
    refused = bursa("cetak", "undangan", target)
    assert refused.exit_code == 1 and "BUR-T060" in refused.output
    assert not (target / "keluaran").exists()
    text = (target / "acara.yaml").read_text(encoding="utf-8")
    (target / "acara.yaml").write_text(text.replace("(isi ibu kota kabupaten: tempat penulisan surat)", "Ruteng"),
                                       encoding="utf-8")
    assert "BUR-T060" not in bursa("validasi", target, "--format", "parsable").output


@needs_list
def test_a_kota_gets_its_own_name_and_a_warning_when_it_has_no_desa(tmp_path):
    target = tmp_path / "kupang"
    result = bursa("init", target, "--wilayah", WILAYAH_CSV, "--kode", "53.71", "--tanpa-git")
    assert result.exit_code == 0, result.output
    said = plain(result.output)
    assert ("! Kota Kupang (53.71) tidak memiliki desa sama sekali menurut daftar wilayah: semuanya kelurahan"
            in said)
    acara = yaml.safe_load((target / "acara.yaml").read_text(encoding="utf-8"))
    assert acara["wilayah"]["ibu_kota"] == "Kupang" and acara["zona_waktu"] == "WITA"
    assert yaml.safe_load((target / "desa.yaml").read_text(encoding="utf-8")) == []


@needs_list
def test_a_chosen_kecamatan_with_only_kelurahan_is_named(tmp_path):
    target = tmp_path / "asahan"
    result = bursa("init", target, "--wilayah", WILAYAH_CSV, "--kode", "12.09", "--kecamatan", "12.09.19",
                   "--tanpa-git")
    assert result.exit_code == 0, result.output
    said = plain(result.output)
    assert "tidak memiliki desa di kecamatan yang dipilih" in said
    assert "Kecamatan Kota Kisaran Barat (12.09.19) tidak memiliki desa (hanya kelurahan)" in said


def test_without_a_code_the_zone_is_wib_with_a_warning(tmp_path):
    result = bursa("init", tmp_path / "acara", "--kabupaten", "Contoh", "--tanpa-git")
    assert result.exit_code == 0
    assert "zona_waktu ditulis WIB karena provinsinya tidak diketahui" in plain(result.output)


def test_the_day_log_time_follows_the_zone():
    from bursa_cli.day.logwrite import now

    for zone, offset in (("WIB", "+07:00"), ("WITA", "+08:00"), ("WIT", "+09:00")):
        assert now(zone).endswith(offset)
