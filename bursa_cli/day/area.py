"""Where the day's logs live: `log/` on the day, `gladi/log/` in the rehearsal (gladi bersih).

The rehearsal on H-1 runs the same desks, pages and devices as the day, but
against a copy of the day in `gladi/` (ignored by git): its entries, its
refusals and its certificates never reach `log/` or `keluaran/`. The paired
devices are not part of either: they live in the event's `.layani/`, so a
phone paired at the rehearsal works on the day unchanged.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from .logwrite import LOG_DIR

GLADI_DIR = "gladi"
REFUSALS_DIR = "tolak"  # inside gladi/: one log per desk of what it refused, for `rekap --gladi`
BAND = "GLADI BERSIH \u2014 data latihan"


@dataclass(frozen=True)
class Area:
    """The folder whose `log/` the desks write: the event folder, or its rehearsal copy."""

    root: Path  # the event folder
    gladi: bool = False

    @property
    def base(self) -> Path:
        """The folder holding `log/` (what `logwrite` calls the root of the logs)."""
        return self.root / GLADI_DIR if self.gladi else self.root

    @property
    def logs(self) -> str:
        """The logs' folder as a user sees it, relative to the event folder: `log` or `gladi/log`."""
        return f"{GLADI_DIR}/{LOG_DIR}" if self.gladi else LOG_DIR

    @property
    def refusals(self) -> Path:
        return self.root / GLADI_DIR / REFUSALS_DIR

    @property
    def output(self) -> Path:
        """Where a rehearsal's documents go (certificates at Jendela 3): never the day's `keluaran/`."""
        from ..paths import OUTPUT_DIR

        return self.root / GLADI_DIR / OUTPUT_DIR


def area_of(root: Path, gladi: bool = False) -> Area:
    return Area(Path(root), gladi)


def empty_rehearsal(root: Path) -> int:
    """Empty the rehearsal area (`bursa layani --gladi --ulang`); the number of files it held.

    Why a rename first: the folder leaves the desks' sight in one step, so a
    desk never reads a half-deleted rehearsal; the copy is then removed.
    """
    folder = Path(root) / GLADI_DIR
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise UsageError.coded("BUR-M100", folder=GLADI_DIR)
    if not folder.is_dir():
        return 0
    count = sum(1 for _, _, files in os.walk(folder) for name in files if not name.startswith("."))
    aside = folder.with_name(f".{GLADI_DIR}-dihapus-{time.time_ns()}")
    os.replace(folder, aside)
    shutil.rmtree(aside, ignore_errors=True)
    return count


@dataclass
class DayCheck:
    """What `bursa layani` says as it starts, about the day it serves."""

    gladi: bool
    logs: str  # where the entries go, as shown
    rehearsal_files: int = 0  # on the day: logs left in gladi/, never read
    warning: str = ""  # on the day: today is not the event day (BUR-G005)
    code: str = ""


def day_check(event, gladi: bool, today=None) -> DayCheck:
    """Where this run writes and what it leaves alone; on the day, a warning when today is not the event day."""
    from datetime import datetime, timedelta, timezone

    from ..codes import say
    from ..indo import hari_tanggal
    from ..schema.types import ZONA_OFFSET_HOURS

    area = area_of(event.root, gladi)
    found = DayCheck(gladi, area.logs + "/")
    if gladi:
        return found
    rehearsal = event.root / GLADI_DIR / LOG_DIR
    found.rehearsal_files = sum(1 for _ in rehearsal.glob("*/*.yaml")) if rehearsal.is_dir() else 0
    acara = event.acara
    zone = timezone(timedelta(hours=ZONA_OFFSET_HOURS.get(acara.zona_waktu, 7)))
    today = today or datetime.now(zone).date()
    if today != acara.tanggal:
        said = say("BUR-G005", hari_ini=hari_tanggal(today), hari=hari_tanggal(acara.tanggal))
        found.warning, found.code = said["message"], said["code"]
    return found
