"""The rating point: a participant rates a menu innovation from 1 to 5."""

from __future__ import annotations

from typing import Any, Optional

from pydantic import Field

from ...errors import Refused, Repeat
from ..actions import Recorded, check_name, check_resent, entry_of, known_peserta, menu_inovasi, record_entry
from ..refusals import rehearsed
from ..state import Day
from ..desk import read_score
from .base import Desk, Masuk, Reply, Round, Step, View, inovasi_json


class NilaiMasuk(Masuk):
    peserta: str = Field(min_length=1, max_length=80)
    inovasi: str = Field(min_length=1, max_length=40)
    nilai: int
    catatan: Optional[str] = Field(None, max_length=1000)
    ulang: bool = False


@rehearsed("nilai")
def rate(day: Day, perangkat: str, peserta_id: str, inovasi_id: str, nilai: int | str,
         catatan: str | None = None, ulang: bool = False, id_entri: str | None = None) -> Recorded:
    """Record a participant's rating (1 to 5) of a menu innovation."""
    check_name(perangkat, "--perangkat")
    try:
        score = int(str(nilai).strip())
    except ValueError:
        score = 0
    if not 1 <= score <= 5:
        raise Refused.coded("BUR-M013", nilai=nilai)
    day.refresh(("registrasi", "penilaian"))
    peserta = known_peserta(day, peserta_id)
    inovasi = menu_inovasi(day, inovasi_id)

    def decide() -> dict[str, Any]:
        check_resent(day, "penilaian", id_entri, peserta=peserta.id, inovasi=inovasi.id)
        earlier = day.ratings.get((peserta.id, inovasi.id))
        if earlier is not None and not ulang:
            raise Repeat.coded("BUR-M022", earlier=earlier, nama=peserta.nama, peserta=peserta.id,
                              inovasi=inovasi.id, jam=earlier.jam)
        return entry_of(day, id_entri, petugas=perangkat, peserta=peserta.id, inovasi=inovasi.id, nilai=score,
                      catatan=(catatan or "").strip() or None)

    entries: list[dict[str, Any]] = []
    file = record_entry(day, "penilaian", perangkat, decide, entries)
    return Recorded(file, entries[0], peserta, inovasi)


def _rated(day: Day, result: Recorded, view: View) -> Reply:
    return Reply("tercatat", f"Nilai {result.entry['nilai']} dari {result.peserta.nama} ({result.peserta.id}) untuk "
                 f"{result.inovasi.id} {result.inovasi.judul} tercatat.", result.file)


def _menu(day: Day, name: str) -> dict[str, list[dict[str, Any]]]:
    return {"inovasi": [inovasi_json(i) for i in day.menu.values()]}


def _offered(round: Round) -> list[dict[str, Any]]:
    """What a rating desk offers: the participant's stamped innovations, then the desk's own; with
    neither, the whole menu.

    Why stamped first: a participant rates what they consulted on; a rating point that is
    also a consultation desk adds its own innovations."""
    stamped = set((round.peserta or {}).get("stempel") or [])
    menu = round.about.get("inovasi") or []
    own = round.about.get("perangkat")
    offered = [i for i in menu if i["id"] in stamped] + [i for i in menu if i["id"] not in stamped and i.get("meja") == own]
    return offered or menu


DESK = Desk(
    peran="nilai", path="penilaian", kind="penilaian", title="Penilaian", model=NilaiMasuk,
    record=lambda day, name, asked: rate(day, name, asked.peserta, asked.inovasi, asked.nilai, asked.catatan,
                                         asked.ulang, id_entri=asked.id_entri),
    answer=_rated,
    intro="Pindai Kartu ID peserta, pilih inovasi, ketik nilai 1 sampai 5.",
    steps=(Step("peserta", "Id peserta:", "pindai"),
           Step("inovasi", "Inovasi (nomor atau id):", "pilih", offer=_offered),
           Step("nilai", "Nilai (1-5, kosong = batal):", "angka", read=lambda text, round: read_score(text)),
           Step("catatan", "Catatan (boleh kosong):", optional=True)),
    again="Catat penilaian kedua?",
    sources=_menu,
)
