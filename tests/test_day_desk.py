"""The desk dialogue's decisions (day/desk.py) and the desks that use them, with input as typed or scanned."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bursa_cli.day import Day, Refused, stamp
from bursa_cli.day.desks.stempel import check_konsultan
from bursa_cli.day.actions import normal_phone
from bursa_cli.day.desk import chosen_many, read_confirm, read_score, split_ids
from bursa_cli.errors import UsageError
from support import bursa, make_event, minimal_data, plain

BULU, TEGALURUNG = "33.23.01.2001", "33.23.01.2002"
STAMPED = {"log/stempel/A-01.yaml": [
    {"waktu": "2026-11-12T10:00:00+07:00", "peserta": "P-0001", "inovasi": "INO-001", "meja": "A-01"},
    {"waktu": "2026-11-12T10:05:00+07:00", "peserta": "P-0002", "inovasi": "INO-001", "meja": "A-01"}]}


def logged(root: Path, kind: str) -> list[dict]:
    return [json.loads(line[2:]) for path in sorted((root / "log" / kind).glob("*.yaml"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("- {")]


# --------------------------------------------------------------------------- pure decisions


@pytest.mark.parametrize("typed,yes,scan", [
    ("y", True, None), ("Ya", True, None), ("", False, None), ("t", False, None), (None, False, None),
    ("P-0001", False, "P-0001"), ("tamu-003", False, "tamu-003"), ("W-REG-1-002", False, "W-REG-1-002"),
])
def test_a_scan_is_never_a_yes_or_no(typed, yes, scan):
    answer = read_confirm(typed)
    assert (answer.yes, answer.scan, answer.answered) == (yes, scan, scan is None)


@pytest.mark.parametrize("typed,ids", [
    ("1, INO-002", ["INO-001", "INO-002"]), ("1 2", ["INO-001", "INO-002"]), ("INO-009;1", ["INO-009", "INO-001"]),
    ("9", ["9"]), ("1,1", ["INO-001"]), ("ino-002", ["INO-002"]), ("", []),
])
def test_jendela3_choice_list(typed, ids):
    offered = [{"id": "INO-001", "judul": "Posyandu Remaja"}, {"id": "INO-002", "judul": "Jalan Rabat Beton"}]
    assert chosen_many(typed, offered) == ids


def test_repeated_and_comma_separated_ids_are_split():
    assert split_ids(["INO-009,INO-001", "INO-002"]) == ["INO-009", "INO-001", "INO-002"]
    assert split_ids("INO-009, INO-001") == ["INO-009", "INO-001"]


@pytest.mark.parametrize("typed,found", [
    (BULU, BULU), ("Tegalurung", TEGALURUNG), ("desa bulu", BULU), ("P-0003", TEGALURUNG), ("zzz", None),
])
def test_a_village_by_code_name_or_kartu_id(tmp_path, typed, found):
    """`--desa` at Jendela 3 takes a code, a village's exact name (not every village of Kec. Bulu) or a
    Kepala Desa's Kartu ID."""
    root = make_event(tmp_path / "ev", STAMPED)
    result = bursa("komitmen", root, "--perangkat", "J3-1", "--desa", typed, "--inovasi", "INO-002",
                   "--alasan", "INO-002=Jalan produksi rusak", "--ttd-kepala-desa", "--ttd-ketua-bpd")
    if found is None:
        assert result.exit_code == 1 and "Desa 'zzz' tidak ada di desa.yaml" in plain(result.output)
        assert logged(root, "komitmen") == []
    else:
        assert result.exit_code == 0, result.output
        assert [card["desa"] for card in logged(root, "komitmen")] == [found]


@pytest.mark.parametrize("typed,phone", [
    ("0812 3456 7001", "081234567001"), ("+62 812-3456-7001", "081234567001"), ("", None), (None, None),
])
def test_phones_are_written_as_import_writes_them(typed, phone):
    assert normal_phone(typed) == phone


@pytest.mark.parametrize("typed", ["0", "6", "4.5", "empat", ""])
def test_bad_scores_are_refused(typed):
    with pytest.raises(Refused, match="harus angka 1 sampai 5"):
        read_score(typed)


@pytest.mark.parametrize("perangkat,peserta,shown", [
    ("A-01", "P-0001", [" 1. INO-002 Jalan Rabat Beton Swadaya", " 2. INO-001 Posyandu Remaja"]),  # stamped, then own
    ("J3-1", "P-0001", ["Inovasi: INO-002 Jalan Rabat Beton Swadaya"]),  # only the stamped one: no choice
    ("J3-1", "P-0003", [" 1. INO-001 Posyandu Remaja", " 2. INO-002 Jalan Rabat Beton Swadaya"]),  # the menu
])
def test_rating_offers_the_participants_stamped_innovations_first(tmp_path, perangkat, peserta, shown):
    root = make_event(tmp_path / "ev", {"log/stempel/A-02.yaml": [
        {"waktu": "2026-11-12T10:00:00+07:00", "peserta": "P-0001", "inovasi": "INO-002", "meja": "A-02"}]})
    result = bursa("nilai", root, "--perangkat", perangkat, input=f"{peserta}\n")
    assert result.exit_code == 0, result.output
    said = plain(result.output)
    assert all(text in said for text in shown), said
    assert said.index(shown[0]) <= said.index(shown[-1])


