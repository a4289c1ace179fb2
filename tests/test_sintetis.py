"""The example event and the synthetic event generator both pass `bursa validasi` cleanly."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from bursa_cli.certify.codes import key_state, load_key
from bursa_cli.check import validate_event
from bursa_cli.schema.event import Event, load_event

REPO = Path(__file__).resolve().parents[1]
CONTOH = REPO / "contoh-kabupaten"
sys.path.insert(0, str(REPO / "bench"))

import sintetis  # noqa: E402

WILAYAH = sintetis.WILAYAH_CSV
needs_wilayah = pytest.mark.skipif(not WILAYAH.is_file(), reason="wilayah.csv tidak tersedia")


def _link_rules(event: Event) -> list[str]:
    """The day's rules the example and the generator promise, spelt out independently of bursa.check."""
    broken = []
    registered = {entry.peserta for entry in event.registrasi}
    stamped_by_desa: dict[str, set[str]] = {}
    for stamp in event.stempel:
        inovasi = event.inovasi_by_id[stamp.inovasi]
        konsultan = event.panitia_by_id[stamp.konsultan]
        if not inovasi.kept or inovasi.meja != stamp.meja or not stamp._file.endswith(f"/{stamp.meja}.yaml"):
            broken.append(f"{stamp._file}:{stamp._line} meja salah")
        if konsultan.tim != "TIK" or konsultan.meja != stamp.meja:
            broken.append(f"{stamp._file}:{stamp._line} konsultan bukan penjaga meja")
        if stamp.peserta not in registered:
            broken.append(f"{stamp._file}:{stamp._line} peserta belum registrasi")
        desa = event.peserta_by_id[stamp.peserta].desa
        if desa and stamp.peserta.startswith("P-"):
            stamped_by_desa.setdefault(desa, set()).add(stamp.inovasi)
    pairs = {(s.peserta, s.inovasi) for s in event.stempel}
    broken += [f"{r._file}:{r._line} dinilai tanpa stempel" for r in event.penilaian
               if (r.peserta, r.inovasi) not in pairs]
    for card in event.komitmen:
        if not set(card.inovasi) <= stamped_by_desa.get(card.desa, set()):
            broken.append(f"{card._file}:{card._line} komitmen tanpa stempel desa itu")
        if not (card.ttd_kepala_desa and card.ttd_ketua_bpd):
            broken.append(f"{card._file}:{card._line} belum ditandatangani")
    twice = [d for d, n in Counter(c.desa for c in event.komitmen).items() if n > 1]
    broken += [f"komitmen ganda {d}" for d in twice]
    return broken


# --------------------------------------------------------------------------- contoh-kabupaten


def test_contoh_validates_without_errors_or_warnings():
    report = validate_event(CONTOH, strict=True)
    assert [p.parsable() for p in report.problems] == []
    assert all(stage.ready for stage in report.stages)


def test_contoh_content_matches_its_description():
    event = load_event(CONTOH).event
    assert event.acara.wilayah.kode == "33.23"
    assert len(event.acara.wilayah.kecamatan) == 4
    assert len(event.desa) == 40
    assert all(d.kode.rsplit(".", 1)[1].startswith("2") for d in event.desa)
    roles = Counter(p.peran for p in event.peserta)
    assert roles["kepala-desa"] == roles["ketua-bpd"] == 40
    assert {"camat", "opd", "p2ktd", "pendamping", "media"} <= set(roles)
    assert len(event.inovasi) == 24 and len(event.inovasi_terpilih) == 21
    assert Counter(i.bidang for i in event.inovasi_terpilih) == {"kewirausahaan": 8, "psdm": 7, "infrastruktur": 6}
    assert all(1 <= n <= 3 for n in Counter(i.meja for i in event.inovasi_terpilih).values())
    assert sorted(Path(f).name for f in event.log_files["stempel"]) == sorted(f"{m}.yaml" for m in event.meja_ruang)
    assert 280 <= len(event.stempel) <= 320
    assert sum(1 for r in event.registrasi if r.tanpa_undangan) == 2
    assert 30 <= len(event.komitmen) <= 34
    attending = {event.peserta_by_id[r.peserta].desa for r in event.registrasi} - {None}
    assert len(attending - {k.desa for k in event.komitmen}) >= 2  # came but committed to nothing
    assert len(event.ide) == 15
    assert _link_rules(event) == []


