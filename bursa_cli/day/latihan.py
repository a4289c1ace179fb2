"""The practice cards of the rehearsal: fictitious participants LAT-01 ... LAT-20, marked LATIHAN.

`bursa cetak kartu-latihan` prints their Kartu ID; a desk in the rehearsal
(`--gladi`) knows them, a desk on the day refuses them (BUR-G003), so a
practice scan can never reach `log/`. They belong to the event's first
villages, so the rehearsal can carry a Kartu Komitmen through Jendela 3.
"""

from __future__ import annotations

import re

from ..schema.models import Peserta
from ..schema.types import is_kelurahan

COUNT = 20  # two A4 sheets of ID-1 cards
PRACTICE_ID = re.compile(r"^LAT-[0-9]{2,}$", re.IGNORECASE)
ROLES = ("kepala-desa", "ketua-bpd")  # the two who commit a village: Jendela 3 can be rehearsed


def practice_id(number: int) -> str:
    return f"LAT-{number:02d}"


def is_practice(text: str | None) -> bool:
    """Whether `text` is the id on a practice card."""
    return bool(PRACTICE_ID.match((text or "").strip()))


def practice_peserta(event, count: int = COUNT) -> list[Peserta]:
    """The fictitious participants on the practice cards: two per village (Kepala Desa and
    Ketua BPD) of the event's first villages; without villages, guests of no village."""
    villages = [d.kode for d in event.desa if not is_kelurahan(d.kode)]
    found = []
    for index in range(count):
        number = index + 1
        peran, desa = (ROLES[index % 2], villages[(index // 2) % len(villages)]) if villages else ("lainnya", None)
        found.append(Peserta(id=practice_id(number), nama=f"Peserta Latihan {number:02d}", peran=peran,
                             desa=desa, instansi=None if desa else "Gladi bersih", konfirmasi="ya"))
    return found