def test_a_consultant_of_another_desk_is_refused(minimal_event):
    day = Day.open(minimal_event)
    with pytest.raises(UsageError) as refused:
        check_konsultan(day, "TIK-02", "A-01")
    assert "Konsultan TIK-02 (Agus Santoso, S.T.) bertugas di meja A-02 menurut panitia.yaml" in refused.value.message
    assert "Meja A-01 dijaga TIK-01" in refused.value.hint
    with pytest.raises(UsageError):
        stamp(day, "A-01", "P-0001", konsultan="TIK-02")
    assert not (minimal_event / "log" / "stempel").exists()
    check_konsultan(day, "TIK-01", "A-01")  # the desk's own consultant


def test_a_consultant_without_a_desk_may_not_stamp_at_a_guarded_desk(tmp_path):
    panitia = minimal_data("panitia.yaml")
    root = make_event(tmp_path / "ev", {"panitia.yaml": panitia})
    with pytest.raises(UsageError, match="PAN-01 .* tidak tercatat menjaga meja mana pun"):
        check_konsultan(Day.open(root), "PAN-01", "A-01")


# --------------------------------------------------------------------------- desks


def test_a_scan_at_a_yes_no_question_is_kept_for_the_next_participant(tmp_path):
    root = make_event(tmp_path / "ev", STAMPED)
    result = bursa("stempel", root, "--meja", "A-01", input="P-0001\nP-0003\n")
    assert result.exit_code == 0, result.output
    shown = plain(result.output)
    assert "P-0003 tampak seperti Kartu ID yang dipindai, bukan jawaban" in shown
    assert "Stempel INO-001 Posyandu Remaja untuk Sri Lestari (P-0003) tercatat" in shown
    assert [(e["peserta"]) for e in logged(root, "stempel")] == ["P-0001", "P-0002", "P-0003"]


def test_a_scan_at_the_signature_question_records_no_card(tmp_path):
    root = make_event(tmp_path / "ev", STAMPED)
    typed = f"{BULU}\n1\n\ny\nP-0003\nINO-002\nDiminta warga\n\ny\ny\n"
    result = bursa("komitmen", root, "--perangkat", "J3-1", input=typed)
    assert result.exit_code == 0, result.output
    assert "Tidak dicatat; catat lagi setelah peserta berikutnya." in plain(result.output)
    assert [c["desa"] for c in logged(root, "komitmen")] == [TEGALURUNG]


def test_stempel_warns_about_a_participant_not_registered(minimal_event):
    result = bursa("stempel", minimal_event, "--meja", "A-01", input="P-0001\n")
    assert "PERINGATAN: Suparman (P-0001) belum tercatat di registrasi" in plain(result.output)
    assert len(logged(minimal_event, "stempel")) == 1
    assert bursa("registrasi", minimal_event, "--perangkat", "REG-1", "--id", "P-0002").exit_code == 0
    registered = bursa("stempel", minimal_event, "--meja", "A-01", "--peserta", "P-0002")
    assert registered.exit_code == 0 and "belum tercatat di registrasi" not in plain(registered.output)


def test_stempel_refuses_a_consultant_of_another_desk_before_the_first_scan(minimal_event):
    result = bursa("stempel", minimal_event, "--meja", "A-01", "--konsultan", "TIK-02", input="P-0001\n")
    assert result.exit_code == 2 and "bertugas di meja A-02" in plain(result.output)
    assert not (minimal_event / "log" / "stempel").exists()


def test_nilai_checks_the_id_first_and_offers_the_stamped_innovation(tmp_path):
    root = make_event(tmp_path / "ev", STAMPED)
    result = bursa("nilai", root, "--perangkat", "J3-1", input="P-9999\nP-0001\n0\n5\nbagus\n")
    assert result.exit_code == 0, result.output
    shown = plain(result.output)
    assert "DITOLAK: Id peserta 'P-9999' tidak dikenal" in shown
    assert shown.index("P-9999") < shown.index("Nilai (1-5")  # refused before any other question
    assert "DITOLAK: Nilai '0' tidak sah" in shown  # refused at once, asked again
    assert [(e["peserta"], e["inovasi"], e["nilai"]) for e in logged(root, "penilaian")] == [("P-0001", "INO-001", 5)]


