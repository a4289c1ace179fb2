"""Seat assignment in the Ruang Pleno: who sits where, and when the room is too small."""

from __future__ import annotations

import json

import pytest
import yaml
from docs_support import build, event_changes
from render_helpers import run
from support import dump_yaml, make_event

from bursa_cli.check import validate_event

from bursa_cli.seating import check_seating, layout_of, plan_seating, row_letter
from bursa_cli.schema.event import load_event
from bursa_cli.schema.models import Ruang


def load(root):
    result = load_event(root)
    assert [p for p in result.problems if p.is_error] == []
    return result.event


@pytest.mark.parametrize("desa, officials, kapasitas, room", [
    (12, 5, 60, {}),
    (40, 9, 100, {}),
    (30, 13, 75, {"blok": 3, "kursi_per_baris": 7}),  # 73 people, 3 blocks of 7
    (7, 2, 16, {}),  # exactly full: 14 + 2 seats
    (25, 4, 54, {"blok": 1, "kursi_per_baris": 9}),  # 54 seats for 54 people, odd rows
])
def test_everyone_seated_officials_in_front_villages_together(tmp_path, desa, officials, kapasitas, room):
    event = load(build(tmp_path / "e", desa=desa, officials=officials, kapasitas=kapasitas, room=room))
    plan = plan_seating(event)
    coming = [p for p in event.peserta if p.konfirmasi != "tidak"]

    # nobody left out, nobody seated twice
    assert plan.unseated == []
    assert sorted(s.peserta.id for s in plan.seated) == sorted(p.id for p in coming)
    positions = [(s.seat.row, s.seat.block, s.seat.number) for s in plan.seated]
    assert len(set(positions)) == len(positions)

    # officials strictly in front of every village participant
    official_rows = [s.seat.row for s in plan.seated if s.official]
    village_rows = [s.seat.row for s in plan.seated if not s.official]
    assert len(official_rows) == officials
    assert max(official_rows) <= min(village_rows)

    # each village sits in one run of seats, Kepala Desa first; kecamatan follow acara.yaml's order
    order = [s.peserta.desa for s in plan.seated if not s.official]
    seen = []
    for kode in order:
        if not seen or seen[-1] != kode:
            assert kode not in seen, f"desa {kode} terpisah"
            seen.append(kode)
    kecamatan = [k.rsplit(".", 1)[0] for k in seen]
    assert kecamatan == sorted(kecamatan)
    for item in plan.seated:
        if item.peserta.peran == "kepala-desa":
            partner = next(s for s in plan.seated
                           if s.peserta.desa == item.peserta.desa and s.peserta.peran == "ketua-bpd")
            assert positions.index((partner.seat.row, partner.seat.block, partner.seat.number)) == \
                positions.index((item.seat.row, item.seat.block, item.seat.number)) + 1
    assert check_seating(event) == []


def test_pairs_stay_in_one_block_row_when_there_is_room(tmp_path):
    # 9 officials fill row A but one seat; every village pair must then sit side by side, never across an aisle
    event = load(build(tmp_path / "e", desa=20, officials=9, kapasitas=100))
    plan = plan_seating(event)
    by_desa = {}
    for item in plan.seated:
        if not item.official:
            by_desa.setdefault(item.peserta.desa, []).append(item.seat)
    for seats in by_desa.values():
        assert len({(s.row, s.block) for s in seats}) == 1
        assert [s.number for s in seats] == list(range(seats[0].number, seats[0].number + len(seats)))
    # villages start on a fresh row after the officials
    first_village = next(s for s in plan.seated if not s.official)
    assert first_village.seat.row == 1 and first_village.seat.block == 0 and first_village.seat.number == 1


def test_declined_participants_get_no_seat(tmp_path):
    changes = event_changes(desa=4, officials=2, kapasitas=20)
    changes["peserta.yaml"][0]["konfirmasi"] = "tidak"
    event = load(make_event(tmp_path / "e", changes))
    plan = plan_seating(event)
    assert changes["peserta.yaml"][0]["id"] not in plan.by_peserta
    assert len(plan.seated) == 4 * 2 + 2 - 1


def test_same_data_same_seats_whatever_the_file_order(tmp_path):
    changes = event_changes(desa=15, officials=6, kapasitas=60)
    first = plan_seating(load(make_event(tmp_path / "a", changes))).by_peserta
    changes["peserta.yaml"].reverse()
    changes["desa.yaml"].reverse()
    second = plan_seating(load(make_event(tmp_path / "b", changes))).by_peserta
    assert {k: v.label for k, v in first.items()} == {k: v.label for k, v in second.items()}


