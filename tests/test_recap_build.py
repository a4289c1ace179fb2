"""The recap's numbers against counts made here, independently, from the raw files."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from bursa_cli.errors import DataError, UsageError
from bursa_cli.recap import recap_event
from support import make_event, minimal_data


def raw_log(root: Path, kind: str) -> list[dict]:
    """Every entry of log/<kind>/*.yaml, parsed line by line with json (not with bursa's reader)."""
    entries = []
    for path in sorted((root / "log" / kind).glob("*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("- {"):
                entries.append(json.loads(line[2:]))
    return entries


def raw_yaml(root: Path, name: str):
    return yaml.safe_load((root / name).read_text(encoding="utf-8"))


def independent_counts(root: Path) -> dict:
    """The recap's key figures, computed straight from the files."""
    peserta = {p["id"]: p for p in raw_yaml(root, "peserta.yaml")}
    for entry in raw_log(root, "registrasi"):
        if entry.get("tanpa_undangan"):
            peserta.setdefault(entry["peserta"], entry["tanpa_undangan"])
    inovasi = {i["id"]: i for i in raw_yaml(root, "inovasi.yaml")}
    latest: dict[str, tuple[datetime, dict]] = {}
    for card in raw_log(root, "komitmen"):  # later time wins; on a tie, the later line
        moment = datetime.fromisoformat(card["waktu"])
        if card["desa"] not in latest or moment >= latest[card["desa"]][0]:
            latest[card["desa"]] = (moment, card)
    cards = {desa: card for desa, (_, card) in latest.items()}
    per_inovasi = Counter(i for card in cards.values() for i in dict.fromkeys(card["inovasi"]))
    per_bidang = Counter()
    for ino_id, count in per_inovasi.items():
        per_bidang[inovasi[ino_id]["bidang"]] += count
    per_kecamatan = Counter()
    for desa, card in cards.items():
        per_kecamatan[desa.rsplit(".", 1)[0]] += len(dict.fromkeys(card["inovasi"]))
    hadir = {peserta[e["peserta"]].get("desa") for e in raw_log(root, "registrasi")} - {None}
    ratings: dict[tuple, int] = {}
    for entry in sorted(raw_log(root, "penilaian"), key=lambda e: datetime.fromisoformat(e["waktu"])):
        ratings[(entry["peserta"], entry["inovasi"])] = entry["nilai"]
    by_ino = defaultdict(list)
    for (_, ino), value in ratings.items():
        by_ino[ino].append(value)
    return {
        "komitmen": sum(per_inovasi.values()),
        "desa_komitmen": len(cards),
        "stempel": len(raw_log(root, "stempel")),
        "ide": len(raw_log(root, "ide")),
        "desa_hadir": len(hadir),
        "desa_diundang": len(raw_yaml(root, "desa.yaml")),
        "per_inovasi": per_inovasi,
        "konsultasi": Counter(e["inovasi"] for e in raw_log(root, "stempel")),
        "per_bidang": per_bidang,
        "per_kecamatan": per_kecamatan,
        "nilai": {ino: round(sum(v) / len(v), 2) for ino, v in by_ino.items()},
        "tanpa": sorted(hadir - set(cards)),
    }


def test_totals_match_raw_logs(contoh_event):
    want = independent_counts(contoh_event)
    recap = recap_event(contoh_event)
    s = recap.ringkasan
    assert (s.komitmen, s.desa_komitmen, s.stempel, s.ide, s.desa_hadir, s.desa_diundang) == (
        want["komitmen"], want["desa_komitmen"], want["stempel"], want["ide"], want["desa_hadir"],
        want["desa_diundang"])
    assert want["komitmen"] > 0 and want["stempel"] > 0  # the example really has data
    assert {i.id: i.desa_komitmen for i in recap.inovasi if i.desa_komitmen} == dict(want["per_inovasi"])
    assert {i.id: i.konsultasi for i in recap.inovasi if i.konsultasi} == dict(want["konsultasi"])
    assert {i.id: i.nilai_rata for i in recap.inovasi if i.nilai_rata is not None} == want["nilai"]
    assert {b.bidang: b.komitmen for b in recap.bidang if b.komitmen} == dict(want["per_bidang"])
    assert {k.kode: k.komitmen for k in recap.kecamatan if k.komitmen} == dict(want["per_kecamatan"])
    assert [t.kode for t in recap.tanpa_komitmen] == want["tanpa"]
    assert sum(d.komitmen for d in recap.desa) == want["komitmen"]


def test_p2ktd_follow_up_lists_every_village_innovation_provider(contoh_event):
    recap = recap_event(contoh_event)
    inovasi = {i["id"]: i for i in raw_yaml(contoh_event, "inovasi.yaml")}
    expected = sorted((p, d.kode, ino) for d in recap.desa for ino in d.inovasi
                      for p in inovasi[ino].get("p2ktd", []))
    assert sorted((r.p2ktd, r.desa_kode, r.inovasi) for r in recap.p2ktd) == expected
    assert expected


CARD = {"tahun_apbdes": 2027, "ttd_kepala_desa": True, "ttd_ketua_bpd": True}


def test_latest_card_counts_by_time_not_by_file_order(tmp_path):
    root = make_event(tmp_path / "ev", {
        # The later card (11:00) is written first, in another desk's file.
        "log/komitmen/J3-1.yaml": [{"waktu": "2026-11-12T11:00:00+07:00", "desa": "33.23.01.2001",
                                     "inovasi": ["INO-002"], **CARD}],
        "log/komitmen/J3-2.yaml": [{"waktu": "2026-11-12T10:00:00+07:00", "desa": "33.23.01.2001",
                                     "inovasi": ["INO-001", "INO-002"], **CARD}],
    })
    recap = recap_event(root)
    bulu = next(d for d in recap.desa if d.kode == "33.23.01.2001")
    assert bulu.inovasi == ["INO-002"]
    assert recap.ringkasan.komitmen == 1


@pytest.mark.parametrize("kecamatan, bidang, desa_expected, komitmen_expected", [
    (None, None, 40, None),
    ("Bulu", None, 10, "Bulu"),
    ("33.23.01", None, 10, "Bulu"),
    ("kecamatan tembarak", None, 10, "Tembarak"),
    (None, "infrastruktur", 40, "infrastruktur"),
    ("Kedu", "psdm", 10, None),
])
def test_filters(contoh_event, kecamatan, bidang, desa_expected, komitmen_expected):
    want = independent_counts(contoh_event)
    recap = recap_event(contoh_event, kecamatan=kecamatan, bidang=bidang)
    assert len(recap.desa) == desa_expected
    inovasi = {i["id"]: i["bidang"] for i in raw_yaml(contoh_event, "inovasi.yaml")}
    kec = {k["nama"]: k["kode"] for k in raw_yaml(contoh_event, "acara.yaml")["wilayah"]["kecamatan"]}
    desa_rows = recap.desa
    if kecamatan:
        assert {d.kecamatan for d in desa_rows} == {recap.filter_kecamatan[0]}
        assert [k.nama for k in recap.kecamatan] == recap.filter_kecamatan
    if bidang:
        assert all(inovasi[i] == bidang for d in desa_rows for i in d.inovasi)
        assert [b.bidang for b in recap.bidang] == [bidang]
        assert all(i.bidang == bidang for i in recap.inovasi)
    if komitmen_expected == "infrastruktur":
        assert recap.ringkasan.komitmen == want["per_bidang"]["infrastruktur"]
    if komitmen_expected in ("Bulu", "Tembarak"):
        assert recap.ringkasan.komitmen == want["per_kecamatan"][kec[komitmen_expected]]


@pytest.mark.parametrize("kwargs, message", [
    ({"kecamatan": "Atlantis"}, "Kecamatan 'Atlantis' tidak ada"),
    ({"bidang": "pariwisata"}, "Bidang 'pariwisata' tidak dikenal"),
])
def test_unknown_filter_is_a_usage_error(contoh_event, kwargs, message):
    with pytest.raises(UsageError, match=message):
        recap_event(contoh_event, **kwargs)


def test_broken_log_line_stops_the_recap_with_its_place(tmp_path):
    root = make_event(tmp_path / "ev", {
        "log/komitmen/J3-1.yaml": "# log\n- {\"waktu\": \"2026-11-12T10:00:00+07:00\", \"desa\": \"33.23.01.2001\"\n",
    })
    with pytest.raises(DataError) as caught:
        recap_event(root)
    assert any(p.file == "log/komitmen/J3-1.yaml" and p.line == 2 for p in caught.value.problems)


def test_walk_in_counts_as_attendance(tmp_path):
    peserta = minimal_data("peserta.yaml")
    root = make_event(tmp_path / "ev", {
        "peserta.yaml": peserta[:2],  # village 2002 has nobody on the list
        "log/registrasi/REG-1.yaml": [{"waktu": "2026-11-12T08:00:00+07:00", "peserta": "W-0001",
                                       "tanpa_undangan": {"nama": "Sri Lestari", "peran": "kepala-desa",
                                                          "desa": "33.23.01.2002"}}],
    })
    recap = recap_event(root)
    assert [t.kode for t in recap.tanpa_komitmen] == ["33.23.01.2002"]
    assert recap.tanpa_komitmen[0].peserta == ["Sri Lestari"]
    assert recap.ringkasan.desa_hadir == 1
