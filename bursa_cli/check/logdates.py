"""The day's logs hold the day: entries in `log/` dated outside the event day are flagged.

An entry a day away is most likely a rehearsal recorded without `--gladi`
(or a laptop's clock a day off): a warning that says so. Further away it is
an error. The rehearsal's own logs (`gladi/log/`) are never read here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Iterable, Iterator

from ..codes import say
from ..errors import Problem
from ..indo import hari_tanggal, tanggal
from ..schema.event import Event, locate
from ..schema.types import days_from

DAY_KINDS = ("registrasi", "stempel", "penilaian", "ide", "komitmen")  # log/kursi/ is written when cards print


@dataclass
class OffDay:
    """The entries of `log/` dated outside the event day, counted per kind."""

    near: Counter = field(default_factory=Counter)  # a day before or after: data gladi?
    far: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.near.values()) + sum(self.far.values())


def off_day_entries(event: Event) -> Iterator[tuple[str, object, int]]:
    """(kind, entry, days from the event day) for every entry of `log/` not dated on the event day."""
    if event.acara is None:
        return
    day, zona = event.acara.tanggal, event.acara.zona_waktu
    for kind in DAY_KINDS:
        for entry in getattr(event, kind):
            offset = days_from(entry.waktu, day, zona)
            if offset:
                yield kind, entry, offset


def count_off_day(event: Event) -> OffDay:
    """How many entries of `log/` are dated outside the event day (for rekap and Jendela 3)."""
    found = OffDay()
    for kind, _entry, offset in off_day_entries(event):
        (found.near if abs(offset) == 1 else found.far)[kind] += 1
    return found


def check_log_dates(event: Event) -> Iterable[Problem]:
    """Each entry of `log/` dated outside the event day, at its file:line."""
    if event.acara is None:
        return
    day = hari_tanggal(event.acara.tanggal)
    for _kind, entry, offset in off_day_entries(event):
        written = tanggal(event.acara.tanggal + timedelta(days=offset))  # the date in the event's zone
        arah = "sebelum" if offset < 0 else "sesudah"
        if abs(offset) == 1:
            yield locate(entry, field_name="waktu", value=entry.waktu.isoformat(),
                         **say("BUR-G001", tanggal=written, arah=f"sehari {arah}", hari=day))
        else:
            yield locate(entry, field_name="waktu", value=entry.waktu.isoformat(),
                         **say("BUR-G002", tanggal=written, selisih=abs(offset), arah=arah, hari=day))


def only_event_day(event: Event) -> Event:
    """The event with the entries of `log/` dated outside the event day left out."""
    if event.acara is None:
        return event
    day, zona = event.acara.tanggal, event.acara.zona_waktu
    kept = {kind: [e for e in getattr(event, kind) if not days_from(e.waktu, day, zona)] for kind in DAY_KINDS}
    return replace(event, **kept)
