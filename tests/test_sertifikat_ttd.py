"""`cetak sertifikat` and the signatures: a village whose card in force lacks one gets no certificate."""

from __future__ import annotations

from pathlib import Path

import pytest

from bursa_cli.render.job import Options
from bursa_cli.certify.data import collect, refuse_unsigned
from bursa_cli.errors import DataError
from bursa_cli.recap import load_for_recap
from render_helpers import pdf_pages
from support import bursa, make_event, plain, print_certificates

SIGNED = {"tahun_apbdes": 2027, "ttd_kepala_desa": True, "ttd_ketua_bpd": True}
ONLY_KADES = {"tahun_apbdes": 2027, "ttd_kepala_desa": True, "ttd_ketua_bpd": False}
BULU, TEGALURUNG = "33.23.01.2001", "33.23.01.2002"
CARDS = {"log/komitmen/J3-1.yaml": [
    {"waktu": "2026-11-12T10:00:00+07:00", "desa": BULU, "inovasi": ["INO-001"], **SIGNED},
    {"waktu": "2026-11-12T10:05:00+07:00", "desa": TEGALURUNG, "inovasi": ["INO-002"], **ONLY_KADES},
]}


def _pages(folder: Path) -> list[str]:
    return [" ".join(page.split()) for pdf in sorted(folder.glob("sertifikat-0*.pdf")) for page in pdf_pages(pdf)]


def test_unsigned_card_is_refused_at_its_line(tmp_path):
    root = make_event(tmp_path / "ev", CARDS)
    with pytest.raises(DataError) as caught:
        print_certificates(root, Options())
    assert [(p.file, p.line) for p in caught.value.problems] == [("log/komitmen/J3-1.yaml", 3)]
    assert "Desa Tegalurung belum ditandatangani Ketua BPD" in caught.value.problems[0].message
    assert "--lewati-belum-lengkap" in caught.value.hint
    assert not (root / "keluaran" / "sertifikat").exists() or not list((root / "keluaran" / "sertifikat").glob("*.pdf"))


def test_the_others_print_only_when_asked_and_the_rest_is_listed(tmp_path):
    root = make_event(tmp_path / "ev", CARDS)
    refused = bursa("cetak", "sertifikat", root)
    assert refused.exit_code == 1
    assert "log/komitmen/J3-1.yaml:3" in plain(refused.output)
    assert "belum ada sertifikat yang dicetak" in plain(refused.output)

    result = bursa("cetak", "sertifikat", root, "--lewati-belum-lengkap")
    assert result.exit_code == 0, result.output
    shown = plain(result.output)
    assert "1 sertifikat" in shown
    assert "1 desa tidak dicetak karena Kartu Komitmennya belum ditandatangani lengkap" in shown
    assert "log/komitmen/J3-1.yaml:3" in shown and "Desa Tegalurung" in shown
    pages = _pages(root / "keluaran" / "sertifikat")
    assert len(pages) == 1 and "Bulu" in pages[0] and "Tegalurung" not in pages[0]


def test_a_signed_card_in_force_replaces_an_unsigned_one(tmp_path):
    """The card replaced with `--ulang` is history: the signed card in force earns the certificate."""
    cards = {"log/komitmen/J3-1.yaml": CARDS["log/komitmen/J3-1.yaml"],
             "log/komitmen/J3-2.yaml": [
                 {"waktu": "2026-11-12T11:00:00+07:00", "desa": TEGALURUNG, "inovasi": ["INO-002"], **SIGNED}]}
    root = make_event(tmp_path / "ev", cards)
    gathered = collect(load_for_recap(root))
    assert refuse_unsigned(gathered) == []
    assert [c.desa_kode for c in gathered.certificates] == [BULU, TEGALURUNG]
    validasi = bursa("validasi", root)
    assert "belum ditandatangani" not in plain(validasi.output)


def test_an_unsigned_card_in_force_replaces_a_signed_one(tmp_path):
    cards = {"log/komitmen/J3-1.yaml": [
        {"waktu": "2026-11-12T10:00:00+07:00", "desa": BULU, "inovasi": ["INO-001"], **SIGNED},
        {"waktu": "2026-11-12T10:30:00+07:00", "desa": BULU, "inovasi": ["INO-001"], **ONLY_KADES}]}
    root = make_event(tmp_path / "ev", cards)
    gathered = collect(load_for_recap(root))
    assert gathered.certificates == []
    assert [(p.file, p.line) for p in gathered.unsigned] == [("log/komitmen/J3-1.yaml", 3)]


def test_a_named_village_with_an_unsigned_card_is_refused(tmp_path):
    root = make_event(tmp_path / "ev", CARDS)
    result = bursa("cetak", "sertifikat", root, "--desa", "Tegalurung")
    assert result.exit_code == 1 and "Desa Tegalurung belum ditandatangani Ketua BPD" in plain(result.output)
    assert bursa("cetak", "sertifikat", root, "--desa", "Bulu").exit_code == 0


def test_recap_and_live_screen_count_the_card_in_force(tmp_path):
    from bursa_cli.day import LiveSummary
    from bursa_cli.recap import build_recap

    cards = {"log/komitmen/J3-1.yaml": CARDS["log/komitmen/J3-1.yaml"],
             "log/komitmen/J3-2.yaml": [
                 {"waktu": "2026-11-12T11:00:00+07:00", "desa": TEGALURUNG, "inovasi": ["INO-001"], **SIGNED}]}
    root = make_event(tmp_path / "ev", cards)
    row = {d.kode: d for d in build_recap(load_for_recap(root)).desa}[TEGALURUNG]
    assert (row.inovasi, row.ttd_kepala_desa, row.ttd_ketua_bpd) == (["INO-001"], True, True)
    live = LiveSummary(root).refresh()
    assert (live.villages, live.unsigned) == (2, 0)
