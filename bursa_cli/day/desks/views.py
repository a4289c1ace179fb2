"""What a desk sees of the day: itself, a participant, a village. One shape for every desk.

The laptop induk answers `/api/v1/saya`, `/peserta` and `/desa` with these, and
the terminal desks build the same dictionaries from the event folder, so one
dialogue (`terminal/dialogue.py`) runs against either. Nothing here writes.
"""

from __future__ import annotations

from typing import Any

from ...schema.models import PERAN_LABEL, Peserta
from ...schema.types import BIDANG_LABEL
from ..actions import known_desa, search_desa, search_peserta
from ..seat import seat_of
from ..state import Day
from .base import inovasi_json


def about(day: Day, peran: str, name: str, *, perangkat: str = "", meja: str | None = None, nama: str = "",
          gladi: bool = False) -> dict[str, Any]:
    """What a desk needs to start, and to keep working offline: `name` is the name its log carries."""
    from . import desks_of

    acara = day.acara
    data: dict[str, Any] = {"perangkat": perangkat or name, "peran": peran, "meja": meja, "nama": nama,
                            "acara": acara.nama, "zona_waktu": acara.zona_waktu, "gladi": gladi}
    if peran == "stempel" and meja:
        room = day.event.ruang_by_kode.get(day.event.meja_ruang.get(meja, ""))
        data["ruang"] = room.nama if room else ""
        data["inovasi"] = [inovasi_json(i) for i in day.menu.values() if i.meja == meja]
    if peran in ("nilai", "komitmen"):
        data["inovasi"] = [inovasi_json(i) for i in day.menu.values()]
    if peran == "komitmen":
        data["tahun_apbdes"] = acara.tahun_apbdes
    if peran == "ide":
        data["bidang"] = BIDANG_LABEL
    if peran == "registrasi":
        data["peran_peserta"] = PERAN_LABEL
        data["bursa_kit"] = list(acara.bursa_kit)
    # The dialogue of each desk this device records at, as the terminal desks run it.
    desks = desks_of(peran)
    data["langkah"] = {desk.path: desk.steps_json() for desk in desks}
    data["sumber"] = {desk.path: desk.sources(day, (meja or "") if desk.named_by == "meja" else name)
                      for desk in desks if desk.sources}
    return data


def peserta_view(day: Day, peserta: Peserta, peran: str) -> dict[str, Any]:
    """One participant as a desk may see them: phone numbers and seats only at registration."""
    data = {
        "id": peserta.id, "nama": peserta.nama, "peran": peserta.peran,
        "peran_label": PERAN_LABEL.get(peserta.peran, peserta.peran),
        "desa": peserta.desa, "desa_label": day.desa_label(peserta.desa), "instansi": peserta.instansi,
        "terdaftar": peserta.id in day.checked_in,
        "stempel": sorted(day.stamps_of.get(peserta.id, ())),
    }
    if peran == "registrasi":
        data["telepon"] = peserta.telepon
        data["kursi"] = seat_of(day.event, peserta.id)
    return data


def found_peserta(day: Day, text: str, peran: str) -> list[dict[str, Any]]:
    """Participants whose name, id or village matches `text`."""
    return [peserta_view(day, p, peran) for p in search_peserta(day, text)]


def found_desa(day: Day, text: str) -> list[dict[str, str]]:
    """Villages whose code, name or kecamatan matches `text`."""
    return [{"kode": kode, "label": day.desa_label(kode)} for kode in search_desa(day, text)]


def desa_view(day: Day, kode: str) -> dict[str, Any]:
    """A village at Jendela 3: its stamps from every desk and the card in force, if any."""
    from .komitmen import off_day_for_desa, stamped_for_desa

    kode = known_desa(day, kode)
    day.refresh(("komitmen",))
    stamped = stamped_for_desa(day, kode)
    desks: dict[str, set[str]] = {}
    for (peserta_id, inovasi_id), seen in day.stamps.items():
        who = day.peserta(peserta_id)
        if who is not None and who.desa == kode:
            desks.setdefault(inovasi_id, set()).add(seen.by)
    card = day.commitments.get(kode)
    return {
        "kode": kode, "label": day.desa_label(kode),
        "stempel": [{**inovasi_json(s.inovasi), "jumlah": s.count, "meja_stempel": sorted(desks.get(s.inovasi.id, ()))}
                    for s in stamped],
        "kartu": {"berkas": card.file, "baris": card.line, "jam": card.jam} if card else None,
        "luar_hari": off_day_for_desa(day, kode),  # stamps dated outside the event day
    }
