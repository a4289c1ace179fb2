"""Where each kept innovation stands at the fair: its Bursa room, stand number and desk.

The floor plan, the posters and the catalogue print these; the check rules
(`check/requirements.py`) refuse an innovation that has no room, so the
documents never meet one.
"""

from __future__ import annotations

from dataclasses import dataclass

from .schema.event import Event
from .schema.models import Inovasi, Ruang
from .schema.types import BIDANG_ORDER


@dataclass(frozen=True)
class Stand:
    """Where an innovation is shown: its Bursa room, stand number in that room, and desk."""

    ruang: Ruang | None
    nomor: int | None
    meja: str | None


def room_of(event: Event, inovasi: Inovasi) -> Ruang | None:
    """The innovation's Bursa room: as written, else the room of its desk, else the only room of its bidang."""
    rooms = event.ruang_by_kode
    if inovasi.ruang:
        return rooms.get(inovasi.ruang)
    if inovasi.meja and inovasi.meja in event.meja_ruang:
        return rooms.get(event.meja_ruang[inovasi.meja])
    holding = [r for r in rooms.values() if r.jenis == "bursa" and inovasi.bidang in r.bidang]
    return holding[0] if len(holding) == 1 else None


def assign_stands(event: Event) -> dict[str, Stand]:
    """Number the stands of each Bursa room: by desk (in acara.yaml order), then bidang, then id."""
    kept = event.inovasi_terpilih
    by_room: dict[str, list[Inovasi]] = {}
    stands: dict[str, Stand] = {}
    for inovasi in kept:
        ruang = room_of(event, inovasi)
        if ruang is None:
            stands[inovasi.id] = Stand(None, None, inovasi.meja)
        else:
            by_room.setdefault(ruang.kode, []).append(inovasi)
    for kode, items in by_room.items():
        ruang = event.ruang_by_kode[kode]
        desks = {meja: i for i, meja in enumerate(ruang.meja)}
        items.sort(key=lambda i: (desks.get(i.meja or "", len(desks)), _bidang_rank(i.bidang), i.id))
        for number, inovasi in enumerate(items, start=1):
            stands[inovasi.id] = Stand(ruang, number, inovasi.meja)
    return stands


def _bidang_rank(bidang: str) -> int:
    return BIDANG_ORDER.index(bidang) if bidang in BIDANG_ORDER else len(BIDANG_ORDER)
