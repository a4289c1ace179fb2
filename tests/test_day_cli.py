"""The desks of the day through the CLI: input fed as a scanner or an officer would type it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bursa_cli.seating import plan_seating
from bursa_cli.schema.event import load_event
from support import bursa as run
from support import make_event, minimal_data

BULU, TEGALURUNG = "33.23.01.2001", "33.23.01.2002"


def logged(root: Path, kind: str, name: str | None = None) -> list[dict]:
    """Entries of log/<kind>/<name>.yaml (or of every file of the kind), read raw.

    Entries written by a desk carry the desk's own `id_entri` (so a resend is never written
    twice); it is checked and left out, and entries a test wrote by hand have none."""
    folder = root / "log" / kind
    paths = [folder / f"{name}.yaml"] if name else sorted(folder.glob("*.yaml"))
    found = []
    for path in paths:
        if path.exists():
            found += [json.loads(line[2:]) for line in path.read_text(encoding="utf-8").splitlines()
                      if line.startswith("- {")]
    for entry in found:
        assert re.fullmatch(r"[0-9a-f]{32}", entry.pop("id_entri", "0" * 32))
    return found


def log_problems(root: Path) -> list:
    return [p for p in load_event(root).problems if p.file.startswith("log/")]


# --------------------------------------------------------------------------- registrasi

REGISTRASI = [
    # (case, input, shown in the output, ids logged by REG-1)
    ("id dipindai", "P-0001\n", ["TERCATAT: Suparman (P-0001) tercatat hadir", "Suparman", "Kartu Komitmen", "Desa Bulu, Kec. Bulu"], ["P-0001"]),
    ("huruf kecil", "p-0002\n", ["Mulyono (P-0002) tercatat hadir"], ["P-0002"]),
    ("cari nama", "lestari\n1\n", ["1. P-0003 · Sri Lestari", "Sri Lestari (P-0003) tercatat hadir"], ["P-0003"]),
    ("cari desa", "tegalurung widodo\n1\n", ["1. P-0004 · Widodo"], ["P-0004"]),
    ("cari dibatalkan", "lestari\n\n", ["Sri Lestari"], []),
    ("tidak ditemukan", "zzz\n", ["Tidak ada peserta yang cocok dengan 'zzz'"], []),
    ("id tak dikenal", "P-9999\nP-0004\n", ["DITOLAK: Id peserta 'P-9999' tidak dikenal", "Widodo"], ["P-0004"]),
    ("dua kali", "P-0001\nP-0001\n", ["SUDAH REGISTRASI", "tidak dicatat dua kali"], ["P-0001"]),
    ("selesai", "P-0001\nselesai\nP-0002\n", ["Suparman"], ["P-0001"]),
]


@pytest.mark.parametrize("case,typed,shown,ids", REGISTRASI, ids=[c[0] for c in REGISTRASI])
def test_registrasi_loop(minimal_event, case, typed, shown, ids):
    result = run("registrasi", str(minimal_event), "--perangkat", "REG-1", input=typed)
    assert result.exit_code == 0, result.output
    for text in shown:
        assert text in result.output
    assert [e["peserta"] for e in logged(minimal_event, "registrasi", "REG-1")] == ids
    assert f"Selesai: {len(ids)} registrasi dicatat" in result.output
    assert all(e["petugas"] == "REG-1" for e in logged(minimal_event, "registrasi"))


def test_registrasi_shows_seat_and_kit(minimal_event):
    seat = plan_seating(load_event(minimal_event).event).by_peserta["P-0003"].label
    result = run("registrasi", str(minimal_event), "--perangkat", "REG-1", "--id", "P-0003")
    assert result.exit_code == 0
    assert f"Kursi: {seat}" in result.output
    assert "Serahkan Bursa Kit: Kartu ID, Kartu Komitmen, Kartu Ide, Katalog" in result.output


def test_registrasi_shows_the_seat_printed_on_the_badge_after_the_list_changed(minimal_event):
    assert run("cetak", "kartu-id", str(minimal_event)).exit_code == 0
    people = minimal_data("peserta.yaml")
    people[2]["konfirmasi"] = "tidak"  # P-0003 declines after the badges were printed
    people.insert(0, {"id": "P-0000", "nama": "Camat Baru", "peran": "camat", "kecamatan": "33.23.01",
                      "konfirmasi": "ya"})  # and an official who would sit in front of everyone
    make_event(minimal_event, {"peserta.yaml": people})
    result = run("registrasi", str(minimal_event), "--perangkat", "REG-1", "--id", "P-0004")
    assert result.exit_code == 0, result.output
    assert "Kursi: A-04" in result.output  # as printed, not moved by the two changes
    result = run("registrasi", str(minimal_event), "--perangkat", "REG-1", "--id", "P-0000")
    assert "Kursi: A-03" in result.output  # the newcomer takes the seat P-0003 left


def test_a_scanned_spare_badge_becomes_the_walk_in_id(minimal_event):
    root = minimal_event
    first = run("registrasi", str(root), "--perangkat", "REG-1",
                input="tamu-007\nJoko Susilo\n1\ntegalurung\n0812345\n0812 3456 7001\n")
    assert first.exit_code == 0, first.output
    assert "kartu TAMU-007 · Peserta tanpa undangan" in first.output
    assert "TERCATAT: Joko Susilo tercatat sebagai TAMU-007" in first.output
    assert "DITOLAK: Nomor HP tidak sah: nomor '0812345' tidak sah" in first.output  # asked again at once
    assert logged(root, "registrasi", "REG-1") == [{
        "waktu": logged(root, "registrasi", "REG-1")[0]["waktu"], "petugas": "REG-1", "peserta": "TAMU-007",
        "tanpa_undangan": {"nama": "Joko Susilo", "peran": "kepala-desa", "desa": TEGALURUNG,
                           "telepon": "081234567001"}}]  # written the way `bursa impor` writes it

    again = run("registrasi", str(root), "--perangkat", "REG-2", input="TAMU-007\n")  # the holder scans again
    assert "SUDAH REGISTRASI" in again.output and logged(root, "registrasi", "REG-2") == []
    from bursa_cli.day import Day, Refused, add_walk_in

    with pytest.raises(Refused) as refused:  # a second person handed the same card by mistake
        add_walk_in(Day.open(root), "REG-2", "Ani Rahma", "media", instansi="Radio", kartu="TAMU-007")
    assert "Kartu ID cadangan TAMU-007 sudah dipakai oleh Joko Susilo (log/registrasi/REG-1.yaml baris 4)" \
        in refused.value.message
    assert logged(root, "registrasi", "REG-2") == []
    assert "TAMU-007" in load_event(root).event.peserta_by_id and log_problems(root) == []
    desk = run("stempel", str(root), "--meja", "A-01", input="TAMU-008\n")  # a card never registered
    assert "Kartu ID cadangan TAMU-008 belum didaftarkan" in desk.output


def test_double_check_in_is_found_across_devices(tmp_path):
    root = make_event(tmp_path / "ev", {"log/registrasi/REG-2.yaml": [
        {"waktu": "2026-11-12T07:30:00+07:00", "petugas": "REG-2", "peserta": "P-0001"}]})
    result = run("registrasi", str(root), "--perangkat", "REG-1", input="P-0001\n")
    assert "SUDAH REGISTRASI: Suparman sudah registrasi pukul 07.30 di REG-2" in result.output
    assert logged(root, "registrasi", "REG-1") == []


def test_walk_ins_get_ids_unique_across_devices(minimal_event):
    root = minimal_event
    first = run("registrasi", str(root), "--perangkat", "REG-1",
                input="+baru\nJoko Susilo\n1\ntegalurung\n+62 812-3456-7001\n")
    assert "TERCATAT: Joko Susilo tercatat sebagai W-REG-1-001" in first.output
    assert "Kursi: bebas (kursi kosong di Ruang Pleno)" in first.output  # walk-ins have no planned seat
    other = run("registrasi", str(root), "--perangkat", "REG-2", input="+baru\nAni Rahma\n9\nSuara Merdeka\n\n")
    assert "Ani Rahma tercatat sebagai W-REG-2-001" in other.output
    again = run("registrasi", str(root), "--perangkat", "REG-1", input="+baru\nDarmo\n5\nDinas Pertanian\n\n")
    assert "W-REG-1-002" in again.output

    assert logged(root, "registrasi", "REG-1")[0]["tanpa_undangan"] == {
        "nama": "Joko Susilo", "peran": "kepala-desa", "desa": TEGALURUNG, "telepon": "081234567001"}
    assert logged(root, "registrasi", "REG-2")[0]["tanpa_undangan"] == {
        "nama": "Ani Rahma", "peran": "media", "instansi": "Suara Merdeka"}
    loaded = load_event(root)
    assert {"W-REG-1-001", "W-REG-1-002", "W-REG-2-001"} <= set(loaded.event.peserta_by_id)
    assert log_problems(root) == []
    assert "W-REG" not in (root / "peserta.yaml").read_text(encoding="utf-8")  # the list is never edited

    # a walk-in can be stamped at once at any desk
    stamped = run("stempel", str(root), "--meja", "A-02", input="W-REG-1-001\n")
    assert "W-REG-1-001 · Joko Susilo · Kepala Desa · Desa Tegalurung" in stamped.output
    assert "untuk Joko Susilo (W-REG-1-001) tercatat" in stamped.output


def test_walk_in_for_a_village_role_needs_the_village(minimal_event):
    result = run("registrasi", str(minimal_event), "--perangkat", "REG-1", input="+baru\nJoko\n2\n\n")
    assert result.exit_code == 0
    assert logged(minimal_event, "registrasi") == []


@pytest.mark.parametrize("args,code,shown", [
    (["--id", "P-0002"], 0, "TERCATAT: Mulyono (P-0002) tercatat hadir"),
    (["--id", "P-9999"], 1, "Id peserta 'P-9999' tidak dikenal"),
])
def test_registrasi_once(minimal_event, args, code, shown):
    result = run("registrasi", str(minimal_event), "--perangkat", "REG-1", *args)
    assert result.exit_code == code
    assert shown in result.output


def test_registrasi_refuses_a_bad_device_name(minimal_event):
    result = run("registrasi", str(minimal_event), "--perangkat", "REG 1", "--id", "P-0001")
    assert result.exit_code == 2
    assert "--perangkat 'REG 1' tidak sah" in result.output


# --------------------------------------------------------------------------- stempel

TWO_AT_A01 = {"inovasi.yaml": minimal_data("inovasi.yaml") + [{
    "id": "INO-003", "judul": "Lumbung Pangan Desa", "bidang": "kewirausahaan",
    "desa_asal": "Desa Pujon Kidul, Kab. Malang", "opd_pengkaji": "DINKES", "ringkasan": "Cadangan pangan.",
    "sortir": {"keputusan": "dipertahankan", "opd": "DINKES"}, "ruang": "A", "meja": "A-01"}]}

STEMPEL = [
    # (case, event changes, desk, input, shown, (peserta, inovasi) logged at the desk)
    ("satu inovasi tanpa pilihan", None, "A-01", "P-0001\n", ["TERCATAT: Stempel INO-001 Posyandu Remaja untuk Suparman (P-0001) tercatat"],
     [("P-0001", "INO-001")]),
    ("id tak dikenal ditolak", None, "A-01", "P-9999\nP-0002\n",
     ["DITOLAK: Id peserta 'P-9999' tidak dikenal", "untuk Mulyono (P-0002) tercatat"], [("P-0002", "INO-001")]),
    ("ulang ditolak", None, "A-01", "P-0001\nP-0001\n\n",
     ["SUDAH ADA: Suparman (P-0001) sudah mendapat stempel INO-001", "Tidak dicatat."], [("P-0001", "INO-001")]),
    ("ulang dikonfirmasi", None, "A-01", "P-0001\nP-0001\ny\n", ["SUDAH ADA", "Catat stempel kedua?"],
     [("P-0001", "INO-001"), ("P-0001", "INO-001")]),
    ("pilih nomor", TWO_AT_A01, "A-01", "P-0003\n2\n", ["2. INO-003 Lumbung Pangan Desa", "Stempel INO-003 Lumbung Pangan Desa untuk Sri Lestari"],
     [("P-0003", "INO-003")]),
    ("pilih id", TWO_AT_A01, "A-01", "P-0003\nino-001\n", ["Stempel INO-001"], [("P-0003", "INO-001")]),
    ("inovasi meja lain ditolak", TWO_AT_A01, "A-01", "P-0003\nINO-002\nP-0003\n1\n",
     ["DITOLAK: Inovasi 'INO-002' tidak dilayani di meja A-01. Meja ini melayani: INO-001, INO-003"],
     [("P-0003", "INO-001")]),
]


@pytest.mark.parametrize("case,changes,meja,typed,shown,stamps", STEMPEL, ids=[c[0] for c in STEMPEL])
def test_stempel_loop(tmp_path, case, changes, meja, typed, shown, stamps):
    root = make_event(tmp_path / "ev", changes)
    result = run("stempel", str(root), "--meja", meja, input=typed)
    assert result.exit_code == 0, result.output
    for text in shown:
        assert text in result.output
    entries = logged(root, "stempel", meja)
    assert [(e["peserta"], e["inovasi"]) for e in entries] == stamps
    assert f"Selesai: {len(stamps)} stempel dicatat" in result.output
    assert all(e["meja"] == meja for e in entries)
    assert log_problems(root) == []


@pytest.mark.parametrize("args,code,shown,count", [
    (["--peserta", "P-0001", "--konsultan", "TIK-01"], 0, "TERCATAT: Stempel INO-001", 1),
    (["--peserta", "P-0001", "--inovasi", "INO-002"], 1, "tidak dilayani di meja A-01", 0),
    (["--peserta", "P-0404"], 1, "tidak dikenal", 0),
    (["--peserta", "P-0001", "--konsultan", "TIK-99"], 2, "Konsultan 'TIK-99' tidak ada", 0),
])
def test_stempel_once(minimal_event, args, code, shown, count):
    result = run("stempel", str(minimal_event), "--meja", "A-01", *args)
    assert result.exit_code == code, result.output
    assert shown in result.output
    assert len(logged(minimal_event, "stempel")) == count


def test_stempel_once_repeat_needs_ulang(minimal_event):
    root = str(minimal_event)
    assert run("stempel", root, "--meja", "A-01", "--peserta", "P-0001").exit_code == 0
    again = run("stempel", root, "--meja", "A-01", "--peserta", "P-0001")
    assert again.exit_code == 1 and "--ulang" in again.output
    assert run("stempel", root, "--meja", "A-01", "--peserta", "P-0001", "--ulang").exit_code == 0
    assert len(logged(minimal_event, "stempel", "A-01")) == 2


def test_stempel_refuses_an_unknown_desk(minimal_event):
    result = run("stempel", str(minimal_event), "--meja", "Z-09", input="P-0001\n")
    assert result.exit_code == 2
    assert "Meja 'Z-09' tidak ada" in result.output and "A-01, A-02" in result.output
    assert not (minimal_event / "log" / "stempel").exists()


# --------------------------------------------------------------------------- komitmen

STAMPED = {"log/stempel/A-01.yaml": [
    {"waktu": "2026-11-12T10:00:00+07:00", "peserta": "P-0001", "inovasi": "INO-001", "meja": "A-01"},
    {"waktu": "2026-11-12T10:05:00+07:00", "peserta": "P-0002", "inovasi": "INO-001", "meja": "A-01"}]}

KOMITMEN_ONCE = [
    # (case, extra options, exit code, shown, the card logged or None)
    ("distempel, lengkap", ["--inovasi", "INO-001", "--ttd-kepala-desa", "--ttd-ketua-bpd"], 0, "TERCATAT: Kartu Komitmen Desa Bulu, Kec. Bulu tercatat, APBDes 2027",
     {"inovasi": ["INO-001"], "tahun_apbdes": 2027, "ttd_kepala_desa": True, "ttd_ketua_bpd": True}),
    ("tanpa stempel tanpa alasan", ["--inovasi", "INO-001", "--inovasi", "INO-002", "--ttd-kepala-desa",
                                    "--ttd-ketua-bpd"], 1, "INO-002 (Jalan Rabat Beton Swadaya) tidak pernah distempel",
     None),
    ("tanpa stempel dengan alasan", ["--inovasi", "INO-001", "--inovasi", "INO-002", "--alasan",
                                     "INO-002=Jalan produksi rusak", "--ttd-kepala-desa", "--ttd-ketua-bpd",
                                     "--tahun", "2028"], 0, "tanpa stempel: INO-002: Jalan produksi rusak",
     {"inovasi": ["INO-001", "INO-002"], "tahun_apbdes": 2028, "ttd_kepala_desa": True, "ttd_ketua_bpd": True,
      "alasan": {"INO-002": "Jalan produksi rusak"}}),
    ("belum ditandatangani", ["--inovasi", "INO-001", "--ttd-kepala-desa"], 0,
     "Kartu ini BELUM ditandatangani Ketua BPD",
     {"inovasi": ["INO-001"], "tahun_apbdes": 2027, "ttd_kepala_desa": True, "ttd_ketua_bpd": False}),
    ("inovasi tak dikenal", ["--inovasi", "INO-404"], 1, "Inovasi 'INO-404' tidak ada di inovasi.yaml", None),
]


@pytest.mark.parametrize("case,options,code,shown,card", KOMITMEN_ONCE, ids=[c[0] for c in KOMITMEN_ONCE])
def test_komitmen_once(tmp_path, case, options, code, shown, card):
    root = make_event(tmp_path / "ev", STAMPED)
    result = run("komitmen", str(root), "--perangkat", "J3-1", "--desa", BULU, *options)
    assert result.exit_code == code, result.output
    assert shown in result.output
    cards = logged(root, "komitmen", "J3-1")
    if card is None:
        assert cards == []
    else:
        assert len(cards) == 1
        assert {k: v for k, v in cards[0].items() if k not in ("waktu", "petugas", "desa")} == card
        assert cards[0]["desa"] == BULU


def test_unsigned_card_is_an_error_for_validasi(tmp_path):
    root = make_event(tmp_path / "ev", STAMPED)
    run("komitmen", str(root), "--perangkat", "J3-1", "--desa", BULU, "--inovasi", "INO-001", "--ttd-ketua-bpd")
    check = run("validasi", str(root), "--format", "parsable")
    assert "log/komitmen/J3-1.yaml:4:" in check.output and "belum ditandatangani Kepala Desa" in check.output


KOMITMEN_LOOP = [
    # (case, input, shown, the card logged or None)
    ("nomor dan alasan", f"{BULU}\n1,INO-002\nButuh jalan produksi\n\ny\ny\n",
     ["Inovasi yang distempel: Desa Bulu, Kec. Bulu", "INO-001 Posyandu Remaja (PSDM) · 2 stempel", "TERCATAT: Kartu Komitmen"],
     {"inovasi": ["INO-001", "INO-002"], "alasan": {"INO-002": "Butuh jalan produksi"},
      "ttd_kepala_desa": True, "ttd_ketua_bpd": True, "tahun_apbdes": 2027}),
    ("tanpa alasan ditolak", f"{BULU}\nINO-002\n\n\ny\ny\n", ["DITOLAK", "hanya diterima dengan alasan"], None),
    ("desa dari kartu id", "P-0003\nINO-002\nDiminta warga\n2029\ny\n\n",
     ["Belum ada stempel untuk Desa Tegalurung", "BELUM ditandatangani Ketua BPD"],
     {"inovasi": ["INO-002"], "alasan": {"INO-002": "Diminta warga"}, "ttd_kepala_desa": True,
      "ttd_ketua_bpd": False, "tahun_apbdes": 2029}),
]


@pytest.mark.parametrize("case,typed,shown,card", KOMITMEN_LOOP, ids=[c[0] for c in KOMITMEN_LOOP])
def test_komitmen_loop(tmp_path, case, typed, shown, card):
    root = make_event(tmp_path / "ev", STAMPED)
    result = run("komitmen", str(root), "--perangkat", "J3-1", input=typed)
    assert result.exit_code == 0, result.output
    for text in shown:
        assert text in result.output
    cards = logged(root, "komitmen", "J3-1")
    if card is None:
        assert cards == []
    else:
        assert [{k: v for k, v in c.items() if k not in ("waktu", "petugas", "desa")} for c in cards] == [card]


def test_second_card_for_a_village_replaces_only_when_confirmed(tmp_path):
    root = make_event(tmp_path / "ev", STAMPED)
    once = ["komitmen", str(root), "--perangkat", "J3-1", "--desa", BULU, "--inovasi", "INO-001", "--ttd-kepala-desa", "--ttd-ketua-bpd"]
    assert run(*once).exit_code == 0
    again = run(*once)
    assert again.exit_code == 1 and "sudah dicatat" in again.output
    replaced = run(*once, "--ulang")
    assert replaced.exit_code == 0 and "Menggantikan kartu" in replaced.output
    assert len(logged(root, "komitmen")) == 2


# --------------------------------------------------------------------------- nilai, ide


@pytest.mark.parametrize("args,typed,code,shown,entry", [
    (["--perangkat", "A-01"], "P-0001\n4\nbagus sekali\n", 0, "Nilai 4 dari Suparman (P-0001) untuk INO-001",
     {"peserta": "P-0001", "inovasi": "INO-001", "nilai": 4, "catatan": "bagus sekali"}),
    (["--perangkat", "A-01"], "P-0001\n9\n\n", 0, "DITOLAK: Nilai '9' tidak sah: harus angka 1 sampai 5.", None),
    (["--perangkat", "J3-1", "--peserta", "P-0002", "--inovasi", "INO-002", "--nilai", "5"], None, 0,
     "Nilai 5 dari Mulyono (P-0002) untuk INO-002", {"peserta": "P-0002", "inovasi": "INO-002", "nilai": 5}),
    (["--perangkat", "J3-1", "--peserta", "P-0002", "--inovasi", "INO-002", "--nilai", "0"], None, 1,
     "Nilai '0' tidak sah: harus angka 1 sampai 5.", None),
])
def test_nilai(minimal_event, args, typed, code, shown, entry):
    result = run("nilai", str(minimal_event), *args, input=typed)
    assert result.exit_code == code, result.output
    assert shown in result.output
    found = [{k: v for k, v in e.items() if k not in ("waktu", "petugas")} for e in logged(minimal_event, "penilaian")]
    assert found == ([entry] if entry else [])


@pytest.mark.parametrize("args,typed,entry", [
    (["--judul", "Bank Sampah Digital", "--peserta", "P-0003", "--bidang", "psdm"], None,
     {"judul": "Bank Sampah Digital", "bidang": "psdm", "peserta": "P-0003", "desa": TEGALURUNG}),
    ([], "P-0001\nLumbung Pangan\nCadangan beras desa\n1\n",
     {"judul": "Lumbung Pangan", "uraian": "Cadangan beras desa", "bidang": "kewirausahaan",
      "peserta": "P-0001", "desa": BULU}),
    ([], "\nSumur Resapan\n\n3\ntegalurung\n",
     {"judul": "Sumur Resapan", "bidang": "infrastruktur", "desa": TEGALURUNG}),
])
def test_ide(minimal_event, args, typed, entry):
    result = run("ide", str(minimal_event), "--perangkat", "J3", *args, input=typed)
    assert result.exit_code == 0, result.output
    assert "TERCATAT: Kartu Ide" in result.output
    found = [{k: v for k, v in e.items() if k not in ("waktu", "petugas")} for e in logged(minimal_event, "ide")]
    assert found == [entry]
    assert log_problems(minimal_event) == []


# --------------------------------------------------------------------------- options checked before the loop


@pytest.mark.parametrize("command,options,shown", [
    ("stempel", ["--meja", "A-01", "--konsultan", "TIK-99"], "Konsultan 'TIK-99' tidak ada"),
    ("registrasi", ["--perangkat", "REG 1"], "--perangkat 'REG 1' tidak sah"),
    ("nilai", ["--perangkat", "A 01"], "--perangkat 'A 01' tidak sah"),
    ("ide", ["--perangkat", "J3/1"], "--perangkat 'J3/1' tidak sah"),
    ("komitmen", ["--perangkat", "J3 1"], "--perangkat 'J3 1' tidak sah"),
])
def test_bad_options_stop_a_desk_before_the_first_scan(minimal_event, command, options, shown):
    result = run(command, str(minimal_event), *options, input="P-0001\n")
    assert result.exit_code == 2, result.output
    assert shown in result.output
    assert "Suparman" not in result.output  # nobody was scanned
    assert not (minimal_event / "log").exists() or not list((minimal_event / "log").glob("*/*.yaml"))


# --------------------------------------------------------------------------- APBDes year at Jendela 3


@pytest.mark.parametrize("typed_years,year,shown", [
    ("2O27\n27\n2029\n", 2029, ["'2O27' tidak sah: tulis empat angka", "'27' tidak sah"]),
    ("1999\n\n", 2027, ["Tahun APBDes 1999 tidak sah: harus antara 2015 dan 2100"]),
    ("\n", 2027, []),
])
def test_mistyped_year_is_asked_again(tmp_path, typed_years, year, shown):
    root = make_event(tmp_path / "ev", STAMPED)
    result = run("komitmen", str(root), "--perangkat", "J3-1", input=f"{BULU}\n1\n{typed_years}y\ny\n")
    assert result.exit_code == 0, result.output
    for text in shown:
        assert text in result.output
    assert [c["tahun_apbdes"] for c in logged(root, "komitmen", "J3-1")] == [year]


def test_brackets_in_event_data_are_shown_as_typed(tmp_path):
    odd = "[/]x[b]y"
    inovasi = minimal_data("inovasi.yaml")
    inovasi[0] = {**inovasi[0], "judul": f"Posyandu {odd}"}
    root = make_event(tmp_path / "ev", {**STAMPED, "inovasi.yaml": inovasi})
    result = run("komitmen", str(root), "--perangkat", "J3-1", input=f"{BULU}\n1\n\ny\ny\n")
    assert result.exit_code == 0, result.output
    assert result.output.count(f"INO-001 Posyandu {odd}") == 2  # the stamped table and the card
    stamped = run("stempel", str(root), "--meja", "A-01", "--peserta", "P-0003")
    assert stamped.exit_code == 0, stamped.output
    assert f"INO-001 Posyandu {odd}" in stamped.output
