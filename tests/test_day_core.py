"""The day's core functions, called directly: several desks on one folder."""

from __future__ import annotations

import pytest

from bursa_cli.day import (
    Day, Refused, Repeat, add_walk_in, check_in, record_commitment, search_peserta, stamp, stamped_for_desa,
)
from bursa_cli.schema.event import load_event

BULU, TEGALURUNG = "33.23.01.2001", "33.23.01.2002"


def test_two_windows_on_one_device_never_share_a_walk_in_id(minimal_event):
    left, right = Day.open(minimal_event), Day.open(minimal_event)
    ids = [add_walk_in(day, "REG-1", f"Tamu {n}", "media", instansi="Radio").peserta.id
           for n, day in enumerate([left, right, left, right])]
    assert ids == ["W-REG-1-001", "W-REG-1-002", "W-REG-1-003", "W-REG-1-004"]
    assert len(load_event(minimal_event).event.registrasi) == 4


def test_a_desk_sees_what_another_desk_wrote(minimal_event):
    registration, desk = Day.open(minimal_event), Day.open(minimal_event)
    check_in(registration, "REG-1", "P-0001")
    assert check_in(desk, "REG-2", "P-0001").earlier.by == "REG-1"  # found across devices
    stamp(registration, "A-01", "P-0002")
    with pytest.raises(Repeat):
        stamp(desk, "A-01", "P-0002")


def test_walk_in_stamps_count_for_their_village(minimal_event):
    day = Day.open(minimal_event)
    guest = add_walk_in(day, "REG-1", "Darmini", "perangkat-desa", desa=TEGALURUNG).peserta
    stamp(day, "A-02", guest.id)
    assert [(s.inovasi.id, s.count) for s in stamped_for_desa(day, TEGALURUNG)] == [("INO-002", 1)]
    assert stamped_for_desa(day, BULU) == []


@pytest.mark.parametrize("kwargs,message", [
    ({"nama": "Joko", "peran": "kepala-desa"}, "wajib menyebut desanya"),
    ({"nama": "Joko", "peran": "kepala-desa", "desa": "33.23.09.2999"}, "tidak ada di desa.yaml"),
    ({"nama": "Joko", "peran": "bupati"}, "Data peserta baru tidak sah (peran)"),
    ({"nama": "  ", "peran": "media"}, "Nama peserta baru wajib diisi"),
])
def test_walk_in_refusals(minimal_event, kwargs, message):
    with pytest.raises(Refused, match=message.replace("(", r"\(").replace(")", r"\)")):
        add_walk_in(Day.open(minimal_event), "REG-1", **kwargs)
    assert not (minimal_event / "log" / "registrasi").exists()


@pytest.mark.parametrize("text,ids", [
    ("suparman", ["P-0001"]),
    ("SRI les", ["P-0003"]),
    ("tegalurung", ["P-0003", "P-0004"]),
    ("bulu", ["P-0001", "P-0002", "P-0003", "P-0004"]),  # kecamatan Bulu holds both villages
    ("", []),
])
def test_search(minimal_event, text, ids):
    assert [p.id for p in search_peserta(Day.open(minimal_event), text)] == ids


def test_commitment_lists_each_innovation_once(minimal_event):
    day = Day.open(minimal_event)
    stamp(day, "A-01", "P-0001")
    card = record_commitment(day, "J3", BULU, ["INO-001", "ino-001"], None, True, True)
    assert [i.id for i in card.inovasi] == ["INO-001"]
    assert load_event(minimal_event).event.komitmen[0].inovasi == ["INO-001"]


def test_struck_innovation_is_not_on_the_menu(tmp_path):
    from support import make_event, minimal_data

    inovasi = minimal_data("inovasi.yaml")
    inovasi[1]["sortir"] = {"keputusan": "dicoret", "opd": "DINKES"}
    root = make_event(tmp_path / "ev", {"inovasi.yaml": inovasi})
    day = Day.open(root)
    with pytest.raises(Refused, match="tidak termasuk menu"):
        record_commitment(day, "J3", BULU, ["INO-002"], None, True, True, {"INO-002": "alasan"})