@pytest.mark.parametrize("room, seat, label", [
    ({"kapasitas": 20}, (0, 0, 7), "A-07"),
    ({"kapasitas": 100}, (1, 1, 5), "Blok 2 / B-05"),
    ({"kapasitas": 100, "blok": 3, "kursi_per_baris": 8}, (27, 2, 12), "Blok 3 / AB-12"),
])
def test_seat_labels(room, seat, label):
    from bursa_cli.seating import Seat

    ruang = Ruang(kode="J1", nama="Ruang Pleno", jenis="pleno", **room)
    assert Seat(*seat, blocks=layout_of(ruang).blok).label == label


@pytest.mark.parametrize("kapasitas, expected", [
    (20, (1, 8, 3, 20)),
    (200, (2, 10, 10, 200)),
    (205, (2, 10, 11, 205)),
    (850, (3, 12, 24, 850)),
    (1800, (4, 12, 38, 1800)),
])
def test_default_layout_from_kapasitas(kapasitas, expected):
    layout = layout_of(Ruang(kode="J1", nama="Pleno", jenis="pleno", kapasitas=kapasitas))
    assert (layout.blok, layout.kursi_per_baris, layout.baris, layout.seats) == expected


def test_row_letters_continue_past_z():
    assert [row_letter(i) for i in (0, 1, 25, 26, 27, 51, 52)] == ["A", "B", "Z", "AA", "AB", "AZ", "BA"]


def test_too_small_room_is_an_error_at_kapasitas_line(tmp_path):
    changes = event_changes(desa=10, officials=3, kapasitas=20)  # 23 coming, 20 seats
    acara = dump_yaml(changes["acara.yaml"])
    changes["acara.yaml"] = acara  # written as-is so the line is known
    root = make_event(tmp_path / "e", changes)
    lines = acara.splitlines()
    pleno = lines.index("  - kode: J1")
    kapasitas_line = next(i for i in range(pleno, len(lines)) if "kapasitas:" in lines[i]) + 1

    event = load(root)
    problems = check_seating(event)
    assert len(problems) == 1
    problem = problems[0]
    assert problem.is_error
    assert (problem.file, problem.line) == ("acara.yaml", kapasitas_line)
    assert "20 kursi" in problem.message and "23 peserta" in problem.message and "kurang 3 kursi" in problem.message

    plan = plan_seating(event)
    assert len(plan.seated) == 20 and len(plan.unseated) == 3


def test_explicit_layout_smaller_than_kapasitas(tmp_path):
    changes = event_changes(desa=10, officials=3, kapasitas=30, room={"baris": 2, "kursi_per_baris": 5, "blok": 2})
    event = load(make_event(tmp_path / "e", changes))
    problems = check_seating(event)
    messages = [(p.level, p.path, p.message) for p in problems]
    assert any(level == "peringatan" and "hanya 20 kursi" in m for level, _, m in messages)
    error = next(p for p in problems if p.is_error)
    assert error.path.endswith("baris") and "kurang 3 kursi" in error.message


def test_no_pleno_room(tmp_path):
    changes = event_changes(desa=2, officials=1)
    changes["acara.yaml"]["tempat"]["ruang"] = [r for r in changes["acara.yaml"]["tempat"]["ruang"]
                                                if r["jenis"] != "pleno"]
    event = load(make_event(tmp_path / "e", changes))
    problems = check_seating(event)
    assert len(problems) == 1 and "pleno" in problems[0].message and problems[0].file == "acara.yaml"
    assert problems[0].line > 0


# --------------------------------------------------------------------------- seats kept once printed

