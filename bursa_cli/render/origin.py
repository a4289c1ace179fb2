"""Which state of the event data a document came from (git commit, uncommitted changes).

Kept apart from `pdf` so that code which only needs the provenance (the
certificate planner, before its workers start) does not import WeasyPrint.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

NO_GIT = "bukan repositori git"


@dataclass(frozen=True)
class Provenance:
    """Which state of the event data a document came from."""

    commit: str  # a commit hash, or NO_GIT
    dirty: bool = False

    @property
    def perubahan(self) -> str:
        if self.commit == NO_GIT:
            return "tidak diketahui"
        return "ya: ada perubahan yang belum di-commit" if self.dirty else "tidak"


def provenance(root: Path) -> Provenance:
    """The git commit of the event folder and whether it has uncommitted changes.

    Never fails: without git, or outside a repository, the metadata says so.
    """
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"],
                              capture_output=True, text=True, timeout=10)
        if head.returncode != 0:
            return Provenance(NO_GIT)
        status = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--", ".", ":(exclude)keluaran"],
            capture_output=True, text=True, timeout=30)
        return Provenance(head.stdout.strip(), dirty=bool(status.stdout.strip()))
    except (OSError, subprocess.SubprocessError):
        return Provenance(NO_GIT)
