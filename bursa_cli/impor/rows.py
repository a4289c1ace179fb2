"""The rows of a sheet being imported, what a plan says of them, and the ids new rows get.

Shared by the import of lists (`plan.py`) and of the follow-up sheet (`followup_import.py`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem
from .wilayah import Village


@dataclass
class Row:
    """One data row of the sheet and what the import makes of it."""

    number: int
    cells: list[object]
    record: dict[str, Any] = field(default_factory=dict)  # the YAML item, keys in model order
    problems: list[Problem] = field(default_factory=list)
    status: str = "baru"  # baru, berubah, sama, ditolak
    match: str = ""  # id of the existing item this row is
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    village: Village | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


class RowVerdicts:
    """What a plan says of its `rows`: those with one status, and every problem or error among them."""

    rows: list

    def having(self, status: str) -> list:
        return [r for r in self.rows if r.status == status]

    @property
    def problems(self) -> list[Problem]:
        return [p for r in self.rows for p in r.problems]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


DEFAULT_PREFIX = {"peserta": ("P-", 4), "inovasi": ("INO-", 3), "TIK": ("TIK-", 2), "Panitia": ("PAN-", 2)}


@dataclass
class IdSequence:
    """The ids given to new rows: the next numbers of the pattern the existing ids follow."""

    prefix: str
    width: int
    last: int
    taken: set[str]

    @classmethod
    def of(cls, kind: str, group: str, existing: list, taken: set[str]) -> "IdSequence":
        """The most used 'PREFIX + number' pattern among existing ids (of the same tim)."""
        ids = [item.id for item in existing if kind != "panitia" or item.tim == group]
        parts = [m.groups() for m in (re.fullmatch(r"(.*?)(\d+)", i) for i in ids) if m]
        if not parts:
            prefix, width = DEFAULT_PREFIX[group or kind]
            return cls(prefix, width, 0, taken)
        prefix = Counter(p for p, _ in parts).most_common(1)[0][0]
        numbers = [n for p, n in parts if p == prefix]
        return cls(prefix, max(len(n) for n in numbers), max(int(n) for n in numbers), taken)

    def next(self) -> str:
        while True:
            self.last += 1
            candidate = f"{self.prefix}{self.last:0{self.width}d}"
            if candidate not in self.taken:
                self.taken.add(candidate)
                return candidate