def printed_seats(root) -> dict[str, str]:
    """What log/kursi/ holds: peserta id -> seat label (last entry wins), read raw."""
    found = {}
    for path in sorted((root / "log" / "kursi").glob("*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("- {"):
                entry = json.loads(line[2:])
                found[entry["peserta"]] = entry["kursi"]
    return found


def new_member(people, template_index, new_id, **fields):
    """A new participant from the same village as people[template_index]."""
    return dict(people[template_index], id=new_id, nama=f"Baru {new_id}", konfirmasi="ya", **fields)


SEAT_CHANGES = {
    "satu peserta batal": lambda people: people[6].update(konfirmasi="tidak"),
    "pejabat batal": lambda people: people[-1].update(konfirmasi="tidak"),
    "peserta dihapus": lambda people: people.pop(0),
    "urutan berkas berubah": lambda people: people.reverse(),
    "perangkat desa ditambah": lambda people: people.append(
        new_member(people, 0, "P-0901", peran="perangkat-desa")),
    "camat ditambah di depan": lambda people: people.insert(0, {
        "id": "O-901", "nama": "Camat Baru", "peran": "camat", "kecamatan": "33.23.02", "konfirmasi": "ya"}),
    "batal dan ditambah": lambda people: (people[10].update(konfirmasi="tidak"), people.extend(
        new_member(people, 2 * k, f"P-09{k:02d}", peran="perangkat-desa") for k in range(1, 6))),
}


@pytest.mark.parametrize("change", SEAT_CHANGES, ids=list(SEAT_CHANGES))
def test_printed_seats_stay_when_peserta_changes(tmp_path, change):
    changes = event_changes(desa=12, officials=5, kapasitas=40)
    root = make_event(tmp_path / "e", changes)
    run("kartu-id", root)
    printed = printed_seats(root)
    assert printed == {k: v.label for k, v in plan_seating(load(root)).by_peserta.items()}
    assert len(printed) == 29

    people = changes["peserta.yaml"]
    SEAT_CHANGES[change](people)
    (root / "peserta.yaml").write_text(dump_yaml(people), encoding="utf-8")
    event = load(root)
    plan = plan_seating(event)
    after = {k: v.label for k, v in plan.by_peserta.items()}

    assert {k: after[k] for k in printed if k in after} == {k: v for k, v in printed.items() if k in after}
    coming = {p["id"] for p in people if p["konfirmasi"] != "tidak"}
    assert set(after) == coming and plan.unseated == []
    assert len(set(after.values())) == len(after)  # nobody shares a seat
    if change == "batal dan ditambah":  # the newcomer from P-0011's village takes the seat P-0011 left
        assert after["P-0905"] == printed["P-0011"]
    problems = [(p.file, p.level, p.message) for p in validate_event(root).problems]
    if change == "peserta dihapus":  # the printed badge of someone no longer listed is worth a word
        assert problems == [("log/kursi/kartu-id.yaml", "peringatan",
                             f"Kartu ID P-0001 sudah dicetak dengan kursi {printed['P-0001']}, tetapi peserta "
                             "'P-0001' tidak ada lagi di peserta.yaml; kursinya kini bebas. Bila hanya "
                             "batal hadir, kembalikan datanya dengan konfirmasi: tidak."),
                            ("desa.yaml", "peringatan",  # and so is a village left without its Kepala Desa
                             "Desa Desa 001 belum punya peserta berperan Kepala Desa; namanya dikosongkan di "
                             "Kartu Komitmen.")]
    else:
        assert problems == []


def test_kartu_id_records_seats_once_and_previews_record_nothing(minimal_event):
    run("kartu-id", minimal_event, contoh=2)
    assert not (minimal_event / "log" / "kursi").exists()

    produced = run("kartu-id", minimal_event)
    log = minimal_event / "log" / "kursi" / "kartu-id.yaml"
    assert printed_seats(minimal_event) == {"P-0001": "A-01", "P-0002": "A-02", "P-0003": "A-03", "P-0004": "A-04"}
    assert any("4 kursi yang tercetak dicatat di log/kursi/kartu-id.yaml" in note for note in produced.notes)
    first = log.read_text(encoding="utf-8")
    assert first.startswith("# Kursi yang tercetak di Kartu ID")

    again = run("kartu-id", minimal_event)
    assert log.read_text(encoding="utf-8") == first  # a reprint records nothing new
    assert not any("kursi" in note for note in again.notes)

    people = yaml.safe_load((minimal_event / "peserta.yaml").read_text(encoding="utf-8"))
    people[0]["konfirmasi"] = "tidak"
    people.append(dict(people[1], id="P-0005", nama="Sutrisno", peran="perangkat-desa", konfirmasi="ya"))
    (minimal_event / "peserta.yaml").write_text(dump_yaml(people), encoding="utf-8")
    run("kartu-id", minimal_event)
    text = log.read_text(encoding="utf-8")
    assert text.startswith(first)  # only appended
    added = [json.loads(line[2:]) for line in text[len(first):].splitlines()]
    assert [(e["peserta"], e["kursi"]) for e in added] == [("P-0005", "A-01")]  # the seat P-0001 left
    assert all(e["waktu"].endswith("+07:00") for e in added)
