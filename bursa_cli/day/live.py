"""The live summary of the day, for a screen in the pleno or at Jendela 3.

`LiveSummary.refresh()` reads only the bytes the logs gained since the last
refresh (per-file offsets in `LogTail`), so a screen can refresh every few
seconds through a whole day of 10,000 stamps without re-reading anything.
"""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..schema.logfile import LogLine
from ..schema.models import LOG_KINDS
from .logwrite import now
from .tail import LogTail

LATEST = 8


@dataclass
class Latest:
    waktu: str
    kind: str
    text: str


@dataclass
class Summary:
    """A snapshot of the day so far; all counts come from the logs."""

    invited: int = 0  # participants in peserta.yaml
    confirmed: int = 0  # of which konfirmasi: ya
    registered: int = 0  # distinct participants checked in (walk-ins included)
    registered_confirmed: int = 0  # checked-in participants who had confirmed
    walk_ins: int = 0
    stamps: int = 0
    stamps_by_room: dict[str, int] = field(default_factory=dict)
    stamps_by_desk: dict[str, int] = field(default_factory=dict)
    ratings: int = 0
    ideas: int = 0
    villages: int = 0  # villages whose Kartu Komitmen is recorded
    villages_total: int = 0
    commitments_by_bidang: dict[str, int] = field(default_factory=dict)  # village x innovation
    unsigned: int = 0  # cards missing a signature
    latest: list[Latest] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    room_names: dict[str, str] = field(default_factory=dict)
    room_of: dict[str, str] = field(default_factory=dict)  # desk -> room code ("?" when unknown)
    refreshed: str = ""
    bytes_read: int = 0  # read by the last refresh only


class LiveSummary:
    """Counts of the day, kept current by reading only what the logs appended."""

    def __init__(self, root: Path, gladi: bool = False):
        from ..check.gate import gate
        from .area import area_of

        event = gate(Path(root), "hari").event  # the screen runs through problems elsewhere, as the desks do
        self.root = Path(root)
        self.event = event
        self._confirmed = {p.id for p in event.peserta if p.konfirmasi == "ya"}
        self._listed = {p.id: p for p in event.peserta}
        self._bidang = {i.id: i.bidang for i in event.inovasi}
        self._meja_ruang = dict(event.meja_ruang)
        self.gladi = gladi
        self._tails = {kind: LogTail(self.root, kind, area_of(self.root, gladi).logs) for kind in LOG_KINDS}
        self._latest: deque[Latest] = deque(maxlen=LATEST)
        self._bad: dict[str, list[Problem]] = {kind: [] for kind in LOG_KINDS}
        for kind in LOG_KINDS:
            self._clear(kind)

    def _clear(self, kind: str) -> None:
        if kind == "registrasi":
            self._checked: set[str] = set()
            self._walk_ins: set[str] = set()
        elif kind == "stempel":
            self._desks: Counter[str] = Counter()
        elif kind == "penilaian":
            self._ratings = 0
        elif kind == "ide":
            self._ideas = 0
        elif kind == "komitmen":
            self._cards: dict[str, dict[str, Any]] = {}  # desa -> latest card

    def refresh(self) -> Summary:
        """Take in what the logs gained and return the current summary."""
        torn: list[Problem] = []
        fresh: list[Latest] = []
        before = self._bytes_seen()
        for kind, tail in self._tails.items():
            read = tail.read_new()
            if read.reset:
                self._clear(kind)
                self._bad[kind] = []
            for shown, line in read.entries:
                text = self._take(kind, shown, line)
                if text:
                    fresh.append(Latest(str(line.data.get("waktu", "")), kind, text))
            self._bad[kind].extend(read.problems)
            torn.extend(read.torn)
        problems = [p for kind in LOG_KINDS for p in self._bad[kind]] + torn
        self._latest.extend(sorted(fresh, key=lambda item: item.waktu))
        return self._summary(self._bytes_seen() - before, problems)

    def _take(self, kind: str, shown: str, line: LogLine) -> str:
        data = line.data
        if kind == "registrasi":
            who = data.get("peserta")
            if not isinstance(who, str):
                return ""
            self._checked.add(who)
            new = data.get("tanpa_undangan")
            if isinstance(new, dict):
                self._walk_ins.add(who)
                return f"{who} {new.get('nama', '')} (tanpa undangan)"
            peserta = self._listed.get(who)
            return f"{who} {peserta.nama if peserta else ''}".strip()
        if kind == "stempel":
            if not isinstance(data.get("peserta"), str) or not isinstance(data.get("inovasi"), str):
                return ""
            desk = str(data.get("meja") or Path(shown).stem)
            self._desks[desk] += 1
            return f"stempel {data['inovasi']} untuk {data['peserta']} di meja {desk}"
        if kind == "penilaian":
            self._ratings += 1
            return ""
        if kind == "ide":
            self._ideas += 1
            return f"Kartu Ide: {data.get('judul', '')}"
        if kind == "komitmen":
            desa = data.get("desa")
            if not isinstance(desa, str) or not isinstance(data.get("inovasi"), list):
                return ""
            when = _timestamp(data.get("waktu"))
            held = self._cards.get(desa)
            if held is None or when >= _timestamp(held.get("waktu")):
                self._cards[desa] = data  # the card in force: later `waktu` wins, then later in the logs
            nama = self.event.desa_by_kode.get(desa)
            return f"Kartu Komitmen Desa {nama.nama if nama else desa}: {', '.join(map(str, data['inovasi']))}"
        return ""

    def _summary(self, bytes_read: int, problems: list[Problem]) -> Summary:
        rooms: Counter[str] = Counter()
        for desk, count in self._desks.items():
            rooms[self._meja_ruang.get(desk, "?")] += count
        by_bidang: Counter[str] = Counter()
        unsigned = 0
        for card in self._cards.values():
            for inovasi_id in dict.fromkeys(card["inovasi"]):
                by_bidang[self._bidang.get(str(inovasi_id), "?")] += 1
            if not (_yes(card.get("ttd_kepala_desa")) and _yes(card.get("ttd_ketua_bpd"))):
                unsigned += 1
        zona = self.event.acara.zona_waktu if self.event.acara else ""
        return Summary(
            invited=len(self._listed),
            confirmed=len(self._confirmed),
            registered=len(self._checked),
            registered_confirmed=len(self._checked & self._confirmed),
            walk_ins=len(self._walk_ins - set(self._listed)),
            stamps=sum(self._desks.values()),
            stamps_by_room=dict(sorted(rooms.items())),
            stamps_by_desk=dict(sorted(self._desks.items())),
            ratings=self._ratings,
            ideas=self._ideas,
            villages=len(self._cards),
            villages_total=len(self.event.desa),
            commitments_by_bidang=dict(by_bidang),
            unsigned=unsigned,
            latest=list(reversed(self._latest)),
            problems=problems,
            room_names={r: self.event.ruang_by_kode[r].nama for r in rooms if r in self.event.ruang_by_kode},
            room_of={desk: self._meja_ruang.get(desk, "?") for desk in self._desks},
            refreshed=f"{now(zona or 'WIB')[11:19].replace(':', '.')} {zona}".strip(),
            bytes_read=bytes_read,
        )

    def _bytes_seen(self) -> int:
        return sum(pos.offset for tail in self._tails.values() for pos in tail.positions.values())


def _timestamp(value: Any) -> float:
    """An entry's ISO time as seconds (0 when unreadable: `bursa validasi` reports that line)."""
    try:
        return datetime.fromisoformat(str(value)).timestamp()
    except ValueError:
        return 0.0


def _yes(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"ya", "y", "true", "benar", "sudah"}