def test_contoh_files_open_with_an_indonesian_comment():
    files = sorted(CONTOH.glob("*.yaml")) + sorted(CONTOH.glob("log/*/*.yaml"))
    assert len(files) > 20
    for path in files:
        assert path.read_text(encoding="utf-8").startswith("# "), path


# --------------------------------------------------------------------------- bench/sintetis.py

SIZES = [
    # ukuran, desa, menu (kept innovations), stempel, komitmen
    ("klaster", 75, 45, 1_000, 75),
    ("median", 152, 100, 2_000, 150),
]


@needs_wilayah
@pytest.mark.parametrize("ukuran,desa,menu,stempel,komitmen", SIZES)
def test_generated_event_has_its_size_and_validates(tmp_path, ukuran, desa, menu, stempel, komitmen):
    folder = sintetis.make_event(tmp_path / ukuran, ukuran)
    report = validate_event(folder, strict=True)
    assert [p.parsable() for p in report.problems] == []
    event = report.event
    assert len(event.desa) == desa
    assert len(event.peserta) == 2 * desa
    assert len(event.inovasi_terpilih) == menu
    assert len(event.stempel) == stempel
    assert len(event.komitmen) == komitmen
    assert _link_rules(event) == []
    assert key_state(folder) == "ada"  # made as `bursa init` makes it: gladi bersih and Jendela 3 need it
    assert len(load_key(folder, create=False)) == 32


@needs_wilayah
def test_klaster_invites_whole_kecamatan(tmp_path):
    event = load_event(sintetis.make_event(tmp_path / "k", "klaster")).event
    region = sintetis._Wilayah(WILAYAH)
    invited = {d.kode for d in event.desa}
    for kecamatan in event.acara.wilayah.kecamatan:
        assert set(region.desa_of(kecamatan.kode)) <= invited, kecamatan.nama


@needs_wilayah
def test_generator_is_deterministic(tmp_path):
    first = sintetis.make_event(tmp_path / "a", "klaster")
    second = sintetis.make_event(tmp_path / "b", "klaster")
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


@needs_wilayah
def test_generator_replaces_only_its_own_folders(tmp_path):
    own = sintetis.make_event(tmp_path / "own", "klaster")
    (own / "log" / "stempel" / "Z-99.yaml").write_text("# sisa lama\n")
    sintetis.make_event(own, "klaster")
    assert not (own / "log" / "stempel" / "Z-99.yaml").exists()

    other = tmp_path / "other"
    other.mkdir()
    (other / "catatan.txt").write_text("punya orang lain")
    with pytest.raises(FileExistsError):
        sintetis.make_event(other, "klaster")
    assert [p.name for p in other.iterdir()] == ["catatan.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no half-built folder left


@needs_wilayah
def test_script_reports_load_and_validation(tmp_path, capsys):
    assert sintetis.main([str(tmp_path / "k"), "--ukuran", "klaster", "--periksa"]) == 0
    out = capsys.readouterr().out
    assert "load_event:" in out and "0 masalah" in out
    assert "0 galat, 0 peringatan" in out


def test_unknown_size_is_refused(tmp_path):
    with pytest.raises(ValueError, match="ukuran tidak dikenal"):
        sintetis.make_event(tmp_path / "x", "raksasa")


@needs_wilayah
def test_synthetic_follow_up_is_valid_and_leaves_the_day_unchanged(tmp_path):
    """`--tindak-lanjut` adds a follow-up that validasi accepts, drawn apart from the day's logs."""
    from bursa_cli.recap import followup_recap

    plain = sintetis.make_event(tmp_path / "tanpa", "klaster")
    followed = sintetis.make_event(tmp_path / "dengan", "klaster", tindak_lanjut=True)
    for log in sorted((plain / "log").rglob("*.yaml")):
        assert (followed / log.relative_to(plain)).read_bytes() == log.read_bytes()
    report = validate_event(followed)
    assert [p.parsable() for p in report.errors] == []
    assert not [p for p in report.warnings if p.code.startswith("BUR-F")]
    counts = followup_recap([followed]).ringkasan_dict()
    assert counts["komitmen"] > 0 and all(counts[k] > 0 for k in ("rkp_desa", "apbdes", "pelaksanaan", "batal"))
    other = sintetis.make_event(tmp_path / "lain", "provinsi", kode="33.02")
    assert load_event(other).event.acara.wilayah.kode == "33.02"
