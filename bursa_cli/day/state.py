"""What a desk knows on the day: the event, and every log entry so far, kept current.

A `Day` is opened once when a desk starts its loop. Before each entry it
re-reads only what the logs gained since (other desks, other laptops merged
through git, another window at the same desk), so duplicates are caught
across all files without reloading the event.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from pydantic import ValidationError

from ..errors import DataError
from ..schema.event import Event, replaces_card
from ..schema.logfile import LogLine
from ..schema.models import LOG_KINDS, Desa, Inovasi, Peserta
from .area import Area, area_of
from .latihan import practice_peserta
from .logwrite import Appended, now
from .tail import LogTail


@dataclass(frozen=True, slots=True)
class Seen:
    """Where and when an earlier entry was recorded."""

    file: str
    line: int
    waktu: str
    by: str  # the device, desk or officer that recorded it

    @property
    def jam(self) -> str:
        """'09.14' from an ISO time (the time as written, in the event's zone)."""
        clock = self.waktu[11:16] if len(self.waktu) >= 16 else self.waktu
        return clock.replace(":", ".")


class Day:
    """The loaded event plus indexes of the day's logs, refreshed incrementally."""

    def __init__(self, event: Event, load_problems: int = 0, gladi: bool = False):
        if event.acara is None:
            raise DataError.coded("BUR-M114")
        self.event = event
        self.root: Path = event.root
        self.area: Area = area_of(event.root, gladi)
        self.gladi = gladi
        self.base: Path = self.area.base  # the folder holding the `log/` this day writes
        self.clock: Callable[[], str] | None = None  # the time of each entry (fixed in tests); bawaan: now
        self.acara = event.acara
        self.load_problems = load_problems
        self.listed: dict[str, Peserta] = {p.id: p for p in event.peserta}
        # The practice cards' participants (`bursa cetak kartu-latihan`) exist only in a rehearsal.
        self.practice: dict[str, Peserta] = {p.id: p for p in practice_peserta(event)} if gladi else {}
        self.menu: dict[str, Inovasi] = {i.id: i for i in event.inovasi_terpilih}
        self.desa: dict[str, Desa] = event.desa_by_kode
        self._tails = {kind: LogTail(self.root, kind, self.area.logs) for kind in LOG_KINDS}
        self._settled = False
        self._clear()
        self.refresh()

    @classmethod
    def open(cls, root: Path, gladi: bool = False) -> "Day":
        """Load the event folder at `root`; only an unusable acara.yaml stops the day.

        `gladi`: the rehearsal, writing to `gladi/log/` instead of `log/`."""
        from ..check.gate import gate

        passed = gate(Path(root), "hari")
        return cls(passed.event, sum(1 for p in passed.problems if p.is_error), gladi)

    def now(self) -> str:
        """The time written on the next entry, in the event's zone."""
        return self.clock() if self.clock is not None else now(self.acara.zona_waktu)

    # ---- state built from the logs

    def _clear(self, kind: str | None = None) -> None:
        kinds = [kind] if kind else list(LOG_KINDS)
        if not hasattr(self, "by_id_entri"):
            self.by_id_entri: dict[str, dict[str, tuple[Seen, dict[str, Any]]]] = {}
        for each in kinds:
            self.by_id_entri[each] = {}  # id_entri -> where it was written and what it said
        if "registrasi" in kinds:
            self.walk_ins: dict[str, Peserta] = {}
            self.checked_in: dict[str, Seen] = {}
        if "stempel" in kinds:
            self.stamps: dict[tuple[str, str], Seen] = {}
            self.stamps_of: dict[str, list[str]] = {}  # participant -> innovations stamped, in log order
        if "penilaian" in kinds:
            self.ratings: dict[tuple[str, str], Seen] = {}
        if "komitmen" in kinds:
            self.commitments: dict[str, Seen] = {}  # the card in force per village
            self._card_time: dict[str, float] = {}

    def refresh(self, kinds: tuple[str, ...] | None = None) -> None:
        """Take in whatever the logs gained since the last refresh (of `kinds`, or all of them).

        Why only some kinds: an action looks at the logs before each entry it
        writes, and a look costs a stat per log file; a Kartu Ide need not look
        at the stamps of 40 desks. Inside `settled()` nothing can have changed,
        and a refresh does nothing.
        """
        if self._settled:
            return
        self._refresh(kinds)

    @contextmanager
    def settled(self) -> Iterator[None]:
        """Look at every log once, then trust this `Day` until the block ends.

        Only for a caller that holds the lock of every kind of log (the laptop
        induk's writer, for one batch of entries): no other process can then
        append, the entries written meanwhile are taken in by `take_written`,
        and a look before each entry would only stat every log file again.
        """
        self._refresh(None)
        self._settled = True
        try:
            yield
        finally:
            self._settled = False

    def take_written(self, kind: str, written: Appended) -> None:
        """Take in an entry this process has just appended, from the bytes it wrote.

        The log is read instead when it holds anything else not yet seen.
        """
        taken = self._tails[kind].advance(written)
        if taken is None:
            self._refresh((kind,))
            return
        for shown, line in taken:
            self._take_line(kind, shown, line)

    def _refresh(self, kinds: tuple[str, ...] | None) -> None:
        for kind, tail in self._tails.items():
            if kinds is not None and kind not in kinds:
                continue
            read = tail.read_new()
            if read.reset:
                self._clear(kind)
            for shown, line in read.entries:
                self._take_line(kind, shown, line)

    def _take_line(self, kind: str, shown: str, line: LogLine) -> None:
        try:
            entry = LOG_KINDS[kind].model_validate(line.data)
        except ValidationError:
            return  # `bursa validasi` reports it; a desk keeps going
        by = line.data.get("petugas") or line.data.get("meja") or Path(shown).stem
        seen = Seen(shown, line.line, str(line.data.get("waktu", "")), str(by))
        self._take(kind, entry, seen)
        if entry.id_entri:
            self.by_id_entri[kind].setdefault(entry.id_entri, (seen, line.data))

    def _take(self, kind: str, entry: Any, seen: Seen) -> None:
        if kind == "registrasi":
            if entry.tanpa_undangan and entry.peserta not in self.listed and entry.peserta not in self.walk_ins:
                self.walk_ins[entry.peserta] = entry.tanpa_undangan.as_peserta(entry.peserta)
            self.checked_in.setdefault(entry.peserta, seen)
        elif kind == "stempel":
            if (entry.peserta, entry.inovasi) not in self.stamps:
                self.stamps[(entry.peserta, entry.inovasi)] = seen
                self.stamps_of.setdefault(entry.peserta, []).append(entry.inovasi)
        elif kind == "penilaian":
            self.ratings.setdefault((entry.peserta, entry.inovasi), seen)
        elif kind == "komitmen":
            # A later card replaces the earlier one (a correction), by the rule of `cards_in_force`.
            when = entry.waktu.timestamp()
            if replaces_card(when, self._card_time.get(entry.desa)):
                self.commitments[entry.desa] = seen
                self._card_time[entry.desa] = when

    # ---- look-ups

    def sent_before(self, id_entri: str) -> tuple[str, Seen, dict[str, Any]] | None:
        """The entry written earlier under this client-made id, in any log: (kind, where, data)."""
        for kind, seen_ids in self.by_id_entri.items():
            found = seen_ids.get(id_entri)
            if found is not None:
                return kind, *found
        return None

    def peserta(self, peserta_id: str) -> Peserta | None:
        """A listed participant or a walk-in, by id (any letter case, as scanners vary)."""
        text = peserta_id.strip()
        found = self.listed.get(text) or self.walk_ins.get(text) or self.practice.get(text)
        if found is None:
            upper = text.upper()
            for pool in (self.listed, self.walk_ins, self.practice):
                for key, value in pool.items():
                    if key.upper() == upper:
                        return value
        return found

    def all_peserta(self) -> list[Peserta]:
        return [*self.listed.values(), *self.walk_ins.values(), *self.practice.values()]

    def inovasi(self, inovasi_id: str) -> Inovasi | None:
        text = inovasi_id.strip()
        found = self.menu.get(text)
        if found is None:
            for key, value in self.menu.items():
                if key.upper() == text.upper():
                    return value
        return found

    def desa_label(self, kode: str | None) -> str:
        """'Desa Bulu, Kec. Bulu' (or the code when the village is not listed)."""
        if not kode:
            return ""
        desa = self.desa.get(kode)
        name = f"Desa {desa.nama}" if desa else kode
        kecamatan = self.event.kecamatan_of_desa(kode)
        return f"{name}, Kec. {kecamatan}" if kecamatan else name
