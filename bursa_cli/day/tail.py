"""Follow the logs of one kind, reading only what was appended since the last look.

A log is append-only while the day runs, but `bursa perbaiki` rewrites one
(a new file moved into place), a git merge may replace it, and a careless
hand may edit it. So each look compares, per file, the file's identity
(device and inode), its size and modification time and, when any of them
moved, the last bytes already read: a file that is not the one read before,
that got shorter, or whose bytes already read changed, is read again from
the start, and the caller rebuilds what it counted from that kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem
from ..schema.logfile import LogLine, read_log
from .logwrite import LOG_DIR


MARK = 64  # bytes before the offset kept as the fingerprint of what was read


@dataclass
class _Position:
    offset: int = 0
    line: int = 1
    identity: tuple[int, int] | None = None  # (device, inode) of the file read
    mtime: int = 0  # st_mtime_ns at the last look
    mark: bytes = b""  # the last MARK bytes read, up to `offset`


@dataclass
class TailRead:
    """What one look at a kind's logs found."""

    entries: list[tuple[str, LogLine]] = field(default_factory=list)  # (file as shown, line)
    problems: list[Problem] = field(default_factory=list)
    torn: list[Problem] = field(default_factory=list)  # unfinished last lines, read again next time
    reset: bool = False  # a file was rewritten, truncated or removed: everything was read again


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
            if any(pos.offset for pos in self.positions.values()):
                self.positions.clear()  # the whole folder went away: nothing counted stands
                result.reset = True
            return result
        paths = sorted(self.folder.glob("*.yaml"))
        stats = {}
        for path in paths:
            try:
                stats[path] = path.stat()
            except FileNotFoundError:
                continue
        if any(_replaced(path, pos, stats.get(path)) for path, pos in self._by_path().items()):
            # A log was rewritten, truncated or removed (bursa perbaiki, a merge): start over.
            self.positions.clear()
            result.reset = True
        for path, stat in stats.items():
            shown = f"{LOG_DIR}/{self.kind}/{path.name}"
            pos = self.positions.setdefault(shown, _Position())
            pos.identity, pos.mtime = (stat.st_dev, stat.st_ino), stat.st_mtime_ns
            if stat.st_size == pos.offset:
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
            pos.mark = _bytes_before(path, offset)
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


def _replaced(path: Path, pos: _Position, stat) -> bool:
    """Whether the file at `path` is no longer the one read up to `pos` (the bytes read changed)."""
    if pos.identity is None:
        return False  # never looked at: nothing counted from it yet
    if stat is None:
        return pos.offset > 0  # removed after entries were counted from it
    if (stat.st_dev, stat.st_ino) != pos.identity or stat.st_size < pos.offset:
        return True
    if stat.st_mtime_ns == pos.mtime and stat.st_size == pos.offset:
        return False  # untouched since the last look: no need to read a byte
    return _bytes_before(path, pos.offset) != pos.mark


def _bytes_before(path: Path, offset: int) -> bytes:
    """The last MARK bytes of `path` before `offset` (b"" when the file vanished)."""
    start = max(0, offset - MARK)
    try:
        with open(path, "rb") as handle:
            handle.seek(start)
            return handle.read(offset - start)
    except FileNotFoundError:
        return b""
