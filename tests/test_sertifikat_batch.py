"""Certificates: what each page says, batches and page counts, resuming after an interruption."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from bursa_cli.certify.codes import KEY_FILE
from bursa_cli.cli.app import app
from bursa_cli.errors import DataError, UsageError
from bursa_cli.render import batches as batch_module
from bursa_cli.render.job import Options, produce
from render_helpers import pdf_pages
from support import kill_9_with_workers, make_event, minimal_data, plain, print_certificates

runner = CliRunner()
real_write_manifest = batch_module.write_manifest
CARD = {"tahun_apbdes": 2027, "ttd_kepala_desa": True, "ttd_ketua_bpd": True}
TWO_CARDS = {"log/komitmen/J3-1.yaml": [
    {"waktu": "2026-11-12T10:00:00+07:00", "desa": "33.23.01.2001", "inovasi": ["INO-001", "INO-002"], **CARD},
    {"waktu": "2026-11-12T10:05:00+07:00", "desa": "33.23.01.2002", "inovasi": ["INO-002"], **CARD},
]}


def pages_text(path: Path) -> list[str]:
    return [" ".join(page.split()) for page in pdf_pages(path)]


def folder_texts(folder: Path) -> dict[str, list[str]]:
    return {p.name: pages_text(p) for p in sorted(folder.glob("sertifikat-*.pdf"))}


def test_each_page_names_its_village_and_innovations(contoh_event):
    printed = print_certificates(contoh_event, Options(batch=10, gabung=True))
    folder = contoh_event / "keluaran" / "sertifikat"
    assert [d.name for d in printed.done] == [f"sertifikat-00{i}.pdf" for i in (1, 2, 3, 4)]
    assert [len(PdfReader(folder / d.name).pages) for d in printed.done] == [10, 10, 10, 3]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    from bursa_cli.certify.data import collect
    from bursa_cli.recap import load_for_recap

    certs = collect(load_for_recap(contoh_event)).certificates
    texts = [t for name in sorted(manifest["berkas"]) for t in pages_text(folder / name)]
    assert len(texts) == len(certs) == 33
    for text, cert in zip(texts, certs):
        assert "S E R T I F I K A T" in text and "KOMITMEN REPLIKASI INOVASI DESA" in text  # the title is letter-spaced
        assert cert.kepala_desa in text
        assert f"Kepala Desa {cert.desa}, Kecamatan {cert.kecamatan}" in text
        for item in cert.inovasi:
            assert item.judul in text
        assert f"APBDes Tahun {cert.tahun_apbdes}" in text
        assert cert.kode in text
        assert "KEPALA DINAS PEMBERDAYAAN MASYARAKAT" in text
    for name in sorted(manifest["berkas"]):  # the sentence's first line is never cut after one word
        for page in pdf_pages(folder / name):
            lines = [line.strip() for line in page.splitlines()]
            assert any(line.startswith("atas komitmen Pemerintah Desa") for line in lines)
    assert len(PdfReader(folder / "sertifikat-semua.pdf").pages) == 33


def test_resume_after_kill_gives_the_same_files(tmp_path):
    whole = make_event(tmp_path / "utuh", base="contoh")
    cut = make_event(tmp_path / "terputus", base="contoh")
    options = Options(batch=3, kecamatan=["Bulu", "Kedu"])  # 18 certificates, 6 batches
    print_certificates(whole, options)
    shutil.copy(whole / KEY_FILE, cut / KEY_FILE)  # the same key, as on a second laptop
    manifest = cut / "keluaran" / "sertifikat" / "pilihan" / "manifest.json"
    process = subprocess.Popen([sys.executable, "-m", "bursa_cli", "cetak", "sertifikat", str(cut), "--batch", "3",
                                "--kecamatan", "Bulu", "--kecamatan", "Kedu"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    recorded = 0
    while time.monotonic() < deadline and process.poll() is None:
        try:
            recorded = len(json.loads(manifest.read_text(encoding="utf-8"))["berkas"])
        except (OSError, ValueError, KeyError):
            recorded = 0
        if recorded >= 2:
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.01)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the run finished before it could be interrupted"
    folder = manifest.parent
    interrupted = sorted(p.name for p in folder.glob("sertifikat-*.pdf"))
    assert 2 <= len(interrupted) < 6
    for name in interrupted:  # whatever is in place is a whole PDF
        assert len(PdfReader(folder / name).pages) == 3

    resumed = print_certificates(cut, options)
    assert sum(d.skipped for d in resumed.done) >= 2
    other = whole / "keluaran" / "sertifikat" / "pilihan"
    assert len(folder_texts(other)) == 6
    assert folder_texts(folder) == folder_texts(other)
    assert not list(folder.glob(".*.tmp"))
    ours = json.loads(manifest.read_text(encoding="utf-8"))
    theirs = json.loads((other / "manifest.json").read_text(encoding="utf-8"))
    assert ours == theirs


def test_only_changed_or_missing_batches_are_rendered(contoh_event, monkeypatch):
    options = Options(batch=4, kecamatan=["Bulu"])
    first = print_certificates(contoh_event, options)
    folder = first.folder
    assert folder.name == "pilihan" and [d.skipped for d in first.done] == [False] * 3
    writes = []
    monkeypatch.setattr(batch_module, "write_manifest",
                        lambda out, manifest: (writes.append(len(manifest["berkas"])),
                                               real_write_manifest(out, manifest)))
    again = print_certificates(contoh_event, options)
    assert [d.skipped for d in again.done] == [True] * 3
    assert writes == [3]  # the skipped batches are recorded with one write

    (folder / "sertifikat-002.pdf").unlink()
    writes.clear()
    repaired = print_certificates(contoh_event, options)
    assert [d.skipped for d in repaired.done] == [True, False, True]
    assert writes == [3, 3]  # the skipped ones together, then each rendered batch on its own

    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    village = manifest["berkas"]["sertifikat-003.pdf"]["butir"][0]
    log = contoh_event / "log" / "komitmen" / "J3-1.yaml"
    with open(log, "a", encoding="utf-8") as out:
        out.write("- " + json.dumps({"waktu": "2026-11-12T15:00:00+07:00", "desa": village,
                                     "inovasi": ["INO-001"], **CARD}) + "\n")
    changed = print_certificates(contoh_event, options)
    assert [d.skipped for d in changed.done] == [True, True, False]
    forced = print_certificates(contoh_event, Options(batch=4, kecamatan=["Bulu"], ulang=True))
    assert [d.skipped for d in forced.done] == [False] * 3


def test_nine_innovations_still_fit_one_page(contoh_event):
    with open(contoh_event / "log" / "komitmen" / "J3-1.yaml", "a", encoding="utf-8") as out:
        out.write("- " + json.dumps({"waktu": "2026-11-12T16:00:00+07:00", "desa": "33.23.01.2001",
                                     "inovasi": [f"INO-{i:03d}" for i in range(1, 10)], **CARD}) + "\n")
    printed = print_certificates(contoh_event, Options(desa=["33.23.01.2001"]))
    texts = pages_text(printed.folder / "sertifikat-001.pdf")
    assert len(texts) == 1 and "9." in texts[0] and "NIP" in texts[0]


def test_fewer_batches_remove_the_old_extra_files(contoh_event):
    options = Options(batch=4, kecamatan=["Bulu"])
    print_certificates(contoh_event, options)
    fewer = print_certificates(contoh_event, Options(batch=9, kecamatan=["Bulu"]))
    assert fewer.removed == ["sertifikat-002.pdf", "sertifikat-003.pdf"]
    assert sorted(p.name for p in fewer.folder.glob("*.pdf")) == ["sertifikat-001.pdf"]


def test_preview_is_marked_and_kept_apart(contoh_event):
    printed = produce("sertifikat", contoh_event, Options(contoh=2))
    assert [o.name for o in printed.outputs] == ["sertifikat/sertifikat-contoh.pdf"]  # the -contoh rule
    texts = pages_text(contoh_event / "keluaran" / "sertifikat" / "sertifikat-contoh.pdf")
    assert len(texts) == 2 and all("CONTOH" in t for t in texts)
    assert not list((contoh_event / "keluaran" / "sertifikat").glob("sertifikat-0*.pdf"))


def kepala(**changes) -> dict:
    acara = minimal_data("acara.yaml")
    acara["penyelenggara"]["kepala"].update(changes)
    return acara


@pytest.mark.parametrize("acara, expected", [
    (kepala(status="plt"), "Plt. KEPALA DINAS PEMBERDAYAAN MASYARAKAT DAN DESA"),
    (kepala(status="an", atas_nama="BUPATI TEMANGGUNG", jabatan="SEKRETARIS DINAS"),
     "a.n. BUPATI TEMANGGUNG SEKRETARIS DINAS"),
    ({**minimal_data("acara.yaml"), "dokumen": {**minimal_data("acara.yaml")["dokumen"], "penanda_tangan_sk": "bupati"},
      "bupati": {"nama": "H. Agus Setyawan, S.Ag.", "jabatan": "BUPATI TEMANGGUNG"}},
     "BUPATI TEMANGGUNG, Agus Setyawan"),  # a certificate names its signer without titles (Pasal 44(2))
])
def test_signature_block(tmp_path, acara, expected):
    root = make_event(tmp_path / "ev", {**TWO_CARDS, "acara.yaml": acara})
    printed = print_certificates(root, Options())
    text = pages_text(printed.folder / "sertifikat-001.pdf")[0]
    assert expected in text


def test_bupati_without_data_points_at_acara_yaml(tmp_path):
    acara = {**minimal_data("acara.yaml"), "dokumen": {**minimal_data("acara.yaml")["dokumen"], "penanda_tangan_sk": "bupati"}}
    root = make_event(tmp_path / "ev", {**TWO_CARDS, "acara.yaml": acara})
    with pytest.raises(DataError) as caught:
        print_certificates(root, Options())
    problem = caught.value.problems[0]
    assert problem.file == "acara.yaml" and problem.line > 0 and "bupati" in problem.message
    assert not (root / "keluaran" / "sertifikat").exists()


def test_photo_by_convention(tmp_path):
    from PIL import Image

    root = make_event(tmp_path / "ev", TWO_CARDS)
    (root / "foto").mkdir()
    Image.new("RGB", (60, 40), "#884422").save(root / "foto" / "33.23.01.2001.jpg")
    printed = print_certificates(root, Options(batch=1))  # one page per file: its own images only
    with_photo, without = (len(PdfReader(printed.folder / f"sertifikat-00{i}.pdf").pages[0].images) for i in (1, 2))
    assert (with_photo, without) == (1, 0)


def test_cli_parallel_batches_and_merge(tmp_path):
    root = make_event(tmp_path / "ev", TWO_CARDS)
    result = runner.invoke(app, ["cetak", "sertifikat", str(root), "--batch", "1", "--jobs", "2", "--gabung"])
    assert result.exit_code == 0, result.output
    out = plain(result.output)
    assert "2 sertifikat dalam 2 berkas" in out
    folder = root / "keluaran" / "sertifikat"
    assert [len(PdfReader(folder / n).pages) for n in ("sertifikat-001.pdf", "sertifikat-002.pdf")] == [1, 1]
    merged = pages_text(folder / "sertifikat-semua.pdf")
    assert ["Suparman" in merged[0], "Sri Lestari" in merged[1]] == [True, True]


@pytest.mark.parametrize("args, message", [
    (["--desa", "Atlantis"], "Desa 'Atlantis' tidak ada"),
    (["--batch", "0"], "--batch"),  # refused by the parser (in Indonesian through the entry point)
    (["--kecamatan", "Atlantis"], "Kecamatan 'Atlantis' tidak ada"),
])
def test_cli_bad_options(tmp_path, args, message):
    root = make_event(tmp_path / "ev", TWO_CARDS)
    result = runner.invoke(app, ["cetak", "sertifikat", str(root), *args])
    assert result.exit_code == 2 and message in plain(result.output)


def test_no_cards_yet(minimal_event):
    with pytest.raises(UsageError, match="Belum ada Kartu Komitmen"):
        print_certificates(minimal_event, Options())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("moment", ["workers-started", "first-batch-written"])
def test_kill_9_leaves_no_worker_alive(contoh_event, moment):
    """After kill -9 of `cetak sertifikat --jobs 2`, its workers die too."""
    out = contoh_event / "keluaran" / "sertifikat"
    seen = kill_9_with_workers(["cetak", "sertifikat", str(contoh_event), "--jobs", "2", "--batch", "1"],
                                   ready=lambda: moment == "workers-started" or any(out.glob("sertifikat-*.pdf")))
    assert len(seen) == 2
