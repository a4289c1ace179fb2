"""The one gate: what a command refuses, `bursa validasi` reports first, at the same file:line and code.

Each case changes one thing in the minimal event and names the document it
stops. validasi must report it (a warning before its stage, an error from its
stage on), and the gate of `cetak JENIS` must refuse with the same problem.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bursa_cli.check import validate_event
from bursa_cli.check.gate import NEEDS, gate, need_of
from bursa_cli.codes import CODES, explain
from bursa_cli.errors import DataError
from bursa_cli.kinds import KIND_BY_NAME, KINDS
from support import bursa, edited, make_event, minimal_data, plain

CARD = ('- {"waktu": "2026-11-12T12:00:00+07:00", "desa": "33.23.01.2001", "inovasi": ["INO-001"], '
        '"tahun_apbdes": 2027, "ttd_kepala_desa": true, "ttd_ketua_bpd": true}\n')
STAMP = '- {"waktu": "2026-11-12T09:00:00+07:00", "peserta": "P-0001", "inovasi": "INO-001", "meja": "A-01"}\n'
DAY = {"log/komitmen/J3-1.yaml": "# log\n" + CARD, "log/stempel/A-01.yaml": "# log\n" + STAMP}


def _acara(**changes):
    return {"acara.yaml": edited("acara.yaml", {path.replace("__", "."): value for path, value in changes.items()})}


def _panitia_without_nip():
    panitia = minimal_data("panitia.yaml")
    panitia[0].pop("nip")
    panitia[0].pop("pangkat")
    return {"panitia.yaml": panitia}


def _village_without_kepala():
    peserta = [p for p in minimal_data("peserta.yaml") if p["id"] != "P-0001"]
    return {"peserta.yaml": peserta, "log/komitmen/J3-1.yaml": "# log\n" + CARD}


def _two_ketua_bpd():
    peserta = minimal_data("peserta.yaml")
    peserta[3]["desa"] = "33.23.01.2001"  # Widodo joins Bulu, which has Mulyono already
    return {"peserta.yaml": peserta}


# (what changes, the document it stops, the code, the file)
CASES = {
    "lambang-hilang": (_acara(penyelenggara__logo="aset/lambang.svg"), "undangan", "BUR-R017", "acara.yaml"),
    "lambang-hilang-sk": (_acara(penyelenggara__logo="aset/lambang.svg"), "sk", "BUR-R017", "acara.yaml"),
    "nip-kepala-dinas-undangan": (_acara(penyelenggara__kepala__nip=None), "undangan", "BUR-C002", "acara.yaml"),
    "nip-kepala-dinas-sertifikat": ({**_acara(penyelenggara__kepala__nip=None), **DAY}, "sertifikat",
                                    "BUR-C002", "acara.yaml"),
    "ketua-tik-tanpa-nip": (_panitia_without_nip(), "sk", "BUR-C007", "panitia.yaml"),
    "bupati-kosong": (_acara(dokumen={"penanda_tangan_sk": "bupati"}), "sk", "BUR-C010", "acara.yaml"),
    "kepala-desa-sertifikat": (_village_without_kepala(), "sertifikat", "BUR-C006", "log/komitmen/J3-1.yaml"),
    "kepala-desa-halaman": (_village_without_kepala(), "halaman-verifikasi", "BUR-C006", "log/komitmen/J3-1.yaml"),
    "dua-ketua-bpd": (_two_ketua_bpd(), "kartu-komitmen", "BUR-D002", "peserta.yaml"),
    "dua-ketua-bpd-sertifikat": ({**_two_ketua_bpd(), **DAY}, "sertifikat", "BUR-D002", "peserta.yaml"),
}


@pytest.mark.parametrize("name", CASES)
def test_validasi_finds_what_the_gate_refuses(name, tmp_path: Path):
    changes, kind, code, file = CASES[name]
    root = make_event(tmp_path / "acara", changes)
    with pytest.raises(DataError) as caught:
        gate(root, f"cetak:{kind}")
    refused = [p for p in caught.value.problems if p.code == code]
    assert refused and all(p.file == file and p.line > 0 for p in refused), caught.value.problems

    before = validate_event(root)  # no stage enforced: shown as a warning, so a green run is not silent
    found = [p for p in before.problems if p.code == code]
    assert [(p.file, p.line, p.column) for p in found] == [(p.file, p.line, p.column) for p in refused]
    if code not in ("BUR-R017", "BUR-R018", "BUR-D002"):  # a missing file, a doubled role: errors at once
        assert {p.level for p in found} == {"peringatan"}
        assert validate_event(root, strict=True).errors

    stage = refused[0].stage
    during = validate_event(root, up_to_stage=stage)  # from its stage on it is an error
    assert any(p.code == code and p.is_error and p.line == refused[0].line for p in during.problems)
    assert not next(s for s in during.stages if s.kode == stage).ready


def test_a_document_that_does_not_need_it_is_not_stopped(tmp_path: Path):
    root = make_event(tmp_path / "acara", _panitia_without_nip())
    assert gate(root, "cetak:undangan").event.acara is not None  # only the SK lists the members' NIP
    assert gate(root, "rekap").event.acara is not None


def test_mengingat_default_is_a_note_of_the_sk_not_a_problem(tmp_path: Path):
    root = make_event(tmp_path / "acara")
    passed = gate(root, "cetak:sk")
    assert [n.code for n in passed.notes] == ["BUR-C005"]
    report = validate_event(root, up_to_stage="sk", strict=True)
    assert [n.code for n in report.notes] == ["BUR-C005"]
    assert not any(p.code == "BUR-C005" for p in report.problems)


def test_cetak_undangan_and_validasi_agree_on_a_missing_emblem(tmp_path: Path):
    root = make_event(tmp_path / "acara", _acara(penyelenggara__logo="aset/lambang.svg"))
    check = bursa("validasi", root, "--format", "parsable")
    assert check.exit_code == 1, check.output
    line = next(x for x in check.output.splitlines() if "BUR-R017" in x)
    assert line.startswith("acara.yaml:") and ": galat: penyelenggara.logo: Berkas lambang" in line
    cetak = bursa("cetak", "undangan", root)
    assert cetak.exit_code == 1, cetak.output
    assert line.split(": galat")[0].rsplit(":", 1)[0] in plain(cetak.output)
    assert "(BUR-R017)" in plain(cetak.output)  # the refusal carries the same code
    assert not (root / "keluaran").exists()


def test_sertifikat_refuses_a_signer_without_nip(tmp_path: Path):
    from bursa_cli.render.job import Options
    from support import print_certificates

    root = make_event(tmp_path / "acara", {**_acara(penyelenggara__kepala__nip=None), **DAY})
    with pytest.raises(DataError) as caught:
        print_certificates(root, Options())
    assert [p.code for p in caught.value.problems] == ["BUR-C002"]
    assert not (root / "keluaran").exists()


def test_desk_and_live_screen_open_despite_problems_elsewhere(tmp_path: Path):
    from bursa_cli.day.live import LiveSummary
    from bursa_cli.day.state import Day

    root = make_event(tmp_path / "acara", {"opd.yaml": "- id: X\n\tnama: rusak\n"})
    assert Day.open(root).load_problems == 1
    assert LiveSummary(root).event.acara is not None
    empty = make_event(tmp_path / "kosong", {"acara.yaml": "# kosong\n"})
    for opening in (Day.open, LiveSummary):
        with pytest.raises(DataError) as caught:
            opening(empty)
        assert [p.code for p in caught.value.problems] == ["BUR-Y011"]


# --------------------------------------------------------------------------- the catalogue


def test_every_code_is_explained_in_indonesian():
    for code, entry in CODES.items():
        assert code.startswith("BUR-") and len(code) == 8 and entry.code == code
        assert entry.template and entry.explanation.endswith("."), code
        assert entry.level in ("galat", "peringatan", "catatan")
    assert explain("k002") is CODES["BUR-K002"] and explain("BUR-X999") is None


def test_jelaskan_explains_a_code_without_an_event_folder(tmp_path: Path):
    result = bursa("validasi", "--jelaskan", "bur-k002")
    assert result.exit_code == 0, result.output
    assert "BUR-K002" in result.output and "ditandatangani Kepala Desa dan Ketua BPD" in plain(result.output)
    everything = bursa("validasi", "--jelaskan", "semua")
    assert everything.exit_code == 0 and all(code in everything.output for code in CODES)
    unknown = bursa("validasi", "--jelaskan", "BUR-Q123")
    assert unknown.exit_code == 2 and "Kode masalah 'BUR-Q123' tidak dikenal" in plain(unknown.output)


def test_codes_in_every_output_format(tmp_path: Path):
    import json

    root = make_event(tmp_path / "acara", {"opd.yaml": "- id: DINKES\n  nama: Dinas\n  kepalaa: x\n"})
    parsable = bursa("validasi", root, "--format", "parsable")
    assert "opd.yaml:3:3: galat: [1].kepalaa: Kunci 'kepalaa' tidak dikenal. Mungkin maksudnya 'kepala'? " \
           "(BUR-S002)" in parsable.output
    data = json.loads(bursa("validasi", root, "--format", "json").output)
    assert {m["kode"] for m in data["masalah"]} >= {"BUR-S001", "BUR-S002"}
    rich = bursa("validasi", root)
    assert "Kode" in rich.output and "BUR-S002" in rich.output


def test_code_reference_is_up_to_date():
    from bursa_cli.codes import catalogue_markdown
    from support import REPO

    assert (REPO / "docs" / "kode-masalah.md").read_text(encoding="utf-8") == catalogue_markdown(), \
        "docs/kode-masalah.md sudah usang: jalankan `python -m bursa_cli.codes > docs/kode-masalah.md`"


def _nobody_comes():
    return {"peserta.yaml": [{**p, "konfirmasi": "tidak"} for p in minimal_data("peserta.yaml")]}


def _nothing_kept():
    return {"inovasi.yaml": [{**i, "sortir": {"keputusan": "dicoret", "opd": "DINKES"}}
                             for i in minimal_data("inovasi.yaml")]}


# Progress rather than mistakes: not shown before their stage, refused by `cetak` at any time.
PROGRESS_CASES = {
    "susunan-acara-kosong": ({}, "susunan-acara", "BUR-C011"),
    "tanpa-desa": ({"desa.yaml": "[]\n", "peserta.yaml": "[]\n"}, "kartu-komitmen", "BUR-C012"),
    "tanpa-inovasi-terpilih": (_nothing_kept(), "poster", "BUR-C014"),
    "tanpa-inovasi-katalog": (_nothing_kept(), "katalog", "BUR-C014"),
    "tanpa-peserta-hadir": (_nobody_comes(), "kartu-id", "BUR-C015"),
    "kartu-id-tanpa-cadangan": (_acara(materi={"kartu_komitmen": 5, "kartu_id": 4, "kartu_ide": 10, "stempel": 2,
                                               "poster": 2, "spanduk": 1, "katalog": 10}),
                                "kartu-cadangan", "BUR-C016"),
}


@pytest.mark.parametrize("name", PROGRESS_CASES)
def test_progress_requirements_count_from_their_stage(name, tmp_path: Path):
    changes, kind, code = PROGRESS_CASES[name]
    root = make_event(tmp_path / "acara", changes)
    with pytest.raises(DataError) as caught:
        gate(root, f"cetak:{kind}")
    assert [p.code for p in caught.value.problems] == [code]
    assert not any(p.code == code for p in validate_event(root).problems)
    during = validate_event(root, up_to_stage="materi")
    assert [p.level for p in during.problems if p.code == code] == ["galat"]


def test_status_does_not_call_a_stage_ready_when_its_file_cannot_be_read(tmp_path: Path):
    root = make_event(tmp_path / "acara", {"inovasi.yaml": "- id: INO-001\n\tjudul: Posyandu\n"})
    result = bursa("status", root)
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if "sortir" in line.lower() or "memilah" in line)
    assert "belum dapat dinilai" in row and "siap" not in row
    report = validate_event(root)
    assert not next(s for s in report.stages if s.kode == "sortir").ready


def test_a_stage_counts_only_the_rules_of_its_own_documents(tmp_path: Path):
    root = make_event(tmp_path / "acara", {**_village_without_kepala(), **_panitia_without_nip()})
    early = validate_event(root, up_to_stage="rapat-pembukaan")  # before the SK: neither counts yet
    assert {p.code: p.level for p in early.problems if p.code in ("BUR-C006", "BUR-C007")} == {
        "BUR-C006": "peringatan", "BUR-C007": "peringatan"}
    at_sk = validate_event(root, up_to_stage="sk")  # the SK's rule counts, the certificate's not yet
    assert {p.code: p.level for p in at_sk.problems if p.code in ("BUR-C006", "BUR-C007")} == {
        "BUR-C006": "peringatan", "BUR-C007": "galat"}
    stages = {s.kode: s for s in at_sk.stages}
    assert [p.code for p in stages["sk"].problems if p.needed_by] == ["BUR-C007"]
    assert "BUR-C006" in [p.code for p in stages["materi"].problems if p.needed_by]



@pytest.mark.parametrize("kind", [k.name for k in KINDS])
def test_every_kind_declares_what_its_gate_reads_and_how_it_refuses(kind):
    """`cetak JENIS` takes its need from the kind's own line in `bursa_cli/kinds.py`: no second table."""
    declared = KIND_BY_NAME[kind]
    need = need_of(f"cetak:{kind}")
    assert need.code in CODES and CODES[need.code].hint
    if declared.need:
        assert need is NEEDS[declared.need]
    else:
        assert (need.files, need.code, need.kind) == (declared.files, declared.refusal, kind)
    refused = need.refused([])
    assert refused.code == need.code
    assert refused.message == CODES[need.code].template.format(jenis=kind)