def test_ide_checks_the_id_first(minimal_event):
    result = bursa("ide", minimal_event, "--perangkat", "J3-1", input="P-9999\nP-0001\nLumbung Pangan\n\n1\n")
    assert result.exit_code == 0, result.output
    shown = plain(result.output)
    assert "DITOLAK: Id peserta 'P-9999' tidak dikenal" in shown
    assert shown.index("DITOLAK") < shown.index("Nama inovasi")
    assert [(e["peserta"], e["judul"]) for e in logged(minimal_event, "ide")] == [("P-0001", "Lumbung Pangan")]


def test_komitmen_once_takes_a_village_name_and_a_comma_list(tmp_path):
    root = make_event(tmp_path / "ev", {**STAMPED, "log/stempel/A-02.yaml": [
        {"waktu": "2026-11-12T10:00:00+07:00", "peserta": "P-0003", "inovasi": "INO-002", "meja": "A-02"},
        {"waktu": "2026-11-12T10:01:00+07:00", "peserta": "P-0003", "inovasi": "INO-001", "meja": "A-01"}]})
    result = bursa("komitmen", root, "--perangkat", "J3-1", "--desa", "Tegalurung", "--inovasi", "INO-002,INO-001",
                   "--ttd-kepala-desa", "--ttd-ketua-bpd")
    assert result.exit_code == 0, result.output
    assert [(c["desa"], c["inovasi"]) for c in logged(root, "komitmen")] == [(TEGALURUNG, ["INO-002", "INO-001"])]
    again = bursa("komitmen", root, "--perangkat", "J3-2", "--desa", "Tegalurung", "--inovasi", "INO-002",
                  "--ttd-kepala-desa", "--ttd-ketua-bpd")
    assert again.exit_code == 1
    assert "sudah dicatat" in plain(again.output) and "menggantikannya" not in plain(again.output)
    assert "--ulang" in plain(again.output)


def test_komitmen_needs_its_own_device_name(minimal_event):
    result = bursa("komitmen", minimal_event, "--desa", BULU, "--inovasi", "INO-001")
    assert result.exit_code == 2 and "--perangkat" in plain(result.output)


def test_apbdes_year_message_names_the_year_the_event_set(tmp_path):
    root = make_event(tmp_path / "ev", {**STAMPED, "log/komitmen/J3-1.yaml": [
        {"waktu": "2026-11-12T12:00:00+07:00", "desa": BULU, "inovasi": ["INO-001"], "tahun_apbdes": 2028,
         "ttd_kepala_desa": True, "ttd_ketua_bpd": True}]})
    shown = plain(bursa("validasi", root).output)
    assert "Tahun APBDes 2028 berbeda dengan tahun APBDes yang ditetapkan acara (2027, acara.yaml: tahun_apbdes)" in shown


@pytest.mark.parametrize("command,options,typed,kind", [
    ("registrasi", ["--perangkat", "REG-1"], "+baru\nP-0002\n", "registrasi"),  # at "Nama lengkap"
    ("ide", ["--perangkat", "J3-1"], "\nP-0002\nLumbung\n\n\n\n", "ide"),  # at "Nama inovasi"
])
def test_a_scan_typed_as_a_name_or_title_is_kept_for_the_next_participant(minimal_event, command, options, typed,
                                                                          kind):
    result = bursa(command, minimal_event, *options, input=typed)
    assert result.exit_code == 0, result.output
    assert "P-0002 tampak seperti Kartu ID yang dipindai" in plain(result.output)
    entries = logged(minimal_event, kind) if (minimal_event / "log" / kind).exists() else []
    assert "P-0002" not in [e.get("judul") for e in entries] + [e.get("tanpa_undangan", {}).get("nama") for e in entries]
    if kind == "registrasi":
        assert [e["peserta"] for e in entries] == ["P-0002"]  # the held scan checked P-0002 in
    else:
        assert [(e["peserta"], e["judul"]) for e in entries] == [("P-0002", "Lumbung")]


@pytest.mark.parametrize("count", [3, 12])
def test_a_long_choice_wraps_under_its_text_not_under_its_number(count):
    """80 columns: a numbered innovation too long for one line continues under its title, as a list on paper."""
    from rich.console import Console

    from bursa_cli.present import use
    from bursa_cli.present.hari import show_numbered

    long = "INO-023 Talud dan Drainase dari Batu Kali Setempat (Infrastruktur) · 2 stempel"
    with use(Console(width=60, record=True, highlight=False)) as shown:
        show_numbered(["INO-001 Posyandu Remaja"] * (count - 1) + [long])
    lines = [line.rstrip() for line in shown.export_text().splitlines()]
    assert lines[0] == " 1. INO-001 Posyandu Remaja"
    last = lines.index(next(line for line in lines if "INO-023" in line))
    assert lines[last].startswith(f"{count:>2}. INO-023 Talud")
    assert len(lines) == count + 1 and lines[last + 1].startswith("    ") and lines[last + 1].strip()
    assert " ".join(line.strip() for line in lines[last:]) == f"{count}. {long}"
