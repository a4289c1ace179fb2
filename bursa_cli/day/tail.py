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

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem
from ..schema.logfile import LogLine, read_log, read_written
from ..safepath import leads_out
from .logwrite import LOG_DIR, Appended


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
    """Per-file offsets for `log/<kind>/*.yaml` (or `gladi/log/...`); new files are picked up as they appear."""

    def __init__(self, root: Path, kind: str, logs: str = LOG_DIR):
        self.root = Path(root)
        self.kind = kind
        self.folder = self.root / logs / kind  # `logs`: "log", or "gladi/log" in a rehearsal
        self.prefix = f"{logs}/{kind}/"  # a file as shown: log/stempel/A-01.yaml
        self.positions: dict[str, _Position] = {}  # by the file as shown

    def read_new(self) -> TailRead:
        """Entries appended since the last call (all of them on the first call).

        A look at logs that did not change costs one directory listing and one
        stat per file, with no Path objects built: the laptop induk looks before
        every entry it writes.
        """
        result = TailRead()
        try:
            listing = os.scandir(self.folder)
        except (FileNotFoundError, NotADirectoryError):
            if any(pos.offset for pos in self.positions.values()):
                self.positions.clear()  # the whole folder went away: nothing counted stands
                result.reset = True
            return result
        stats: dict[str, os.stat_result] = {}
        with listing:
            for item in listing:
                if item.name.endswith(".yaml"):
                    if item.is_symlink() and leads_out(self.root, item.path):
                        continue  # never read a file elsewhere on the laptop (validasi reports it: BUR-L003)
                    try:
                        stats[f"{self.prefix}{item.name}"] = item.stat()
                    except FileNotFoundError:
                        continue
        if any(_replaced(self.root, shown, pos, stats.get(shown)) for shown, pos in self.positions.items()):
            # A log was rewritten, truncated or removed (bursa perbaiki, a merge): start over.
            self.positions.clear()
            result.reset = True
        for shown in sorted(stats):
            stat = stats[shown]
            pos = self.positions.setdefault(shown, _Position())
            pos.identity, pos.mtime = (stat.st_dev, stat.st_ino), stat.st_mtime_ns
            if stat.st_size == pos.offset:
                continue
            path = self.root / shown
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


    def advance(self, written: Appended) -> list[tuple[str, LogLine]] | None:
        """The entries of an append this process just made, taken from its bytes; None when the
        log holds anything this tail has not read (then `read_new` must look instead).

        Why: the laptop induk appends every entry itself, and reading each one
        back from the disk before the next entry costs more than writing it.
        Only an append that starts exactly where this tail stopped, into the
        same file, and is all the file gained, is taken in this way.
        """
        shown = f"{self.prefix}{written.path.name}"
        if written.path.parent != self.folder and os.path.abspath(written.path.parent) != os.path.abspath(self.folder):
            return None
        pos = self.positions.get(shown)
        if pos is None:
            if written.start != 0:
                return None  # a file another writer began: read it whole
            pos = _Position()
        elif pos.identity != written.identity or pos.offset != written.start:
            return None
        if written.size != written.start + len(written.data):
            return None  # someone else wrote too
        lines = read_written(written.data, pos.line)
        if lines is None:
            return None
        pos.identity, pos.mtime = written.identity, written.mtime
        pos.offset, pos.line = written.size, pos.line + written.data.count(b"\n")
        pos.mark = (pos.mark + written.data)[-MARK:]
        self.positions[shown] = pos
        return [(shown, line) for line in lines]


def _before_tail(path: Path, start: int, end: int) -> int:
    """The offset where the last (unfinished) line between `start` and `end` begins."""
    with open(path, "rb") as handle:
        handle.seek(start)
        blob = handle.read(end - start)
    cut = blob.rfind(b"\n")
    return start + cut + 1 if cut >= 0 else start


def _replaced(root: Path, shown: str, pos: _Position, stat) -> bool:
    """Whether the file `shown` is no longer the one read up to `pos` (the bytes read changed)."""
    if pos.identity is None:
        return False  # never looked at: nothing counted from it yet
    if stat is None:
        return pos.offset > 0  # removed after entries were counted from it
    if (stat.st_dev, stat.st_ino) != pos.identity or stat.st_size < pos.offset:
        return True
    if stat.st_mtime_ns == pos.mtime and stat.st_size == pos.offset:
        return False  # untouched since the last look: no need to read a byte
    return _bytes_before(root / shown, pos.offset) != pos.mark


def _bytes_before(path: Path, offset: int) -> bytes:
    """The last MARK bytes of `path` before `offset` (b"" when the file vanished)."""
    start = max(0, offset - MARK)
    try:
        with open(path, "rb") as handle:
            handle.seek(start)
            return handle.read(offset - start)
    except FileNotFoundError:
        return b""
