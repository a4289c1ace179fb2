"""Follow the logs of one kind, reading only what was appended since the last look."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem
from ..schema.logfile import LogLine, read_log
from .logwrite import LOG_DIR


@dataclass
class _Position:
    offset: int = 0
    line: int = 1


@dataclass
class TailRead:
    """What one look at a kind's logs found."""

    entries: list[tuple[str, LogLine]] = field(default_factory=list)  # (file as shown, line)
    problems: list[Problem] = field(default_factory=list)
    torn: list[Problem] = field(default_factory=list)  # unfinished last lines, read again next time
    reset: bool = False  # a file got shorter (repaired): everything was read again


class LogTail:
    """Per-file offsets for `log/<kind>/*.yaml`; new files are picked up as they appear."""

    def __init__(self, root: Path, kind: str):
        self.root = Path(root)
        self.kind = kind
        self.folder = self.root / LOG_DIR / kind
        self.positions: dict[str, _Position] = {}

    def read_new(self) -> TailRead:
        """Entries appended since the last call (all of them on the first call)."""
        result = TailRead()
        if not self.folder.is_dir():
            return result
        paths = sorted(self.folder.glob("*.yaml"))
        sizes = {}
        for path in paths:
            try:
                sizes[path] = path.stat().st_size
            except FileNotFoundError:
                continue
        if any(sizes.get(p, 0) < pos.offset for p, pos in self._by_path().items()):
            # A log was rewritten shorter (bursa perbaiki): start over, the caller rebuilds.
            self.positions.clear()
            result.reset = True
        for path, size in sizes.items():
            shown = f"{LOG_DIR}/{self.kind}/{path.name}"
            pos = self.positions.setdefault(shown, _Position())
            if size == pos.offset:
                continue
            read = read_log(path, shown, offset=pos.offset, first_line=pos.line)
            result.entries.extend((shown, line) for line in read.entries)
            if read.torn_tail:
                # Leave an unfinished last line for the next look: a writer may be mid-line.
                result.problems.extend(read.problems[:-1])
                result.torn.append(read.problems[-1])
                offset, line = _before_tail(path, pos.offset, read.end_offset), read.end_line - 1
            else:
                result.problems.extend(read.problems)
                offset, line = read.end_offset, read.end_line
            pos.offset, pos.line = offset, line
        return result

    def _by_path(self) -> dict[Path, _Position]:
        return {self.root / shown: pos for shown, pos in self.positions.items()}


def _before_tail(path: Path, start: int, end: int) -> int:
    """The offset where the last (unfinished) line between `start` and `end` begins."""
    with open(path, "rb") as handle:
        handle.seek(start)
        blob = handle.read(end - start)
    cut = blob.rfind(b"\n")
    return start + cut + 1 if cut >= 0 else start
