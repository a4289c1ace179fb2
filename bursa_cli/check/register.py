"""What the register of letter numbers must hold: each running number once a year, one number a letter.

Two clones that printed letters apart each took the next free number from
their own copy of `register-nomor.yaml`; after a git merge (union) both lines
are there. A number issued twice is an error, named at both lines.
"""

from __future__ import annotations

from typing import Iterable

from ..codes import say
from ..errors import Problem
from ..schema.event import Event, locate


def check_register(event: Event) -> Iterable[Problem]:
    """Running numbers issued twice in a year, and letters that got two numbers."""
    by_urut: dict[tuple[int, int], object] = {}
    by_kunci: dict[str, object] = {}
    for entry in event.nomor:
        first = by_urut.setdefault((entry.tahun, entry.urut), entry)
        if first is not entry and first.kunci != entry.kunci:
            yield locate(entry, field_name="urut", value=str(entry.urut),
                         **say("BUR-N002", urut=entry.urut, tahun=entry.tahun, nomor=entry.nomor,
                                kunci=entry.kunci, nomor_lain=first.nomor, kunci_lain=first.kunci,
                                berkas=first._file, baris=first._line))
        earlier = by_kunci.setdefault(entry.kunci, entry)
        if earlier is not entry and earlier.nomor != entry.nomor:
            yield locate(entry, field_name="nomor", value=entry.nomor,
                         **say("BUR-N003", kunci=entry.kunci, nomor=entry.nomor, nomor_lain=earlier.nomor,
                                berkas=earlier._file, baris=earlier._line))

