"""The registry of printable documents: each kind of `bursa cetak JENIS` with the function that builds it.

What a kind is and needs (its help, options, stage, files and signatory) is
data in `bursa_cli/kinds.py`; here each kind gets its `build(job)`, imported
directly so the path from a command to its PDF can be read through imports.
To add a document: write `build(job)` in a module of `bursa_cli.render`, add
its `Kind` to `bursa_cli/kinds.py` and one line to `BUILDERS` below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ..kinds import KIND_BY_NAME, KINDS, KORESPONDENSI, PENETAPAN, SERTIFIKAT, Kind, Naskah
from . import hari, kartu, poster, rekap, sertifikat, sk, surat_tindak_lanjut, tindaklanjut, undangan, verifikasi
from . import denah

if TYPE_CHECKING:
    from .job import Job

__all__ = ["BUILDERS", "KIND_BY_NAME", "KINDS", "KORESPONDENSI", "PENETAPAN", "SERTIFIKAT", "Kind", "Naskah",
           "builder"]

BUILDERS: dict[str, Callable[["Job"], None]] = {
    "undangan": undangan.build,
    "sk": sk.build,
    "susunan-acara": hari.build_susunan,
    "daftar-hadir": hari.build_daftar_hadir,
    "poster": poster.build_poster,
    "katalog": poster.build_katalog,
    "denah": denah.build,
    "kartu-id": kartu.build_id,
    "kartu-cadangan": kartu.build_cadangan,
    "kartu-latihan": kartu.build_latihan,
    "kartu-komitmen": kartu.build_komitmen,
    "kartu-ide": kartu.build_ide,
    "sertifikat": sertifikat.build,
    "halaman-verifikasi": verifikasi.build,
    "rekap": rekap.build,
    "tindak-lanjut": tindaklanjut.build,
    "surat-tindak-lanjut": surat_tindak_lanjut.build,
}


def builder(kind: Kind) -> Callable[["Job"], None]:
    """The function that builds `kind` into a job."""
    return BUILDERS[kind.name]
