"""A spreadsheet from a stranger cannot exhaust the laptop: zip-bomb limits, bad files, no traceback.

Each case builds one file to import; `bursa impor` must stop with exit 2 and
the words given, and leave the event folder as it was.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from hostile_support import run_refused
from support import make_event, plain


def _small_xlsx(path: Path, width: str = "") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Nama Lengkap", "Jabatan", "Desa/Kelurahan"])
    sheet.append(["Badu", "Kepala Desa", "Tegalurung"])
    if width:  # a far-right cell on many rows: millions of empty cells once the rows are read
        for row in range(3, 200):
            sheet[f"{width}{row}"] = "x"
    book.save(path)
    return path


def padded_xlsx(path: Path) -> Path:
    """A real workbook of a few KB plus one part that expands to 201 MB (1 MB expanding to 1 GB, scaled)."""
    _small_xlsx(path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/media/isi.bin", "w", force_zip64=True) as part:
            block = b"\0" * (1024 * 1024)
            for _ in range(201):
                part.write(block)
    return path


def wide_xlsx(path: Path) -> Path:
    return _small_xlsx(path, width="XFD")


def broken_xlsx(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04 ini bukan berkas excel")
    return path


def huge_csv(path: Path) -> Path:
    with open(path, "wb") as out:
        out.seek(51 * 1024 * 1024)
        out.write(b"\n")
    return path


def long_cell_csv(path: Path) -> Path:
    path.write_text("Nama Lengkap;Jabatan\n" + "x" * 200_000 + ";Kades\n", encoding="utf-8")
    return path


def odd_utf16_csv(path: Path) -> Path:
    path.write_bytes(b"\xff\xfeN\x00a\x00m")  # a UTF-16 file cut in the middle of a character
    return path


CASES = {
    "bom-zip-201-mb": ("peserta.xlsx", padded_xlsx, "data bila dibuka (batas 200 MB)"),
    "bom-sel-kosong": ("peserta.xlsx", wide_xlsx, "memuat lebih dari 2.000.000 sel"),
    "bukan-zip": ("peserta.xlsx", broken_xlsx, "tidak dapat dibuka sebagai berkas Excel"),
    "csv-raksasa": ("peserta.csv", huge_csv, "lebih besar dari 50 MB"),
    "csv-sel-200-kb": ("peserta.csv", long_cell_csv, "baris 2 tidak dapat dibaca sebagai CSV"),
}


def test_cut_utf16_csv_is_a_problem_not_a_traceback(tmp_path: Path):
    root = make_event(tmp_path / "acara")
    output = plain(run_refused(root, "impor", "peserta", odd_utf16_csv(tmp_path / "p.csv"), root, code=1))
    assert "Baris judul kolom tidak ditemukan" in output


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_spreadsheet_is_refused(name: str, tmp_path: Path):
    file, build, words = CASES[name]
    root = make_event(tmp_path / "acara")
    source = build(tmp_path / file)
    assert source.stat().st_size < 60 * 1024 * 1024
    output = plain(run_refused(root, "impor", "peserta", source, root, code=2))
    assert words in output, output
