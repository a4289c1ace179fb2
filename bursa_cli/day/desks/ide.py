"""The Kartu Ide desk: an innovation a village already practises but nobody has written down."""

from __future__ import annotations

from typing import Any, Optional

from pydantic import Field

from ...errors import Refused
from ...schema.types import BIDANG_LABEL
from ..actions import Recorded, check_name, check_resent, entry_of, known_peserta, record_entry
from ..refusals import rehearsed
from ..state import Day
from .base import Desk, Masuk, Reply, Step, View


class IdeMasuk(Masuk):
    judul: str = Field(min_length=1, max_length=300)
    uraian: Optional[str] = Field(None, max_length=3000)
    bidang: Optional[str] = Field(None, max_length=40)
    peserta: Optional[str] = Field(None, max_length=80)
    desa: Optional[str] = Field(None, max_length=40)


@rehearsed("ide")
def record_idea(day: Day, perangkat: str, judul: str, uraian: str | None = None,
                bidang: str | None = None, peserta_id: str | None = None,
                desa: str | None = None, id_entri: str | None = None) -> Recorded:
    """Record a Kartu Ide; the village defaults to the participant's own."""
    check_name(perangkat, "--perangkat")
    if not judul or not judul.strip():
        raise Refused.coded("BUR-M014")
    day.refresh(("registrasi", "ide"))
    peserta = known_peserta(day, peserta_id) if peserta_id and peserta_id.strip() else None
    bidang = (bidang or "").strip().lower() or None
    if bidang and bidang not in BIDANG_LABEL:
        raise Refused.coded("BUR-M015", bidang=bidang, pilihan=", ".join(BIDANG_LABEL))
    desa = (desa or "").strip() or (peserta.desa if peserta else None)
    if desa and desa not in day.desa:
        raise Refused.coded("BUR-M016", desa=desa)

    def decide() -> dict[str, Any]:
        check_resent(day, "ide", id_entri, judul=judul.strip())
        return entry_of(day, id_entri, petugas=perangkat, judul=judul.strip(), uraian=(uraian or "").strip() or None,
                      bidang=bidang, peserta=peserta.id if peserta else None, desa=desa)

    entries: list[dict[str, Any]] = []
    file = record_entry(day, "ide", perangkat, decide, entries)
    return Recorded(file, entries[0], peserta)


def _noted(day: Day, result: Recorded, view: View) -> Reply:
    return Reply("tercatat", f"Kartu Ide \u201c{result.entry['judul']}\u201d tercatat.", result.file)


def _fields(day: Day, name: str) -> dict[str, list[dict[str, Any]]]:
    return {"bidang": [{"id": key, "label": label} for key, label in BIDANG_LABEL.items()]}


DESK = Desk(
    peran="ide", path="ide", kind="ide", title="Kartu Ide", model=IdeMasuk,
    record=lambda day, name, asked: record_idea(day, name, asked.judul, asked.uraian, asked.bidang, asked.peserta,
                                                asked.desa, id_entri=asked.id_entri),
    answer=_noted,
    intro="Untuk setiap kartu: id peserta (boleh kosong), nama inovasi, uraian, bidang.",
    steps=(Step("peserta", "Id peserta (kosong bila tidak ada):", "pindai", optional=True),
           Step("judul", "Nama inovasi:"), Step("uraian", "Uraian (boleh kosong):", optional=True),
           Step("bidang", "Bidang (nomor, boleh kosong):", "pilih", "bidang", optional=True),
           Step("desa", "Desa (kode atau nama, boleh kosong):", "desa", optional=True,
                when=lambda values: not values.get("peserta"))),
    sources=_fields,
)
