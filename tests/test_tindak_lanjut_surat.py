"""`bursa cetak surat-tindak-lanjut`: one letter per Camat, numbered from the register, with its lampiran."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from pypdf import PdfReader

from bursa_cli.schema.event import load_event
from followup_support import followup_files
from render_helpers import pdf_pages
from support import bursa, make_event, plain


def _print(root: Path, *extra) -> str:
    result = bursa("cetak", "surat-tindak-lanjut", root, "--tanggal", "2027-05-03", "--batas", "2027-05-31", *extra)
    assert result.exit_code == 0, result.output
    return plain(result.output)


def test_letter_per_camat_with_lampiran_and_register(tmp_path):
    files = followup_files()
    files["acara.yaml"]["wilayah"]["kecamatan"].append({"kode": "33.23.02", "nama": "Tembarak"})
    files["desa.yaml"].append({"kode": "33.23.02.2001", "nama": "Tembarak"})
    files["log/komitmen/J3-1.yaml"].append(dict(files["log/komitmen/J3-1.yaml"][0], desa="33.23.02.2001",
                                                inovasi=["INO-002"]))
    root = make_event(tmp_path / "acara", files)
    shown = _print(root)
    assert "2 surat kepada Camat, lampiran 4 desa, batas 31 Mei 2027" in shown
    target = root / "keluaran" / "surat-tindak-lanjut" / "surat-tindak-lanjut.pdf"
    pages = pdf_pages(target)
    text = " ".join(" ".join(pages).split())
    numbers = [n.nomor for n in load_event(root).event.nomor if n.kunci.startswith("surat-tindak-lanjut/")]
    assert len(numbers) == 2 and len(set(numbers)) == 2
    assert all(f"Nomor : {n}" in text and f"NOMOR : {n}" in text for n in numbers)
    assert "Yth. Camat Bulu di Tempat" in text and "Yth. Camat Tembarak di Tempat" in text
    assert "Hal : Permintaan Data Tindak Lanjut Komitmen Replikasi Inovasi Desa" in text
    assert "sebanyak 3 desa di Kecamatan Bulu telah menyerahkan Kartu Komitmen untuk mereplikasi 4 inovasi" in text
    assert "paling lambat tanggal 31 Mei 2027" in text
    assert "Tembusan: 1. Koordinator Tenaga Ahli P3MD Kabupaten Temanggung; 2. Pendamping Desa Kecamatan Bulu." in text
    assert "KOMITMEN REPLIKASI INOVASI DESA DI KECAMATAN BULU" in text
    lampiran = text[text.index("DI KECAMATAN BULU"):text.index("Yth. Camat Tembarak")]
    assert "Campursari" in lampiran and "Tanpa kabar" in lampiran and "Batal, 2 Desember 2026" in lampiran
    assert "Dianggarkan di APBDes, 5 Januari 2027 Rp80.000.000" in lampiran
    assert "Tembarak" not in lampiran.replace("KECAMATAN BULU", "")
    reader = PdfReader(target)
    assert len(reader.pages) == 4  # a letter and a lampiran page per Camat
    assert reader.pages[1].mediabox.width > reader.pages[1].mediabox.height  # the lampiran is landscape
    word = " ".join(p.text for p in Document(target.with_suffix(".docx")).paragraphs)
    assert numbers[0] in word and "Camat Bulu" in word and "31 Mei 2027" in word
    register = (root / "register-nomor.yaml").read_bytes()
    _print(root)  # a reprint keeps each letter's number
    assert (root / "register-nomor.yaml").read_bytes() == register
    _print(root, "--kecamatan", "Tembarak")
    only = " ".join(" ".join(pdf_pages(target)).split())
    assert "Yth. Camat Tembarak" in only and "Camat Bulu" not in only


def test_no_letter_without_commitments(tmp_path):
    root = make_event(tmp_path / "acara")
    result = bursa("cetak", "surat-tindak-lanjut", root)
    assert result.exit_code == 0, result.output
    assert "belum ada Kartu Komitmen yang berlaku" in plain(result.output)
    assert not (root / "keluaran" / "surat-tindak-lanjut").exists()


def test_letter_refused_without_a_signer_nip(tmp_path):
    files = followup_files()
    files["acara.yaml"]["penyelenggara"]["kepala"].pop("nip")
    root = make_event(tmp_path / "acara", files)
    result = bursa("cetak", "surat-tindak-lanjut", root)
    assert result.exit_code == 1
    assert "BUR-C002" in plain(result.output) and "acara.yaml" in plain(result.output)
