"""Letter numbers from a register kept in the event folder.

`register-nomor.yaml` is append-only, one line per number issued, in the log
line format (valid YAML, one JSON object per line), so it merges in git and a
person can read it. A number is never issued twice: the next running number
is one past the highest issued that year (or `penomoran.urut_awal`), and the
sequence restarts each year. Printing the same letter again reuses the number
(and date) already issued for it instead of burning a new one.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from filelock import FileLock, Timeout

from ..codes import say
from ..errors import Problem, UsageError
from ..schema.event import REGISTER_FILE
from ..schema.logfile import format_entry, read_log
from ..indo import romawi
from ..fsutil import write_atomic

REGISTER = REGISTER_FILE
HEADER = ("# Register nomor surat yang diterbitkan bursa: satu baris satu nomor.\n"
          "# Jangan mengubah atau menghapus baris; nomor yang tercatat tidak dipakai lagi.\n")


@dataclass(frozen=True)
class Issued:
    kunci: str  # what the number is for, e.g. "undangan/rapat-bursa"
    nomor: str
    tahun: int
    urut: int
    tanggal: date
    perihal: str
    baru: bool  # issued in this run (not yet in the register)


_NEEDED = {
    "kunci": "teks (untuk apa nomor itu)",
    "nomor": "teks (nomor surat)",
    "tahun": "angka tahun",
    "urut": "angka nomor urut",
    "tanggal": "tanggal bentuk TTTT-BB-HH",
}


def _line_problems(line) -> list[Problem]:
    """What makes one register line unusable (a field missing or of the wrong kind), all at once.

    Why here: lines edited by hand or joined by a git merge are read before
    anything is rendered, so a bad one is a clear problem and not a traceback.
    """
    data = line.data
    problems = []
    for key, kind in _NEEDED.items():
        value = data.get(key)
        if key not in data:
            message = f"Baris register tanpa '{key}' ({kind})."
        elif not _valid(key, value):
            message = f"Isian '{key}' di baris register harus berupa {kind}."
        else:
            continue
        problems.append(Problem(file=REGISTER, line=line.line, column=line.column_of(key), path=key,
                                value="" if value is None else str(value)[:60], **say("BUR-N001", pesan=message)))
    return problems


def _valid(key: str, value) -> bool:
    if key in ("tahun", "urut"):
        return isinstance(value, int) and not isinstance(value, bool)
    if key == "tanggal":
        try:
            date.fromisoformat(value)
        except (TypeError, ValueError):
            return False
        return True
    return isinstance(value, str) and bool(value.strip())


@dataclass
class Register:
    """The issued numbers of one event, locked while a run reserves new ones."""

    root: Path
    pola: str
    unit: str
    urut_awal: int = 1
    entries: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    pending: list[Issued] = field(default_factory=list)
    _lock: FileLock | None = None

    @property
    def path(self) -> Path:
        return self.root / REGISTER

    def open(self) -> "Register":
        """Lock the register (so two runs cannot take the same number) and read it."""
        # The lock lives in the temp folder, not the event folder, so it never shows up in git.
        key = hashlib.sha1(str(self.path.resolve()).encode()).hexdigest()[:16]
        self._lock = FileLock(os.path.join(tempfile.gettempdir(), f"bursa-nomor-{key}.lock"), timeout=30)
        try:
            self._lock.acquire()
        except Timeout:
            raise UsageError.coded("BUR-C121", berkas=REGISTER) from None
        if self.path.is_file():
            read = read_log(self.path, REGISTER)
            self.problems.extend(read.problems)
            for line in read.entries:
                found = _line_problems(line)
                self.problems.extend(found)
                if not found:
                    self.entries.append(line.data)
        return self

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def number(self, kunci: str, klasifikasi: str, tanggal: date, perihal: str) -> Issued:
        """The number for `kunci`: the one already issued, or the next free one (reserved)."""
        for entry in reversed(self.entries):
            if entry.get("kunci") == kunci:
                return Issued(kunci, entry["nomor"], entry["tahun"], entry["urut"],
                              date.fromisoformat(entry["tanggal"]), entry.get("perihal", perihal), False)
        for issued in self.pending:
            if issued.kunci == kunci:
                return issued
        taken = [e["urut"] for e in self.entries if e["tahun"] == tanggal.year]
        taken += [i.urut for i in self.pending if i.tahun == tanggal.year]
        urut = max([self.urut_awal - 1, *taken]) + 1
        nomor = self.pola.format(klasifikasi=klasifikasi, urut=urut, unit=self.unit, bulan=tanggal.month,
                                 bulan_romawi=romawi(tanggal.month), tahun=tanggal.year)
        issued = Issued(kunci, nomor, tanggal.year, urut, tanggal, perihal, True)
        self.pending.append(issued)
        return issued

    def save(self) -> None:
        """Append the numbers reserved in this run (atomically: the old lines stay as they were)."""
        if not self.pending:
            return
        old = self.path.read_text(encoding="utf-8") if self.path.is_file() else HEADER
        if old and not old.endswith("\n"):
            old += "\n"
        now = datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")
        new = "".join(format_entry({
            "kunci": i.kunci, "nomor": i.nomor, "tahun": i.tahun, "urut": i.urut,
            "tanggal": i.tanggal.isoformat(), "perihal": i.perihal, "dicatat": now,
        }) for i in self.pending)
        write_atomic(self.path, old + new)
        self.entries.extend({"kunci": i.kunci, "nomor": i.nomor, "tahun": i.tahun, "urut": i.urut,
                             "tanggal": i.tanggal.isoformat(), "perihal": i.perihal} for i in self.pending)
        self.pending = []
