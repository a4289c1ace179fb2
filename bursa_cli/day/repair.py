"""Repair logs left damaged by a crash: keep every complete entry, set the rest aside.

A writer killed mid-line leaves a torn last line; the next append starts on a
new line, so the torn text may also sit in the middle of a log. Every line
that cannot be read is moved, byte for byte, to a side file
`<log>.rusak-<waktu>` (never deleted) and the log is rewritten atomically
without it, under the log's lock so no desk writes in between.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..errors import UsageError
from ..safepath import leads_out
from ..schema.logfile import read_log
from ..fsutil import write_atomic
from .logwrite import LOG_DIR, locked


@dataclass
class Repair:
    """What was done to one log."""

    file: str  # as shown, e.g. log/stempel/A-03.yaml
    kept: int  # complete entries kept
    lines: list[int] = field(default_factory=list)  # line numbers moved aside
    side_file: str = ""


def repair_logs(root: Path, stamp: str | None = None, logs: str = LOG_DIR) -> list[Repair]:
    """Repair every damaged log of the event at `root` (in `logs`: `log`, or `gladi/log` in a
    rehearsal); undamaged logs are left untouched."""
    root = Path(root)
    stamp = stamp or datetime.now().strftime("%Y%m%d-%H%M%S")
    done = []
    paths = sorted((root / logs).glob("*/*.yaml"))
    for path in paths:
        # Rewriting a symlinked log would copy the file it points at into the event's repository.
        if path.is_symlink() or leads_out(root, path) or not path.is_file():
            shown = path.relative_to(root).as_posix()
            raise UsageError.coded("BUR-M112", berkas=shown, jenis="tautan/symlink" if path.is_symlink()
                                   else "folder atau tautan ke luar")
    for path in paths:
        shown = path.relative_to(root).as_posix()
        with locked(path):
            repair = _repair_one(path, shown, stamp)
        if repair is not None:
            done.append(repair)
    return done


def _repair_one(path: Path, shown: str, stamp: str) -> Repair | None:
    read = read_log(path, shown)
    bad = {p.line for p in read.problems}
    if not bad:
        return None
    lines = re.findall(rb"[^\n]*\n|[^\n]+$", path.read_bytes())  # split as read_log does
    good, moved = [], []
    for number, raw in enumerate(lines, start=1):
        (moved if number in bad else good).append(raw)
    side = path.with_name(f"{path.name}.rusak-{stamp}")
    body = b"".join(raw if raw.endswith(b"\n") else raw + b"\n" for raw in moved)
    note = (f"# Baris rusak dari {path.name} (baris {', '.join(map(str, sorted(bad)))}), "
            f"dipindahkan oleh `bursa perbaiki`.\n").encode("utf-8")
    # The side file is durable before the log loses the lines, so nothing is ever lost.
    write_atomic(side, _append_side(side, note + body))
    write_atomic(path, b"".join(good))
    return Repair(shown, len(read.entries), sorted(bad), side.name)


def _append_side(side: Path, data: bytes) -> bytes:
    return (side.read_bytes() if side.exists() else b"") + data
