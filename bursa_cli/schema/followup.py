"""The follow-up log after the fair: `log/tindak-lanjut/<perangkat>.yaml`.

One entry is one observed step of one commitment (a village and an innovation
on its Kartu Komitmen in force), written in the same append-only, one-JSON-
object-per-line form as the day's logs (`schema/logfile.py`)::

    - {"waktu": "2026-12-02T10:00:00+07:00", "petugas": "PAN-01", "desa": "33.23.02.2010",
       "inovasi": "INO-023", "tahap": "rkp-desa", "tanggal": "2026-11-28"}

Why a log and not a table: the Dinas, the TIK and each pendamping add what they
learn, from several laptops, months apart; appending one line per step keeps
every change with its author and date and merges in git without conflicts.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, Optional

from pydantic import Field

from .models import LogEntry
from .types import Id, KodeDesa

FOLLOWUP_KIND = "tindak-lanjut"  # the folder under log/

Tahap = Literal["rkp-desa", "apbdes", "pelaksanaan", "selesai", "batal"]
Sumber = Literal["dana-desa", "add", "pades", "lainnya"]

# The steps in the order a commitment moves through them; `batal` ends it.
TAHAP_ORDER: tuple[str, ...] = ("rkp-desa", "apbdes", "pelaksanaan", "selesai", "batal")
TAHAP_RANK: dict[str, int] = {tahap: rank for rank, tahap in enumerate(TAHAP_ORDER, start=1)}
TAHAP_LABEL: dict[str, str] = {
    "rkp-desa": "Masuk RKP Desa",
    "apbdes": "Dianggarkan di APBDes",
    "pelaksanaan": "Dilaksanakan",
    "selesai": "Selesai",
    "batal": "Batal",
}
SUMBER_LABEL: dict[str, str] = {
    "dana-desa": "Dana Desa",
    "add": "Alokasi Dana Desa (ADD)",
    "pades": "Pendapatan Asli Desa (PADes)",
    "lainnya": "Sumber lain",
}
SUMBER_ORDER: tuple[str, ...] = tuple(SUMBER_LABEL)


class TindakLanjut(LogEntry):
    """One observed step of one commitment after the fair."""

    desa: KodeDesa = Field(description="Kode desa yang berkomitmen")
    inovasi: Id = Field(description="Id inovasi di Kartu Komitmen desa itu")
    tahap: Tahap = Field(description="rkp-desa, apbdes, pelaksanaan, selesai atau batal")
    tanggal: date = Field(description="Tanggal langkah itu terjadi (mis. tanggal Musdes atau Perdes), TTTT-BB-HH")
    nilai: Optional[int] = Field(None, ge=0, description="Untuk apbdes: anggaran dalam rupiah, tanpa titik (mis. 25000000)")
    sumber: Optional[Sumber] = Field(None, description="Untuk apbdes: dana-desa, add, pades atau lainnya")
    perdes: Optional[str] = Field(None, description="Untuk apbdes: nomor Perdes APBDes")
    p2ktd: list[Id] = Field(default_factory=list, description="Id P2KTD (p2ktd.yaml) yang mendampingi")
    keterangan: Optional[str] = Field(None, description="Catatan; wajib bila tahap mundur")
    alasan: Optional[str] = Field(None, description="Untuk batal: mengapa komitmen tidak dilanjutkan")


def committed_pairs(cards: dict) -> dict[tuple[str, str], object]:
    """(village code, innovation id) -> the Kartu Komitmen in force that names it."""
    return {(kode, ino): card for kode, card in cards.items() for ino in dict.fromkeys(card.inovasi)}


def history(entries: list[TindakLanjut]) -> dict[tuple[str, str], list[TindakLanjut]]:
    """Each commitment's steps in the order they were written (`waktu`, then file and line).

    Why by `waktu` and not `tanggal`: the latest word on a commitment is what
    was written last, even when it corrects an earlier step (a step back, with
    its reason in `keterangan`).
    """
    # The entries come in file and line order, so their index breaks a tie of `waktu`.
    keyed = sorted((entry.waktu.timestamp(), index) for index, entry in enumerate(entries))
    steps: dict[tuple[str, str], list[TindakLanjut]] = {}
    for _, index in keyed:
        entry = entries[index]
        steps.setdefault((entry.desa, entry.inovasi), []).append(entry)
    return steps
