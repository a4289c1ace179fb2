"""What the document builders used to test themselves is now a check rule: `cetak JENIS` refuses
through the gate, and `bursa validasi` reports the same problem first, at the same file:line and code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bursa_cli.check import validate_event
from bursa_cli.check.gate import gate
from bursa_cli.errors import DataError
from render_helpers import run
from support import edited, make_event, minimal_data

STAMP = '- {"waktu": "2026-11-12T09:00:00+07:00", "peserta": "P-0001", "inovasi": "INO-001", "meja": "A-01"}\n'
CARD = ('- {"waktu": "2026-11-12T12:00:00+07:00", "desa": "33.23.01.2001", "inovasi": ["INO-001"], '
        '"tahun_apbdes": 2027, "ttd_kepala_desa": true, "ttd_ketua_bpd": %s}\n')


def _edit(name: str, path: str, value):
    return edited(name, {path: value})


def _nobody_coming():
    return {"peserta.yaml": [{**p, "konfirmasi": "tidak"} for p in minimal_data("peserta.yaml")]}


def _no_room():
    acara = _edit("acara.yaml", "tempat.ruang.1.bidang", ["psdm"])
    inovasi = _edit("inovasi.yaml", "1.ruang", None)
    inovasi[1].pop("meja")
    return {"acara.yaml": acara, "inovasi.yaml": inovasi}


def _empty_meeting():
    tahapan = _edit("tahapan.yaml", "2.rapat", {"tanggal": "2026-09-22", "mulai": "09.00", "tempat": "Aula",
                                                "acara": "Rapat persiapan", "penerima": ["p2ktd"]})
    return {"tahapan.yaml": tahapan, "p2ktd.yaml": []}


# (what changes, the document it stops, the code, the file, the line)
CASES = {
    "pola-nomor-undangan": ({"acara.yaml": _edit("acara.yaml", "penomoran.pola", "{klasifikasi}/{unit}")},
                            "undangan", "BUR-C020", "acara.yaml", 26),
    "pola-nomor-sk": ({"acara.yaml": _edit("acara.yaml", "penomoran.pola", "{nomor}/{urut}")},
                      "sk", "BUR-C020", "acara.yaml", 26),
    "rapat-tanpa-penerima-undangan": (_empty_meeting(), "undangan", "BUR-C021", "tahapan.yaml", 12),
    "rapat-tanpa-penerima-daftar-hadir": (_empty_meeting(), "daftar-hadir", "BUR-C021", "tahapan.yaml", 12),
    "daftar-hadir-tanpa-peserta": (_nobody_coming(), "daftar-hadir", "BUR-C022", "peserta.yaml", 1),
    "kartu-id-tanpa-peserta": (_nobody_coming(), "kartu-id", "BUR-C015", "peserta.yaml", 1),
    "kartu-cadangan-habis": ({"acara.yaml": _edit("acara.yaml", "materi.kartu_id", 4)}, "kartu-cadangan",
                             "BUR-C016", "acara.yaml", 60),
    "inovasi-tanpa-ruang-poster": (_no_room(), "poster", "BUR-C023", "inovasi.yaml", 15),
    "inovasi-tanpa-ruang-katalog": (_no_room(), "katalog", "BUR-C023", "inovasi.yaml", 15),
    "kursi-kurang-denah": ({"acara.yaml": _edit("acara.yaml", "tempat.ruang.0.kapasitas", 3)}, "denah",
                           "BUR-P006", "acara.yaml", 33),
    "kursi-kurang-kartu-id": ({"acara.yaml": _edit("acara.yaml", "tempat.ruang.0.kapasitas", 3)}, "kartu-id",
                              "BUR-P006", "acara.yaml", 33),
}


@pytest.mark.parametrize("name", CASES)
def test_the_gate_refuses_what_the_document_used_to_check(name, tmp_path: Path):
    changes, kind, code, file, line = CASES[name]
    root = make_event(tmp_path / "acara", changes)
    with pytest.raises(DataError) as caught:
        gate(root, f"cetak:{kind}")
    refused = [(p.file, p.line, p.code) for p in caught.value.problems if p.code == code]
    assert refused == [(file, line, code)], caught.value.problems

    stage = next(p.stage for p in caught.value.problems if p.code == code)
    during = validate_event(root, up_to_stage=stage)
    assert any(p.code == code and p.is_error and (p.file, p.line) == (file, line) for p in during.problems)


def test_a_meeting_counts_from_its_own_stage(tmp_path: Path):
    """The kick-off meeting's empty invitation list belongs to its stage, not to the first letter's."""
    root = make_event(tmp_path / "acara", _empty_meeting())
    early = validate_event(root, up_to_stage="tempat")
    assert [p.level for p in early.problems if p.code == "BUR-C021"] == ["peringatan"]
    assert not any(p.code == "BUR-C022" for p in validate_event(root, up_to_stage="survei-lokasi").problems)


def test_the_verification_page_waits_for_the_first_card(tmp_path: Path):
    """Before any card, `cetak halaman-verifikasi` refuses; validasi notes it once the day has begun,
    and never counts it, so a green run on the day stays green."""
    root = make_event(tmp_path / "acara")
    with pytest.raises(DataError) as caught:
        gate(root, "cetak:halaman-verifikasi")
    assert [p.code for p in caught.value.problems] == ["BUR-C024"]
    assert not any(n.code == "BUR-C024" for n in validate_event(root).notes)  # before the day: not said

    (root / "log" / "stempel").mkdir(parents=True)
    (root / "log" / "stempel" / "A-01.yaml").write_text("# log\n" + STAMP, encoding="utf-8")
    report = validate_event(root, up_to_stage="gladi-bersih", strict=True)
    assert [n.message for n in report.notes if n.code == "BUR-C024"] == [
        "Belum ada Kartu Komitmen bertanda tangan lengkap yang tercatat, jadi belum ada sertifikat untuk "
        "diverifikasi."]
    assert not any(p.code == "BUR-C024" for p in report.problems)

    cards = root / "log" / "komitmen" / "J3-1.yaml"
    cards.parent.mkdir()
    cards.write_text("# log\n" + CARD % "false", encoding="utf-8")  # a card without the BPD's signature
    with pytest.raises(DataError):
        gate(root, "cetak:halaman-verifikasi")
    cards.write_text("# log\n" + CARD % "false" + CARD.replace("12:00", "12:30") % "true", encoding="utf-8")
    assert gate(root, "cetak:halaman-verifikasi").event.acara is not None


def test_documents_print_once_the_rules_hold(tmp_path: Path):
    """The builders no longer check: with the rules met, each document of the minimal event prints."""
    root = make_event(tmp_path / "acara")
    for kind in ("kartu-id", "kartu-cadangan", "poster", "denah"):
        assert run(kind, root).outputs, kind


@pytest.mark.parametrize("kind", ["undangan", "daftar-hadir"])
def test_a_meeting_without_invitees_stops_only_its_own_print(kind, tmp_path: Path):
    """`cetak undangan --rapat hari-h` is not held up by another meeting's empty invitation list;
    printing that meeting, or every meeting, is."""
    root = make_event(tmp_path / "acara", _empty_meeting())
    assert gate(root, f"cetak:{kind}", rapat="hari-h").event.acara is not None
    for rapat in ("rapat-pembukaan", None):
        with pytest.raises(DataError) as caught:
            gate(root, f"cetak:{kind}", rapat=rapat)
        assert [(p.code, p.rapat) for p in caught.value.problems] == [("BUR-C021", "rapat-pembukaan")]
    assert run(kind, root, rapat="hari-h").outputs
