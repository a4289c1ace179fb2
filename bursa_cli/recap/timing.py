"""What the rehearsal measured (`bursa rekap --gladi`): time per desk and role, refusals, desks needed.

Read from the rehearsal's own logs (`gladi/log/`) and refusals (`gladi/tolak/`),
never from `log/`. The time a desk takes is the time from one entry to the
next at that desk (one log file). A gap longer than `IDLE` is a pause (a
break, the desk waiting for people), not a scan: it is left out and counted.

Registration desks needed = the event's confirmed participants x the median
time between two registrations / the arrival window, rounded up; the same with
the p90 time gives the figure to plan with when scans run slow.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..day.area import area_of
from ..schema.logfile import read_log

IDLE = 600.0  # seconds: a longer gap between two entries at one desk is a pause
ARRIVAL_MINUTES = 90  # bawaan arrival window (e.g. 07.00 to 08.30)
ROLE_OF_KIND = {"registrasi": "registrasi", "stempel": "stempel", "penilaian": "nilai", "ide": "ide",
                "komitmen": "komitmen"}
ROLE_LABEL = {"registrasi": "Registrasi", "stempel": "Meja konsultasi (stempel)", "nilai": "Penilaian",
              "ide": "Kartu Ide", "komitmen": "Jendela 3 (Kartu Komitmen)"}
NO_CODE = "tanpa kode"


@dataclass
class Pace:
    """Entries, time between scans and refusals of one desk, or of all desks of one role."""

    peran: str
    meja: str  # the desk's log name, or "semua" for a role
    entri: int = 0
    median: float | None = None  # seconds from one entry to the next
    p90: float | None = None
    jeda: int = 0  # gaps longer than IDLE, left out
    tolak: Counter = field(default_factory=Counter)  # refusal code -> count

    @property
    def label(self) -> str:
        return ROLE_LABEL.get(self.peran, self.peran)


@dataclass
class Timing:
    """The rehearsal's timing report."""

    meja: list[Pace]
    peran: list[Pace]
    tolak: Counter  # every refusal, by code
    peserta_konfirmasi: int
    jendela_menit: int
    meja_registrasi: int | None  # from the median registration time
    meja_registrasi_p90: int | None
    mulai: str = ""
    selesai: str = ""

    @property
    def registrasi(self) -> Pace | None:
        return next((p for p in self.peran if p.peran == "registrasi"), None)

    def as_dict(self) -> dict:
        """Plain JSON-ready data (`rekap --gladi --format json`)."""
        def pace(p: Pace) -> dict:
            return {"peran": p.peran, "meja": p.meja, "entri": p.entri, "median_detik": p.median,
                    "p90_detik": p.p90, "jeda": p.jeda, "tolak": dict(p.tolak.most_common())}
        return {"peran": [pace(p) for p in self.peran], "meja": [pace(p) for p in self.meja],
                "tolak": dict(self.tolak.most_common()), "peserta_konfirmasi": self.peserta_konfirmasi,
                "jendela_menit": self.jendela_menit, "meja_registrasi": self.meja_registrasi,
                "meja_registrasi_p90": self.meja_registrasi_p90, "mulai": self.mulai, "selesai": self.selesai}


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest value with at least `share` of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def desks_needed(people: int, seconds: float | None, minutes: int) -> int | None:
    """Desks that register `people` in `minutes` when one registration takes `seconds`."""
    if seconds is None or minutes <= 0:
        return None
    return max(1, math.ceil(people * seconds / (minutes * 60)))


def measure_rehearsal(event, minutes: int = ARRIVAL_MINUTES) -> Timing:
    """The timing report of the rehearsal of `event` (its `gladi/` area)."""
    area = area_of(Path(event.root), gladi=True)
    desks: dict[tuple[str, str], list[datetime]] = {}
    first, last = None, None
    for kind, role in ROLE_OF_KIND.items():
        folder = area.base / "log" / kind
        for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
            times = desks.setdefault((role, path.stem), [])
            for line in read_log(path, f"{area.logs}/{kind}/{path.name}").entries:
                when = _time(line.data.get("waktu"))
                if when is not None:
                    times.append(when)
    refused: dict[tuple[str, str], Counter] = {}
    if area.refusals.is_dir():
        for path in sorted(area.refusals.glob("*.yaml")):
            for line in read_log(path, path.name).entries:
                role = str(line.data.get("peran") or "?")
                desk = str(line.data.get("perangkat") or path.stem)
                refused.setdefault((role, desk), Counter())[str(line.data.get("kode") or NO_CODE)] += 1
                desks.setdefault((role, desk), [])
    per_desk: list[Pace] = []
    gaps_of_role: dict[str, list[float]] = {}
    paces_of_role: dict[str, Pace] = {}
    for (role, desk) in sorted(desks, key=lambda key: (list(ROLE_LABEL).index(key[0]) if key[0] in ROLE_LABEL
                                                         else 99, key[1])):
        times = sorted(desks[(role, desk)])
        if times:
            first = min(first, times[0]) if first else times[0]
            last = max(last, times[-1]) if last else times[-1]
        gaps = [(b - a).total_seconds() for a, b in zip(times, times[1:])]
        kept = [g for g in gaps if g <= IDLE]
        pace = _pace(role, desk, len(times), kept, len(gaps) - len(kept), refused.get((role, desk), Counter()))
        per_desk.append(pace)
        gaps_of_role.setdefault(role, []).extend(kept)
        total = paces_of_role.setdefault(role, Pace(role, "semua"))
        total.entri += pace.entri
        total.jeda += pace.jeda
        total.tolak.update(pace.tolak)
    per_role = []
    for role, total in paces_of_role.items():
        gaps = gaps_of_role[role]
        per_role.append(_pace(role, "semua", total.entri, gaps, total.jeda, total.tolak))
    confirmed = sum(1 for p in event.peserta if p.konfirmasi == "ya")
    registration = next((p for p in per_role if p.peran == "registrasi"), None)
    everything = Counter()
    for pace in per_role:
        everything.update(pace.tolak)
    return Timing(per_desk, per_role, everything, confirmed, minutes,
                  desks_needed(confirmed, registration.median if registration else None, minutes),
                  desks_needed(confirmed, registration.p90 if registration else None, minutes),
                  first.isoformat() if first else "", last.isoformat() if last else "")


def _pace(role: str, desk: str, entries: int, gaps: list[float], pauses: int, refused: Counter) -> Pace:
    return Pace(role, desk, entries, statistics.median(gaps) if gaps else None,
                percentile(gaps, 0.9) if gaps else None, pauses, Counter(refused))


def _time(value) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None
