"""The consultation desk (Jendela 2): a participant's Kartu Komitmen stamped for an innovation served there."""

from __future__ import annotations

from typing import Any, Optional

from pydantic import Field

from ...errors import Refused, Repeat, UsageError
from ...schema.models import Inovasi
from ..desk import not_checked_in
from ..actions import Recorded, check_resent, entry_of, known_peserta, record_entry
from ..refusals import rehearsed
from ..state import Day
from .base import Desk, Masuk, Reply, Step, View, inovasi_json


class StempelMasuk(Masuk):
    peserta: str = Field(min_length=1, max_length=80)
    inovasi: Optional[str] = Field(None, max_length=40)
    meja: Optional[str] = Field(None, max_length=40, description="Harus meja perangkat itu sendiri bila diisi")
    konsultan: Optional[str] = Field(None, max_length=40)
    ulang: bool = False


def desk_inovasi(day: Day, meja: str) -> list[Inovasi]:
    """The menu innovations a consultation desk serves (their `meja` in inovasi.yaml)."""
    desks = day.event.meja_ruang
    if meja not in desks:
        known = ", ".join(sorted(desks)) or "(belum ada meja di acara.yaml)"
        raise UsageError.coded("BUR-M030", meja=meja, dikenal=known)
    served = [i for i in day.menu.values() if i.meja == meja]
    if not served:
        raise UsageError.coded("BUR-M031", meja=meja)
    return served


@rehearsed("stempel")
def stamp(day: Day, meja: str, peserta_id: str, inovasi_id: str | None = None,
          konsultan: str | None = None, ulang: bool = False, id_entri: str | None = None) -> Recorded:
    """Stamp a participant's Kartu Komitmen for an innovation served at `meja`."""
    served = desk_inovasi(day, meja)
    check_konsultan(day, konsultan, meja)
    day.refresh(("registrasi", "stempel"))
    peserta = known_peserta(day, peserta_id)
    inovasi = _served(served, meja, inovasi_id)

    def decide() -> dict[str, Any]:
        check_resent(day, "stempel", id_entri, peserta=peserta.id, inovasi=inovasi.id)
        earlier = day.stamps.get((peserta.id, inovasi.id))
        if earlier is not None and not ulang:
            raise Repeat.coded("BUR-M023", earlier=earlier, nama=peserta.nama, peserta=peserta.id,
                              inovasi=inovasi.id, jam=earlier.jam, meja=earlier.by)
        return entry_of(day, id_entri, peserta=peserta.id, inovasi=inovasi.id, meja=meja, konsultan=konsultan)

    entries: list[dict[str, Any]] = []
    file = record_entry(day, "stempel", meja, decide, entries)
    return Recorded(file, entries[0], peserta, inovasi)


def check_konsultan(day: Day, konsultan: str | None, meja: str | None = None) -> None:
    """Refuse a consultant id not in panitia.yaml, or one panitia.yaml puts at another desk
    than `meja`; desks call it before their loop starts."""
    if not konsultan:
        return
    anggota = day.event.panitia_by_id.get(konsultan)
    if anggota is None:
        raise UsageError.coded("BUR-M032", konsultan=konsultan)
    if meja is None:
        return
    guards = [a for a in day.event.panitia if a.meja == meja]
    if (anggota.meja and anggota.meja != meja) or (guards and anggota not in guards):
        where = f"bertugas di meja {anggota.meja}" if anggota.meja else "tidak tercatat menjaga meja mana pun"
        names = ", ".join(f"{a.id} {a.nama}" for a in guards)
        advice = (f"Meja {meja} dijaga {names}." if guards else
                  f"Ubah `meja:` {konsultan} di panitia.yaml bila tugasnya memang dipindah.")
        raise UsageError.coded("BUR-M033", konsultan=konsultan, nama=anggota.nama, tugas=where, baris=anggota._line,
                               meja=meja, saran=advice)


def _served(served: list[Inovasi], meja: str, inovasi_id: str | None) -> Inovasi:
    if not inovasi_id:
        if len(served) == 1:
            return served[0]
        raise Refused.coded("BUR-M034", meja=meja, jumlah=len(served))
    wanted = inovasi_id.strip().upper()
    for inovasi in served:
        if inovasi.id.upper() == wanted:
            return inovasi
    ids = ", ".join(i.id for i in served)
    raise Refused(f"Inovasi '{inovasi_id.strip()}' tidak dilayani di meja {meja}. "  # teks bebas: kode H005 validasi
                  f"Meja ini melayani: {ids}.", code="BUR-H005")


def _stamped(day: Day, result: Recorded, view: View) -> Reply:
    data: dict[str, Any] = {"peserta": view(result.peserta), "inovasi": inovasi_json(result.inovasi)}
    warning = not_checked_in(day, result.peserta)
    if warning:
        data["peringatan"] = warning
    return Reply("tercatat", f"Stempel {result.inovasi.id} {result.inovasi.judul} untuk {result.peserta.nama} "
                 f"({result.peserta.id}) tercatat.", result.file,
                 data=data)


def _served_here(day: Day, meja: str) -> dict[str, list[dict[str, Any]]]:
    return {"inovasi_meja": [inovasi_json(i) for i in day.menu.values() if i.meja == meja]}


def _opens(day: Day, meja: str, given: dict[str, Any]) -> None:
    """A desk that does not exist, serves nothing, or a consultant not at it: refused before the first scan."""
    desk_inovasi(day, meja)
    check_konsultan(day, given.get("konsultan"), meja)


DESK = Desk(
    peran="stempel", path="stempel", kind="stempel", title="Stempel", model=StempelMasuk, named_by="meja",
    record=lambda day, meja, asked: stamp(day, meja, asked.peserta, asked.inovasi, asked.konsultan, asked.ulang,
                                          id_entri=asked.id_entri),
    answer=_stamped,
    intro="Pindai Kartu ID peserta, lalu pilih inovasinya bila meja memegang lebih dari satu.",
    steps=(Step("peserta", "Id peserta:", "pindai"),
           Step("inovasi", "Inovasi (nomor atau id):", "pilih", "inovasi_meja")),
    again="Catat stempel kedua?",
    opens=_opens,
    sources=_served_here,
)
